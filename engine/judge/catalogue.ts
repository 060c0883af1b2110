// The rule catalogue: every rule the judge can report, framing and schema rules of single
// frames as well as behaviour rules of sessions, with severity, group, versions, spec
// references and a sentence each. The UI lists it, profiles are checked against it, and
// docs/rules.md is generated from it.
import type { RuleInfo } from '../../api/judge';
import type { OcppVersion } from '../../api/model';
import type { RuleDefinition } from './behaviour/types';
import { BEHAVIOUR_RULES } from './rules';
import { ALL_VERSIONS } from './rules/define';
import { UNKNOWN_ID } from './rules/correlation';

const RPC = 'OCPP-J 1.6 §4.1; 2.0.1 Part 4 §4.1; 2.1 Part 4 §4.1';

function framing(id: string, explanation: string, specRef = RPC, severity: RuleInfo['severity'] = 'error', versions: OcppVersion[] = [...ALL_VERSIONS]): RuleInfo {
  return { id: `framing.${id}`, layer: 'framing', severity, group: 'framing', versions, specRefs: {}, specRef, explanation };
}

/** Rules of single frames, found by the frame parser, the schema validator and the correlator. */
const CORE_RULES: readonly RuleInfo[] = [
  framing('not-json', 'A frame is valid UTF-8 JSON.'),
  framing('not-array', 'A frame is a JSON array.'),
  framing('message-type', 'The first element is a message type number the version knows (2, 3, 4; 2.1 adds 5 and 6).'),
  framing('message-id-type', 'The message id is a string.'),
  framing('message-id-empty', 'The message id is not empty.'),
  framing('message-id-length', 'The message id is at most 36 characters long.'),
  framing('element-count', 'Each message type has its number of elements (CALL 4, CALLRESULT 3, CALLERROR 5…).'),
  framing('action-type', 'The action of a CALL is a string.'),
  framing('payload-type', 'The payload is a JSON object.'),
  framing('unknown-action', 'The action exists in the session\'s OCPP version.', 'OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.2.3; 2.1 Part 4 §4.2.3'),
  framing('send-not-unconfirmed', 'Only unconfirmed messages travel as SEND.', '2.1 Part 4 §4.2.4', 'error', ['2.1']),
  framing('call-unconfirmed', 'An unconfirmed message travels as SEND, not CALL.', '2.1 Part 4 §4.2.4', 'error', ['2.1']),
  framing('error-code-type', 'The error code of a CALLERROR is a string.'),
  framing('error-code-unknown', 'The error code is one of the version\'s RPC error codes, in its spelling.', 'OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.3; 2.1 Part 4 §4.3'),
  framing('error-description-type', 'The error description is a string.'),
  framing('error-description-length', 'The error description is at most 255 characters long.', RPC, 'warning'),
  framing('error-details-type', 'The error details are a JSON object.'),
  framing('wrong-direction', 'An action travels in the direction its version defines (a charger does not send a CSMS request).', 'OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.2.3; 2.1 Part 4 §4.2.3'),
  framing('binary-frame', 'OCPP-J messages are WebSocket text frames.', 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2'),
  {
    id: 'schema.*',
    layer: 'schema',
    severity: 'error',
    group: 'schema',
    versions: [...ALL_VERSIONS],
    specRefs: {},
    specRef: 'the OCA JSON schemas of each version',
    explanation: 'The payload satisfies its action\'s JSON schema; one rule per schema keyword (schema.required, schema.enum, schema.type, schema.maxLength…), placed at the payload path.',
  },
];

const JUDGE_RULES: readonly RuleInfo[] = [
  {
    id: 'judge.rule-error',
    layer: 'behaviour',
    severity: 'info',
    group: 'sequence',
    versions: [...ALL_VERSIONS],
    specRefs: {},
    specRef: '-',
    explanation: 'A behaviour rule module failed on a frame (a bug in the bench, not in the traffic); it stops judging that session and says so once.',
  },
];

export function ruleInfo(rule: RuleDefinition): RuleInfo {
  const info: RuleInfo = {
    id: rule.id,
    layer: 'behaviour',
    severity: rule.severity,
    group: rule.group,
    versions: [...rule.versions],
    specRefs: { ...rule.specRefs },
    specRef: rule.versions.map((v) => rule.specRefs[v]!).filter((ref, i, all) => all.indexOf(ref) === i).join('; '),
    explanation: rule.explanation,
  };
  if (rule.severityByVersion !== undefined) info.severityByVersion = { ...rule.severityByVersion };
  return info;
}

let catalogue: RuleInfo[] | undefined;

/** Every rule, core rules first, then the behaviour rules by group and id. */
export function listRules(version?: OcppVersion): RuleInfo[] {
  catalogue ??= [
    ...CORE_RULES,
    ruleInfo(UNKNOWN_ID),
    ...[...BEHAVIOUR_RULES].sort((a, b) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id)).map(ruleInfo),
    ...JUDGE_RULES,
  ];
  const rules = version === undefined ? catalogue : catalogue.filter((r) => r.versions.includes(version));
  return rules.map((r) => structuredClone(r));
}

let ids: Set<string> | undefined;

/** True for an id of the catalogue, or a schema keyword rule (`schema.enum`). */
export function isKnownRule(id: string): boolean {
  ids ??= new Set(listRules().map((r) => r.id));
  return ids.has(id) || /^schema\.[A-Za-z]+$/.test(id);
}

/**
 * True when a rule pattern names something: an exact id, `*`, or `prefix.*` where some
 * rule id starts with `prefix.`.
 */
export function isKnownRulePattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    ids ??= new Set(listRules().map((r) => r.id));
    return prefix === 'schema.' || [...ids].some((id) => id.startsWith(prefix));
  }
  return isKnownRule(pattern);
}

/** Whether a rule id matches a pattern (exact id, `*`, or `prefix.*`). */
export function ruleMatches(pattern: string, id: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}
