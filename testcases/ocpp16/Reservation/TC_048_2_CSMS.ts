// OCTT 1.6 TC_048_2_CSMS (§3.17.1) Reservation of a Connector - Occupied: a cable is plugged
// in (Preparing); the Central System's ReserveNow for that connector is answered Occupied.
// OCPP 1.6 §5.13 ReserveNow, §4.9, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_2_CSMS',
  title: 'Reservation of a Connector - Occupied',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_2_CSMS (§3.17.1)', 'OCPP 1.6 §5.13, §4.9, §7.40'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'With a cable plugged into the configured connector, the Central System reserves it for the valid id tag; the Charge Point answers Occupied and the Central System accepts the refusal.',
  proof: { behaviour: 'reserve-now-connector-zero', step: 'ReserveNow' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // [EV driver plugs in cable]; steps 1–2.
    t.note(`The EV driver plugs the cable in at connector ${connectorId}`);
    await sendStatus(t, connectorId, 'Preparing');
    // Steps 3–4: the tool answers Occupied.
    t.respond('ReserveNow', { result: { status: 'Occupied' } }, { once: true });
    await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 482 },
      matcher: { connectorId, idTag },
    });
  },
});
