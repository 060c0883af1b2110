// The plan test proves each Security case with one security profile. Cases also work with
// the other profiles they apply to — TC_083_CS goes from 1 to 2 in its proof and from 2 to 3
// here, TC_073 runs over plain ws:// as well as TLS — so every case runs against the built-in
// SUTs set up for profiles 1, 2 and 3: it passes, or does not apply, never fails.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../engine/conformance/runner';
import { builtInSimulators } from '../../../engine/conformance/sut-simulated';
import { securityCases } from './index';
import { PROFILE_1, PROFILE_2, PROFILE_3 } from './security';

const profiles = { 1: PROFILE_1, 2: PROFILE_2, 3: PROFILE_3 };

describe('Security cases with every security profile', () => {
  for (const sut of ['charger', 'csms'] as const) {
    for (const [profile, settings] of Object.entries(profiles)) {
      it(`${sut} under test, profile ${profile}: every case passes or does not apply`, { timeout: 60_000 }, async () => {
        const cases = securityCases.filter((c) => c.sut === sut);
        const report = await runConformance({ version: '1.6', sut, simulate: true, settings }, { cases, simulators: builtInSimulators() });
        const failed = report.cases.filter((c) => c.verdict !== 'pass' && c.verdict !== 'notApplicable').map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''}`);
        expect(failed).toEqual([]);
        // Each profile runs something: 3 is not just "not applicable".
        expect(report.summary.pass).toBeGreaterThanOrEqual(5);
      });
    }
  }
});
