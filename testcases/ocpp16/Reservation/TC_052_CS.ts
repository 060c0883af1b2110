// OCTT 1.6 TC_052_CS (§2.20.3) Cancel Reservation - Rejected: a CancelReservation naming a
// reservation the charger does not have is Rejected. OCPP 1.6 §5.1 CancelReservation.
import { defineCase } from '../../../engine/conformance/case';
import { reserved } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_052_CS',
  title: 'Cancel Reservation - Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_052_CS (§2.20.3)', 'OCPP 1.6 §5.1, §7.5'],
  description: 'The Central System cancels a reservation id the charger does not know; the charger answers Rejected and keeps its reservation.',
  proof: { behaviour: 'cancel-reservation-stub', step: 'status is Rejected' },
  async run(t) {
    const reservationId = 52;
    // Reusable state: Reserved.
    await reserved(t, { reservationId });
    // Steps 1–2: a reservationId that does NOT match the reservation of the reusable state.
    const unknown = reservationId + 1;
    await t.send('CancelReservation', { reservationId: unknown }, { status: 'Rejected' }, {
      says: `Cancel reservation ${unknown}, which is not the charger's reservation ${reservationId} (CancelReservation), and expect an answer where status is Rejected`,
    });
    // Post-condition (§1.3): no active reservations.
    await t.send('CancelReservation', { reservationId }, { status: 'Accepted' }, {
      says: `Post-condition: cancel reservation ${reservationId} (CancelReservation) and expect an answer where status is Accepted`,
    });
  },
});
