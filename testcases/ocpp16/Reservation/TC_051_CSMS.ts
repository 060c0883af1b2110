// OCTT 1.6 TC_051_CSMS (§3.17.3) Cancel Reservation: the Central System reserves a connector,
// then cancels that reservation. OCPP 1.6 §5.13 ReserveNow, §5.1 CancelReservation, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { not } from '../../../engine/conformance/matchers';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_051_CSMS',
  title: 'Cancel Reservation',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_051_CSMS (§3.17.3)', 'OCPP 1.6 §5.13, §5.1, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System reserves a connector, then cancels the reservation by its reservationId; the Charge Point accepts and reports the connector Available.',
  proof: { behaviour: 'cancel-reservation-wrong-id', step: 'CancelReservation' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Steps 1–2: a reservation of a connector (not 0), with an expiryDate; the tool answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    const reserve = await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 51 },
      matcher: { connectorId: not(0) },
    });
    const reservationId = reserve.payload['reservationId'];
    const reservedConnector = Number(reserve.payload['connectorId']);
    // Steps 3–4.
    await sendStatus(t, reservedConnector, 'Reserved');
    // Steps 5–6: the tool cancels the reservation it has (Accepted), and no other (Rejected).
    t.respond('CancelReservation', (call) => ({ result: { status: call.payload['reservationId'] === reservationId ? 'Accepted' : 'Rejected' } }), {
      once: true,
      says: `with status Accepted if it names reservation ${String(reservationId)} (Rejected otherwise)`,
    });
    await csmsSends(t, 'CancelReservation', {
      words: `Make the Central System cancel reservation ${String(reservationId)} (CancelReservation)`,
      payload: { reservationId },
      matcher: { reservationId },
    });
    // Steps 7–8.
    await sendStatus(t, reservedConnector, 'Available');
  },
});
