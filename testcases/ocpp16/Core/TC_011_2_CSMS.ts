// OCTT 1.6 TC_011_2_CSMS (§3.4.3) Remote Start Charging Session – Time Out: after a remote
// start the cable never comes; the connector goes back to Available after the ConnectionTimeOut.
// OCPP 1.6 §5.11 RemoteStartTransaction, §4.1 Authorize, §4.9, §9.1.6 ConnectionTimeOut.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends, sendAuthorize, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_011_2_CSMS',
  title: 'Remote Start Charging Session – Time Out',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_011_2_CSMS (§3.4.3)', 'OCPP 1.6 §4.1, §4.9, §5.11, §9.1.6'],
  requires: ['a valid id tag (idTags.valid)', 'the ConnectionTimeOut the tool charger waits (connectionTimeOut)'],
  manual: true,
  description: 'The Central System sends RemoteStartTransaction; the Charge Point accepts, authorizes, reports Preparing, and Available again when its ConnectionTimeOut expires without a cable: the Central System answers each.',
  proof: { behaviour: 'abandoned-preparing-callerror', step: 'Available' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.respond('RemoteStartTransaction', { result: { status: 'Accepted' } }, { once: true });
    const remote = await csmsSends(t, 'RemoteStartTransaction', {
      words: `Make the Central System start a transaction remotely on connector ${connectorId} for id tag ${idTag} (RemoteStartTransaction)`,
      payload: { connectorId, idTag },
    });
    await sendAuthorize(t, String(remote.payload['idTag']), 'Accepted');
    await sendStatus(t, connectorId, 'Preparing');
    await t.wait(t.settings.connectionTimeOut, 'the Charge Point\'s ConnectionTimeOut expires without a cable plugged in');
    await sendStatus(t, connectorId, 'Available');
  },
});
