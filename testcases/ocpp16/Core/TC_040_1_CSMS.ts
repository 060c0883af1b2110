// OCTT 1.6 TC_040_1_CSMS (§3.13.1) Configuration keys: the charge point does not know the
// key the CSMS sets. OCPP 1.6 §5.3 ChangeConfiguration, §7.22 ConfigurationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

/** A key no charge point has (the CSMS must be able to send operator input as given). */
const UNKNOWN_KEY = 'OcppBenchUnknownKey';

export default defineCase({
  id: 'TC_040_1_CSMS',
  title: 'Configuration keys',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_040_1_CSMS (§3.13.1)', 'OCPP 1.6 §5.3, §7.22'],
  manual: true,
  description: 'The Central System sends ChangeConfiguration for a key the Charge Point does not support; the Charge Point answers NotSupported, which the Central System must handle.',
  proof: { behaviour: 'change-configuration-validated', step: 'ChangeConfiguration' },
  async run(t) {
    await booted(t);
    t.respond('ChangeConfiguration', { result: { status: 'NotSupported' } }, { once: true, says: 'with status NotSupported (the key is unknown)' });
    await csmsSends(t, 'ChangeConfiguration', {
      words: `Make the Central System set a configuration key the Charge Point does not have, e.g. ${UNKNOWN_KEY} = 1 (ChangeConfiguration)`,
      payload: { key: UNKNOWN_KEY, value: '1' },
    });
  },
});
