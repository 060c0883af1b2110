// OCTT 1.6 TC_048_4_CSMS (§3.17.1) Reservation of a Connector - Rejected: the Charge Point
// answers the Central System's ReserveNow with Rejected, which the Central System takes as a
// reservation not made. OCPP 1.6 §5.13 ReserveNow, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_4_CSMS',
  title: 'Reservation of a Connector - Rejected',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_4_CSMS (§3.17.1)', 'OCPP 1.6 §5.13, §7.40'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System reserves the configured connector for the valid id tag; the Charge Point answers Rejected and the Central System accepts the refusal.',
  proof: { behaviour: 'reserve-now-connector-zero', step: 'ReserveNow' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Step 2: the tool answers Rejected.
    t.respond('ReserveNow', { result: { status: 'Rejected' } }, { once: true });
    await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 484 },
      matcher: { connectorId, idTag },
    });
  },
});
