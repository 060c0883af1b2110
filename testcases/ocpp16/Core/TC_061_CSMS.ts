// OCTT 1.6 TC_061_CSMS (§3.3.2) Clear Authorization Data in Authorization Cache: the CSMS
// can make a charge point clear its cache. OCPP 1.6 §5.4 ClearCache, §3.5.1.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_061_CSMS',
  title: 'Clear Authorization Data in Authorization Cache',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_061_CSMS (§3.3.2)', 'OCPP 1.6 §3.5.1, §5.4'],
  manual: true,
  description: 'The Central System sends ClearCache; the Charge Point accepts it.',
  proof: { behaviour: 'no-command:ClearCache', step: 'ClearCache' },
  async run(t) {
    await booted(t);
    t.respond('ClearCache', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'ClearCache', { words: 'Make the Central System clear the Authorization Cache of the Charge Point (ClearCache)', payload: {} });
  },
});
