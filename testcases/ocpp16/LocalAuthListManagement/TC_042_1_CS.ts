// OCTT 1.6 TC_042_1_CS (§2.17.1) Get Local List Version (not supported): a charger without
// local lists (profile not supported, or LocalAuthListEnabled false) reports version -1 or
// refuses with CALLERROR NotSupported. OCPP 1.6 §5.10 GetLocalListVersion, §9.2 LocalAuthListEnabled.
import { defineCase } from '../../../engine/conformance/case';
import { configureIfImplemented } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_042_1_CS',
  title: 'Get Local List Version (not supported)',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_042_1_CS (§2.17.1)', 'OCPP 1.6 §5.10, §9.2'],
  requires: ['no Local Auth List Management, or LocalAuthListEnabled can be set to false'],
  // Prerequisite: the profile is not supported OR LocalAuthListEnabled may be false — so it runs either way.
  runsWithoutProfile: true,
  description: 'With local lists unsupported or disabled, the charger answers GetLocalListVersion with -1 (or a CALLERROR NotSupported).',
  proof: { behaviour: 'local-list-version-literal', step: 'listVersion is -1' },
  async run(t) {
    // Configuration state: LocalAuthListEnabled is false (if implemented).
    await configureIfImplemented(t, { LocalAuthListEnabled: 'false' });
    await t.send('GetLocalListVersion', {}, { listVersion: -1 }, { orError: 'NotSupported' });
  },
});
