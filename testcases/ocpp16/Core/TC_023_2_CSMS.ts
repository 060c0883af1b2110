// OCTT 1.6 TC_023_2_CSMS (§3.8.2) Start Charging Session – Authorize expired: the CSMS answers the
// Authorize of an expired id tag with status Expired. OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus.
// Prerequisite: the Central System has an idTag in memory with status Expired (idTags.expired).
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendAuthorize } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_023_2_CSMS',
  title: 'Start Charging Session – Authorize expired',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_023_2_CSMS (§3.8.2)', 'OCPP 1.6 §4.1, §7.2'],
  requires: ['an id tag the Central System knows as expired (idTags.expired)'],
  description: 'The EV driver presents an expired id tag; the Central System answers the Authorize with idTagInfo.status Expired.',
  proof: { behaviour: 'authorize-collapses-statuses', step: 'Authorize' },
  async run(t) {
    const idTag = t.settings.idTags.expired;
    await booted(t);
    t.note(`The EV driver presents expired identification (${idTag})`);
    await sendAuthorize(t, idTag, 'Expired');
  },
});
