// OCTT 1.6 TC_046_2_CS (§2.20.1) Reservation of a Connector - Remote start transaction: the
// reserved connector is started remotely for the reserved id tag; StartTransaction carries
// the reservationId. OCPP 1.6 §5.13 ReserveNow, §5.11 RemoteStartTransaction, §4.8.
import { defineCase } from '../../../engine/conformance/case';
import { charging, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_046_2_CS',
  title: 'Reservation of a Connector - Remote start transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_046_2_CS (§2.20.1)', 'OCPP 1.6 §5.13, §5.11, §4.8, §4.9'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'A connector is reserved for the valid id tag and then charges for it after a remote start; the StartTransaction names the reservation.',
  proof: { behaviour: 'start-tx-missing-reservation-id', step: 'reservationId' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const reservationId = 462;
    // Steps 1–4.
    await sendReserveNow(t, 'Accepted', { connectorId, idTag, reservationId });
    await t.expect('StatusNotification', { connectorId, status: 'Reserved' });
    // Step 5: reusable state Charging on the Reserved connector (the cable brings no Preparing;
    // Authorize is optional); StartTransaction carries the idTag and reservationId of step 1.
    await charging(t, { connectorId, idTag, reserved: true, authorizeOptional: true, start: { reservationId } });
  },
});
