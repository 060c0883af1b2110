// OCTT 1.6 TC_021_CSMS (§3.7.3) Change/set Configuration: the CSMS sets
// MeterValueSampleInterval to 60. OCPP 1.6 §5.3 ChangeConfiguration, §9.1.19.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_021_CSMS',
  title: 'Change/set Configuration',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_021_CSMS (§3.7.3)', 'OCPP 1.6 §5.3, §9.1.19'],
  manual: true,
  description: 'The Central System sends ChangeConfiguration setting MeterValueSampleInterval to 60; the Charge Point accepts.',
  proof: { behaviour: 'no-command:ChangeConfiguration', step: 'ChangeConfiguration' },
  async run(t) {
    await booted(t);
    t.respond('ChangeConfiguration', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'ChangeConfiguration', {
      words: 'Make the Central System set the configuration key MeterValueSampleInterval to 60 (ChangeConfiguration)',
      payload: { key: 'MeterValueSampleInterval', value: '60' },
      matcher: { key: 'MeterValueSampleInterval', value: '60' },
    });
  },
});
