// OCTT 1.6 TC_023_1_CSMS (§3.8.1) Start Charging Session – Authorize invalid: the CSMS answers the
// Authorize of an id tag it does not know with status Invalid. OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendAuthorize } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_023_1_CSMS',
  title: 'Start Charging Session – Authorize invalid',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_023_1_CSMS (§3.8.1)', 'OCPP 1.6 §4.1, §7.2'],
  requires: ['an id tag unknown to the Central System (idTags.invalid)'],
  description: 'The EV driver presents an id tag it does not know; the Central System answers the Authorize with idTagInfo.status Invalid.',
  proof: { behaviour: 'authorize-unknown-accepted', step: 'Authorize' },
  async run(t) {
    const idTag = t.settings.idTags.invalid;
    await booted(t);
    t.note(`The EV driver presents invalid identification (${idTag})`);
    await sendAuthorize(t, idTag, 'Invalid');
  },
});
