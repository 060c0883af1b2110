// OCTT 1.6 TC_019_2_CSMS (§3.7.2) Retrieve specific configuration key: the CSMS asks for
// SupportedFeatureProfiles alone. OCPP 1.6 §5.8 GetConfiguration, §9.1.29.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_019_2_CSMS',
  title: 'Retrieve specific configuration key',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_019_2_CSMS (§3.7.2)', 'OCPP 1.6 §5.8, §9.1.29'],
  manual: true,
  description: 'The Central System sends GetConfiguration for the key SupportedFeatureProfiles; the Charge Point reports that key and no unknown ones.',
  proof: { behaviour: 'get-configuration-ignores-keys', step: 'GetConfiguration' },
  async run(t) {
    await booted(t);
    const value = t.memory.configuration.get('SupportedFeatureProfiles')?.value ?? '';
    // Step 2: configurationKey holds SupportedFeatureProfiles, unknownKey is empty.
    t.respond('GetConfiguration', { result: { configurationKey: [{ key: 'SupportedFeatureProfiles', readonly: true, value }] } }, { once: true });
    await csmsSends(t, 'GetConfiguration', {
      words: 'Make the Central System retrieve the configuration key SupportedFeatureProfiles (GetConfiguration)',
      payload: { key: ['SupportedFeatureProfiles'] },
      matcher: { key: ['SupportedFeatureProfiles'] },
    });
  },
});
