// Cross-check against an independent implementation (issue #5, "Also"): the _CSMS plan run
// against a plain CSMS written on ocpp-rpc in this test suite. It implements only a basic
// backend (boot, heartbeat, authorization, transactions, commands on request), so the test
// reports which cases pass and holds the ones it can support to passing. Cases that pass here
// were not fitted to our own CSMS.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../engine/conformance/runner';
import { allCases } from './index';
import { ocppRpcCsms } from './testing/ocpp-rpc-csms';

/** Cases whose requirements an ordinary backend meets, so the ocpp-rpc CSMS must pass them. */
const SUPPORTED = [
  'TC_001_CSMS',
  'TC_003_CSMS',
  'TC_004_1_CSMS',
  'TC_004_2_CSMS',
  'TC_005_1_CSMS',
  'TC_007_CSMS',
  'TC_010_CSMS',
  'TC_011_1_CSMS',
  'TC_012_CSMS',
  'TC_013_CSMS',
  'TC_014_CSMS',
  'TC_017_1_CSMS',
  'TC_019_1_CSMS',
  'TC_019_2_CSMS',
  'TC_021_CSMS',
  'TC_023_1_CSMS',
  'TC_023_2_CSMS',
  'TC_023_3_CSMS',
  'TC_026_CSMS',
];

describe('the _CSMS plan against a CSMS built on ocpp-rpc', () => {
  it('passes what an ordinary backend supports, and reports the rest', { timeout: 300_000 }, async () => {
    const cases = allCases.filter((c) => c.version === '1.6' && c.sut === 'csms');
    const report = await runConformance({ version: '1.6', sut: 'csms', simulate: true }, { cases, simulators: { csms: ocppRpcCsms } });
    const byVerdict = new Map<string, string[]>();
    for (const c of report.cases) byVerdict.set(c.verdict, [...(byVerdict.get(c.verdict) ?? []), c.id]);
    process.stderr.write(
      `ocpp-rpc CSMS: ${report.summary.pass} of ${report.summary.total} _CSMS cases pass (${(report.durationMs / 1000).toFixed(1)} s)\n` +
        [...byVerdict].map(([v, ids]) => `  ${v} (${ids.length}): ${ids.join(' ')}`).join('\n') +
        '\n',
    );
    const failedSupported = report.cases.filter((c) => SUPPORTED.includes(c.id) && c.verdict !== 'pass').map((c) => `${c.id}: ${c.verdict} ${c.reason ?? ''}`);
    expect(failedSupported, failedSupported.join('\n')).toEqual([]);
  });
});
