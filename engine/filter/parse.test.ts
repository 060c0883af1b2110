import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from '../../api/errors';
import type { FilterNode } from './ast';
import { filterErrorDetails } from './errors';
import { FIELDS } from './fields';
import { parseFilter } from './parse';
import { compileFilter } from './compile';
import { tokenize } from './tokenize';

/** The tree in prefix form, for precedence assertions. */
function show(node: FilterNode): string {
  switch (node.type) {
    case 'all':
      return '*';
    case 'not':
      return `!${show(node.operand)}`;
    case 'and':
    case 'or':
      return `(${node.type} ${node.operands.map(show).join(' ')})`;
    case 'text':
      return JSON.stringify(node.text);
    case 'term': {
      const path = node.path === undefined ? '' : node.path.map((s) => ('key' in s ? `.${s.key}` : 'index' in s ? `[${s.index}]` : '[*]')).join('');
      if (node.op === undefined) return `${node.field}${path}?`;
      return `${node.field}${path}${node.op}${node.alternatives.map((a) => a.text).join(',')}`;
    }
  }
}

const parse = (expression: string): string => show(parseFilter(expression));

/** The error an expression gets from parsing and compiling: where, how long, and what. */
function failure(expression: string): { at: number; length: number; message: string } {
  try {
    compileFilter(expression);
  } catch (err) {
    const details = filterErrorDetails(err);
    if (details === undefined) throw err;
    return { at: details.position, length: details.length, message: (err as Error).message };
  }
  throw new Error(`"${expression}" was accepted`);
}

describe('tokenizer', () => {
  it('scans a field term as one token, with the places of its parts', () => {
    const [t] = tokenize('  action : Heartbeat');
    expect(t).toMatchObject({ kind: 'term', op: ':', pos: 2, length: 18, field: { text: 'action', pos: 2 }, opSpan: { pos: 9, length: 1 }, value: { text: 'Heartbeat', pos: 11, length: 9 } });
  });

  it('reads every comparison spelling, longest first', () => {
    const ops = ['latency:1', 'latency=1', 'latency==1', 'latency!=1', 'latency<1', 'latency<=1', 'latency>1', 'latency>=1', 'id~1'].map((e) => {
      const [t] = tokenize(e);
      return t?.kind === 'term' ? t.op : undefined;
    });
    expect(ops).toEqual([':', '=', '=', '!=', '<', '<=', '>', '>=', '~']);
  });

  it('ends unquoted values at space and ( ) & |, but not at : = or !', () => {
    const tokens = tokenize('time>2025-01-01T10:00:00Z&(id:a=b!|x)');
    expect(tokens.map((t) => t.kind)).toEqual(['term', 'and', 'lparen', 'term', 'or', 'word', 'rparen']);
    expect(tokens[0]).toMatchObject({ value: { text: '2025-01-01T10:00:00Z' } });
    expect(tokens[3]).toMatchObject({ value: { text: 'a=b!' } });
  });

  it('unescapes only \\" and \\\\ in quotes, so regexes read as written', () => {
    const [t] = tokenize('"a \\"b\\" \\\\ \\d"');
    expect(t).toMatchObject({ kind: 'word', quoted: true, text: 'a "b" \\ \\d' });
  });

  it('accepts && and || as & and |', () => {
    expect(tokenize('a && b || c').map((t) => t.kind)).toEqual(['word', 'and', 'word', 'or', 'word']);
  });
});

describe('parser', () => {
  it('parses every field', () => {
    const cases: Record<string, string> = {
      'action:Heartbeat': 'action:Heartbeat',
      'dir:up': 'dir:up',
      'from:charger': 'dir:charger',
      'cp:CP001': 'cp:CP001',
      'type:CALLERROR': 'type:CALLERROR',
      'id:abc-1': 'id:abc-1',
      'session:conn_1': 'session:conn_1',
      'has:error': 'has:error',
      'rule:schema.*': 'rule:schema.*',
      'group:schema': 'group:schema',
      'mark:injected': 'mark:injected',
      'latency>500': 'latency>500',
      'size>=100': 'size>=100',
      'seq<3': 'seq<3',
      'time>2025-01-01': 'time>2025-01-01',
      'code:FormationViolation': 'code:FormationViolation',
      'text:"Boot Notification"': 'text:Boot Notification',
      'payload.meterValue[0].sampledValue[*].value>100': 'payload.meterValue[0].sampledValue[*].value>100',
      'payload.idTag': 'payload.idTag?',
    };
    for (const [expression, expected] of Object.entries(cases)) expect(parse(expression), expression).toBe(expected);
    // Every documented field is covered above.
    const covered = new Set(Object.values(cases).map((c) => /^[a-z]+/.exec(c)![0]));
    expect(FIELDS.map((f) => f.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('gives ! over & over |, with & implied between adjacent terms', () => {
    expect(parse('a b | !c & d')).toBe('(or (and "a" "b") (and !"c" "d"))');
    expect(parse('a | b c')).toBe('(or "a" (and "b" "c"))');
    expect(parse('!!a')).toBe('!!"a"');
    expect(parse('!a b')).toBe('(and !"a" "b")');
  });

  it('lets parentheses override precedence', () => {
    expect(parse('(a | b) c')).toBe('(and (or "a" "b") "c")');
    expect(parse('!(a | b)')).toBe('!(or "a" "b")');
    expect(parse('((a))')).toBe('"a"');
  });

  it('splits value lists at commas, except quoted values and text', () => {
    expect(parse('action:Heartbeat,Authorize')).toBe('action:Heartbeat,Authorize');
    expect(parseFilter('action:Heartbeat,Authorize')).toMatchObject({ alternatives: [{ text: 'Heartbeat', pos: 7 }, { text: 'Authorize', pos: 17 }] });
    expect(parseFilter('cp:"a,b"')).toMatchObject({ alternatives: [{ text: 'a,b' }] });
    expect(parseFilter('text:a,b')).toMatchObject({ alternatives: [{ text: 'a,b' }] });
  });

  it('treats an empty expression as matching everything', () => {
    expect(parse('')).toBe('*');
    expect(parse('   ')).toBe('*');
  });

  it('takes field names in any case', () => {
    expect(parse('Action:Heartbeat FROM:csms')).toBe('(and action:Heartbeat dir:csms)');
  });
});

describe('errors carry their place', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['action:Heartbeat & action:', 26, 0, /expected a value after "action:"/],
    ['action: & x', 8, 1, /expected a value after "action:"/],
    ['action:Heartbeat &', 18, 0, /expected a term after "&"/],
    ['& a', 0, 1, /expected a term before "&"/],
    ['a | | b', 4, 1, /expected a term between "\|" and "\|"/],
    ['!', 1, 0, /expected a term after "!"/],
    ['(a | b', 0, 1, /this "\(" is never closed/],
    ['a | b)', 5, 1, /unexpected "\)"/],
    ['()', 0, 2, /empty parentheses/],
    ['"unclosed', 0, 9, /this quote is never closed/],
    [':x', 0, 1, /expected a field name before ":"/],
    ['actoin:Heartbeat', 0, 6, /unknown field "actoin" \(did you mean "action"\?\); fields are action, dir, cp/],
    ['action>5', 6, 1, /action does not take ">"/],
    ['dir:sideways', 4, 8, /dir is one of cp2csms, up, charger, cp, csms2cp, down, csms, not "sideways"/],
    ['type:CALL,BOGUS', 10, 5, /type is one of CALL, CALLRESULT, CALLERROR, CALLRESULTERROR, SEND \(or 2 to 6\), invalid, not "BOGUS"/],
    ['type:X*', 5, 2, /matches no type value/],
    ['latency>soon', 8, 4, /expected milliseconds/],
    ['seq:1,,2', 6, 1, /empty value in the list/],
    ['id~"("', 3, 3, /not a valid regular expression/],
    ['payload:1', 0, 7, /payload needs a path/],
    ['payload.a[x]=1', 9, 3, /expected an index or \* inside \[ \]/],
    ['payload.a..b', 9, 1, /expected a property name after "."/],
    ['time>yesterday', 5, 9, /expected a UTC time/],
  ];
  for (const [expression, at, length, message] of cases) {
    it(`${expression} → at ${at}`, () => {
      const f = failure(expression);
      expect(f.message).toMatch(message);
      expect(f.message).toMatch(new RegExp(`^Filter error at ${at}: `));
      expect([f.at, f.length]).toEqual([at, length]);
    });
  }

  it('is an ApiError bad-args with { position, length } details', () => {
    let error: unknown;
    try {
      compileFilter('action:Heartbeat & ');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toData()).toEqual({ code: 'bad-args', message: 'Filter error at 19: expected a term after "&"', details: { position: 19, length: 0 } });
  });

  it('throws nothing but a positioned filter error, whatever the input', () => {
    const alphabet = fc.constantFrom(...'ab:=!<>~&|()" \\.,[]*?0159-_'.split(''), 'action', 'payload.', 'dir', 'latency', 'rule', 'type', 'id');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 16 }).map((a) => a.join(''))), (expression) => {
        try {
          compileFilter(expression);
        } catch (err) {
          const details = filterErrorDetails(err);
          expect(details, `${expression}: ${String(err)}`).toBeDefined();
          expect(details!.position).toBeGreaterThanOrEqual(0);
          expect(details!.position + details!.length).toBeLessThanOrEqual(expression.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
