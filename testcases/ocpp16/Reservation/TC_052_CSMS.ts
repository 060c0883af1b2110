// OCTT 1.6 TC_052_CSMS (§3.17.3) Cancel Reservation - Rejected: the Central System cancels a
// reservationId the Charge Point does not know, and takes Rejected for an answer.
// OCPP 1.6 §5.13 ReserveNow, §5.1 CancelReservation, §7.5 CancelReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { not } from '../../../engine/conformance/matchers';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_052_CSMS',
  title: 'Cancel Reservation - Rejected',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_052_CSMS (§3.17.3)', 'OCPP 1.6 §5.13, §5.1, §7.5'],
  requires: ['a valid id tag (idTags.valid)', 'the Central System can send CancelReservation for a reservationId of its choosing'],
  manual: true,
  description: 'The Central System reserves a connector, then sends CancelReservation with another, unknown reservationId; the Charge Point answers Rejected.',
  proof: { behaviour: 'cancel-only-known-reservations', step: 'CancelReservation' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Manual action: reserve a connector; steps 1–2, the tool answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    const reserve = await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 52 },
    });
    const reservationId = Number(reserve.payload['reservationId']);
    // Steps 3–4.
    await sendStatus(t, Number(reserve.payload['connectorId']), 'Reserved');
    // Manual action: cancel a reservation with an unknown reservationId; steps 5–6, the tool answers Rejected.
    t.respond('CancelReservation', { result: { status: 'Rejected' } }, { once: true });
    const unknown = reservationId + 1000;
    await csmsSends(t, 'CancelReservation', {
      words: `Make the Central System cancel a reservation the Charge Point does not have: any reservationId but ${reservationId}, e.g. ${unknown} (CancelReservation)`,
      payload: { reservationId: unknown },
      matcher: { reservationId: not(reservationId) },
    });
  },
});
