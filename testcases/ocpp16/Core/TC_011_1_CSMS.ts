// OCTT 1.6 TC_011_1_CSMS (§3.4.2) Remote Start Charging Session – Remote Start First: the
// CSMS starts a transaction remotely before the cable is in.
// OCPP 1.6 §5.11 RemoteStartTransaction, §4.1 Authorize, §4.8 StartTransaction, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends, sendAuthorize, sendStartTransaction, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_011_1_CSMS',
  title: 'Remote Start Charging Session – Remote Start First',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_011_1_CSMS (§3.4.2)', 'OCPP 1.6 §4.1, §4.8, §4.9, §5.11'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System sends RemoteStartTransaction; the Charge Point accepts, authorizes the id tag, reports Preparing, and starts once the cable is plugged in: the Central System accepts the Authorize and the StartTransaction.',
  proof: { behaviour: 'remote-start-wrong-id-tag', step: 'Authorize' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.respond('RemoteStartTransaction', { result: { status: 'Accepted' } }, { once: true });
    const remote = await csmsSends(t, 'RemoteStartTransaction', {
      words: `Make the Central System start a transaction remotely on connector ${connectorId} for id tag ${idTag} (RemoteStartTransaction)`,
      payload: { connectorId, idTag },
    });
    const given = String(remote.payload['idTag']);
    await sendAuthorize(t, given, 'Accepted');
    await sendStatus(t, connectorId, 'Preparing');
    t.note('The EV driver plugs in the cable');
    await sendStartTransaction(t, { connectorId, idTag: given });
    await sendStatus(t, connectorId, 'Charging');
  },
});
