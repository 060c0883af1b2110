// OCTT 1.6 TC_040_2_CSMS (§3.13.2) Configuration Keys: the charge point rejects an invalid
// value (MeterValueSampleInterval -1). OCPP 1.6 §5.3 ChangeConfiguration, §7.22, §9.1.19.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_040_2_CSMS',
  title: 'Configuration keys',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_040_2_CSMS (§3.13.2)', 'OCPP 1.6 §5.3, §7.22, §9.1.19'],
  manual: true,
  description: 'The Central System sends ChangeConfiguration setting MeterValueSampleInterval to -1; the Charge Point answers Rejected, which the Central System must handle.',
  proof: { behaviour: 'change-configuration-validated', step: 'ChangeConfiguration' },
  async run(t) {
    await booted(t);
    t.respond('ChangeConfiguration', { result: { status: 'Rejected' } }, { once: true, says: 'with status Rejected (an invalid value)' });
    await csmsSends(t, 'ChangeConfiguration', {
      words: 'Make the Central System set the configuration key MeterValueSampleInterval to -1 (ChangeConfiguration)',
      payload: { key: 'MeterValueSampleInterval', value: '-1' },
      matcher: { key: 'MeterValueSampleInterval', value: '-1' },
    });
  },
});
