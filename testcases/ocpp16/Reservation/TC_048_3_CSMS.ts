// OCTT 1.6 TC_048_3_CSMS (§3.17.1) Reservation of a Connector - Unavailable: the Central
// System makes a connector Inoperative, then tries to reserve it; the Charge Point answers
// Unavailable. OCPP 1.6 §5.2 ChangeAvailability, §5.13 ReserveNow, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_3_CSMS',
  title: 'Reservation of a Connector - Unavailable',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_3_CSMS (§3.17.1)', 'OCPP 1.6 §5.2, §5.13, §4.9, §7.40'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System makes the configured connector Inoperative, then reserves it for the valid id tag; the Charge Point answers Unavailable and the Central System accepts the refusal.',
  proof: { behaviour: 'reserve-now-connector-zero', step: 'ReserveNow' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Steps 1–2: the tool answers Accepted.
    t.respond('ChangeAvailability', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'ChangeAvailability', {
      words: `Make the Central System set connector ${connectorId} Inoperative (ChangeAvailability)`,
      payload: { connectorId, type: 'Inoperative' },
      matcher: { connectorId, type: 'Inoperative' },
    });
    // Steps 3–4.
    await sendStatus(t, connectorId, 'Unavailable');
    // Steps 5–6: the tool answers Unavailable.
    t.respond('ReserveNow', { result: { status: 'Unavailable' } }, { once: true });
    await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 483 },
      matcher: { connectorId, idTag },
    });
  },
});
