// OCTT 1.6 TC_046_CSMS (§3.17.1) Reservation of a Connector - Transaction: the Central System
// reserves a connector for the valid id tag, and accepts the transaction that uses the
// reservation. OCPP 1.6 §5.13 ReserveNow, §4.8 StartTransaction (reservationId).
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_046_CSMS',
  title: 'Reservation of a Connector - Transaction',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_046_CSMS (§3.17.1)', 'OCPP 1.6 §5.13, §4.8, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'The Central System reserves the configured connector for the valid id tag; the Charge Point accepts, reports it Reserved, and charges there with the reservationId in StartTransaction, which the Central System accepts.',
  proof: { behaviour: 'reserved-start-refused', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    // Steps 1–2: the tool answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    const reserve = await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag} (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(3600)).toISOString(), idTag, reservationId: 46 },
      matcher: { connectorId, idTag },
    });
    // Steps 3–4.
    await sendStatus(t, connectorId, 'Reserved');
    // Step 5: reusable state Charging; StartTransaction carries the reservationId of step 1.
    await csmsCharging(t, { connectorId, idTag, reservationId: Number(reserve.payload['reservationId']) });
  },
});
