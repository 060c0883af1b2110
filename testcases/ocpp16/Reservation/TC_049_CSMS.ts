// OCTT 1.6 TC_049_CSMS (§3.17.2) Reservation of a Charge Point - Transaction: the Central
// System reserves the charge point as a whole (connector 0).
// OCPP 1.6 §5.13 ReserveNow (connectorId 0), §9.3 ReserveConnectorZeroSupported, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_049_CSMS',
  title: 'Reservation of a Charge Point - Transaction',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_049_CSMS (§3.17.2)', 'OCPP 1.6 §5.13, §9.3, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System reserves the charge point (connector 0) with a reservationId and an idTag; the Charge Point accepts and reports a connector Reserved.',
  proof: { behaviour: 'charge-point-reservation-refused', step: 'ReserveNow' },
  async run(t) {
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Steps 1–2: the tool (ReserveConnectorZeroSupported true) answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve the charge point, no specific connector (connector 0), for ${idTag} (ReserveNow)`,
      payload: { connectorId: 0, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 49 },
      matcher: { connectorId: 0 },
    });
    // Steps 3–4: the connector it keeps available for the reserved tag is Reserved.
    await sendStatus(t, t.settings.connectorId, 'Reserved');
  },
});
