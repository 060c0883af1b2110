// OCTT 1.6 TC_046_1_CS (§2.20.1) Reservation of a Connector - Local start transaction: the
// Central System reserves a connector; another card cannot use it, the reserved card can,
// and its StartTransaction carries the reservationId.
// OCPP 1.6 §5.13 ReserveNow, §4.8 StartTransaction (reservationId), §4.9 (Reserved).
import { defineCase } from '../../../engine/conformance/case';
import { connectorsOperative, sendReserveNow, unusedConnectorsUnavailable } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_046_1_CS',
  title: 'Reservation of a Connector - Local start transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_046_1_CS (§2.20.1)', 'OCPP 1.6 §5.13, §4.8, §4.9, §4.1'],
  requires: ['two valid id tags (idTags.valid, idTags.valid2)'],
  manual: true,
  description: 'A connector is reserved for the valid id tag; another card does not start a session there, the reserved card does, and the transaction names the reservation.',
  proof: { behaviour: 'start-tx-missing-reservation-id', step: 'reservationId' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const reservationId = 461;
    // Reusable state: SetConnectorUnavailable for all unused connectors.
    const unused = await unusedConnectorsUnavailable(t, connectorId);
    // Steps 1–4.
    await sendReserveNow(t, 'Accepted', { connectorId, idTag, reservationId });
    await t.expect('StatusNotification', { connectorId, status: 'Reserved' });
    // [EV driver swipes a card that is not the reserved one]: only the reserved tag may
    // charge there (§5.13), so nothing starts — the next step's messages come from the reserved card.
    const other = t.settings.idTags.valid2;
    await t.operator({ kind: 'presentIdTag', idTag: other, connectorId });
    await t.expectNone(['StatusNotification', 'StartTransaction'], undefined, 5, `Expect the charger not to start a session for ${other} on the reserved connector (no StatusNotification or StartTransaction for 5 s)`);
    // [EV driver swipes the reserved card]; steps 5–8: Authorize is optional, the tool answers Accepted.
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.expectAll([
      { action: 'Authorize', matcher: { idTag }, optional: true },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Preparing' } },
    ]);
    // [EV driver plugs in the cable]; steps 9–12 (StartTransaction and Charging may be reversed, §1.2).
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag, reservationId } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
    await connectorsOperative(t, unused);
  },
});
