// OCTT 1.6 TC_047_CS (§2.20.1) Reservation of a Connector - Expire: nobody comes before the
// reservation's expiryDate, so the charger makes the connector Available again; another
// valid id tag can then charge there.
// OCPP 1.6 §5.13 ReserveNow (expiry: terminate and report the connector available), §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { charging, connectorsOperative, sendReserveNow, unusedConnectorsUnavailable } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_047_CS',
  title: 'Reservation of a Connector - Expire',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_047_CS (§2.20.1)', 'OCPP 1.6 §5.13, §4.9'],
  requires: ['two valid id tags (idTags.valid, idTags.valid2)', 'reservationExpiryOffset: the expiry the tool gives the reservation'],
  manual: true,
  description: 'A reserved connector that nobody uses becomes Available again after the expiry date, and another id tag can charge there.',
  proof: { behaviour: 'reservation-never-expires', step: 'Available' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const offset = t.settings.reservationExpiryOffset;
    // Reusable state: SetConnectorUnavailable for all unused connectors.
    const unused = await unusedConnectorsUnavailable(t, connectorId);
    // Steps 1–4: expiryDate is the current time plus <Configured Reservation Expiry Date Offset>.
    const reservedAt = t.elapsed();
    await sendReserveNow(t, 'Accepted', { connectorId, reservationId: 47, expirySeconds: offset });
    await t.expect('StatusNotification', { connectorId, status: 'Reserved' });
    // [EV driver does not arrive before the expiry date]; steps 5–6.
    t.note(`The EV driver does not arrive at connector ${connectorId} before the reservation expires`);
    const available = await t.expect('StatusNotification', { connectorId, status: 'Available' }, { within: offset + t.settings.timeouts.message });
    // Expected result: AFTER the expiry date the connector is Available again.
    t.checkTiming('the connector is Available again', available.at - reservedAt, offset, 'atLeast', available.frame);
    // Step 7: the tool starts a transaction with another valid id tag, to be sure the reservation is gone.
    await charging(t, { connectorId, idTag: t.settings.idTags.valid2 });
    await connectorsOperative(t, unused);
  },
});
