// The filter language's help, generated from its field and operator lists, so the help
// cannot drift from what the parser understands. Served by `filter.help`, printed by
// `ocpp-bench filter-help`, summarised in docs/filter-language.md.
import type { FilterFieldInfo, FilterHelp, FilterOperatorInfo } from '../../api/filter';
import { FIELDS } from './fields';

export const COMPARISONS: readonly FilterOperatorInfo[] = [
  { symbol: ':', name: 'matches', description: 'Equals, ignoring case; * and ? are globs; a,b is a list (any of them).', example: 'action:Heartbeat,Authorize' },
  { symbol: '=', aliases: ['=='], name: 'equals', description: 'The same as ":".', example: 'payload.connectorId=1' },
  { symbol: '!=', name: 'differs', description: 'The field is there and matches none of the values.', example: 'payload.status!=Available' },
  { symbol: '<', name: 'less than', description: 'Numbers as numbers (also numbers sent as strings), times and other text in text order.', example: 'seq<10' },
  { symbol: '<=', name: 'at most', description: 'As "<", or equal.', example: 'payload.connectorId<=2' },
  { symbol: '>', name: 'greater than', description: 'As "<", the other way.', example: 'latency>500' },
  { symbol: '>=', name: 'at least', description: 'As ">", or equal.', example: 'latency>=1.5s' },
  { symbol: '~', name: 'regex', description: 'Matches the regular expression (searching, ignoring case).', example: 'id~"^remote-\\d+$"' },
];

export const OPERATORS: readonly FilterOperatorInfo[] = [
  { symbol: '!', name: 'not', description: 'Negates the term after it; binds tightest.', example: '!action:Heartbeat' },
  { symbol: '&', aliases: ['&&'], name: 'and', description: 'Both; terms side by side are joined by "&" too.', example: 'from:charger has:error' },
  { symbol: '|', aliases: ['||'], name: 'or', description: 'Either; binds loosest.', example: 'action:Authorize | code:*' },
  { symbol: '( )', name: 'group', description: 'Groups terms against the precedence.', example: '!(action:Heartbeat | action:MeterValues)' },
  { symbol: '"…"', name: 'text', description: 'A quoted or bare word alone: the frame text or action contains it (ignoring case). Quote values with spaces or ( ) & |; \\" and \\\\ escape.', example: '"Invalid idTag"' },
];

export function filterHelpData(): FilterHelp {
  const fields: FilterFieldInfo[] = FIELDS.map((f) => {
    const info: FilterFieldInfo = { name: f.name, syntax: f.syntax, description: f.description, example: f.example, comparisons: [...f.comparisons] };
    if (f.aliases !== undefined) info.aliases = [...f.aliases];
    if (f.values !== undefined) info.values = [...f.values];
    return info;
  });
  return { fields, comparisons: [...COMPARISONS], operators: [...OPERATORS], text: filterHelp() };
}

/** Left column, then the description wrapped to the terminal's usual width, then the example. */
function rows(items: Array<[string, string, string]>, indent = '  ', columns = 100): string[] {
  const width = Math.min(30, Math.max(...items.map(([left]) => left.length)) + 2);
  const pad = `${indent}${' '.repeat(width)}`;
  return items.flatMap(([left, description, example]) => {
    const body = [...wrap(description, columns - pad.length), `e.g. ${example}`];
    if (left.length + 2 > width) return [`${indent}${left}`, ...body.map((line) => `${pad}${line}`)];
    return [`${indent}${left.padEnd(width)}${body[0]}`, ...body.slice(1).map((line) => `${pad}${line}`)];
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function filterHelp(): string {
  const lines = [
    'Filter expressions select frames: in the frame table, `validate --filter` and `export --filter`.',
    'Terms are joined with ! (not), & (and; also implied between terms) and | (or), in that order of',
    'precedence, and grouped with parentheses. A term on a field the frame lacks (latency on a',
    'request) is false, whatever the comparison; use ! for "anything but".',
    '',
    'Fields:',
    ...rows(
      FIELDS.map((f) => [
        f.aliases === undefined ? f.syntax : `${f.syntax} (also ${f.aliases.map((a) => `${a}:`).join(', ')})`,
        f.description,
        f.example,
      ]),
    ),
    '',
    'Comparisons:',
    ...rows(COMPARISONS.map((c) => [[c.symbol, ...(c.aliases ?? [])].join(' '), c.description, c.example])),
    '',
    'Operators:',
    ...rows(OPERATORS.map((o) => [[o.symbol, ...(o.aliases ?? [])].join(' '), o.description, o.example])),
    '',
    'Examples:',
    '  action:BootNotification,StatusNotification from:charger',
    '  has:error !rule:schema.*',
    '  action:MeterValues payload.meterValue[*].sampledValue[*].value>11000',
    '  (type:CALLERROR | latency>2s) & cp:CP0*',
  ];
  return `${lines.join('\n')}\n`;
}
