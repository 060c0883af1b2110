// OCTT 1.6 TC_023_3_CSMS (§3.8.3) Start Charging Session – Authorize blocked: the CSMS answers the
// Authorize of a blocked id tag with status Blocked. OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus.
// Prerequisite: the Central System has an idTag in memory with status Blocked (idTags.blocked).
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendAuthorize } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_023_3_CSMS',
  title: 'Start Charging Session – Authorize blocked',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_023_3_CSMS (§3.8.3)', 'OCPP 1.6 §4.1, §7.2'],
  requires: ['an id tag the Central System knows as blocked (idTags.blocked)'],
  description: 'The EV driver presents a blocked id tag; the Central System answers the Authorize with idTagInfo.status Blocked.',
  proof: { behaviour: 'authorize-collapses-statuses', step: 'Authorize' },
  async run(t) {
    const idTag = t.settings.idTags.blocked;
    await booted(t);
    t.note(`The EV driver presents blocked identification (${idTag})`);
    await sendAuthorize(t, idTag, 'Blocked');
  },
});
