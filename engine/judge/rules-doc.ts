// Renders the rule catalogue as docs/rules.md. A test keeps the file in step with the
// catalogue (UPDATE_DOCS=1 rewrites it), so the documentation never drifts from the code.
import type { RuleInfo } from '../../api/judge';

const GROUPS: ReadonlyArray<[RuleInfo['group'], string]> = [
  ['framing', 'Framing — the OCPP-J envelope of each frame'],
  ['schema', 'Schema — each payload against its JSON schema'],
  ['correlation', 'Correlation — requests and their answers'],
  ['sequence', 'Sequence — what may come when'],
  ['state', 'State — transactions, connectors, configuration'],
  ['timing', 'Timing — intervals and follow-ups'],
  ['security', 'Security — how the charger connects, security events'],
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function severity(rule: RuleInfo): string {
  const by = Object.entries(rule.severityByVersion ?? {}).map(([v, s]) => `${s} in ${v}`);
  return by.length === 0 ? rule.severity : `${rule.severity} (${by.join(', ')})`;
}

export function renderRulesDoc(rules: readonly RuleInfo[]): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule catalogue (engine/judge/catalogue.ts); `UPDATE_DOCS=1 npx vitest run engine/judge/catalogue.test.ts` rewrites it. -->',
    '',
    `Every finding names the rule it breaks. The judge checks ${rules.length} rules in three layers: framing and schema`,
    'rules judge each frame alone; behaviour rules watch the frames of a session in order, with their times, and may',
    'place a finding on an earlier frame (a response timeout is reported on the request). `ocpp-bench rules` prints',
    'this list; `ocpp-bench rules --json` and the `rules.list` api command give it as data. A deviation profile',
    '([deviation-profiles.md](deviation-profiles.md)) can downgrade or silence any of them for a charger model.',
    '',
    'Time-driven rules (timeouts, heartbeat, follow-ups) are evaluated as later frames arrive, by a periodic tick in',
    'live sessions, and when a session ends (its close, or the end of the capture). Their limits are options:',
    'response timeout 30 s, follow-up time 60 s, remote-start time 120 s, heartbeat tolerance 25 % (at least 5 s),',
    'clock tolerance 60 s — set with `--response-timeout`, a profile\'s `options`, or `judge.options.set`.',
    '',
  ];
  for (const [group, title] of GROUPS) {
    const inGroup = rules.filter((r) => r.group === group);
    if (inGroup.length === 0) continue;
    out.push(`## ${title}`, '', '| rule | severity | versions | checks | spec |', '| --- | --- | --- | --- | --- |');
    for (const r of inGroup) {
      out.push(`| \`${r.id}\` | ${severity(r)} | ${r.versions.join(', ')} | ${cell(r.explanation)} | ${cell(r.specRef)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
