// `ocpp-bench cases`: list the conformance cases.
import type { Command } from 'commander';
import type { CaseInfo } from '../../api/conformance';
import { createCliEngine } from '../engine';
import { pad } from '../format';
import { parseSut, parseVersionOption } from '../usage';

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('List the conformance cases (official OCTT ids where one corresponds).')
    .option('--version <version>', 'only cases of this OCPP version (1.6, 2.0.1, 2.1)', parseVersionOption)
    .option('--sut <side>', 'only cases with this system under test: charger or csms', parseSut)
    .option('--json', 'print the list as JSON')
    .action(async (opts: { version?: '1.6' | '2.0.1' | '2.1'; sut?: 'charger' | 'csms'; json?: boolean }) => {
      const engine = createCliEngine();
      try {
        const cases = await engine.call('conformance.cases', { ...(opts.version !== undefined ? { version: opts.version } : {}), ...(opts.sut !== undefined ? { sut: opts.sut } : {}) });
        process.stdout.write(opts.json === true ? `${JSON.stringify(cases, null, 2)}\n` : formatCases(cases));
      } finally {
        await engine.close();
      }
    });
}

function formatCases(cases: CaseInfo[]): string {
  const lines = cases.map((c) => `${pad(c.id, 16)}${pad(c.version, 7)}${pad(c.sut, 9)}${pad(c.profile, 26)}${c.manual ? 'manual ' : '       '}${c.title}`);
  const bySide = (sut: string) => cases.filter((c) => c.sut === sut).length;
  return `${lines.join('\n')}\n\n${cases.length} cases (${bySide('charger')} with the charger under test, ${bySide('csms')} with the CSMS under test)\n`;
}
