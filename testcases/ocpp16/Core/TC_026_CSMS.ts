// OCTT 1.6 TC_026_CSMS (§3.9.1) Remote Start Charging Session – Rejected: the charge point
// rejects the CSMS's remote start. OCPP 1.6 §5.11 RemoteStartTransaction, §7.39 RemoteStartStopStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_026_CSMS',
  title: 'Remote Start Charging Session – Rejected',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_026_CSMS (§3.9.1)', 'OCPP 1.6 §5.11, §7.39'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The CPO requests a remote start; the Charge Point answers the RemoteStartTransaction with Rejected, which the Central System must handle.',
  proof: { behaviour: 'no-command:RemoteStartTransaction', step: 'RemoteStartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.respond('RemoteStartTransaction', { result: { status: 'Rejected' } }, { once: true });
    await csmsSends(t, 'RemoteStartTransaction', {
      words: `Make the Central System start a transaction remotely on connector ${connectorId} for id tag ${idTag} (RemoteStartTransaction)`,
      payload: { connectorId, idTag },
    });
  },
});
