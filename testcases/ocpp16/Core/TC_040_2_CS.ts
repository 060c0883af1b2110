// OCTT 1.6 TC_040_2_CS (§2.15.2) Configuratoin key - Invalid value (the document's title,
// typo included): a value outside the key's range is Rejected, or refused with a CALLERROR
// PropertyConstraintViolation.
// OCPP 1.6 §5.3 ChangeConfiguration, §9.1.19 MeterValueSampleInterval; OCPP-J 1.6 §4.2.3.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_040_2_CS',
  title: 'Configuratoin key - Invalid value',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_040_2_CS (§2.15.2)', 'OCPP 1.6 §5.3, §9.1', 'OCPP-J 1.6 §4.2.3'],
  description: 'The charger refuses MeterValueSampleInterval = -1.',
  proof: { behaviour: 'accepts-invalid-config-value', step: 'Rejected' },
  async run(t) {
    await t.send('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '-1' }, { status: 'Rejected' }, { orError: 'PropertyConstraintViolation' });
  },
});
