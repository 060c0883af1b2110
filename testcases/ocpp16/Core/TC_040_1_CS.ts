// OCTT 1.6 TC_040_1_CS (§2.15.1) Configuration key - NotSupported: ChangeConfiguration
// for a key the charger does not have is NotSupported.
// OCPP 1.6 §5.3 ChangeConfiguration.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_040_1_CS',
  title: 'Configuration key - NotSupported',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_040_1_CS (§2.15.1)', 'OCPP 1.6 §5.3'],
  description: 'The charger answers ChangeConfiguration for an unknown key with NotSupported.',
  proof: { behaviour: 'unknown-key-rejected', step: 'NotSupported' },
  async run(t) {
    await t.send('ChangeConfiguration', { key: 'Testing', value: 'true' }, { status: 'NotSupported' });
  },
});
