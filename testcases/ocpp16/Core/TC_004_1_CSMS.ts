// OCTT 1.6 TC_004_1_CSMS (§3.2.2) Regular Charging Session – Identification First: the
// reusable state Charging (§3.22 Table 194), identification before the cable.
// OCPP 1.6 §4.1 Authorize, §4.8 StartTransaction, §4.9 StatusNotification.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_004_1_CSMS',
  title: 'Regular Charging Session – Identification First',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_004_1_CSMS (§3.2.2)', 'OCTT 1.6 §3.22 Table 194', 'OCPP 1.6 §4.1, §4.8, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'The driver identifies first, then plugs in: the Central System accepts the Authorize and the StartTransaction (reusable state Charging).',
  proof: { behaviour: 'authorize-then-start-conflict', step: 'StartTransaction' },
  async run(t) {
    await booted(t);
    await csmsCharging(t);
  },
});
