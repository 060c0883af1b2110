// The fields of the filter language, as data: each says how it is written, what it means,
// an example, and builds its test. The help text (help.ts), the `filter.help` command and
// the parser all read this one list, so what is documented is what is understood.
import type { FilterFieldInfo } from '../../api/filter';
import type { FindingGroup, FrameMark, MessageKind, Severity } from '../../api/model';
import type { TermNode } from './ast';
import { filterError } from './errors';
import { regexOf, type StringTest } from './match';
import { payloadTest } from './payload';
import { COST, MATCH, NUMERIC, containsTest, milliseconds, numeric, oneOf, plainNumber, setTest, several, single, vocabulary, type Test } from './term-tests';

export interface FieldDef extends FilterFieldInfo {
  compile(term: TermNode): Test;
  /** The value is one piece of text: commas in it do not make a list. */
  wholeValue?: boolean;
}

const DIRECTIONS = vocabulary('dir', {
  cp2csms: 'cp2csms',
  up: 'cp2csms',
  charger: 'cp2csms',
  cp: 'cp2csms',
  csms2cp: 'csms2cp',
  down: 'csms2cp',
  csms: 'csms2cp',
});

type KindOrInvalid = MessageKind | 'invalid';
// Message type numbers: OCPP-J 1.6 §4.1.3; 2.0.1 / 2.1 Part 4 §4.1.3 (2.1 adds 5 and 6).
const KINDS = vocabulary<KindOrInvalid>('type', {
  call: 'CALL',
  '2': 'CALL',
  callresult: 'CALLRESULT',
  '3': 'CALLRESULT',
  callerror: 'CALLERROR',
  '4': 'CALLERROR',
  callresulterror: 'CALLRESULTERROR',
  '5': 'CALLRESULTERROR',
  send: 'SEND',
  '6': 'SEND',
  invalid: 'invalid',
}, 'CALL, CALLRESULT, CALLERROR, CALLRESULTERROR, SEND (or 2 to 6), invalid');

const SEVERITY_LEVELS = vocabulary<Severity | 'findings'>(
  'has',
  { error: 'error', warning: 'warning', info: 'info', findings: 'findings', any: 'findings' },
  'error, warning, info, findings',
);

const GROUPS = vocabulary<FindingGroup>('group', {
  framing: 'framing',
  schema: 'schema',
  correlation: 'correlation',
  sequence: 'sequence',
  state: 'state',
  timing: 'timing',
  security: 'security',
});

const MARKS = vocabulary<FrameMark>('mark', {
  injected: 'injected',
  altered: 'altered',
  dropped: 'dropped',
  delayed: 'delayed',
  duplicated: 'duplicated',
  replayed: 'replayed',
  binary: 'binary',
});

export const FIELDS: readonly FieldDef[] = [
  {
    name: 'action',
    syntax: 'action:NAME',
    description: 'The OCPP action; for a response, the action of the request it answers. Globs (*, ?) and lists (a,b) allowed.',
    example: 'action:Meter*',
    comparisons: MATCH,
    compile: single((v) => v.summary.action, COST.summary),
  },
  {
    name: 'dir',
    aliases: ['from'],
    syntax: 'dir:DIRECTION',
    description: 'Who sent the frame: cp2csms (also up, charger) or csms2cp (also down, csms).',
    example: 'from:charger',
    comparisons: [':', '=', '!='],
    values: ['cp2csms', 'csms2cp', 'up', 'down', 'charger', 'csms'],
    compile: oneOf(DIRECTIONS, (v) => v.summary.dir),
  },
  {
    name: 'cp',
    syntax: 'cp:ID',
    description: 'The charge point (charging station) identity of the connection.',
    example: 'cp:CP00*',
    comparisons: MATCH,
    compile: single((v) => v.chargePointId, COST.summary),
  },
  {
    name: 'type',
    syntax: 'type:TYPE',
    description: 'The OCPP-J message type: CALL, CALLRESULT, CALLERROR, CALLRESULTERROR or SEND (or its number, 2–6); invalid for frames that are not valid OCPP-J.',
    example: 'type:CALLERROR,CALLRESULTERROR',
    comparisons: [':', '=', '!='],
    values: ['CALL', 'CALLRESULT', 'CALLERROR', 'CALLRESULTERROR', 'SEND', 'invalid'],
    compile: oneOf(KINDS, (v): KindOrInvalid => v.summary.kind ?? 'invalid'),
  },
  {
    name: 'id',
    syntax: 'id:MESSAGEID',
    description: 'The message id, which a request and its response share.',
    example: 'id:19223201',
    comparisons: MATCH,
    compile: single((v) => v.summary.messageId, COST.summary, { cache: false }),
  },
  {
    name: 'session',
    syntax: 'session:ID',
    description: 'The session (connection) id.',
    example: 'session:conn_k3j*',
    comparisons: MATCH,
    compile: single((v) => v.summary.session, COST.summary),
  },
  {
    name: 'has',
    syntax: 'has:SEVERITY',
    description: 'Frames with a finding of at least that severity: error, warning or info (has:findings: any finding).',
    example: 'has:warning',
    comparisons: [':', '='],
    values: ['error', 'warning', 'info', 'findings'],
    compile: (term) => {
      const levels = SEVERITY_LEVELS(term);
      const error = levels.has('error');
      const warning = levels.has('warning');
      const any = levels.has('info') || levels.has('findings');
      return {
        cost: COST.summary,
        run: (v) => {
          const c = v.summary.findings;
          return any ? c.error + c.warning + c.info > 0 : warning ? c.error + c.warning > 0 : error && c.error > 0;
        },
      };
    },
  },
  {
    name: 'rule',
    syntax: 'rule:RULE',
    description: 'Frames with a finding of that rule id; globs for families.',
    example: 'rule:schema.*',
    comparisons: MATCH,
    compile: several(
      (v, test) => v.findings.some((f) => test(f.rule)),
      (v) => v.findings.length,
      COST.findings,
    ),
  },
  {
    name: 'group',
    syntax: 'group:GROUP',
    description: 'Frames with a finding in that group: framing, schema, correlation, sequence, state, timing or security.',
    example: 'group:correlation',
    comparisons: MATCH,
    values: ['framing', 'schema', 'correlation', 'sequence', 'state', 'timing', 'security'],
    compile: several(
      (v, test) => v.findings.some((f) => test(f.group)),
      (v) => v.findings.length,
      COST.findings,
      (term) => setTest(GROUPS(term)),
    ),
  },
  {
    name: 'mark',
    syntax: 'mark:MARK',
    description: 'Frames the bench did not pass on unaltered: injected, altered, dropped, delayed, duplicated, replayed; or binary frames. mark:* is any mark.',
    example: 'mark:injected',
    comparisons: MATCH,
    values: ['injected', 'altered', 'dropped', 'delayed', 'duplicated', 'replayed', 'binary'],
    compile: several(
      (v, test) => v.summary.marks?.some(test) ?? false,
      (v) => v.summary.marks?.length ?? 0,
      COST.summary,
      (term) => setTest(MARKS(term)),
    ),
  },
  {
    name: 'latency',
    syntax: 'latency>MS',
    description: 'For a response, milliseconds since its request (a number, or with a unit: 1.5s).',
    example: 'latency>500',
    comparisons: NUMERIC,
    compile: numeric((v) => v.summary.latencyMs, milliseconds, 'milliseconds (500, 500ms or 0.5s)'),
  },
  {
    name: 'size',
    syntax: 'size>BYTES',
    description: 'The frame size in bytes.',
    example: 'size>=65536',
    comparisons: NUMERIC,
    compile: numeric((v) => v.summary.size, plainNumber, 'a number of bytes'),
  },
  {
    name: 'seq',
    syntax: 'seq<N',
    description: 'The position of the frame in its session, from 0.',
    example: 'seq<10',
    comparisons: NUMERIC,
    compile: numeric((v) => v.summary.seq, plainNumber, 'a number'),
  },
  {
    name: 'time',
    syntax: 'time>ISO-TIME',
    description: 'The wall-clock time (UTC, ISO 8601). time:PREFIX matches times that start with it; < and > compare.',
    example: 'time>2025-01-01T10:00',
    comparisons: [':', '=', '!=', '<', '<=', '>', '>='],
    compile: (term) => {
      const value = term.alternatives[0]!;
      if (term.op === '<' || term.op === '<=' || term.op === '>' || term.op === '>=') {
        if (!/^\d{4}(-\d\d(-\d\d([T ]\d\d(:\d\d(:\d\d(\.\d+)?)?)?Z?)?)?)?$/.test(value.text)) {
          throw filterError(value.pos, value.length, `expected a UTC time such as 2025-01-01T10:00:00Z, not "${value.text}"`);
        }
        const bound = value.text.replace(' ', 'T');
        const op = term.op;
        const run: Test['run'] = (v) => {
          const t = v.summary.time;
          return op === '<' ? t < bound : op === '<=' ? t <= bound : op === '>' ? t > bound : t >= bound;
        };
        return { cost: COST.summary, run };
      }
      // A time prefix ("2025-01-01T10") matches the whole hour: read it as a glob ending in *.
      const prefixes = term.alternatives.map((a) => ({ ...a, text: a.text.endsWith('*') ? a.text : `${a.text}*` }));
      return single((v) => v.summary.time, COST.summary, { cache: false })({ ...term, alternatives: prefixes });
    },
  },
  {
    name: 'code',
    syntax: 'code:ERRORCODE',
    description: 'The error code of a CALLERROR or CALLRESULTERROR.',
    example: 'code:FormationViolation,FormatViolation',
    comparisons: MATCH,
    compile: single((_v, m) => m.errorCode(), COST.json),
  },
  {
    name: 'text',
    syntax: 'text:WORDS',
    description: 'The exact frame text contains it (text~REGEX: matches the regular expression).',
    example: 'text:"RemoteStart"',
    comparisons: [':', '~'],
    wholeValue: true,
    compile: (term) => {
      const value = term.value!;
      const test = term.op === '~' ? ((re: RegExp): StringTest => (s) => re.test(s))(regexOf(value)) : containsTest(value.text);
      return {
        cost: COST.text,
        run: (_v, m) => {
          const t = m.text();
          return t !== undefined && test(t);
        },
      };
    },
  },
  {
    name: 'payload',
    syntax: 'payload.PATH=VALUE',
    description:
      'A payload value, by path (.name, [index], [*] for any element). = compares numbers as numbers and text ignoring case; < > also order numbers sent as strings and ISO times; ~ is a regex; payload.PATH alone: present.',
    example: 'payload.meterValue[*].sampledValue[*].measurand=Voltage',
    comparisons: [':', '=', '!=', '<', '<=', '>', '>=', '~'],
    compile: (term) => {
      const test = payloadTest(term.path ?? [], term.op, term.alternatives);
      return { cost: COST.json, run: (_v, m) => test(m.payload()) };
    },
  },
];

const BY_NAME = new Map<string, FieldDef>();
for (const f of FIELDS) {
  BY_NAME.set(f.name, f);
  for (const a of f.aliases ?? []) BY_NAME.set(a, f);
}

/** Field names are not case-sensitive (`Action:Heartbeat`). */
export function findField(name: string): FieldDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function fieldNamesForHelp(): string[] {
  return FIELDS.map((f) => (f.name === 'payload' ? 'payload.PATH' : f.name));
}

/** The known field closest to a misspelt one, if any is close. */
export function suggestField(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(lower.length / 3)) + 1;
  for (const known of BY_NAME.keys()) {
    const d = editDistance(lower, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
