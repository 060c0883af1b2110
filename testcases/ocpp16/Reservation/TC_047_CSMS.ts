// OCTT 1.6 TC_047_CSMS (§3.17.1) Reservation of a Connector - Expire: the Central System
// reserves a connector until the current time plus the configured offset; nobody comes, and
// the Charge Point reports the connector Available again after the expiry.
// OCPP 1.6 §5.13 ReserveNow (expiryDate; expiry makes the connector available), §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { satisfies } from '../../../engine/conformance/matchers';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_047_CSMS',
  title: 'Reservation of a Connector - Expire',
  version: '1.6',
  sut: 'csms',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_047_CSMS (§3.17.1)', 'OCPP 1.6 §5.13, §4.9'],
  requires: ['a valid id tag (idTags.valid)', 'reservationExpiryOffset: how far ahead the Central System is asked to let the reservation expire'],
  manual: true,
  description: 'The Central System reserves the configured connector for the valid id tag, expiring after the configured offset; the reservation is not used, and the Charge Point reports the connector Available after the expiry.',
  proof: { behaviour: 'reservation-expiry-in-past', step: 'expiryDate' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const offset = t.settings.reservationExpiryOffset;
    // "The current time" is when the Central System sends it: between the request to the
    // operator and the arrival. The documents give no tolerance: allow 10 % of the offset or
    // 5 s (the clocks' difference), whichever is more.
    const tolerance = t.ms(Math.max(5, offset * 0.1));
    let asked = Date.now();
    const aboutOffset = satisfies(`is the current time plus ${offset} s`, (v) => {
      const expiry = typeof v === 'string' ? Date.parse(v) : NaN;
      return expiry >= asked + t.ms(offset) - tolerance && expiry <= Date.now() + t.ms(offset) + tolerance;
    });
    await booted(t);
    asked = Date.now();
    // Steps 1–2: the tool answers Accepted.
    t.respond('ReserveNow', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'ReserveNow', {
      words: `Make the Central System reserve connector ${connectorId} for ${idTag}, expiring ${offset} s from now (ReserveNow)`,
      payload: { connectorId, expiryDate: new Date(Date.now() + t.ms(offset)).toISOString(), idTag, reservationId: 47 },
      matcher: { connectorId, idTag, expiryDate: aboutOffset },
    });
    // Steps 3–4.
    await sendStatus(t, connectorId, 'Reserved');
    // [EV driver does not arrive at the reserved connector before the expiry date]; steps 5–6.
    await t.wait(offset, 'the EV driver does not arrive at the reserved connector before the reservation expires');
    await sendStatus(t, connectorId, 'Available');
  },
});
