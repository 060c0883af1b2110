// OCTT 1.6 TC_051_CS (§2.20.3) Cancel Reservation: the Central System cancels a reservation;
// the connector is Available again and another id tag charges there without a reservationId.
// OCPP 1.6 §5.1 CancelReservation, §5.13, §4.8 StartTransaction, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { absent } from '../../../engine/conformance/matchers';
import { charging, reserved } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_051_CS',
  title: 'Cancel Reservation',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_051_CS (§2.20.3)', 'OCPP 1.6 §5.1, §5.13, §4.8, §4.9'],
  requires: ['two valid id tags (idTags.valid, idTags.valid2)'],
  manual: true,
  description: 'A reservation for the valid id tag is cancelled; the connector becomes Available and a transaction for the second valid id tag carries no reservationId.',
  proof: { behaviour: 'cancel-reservation-stub', step: 'Available' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const reservationId = 51;
    // Reusable state: Reserved with <Configured Valid IdTag>.
    await reserved(t, { connectorId, reservationId });
    // Steps 1–4.
    await t.send('CancelReservation', { reservationId }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Available' });
    // Step 5: Charging with <Configured Valid IdTag 2>; its StartTransaction has no reservationId.
    await charging(t, { connectorId, idTag: t.settings.idTags.valid2, start: { reservationId: absent } });
  },
});
