// `ocpp-bench rules`: the rule catalogue — every rule the judge reports, with severity,
// group, versions, spec reference and a sentence (docs/rules.md is the same list).
import type { Command } from 'commander';
import type { OcppVersion } from '../../api/model';
import type { RuleInfo } from '../../api/judge';
import { listRules } from '../../engine/judge/catalogue';
import { pad } from '../format';
import { parseVersionOption } from '../usage';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('List the rules the judge checks: id, severity, group, OCPP versions, spec reference and what each checks.')
    .option('--json', 'print the catalogue as JSON')
    .option('--version <version>', 'only the rules that apply to this OCPP version (1.6, 2.0.1, 2.1)', parseVersionOption)
    .action((opts: { json?: boolean; version?: OcppVersion }) => {
      const rules = listRules(opts.version);
      process.stdout.write(opts.json === true ? `${JSON.stringify(rules, null, 2)}\n` : formatRules(rules));
    });
}

export function severityText(rule: RuleInfo): string {
  const by = Object.entries(rule.severityByVersion ?? {}).map(([v, s]) => `${s} in ${v}`);
  return by.length === 0 ? rule.severity : `${rule.severity} (${by.join(', ')})`;
}

export function formatRules(rules: readonly RuleInfo[]): string {
  const out: string[] = [];
  for (const rule of rules) {
    out.push(`${pad(rule.id, 40)}${pad(severityText(rule), 26)}${pad(rule.group, 12)}${rule.versions.join(', ')}`);
    out.push(`    ${rule.explanation}`);
    out.push(`    ${rule.specRef}`);
  }
  out.push('', `${rules.length} rules. Deviation profiles refer to them by id or prefix (docs/deviation-profiles.md).`);
  return `${out.join('\n')}\n`;
}
