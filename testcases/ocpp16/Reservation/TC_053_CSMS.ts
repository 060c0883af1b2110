// OCTT 1.6 TC_053_CSMS (§3.17.4) Use a reserved Connector with parentIdTag: the Central System
// reserves a connector with a parentIdTag; during the transaction that uses it, another id tag
// of the same group is Accepted with that parentIdTag and stops the transaction.
// OCPP 1.6 §5.13 ReserveNow (parentIdTag), §3.10 parent idTag, §4.1 Authorize, §4.10, §7.27.
import { defineCase } from '../../../engine/conformance/case';
import { not, present } from '../../../engine/conformance/matchers';
import { booted, csmsCharging, csmsSends, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_053_CSMS',
  title: 'Use a reserved Connector with parentIdTag',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_053_CSMS (§3.17.4)', 'OCPP 1.6 §5.13, §3.10, §4.1, §4.8, §4.10, §7.27'],
  requires: ['two valid id tags of one group (idTags.valid, idTags.valid2, their parent idTags.parent)'],
  manual: true,
  description: 'The Central System reserves a connector for the valid id tag with a parentIdTag; the reservation is used, and the second id tag of the same group is Accepted with that parentIdTag and ends the transaction.',
  proof: { behaviour: 'parent-id-not-returned', step: 'parentIdTag' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { valid, valid2, parent } = t.settings.idTags;
    await booted(t);
    // Manual action: reserve a connector; steps 1–2, a reservation with a reservationId, an idTag
    // and a parentIdTag, of a connector (not 0). The tool answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    const reserve = await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${valid} with parentIdTag ${parent} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag: valid, parentIdTag: parent, reservationId: 53 },
      matcher: { connectorId: not(0), parentIdTag: present },
    });
    const reservedConnector = Number(reserve.payload['connectorId']);
    const parentIdTag = reserve.payload['parentIdTag'];
    // Steps 3–4.
    await sendStatus(t, reservedConnector, 'Reserved');
    // Step 5: reusable state Charging, on the reservation.
    const transactionId = await csmsCharging(t, { connectorId: reservedConnector, idTag: valid, reservationId: Number(reserve.payload['reservationId']) });
    // [EV driver swipes a new card with the parentIdTag of step 1]; steps 6–7.
    await t.send('Authorize', { idTag: valid2 }, { 'idTagInfo.status': 'Accepted', 'idTagInfo.parentIdTag': parentIdTag }, {
      says: `Send Authorize for ${valid2} (another id tag of group ${String(parentIdTag)}) and expect an answer where idTagInfo.status is Accepted and idTagInfo.parentIdTag is ${String(parentIdTag)}`,
    });
    // Steps 8–11: the same group ends the transaction.
    await sendStopTransaction(t, { transactionId, reason: 'Local', idTag: valid2 });
    await sendStatus(t, reservedConnector, 'Finishing');
  },
});
