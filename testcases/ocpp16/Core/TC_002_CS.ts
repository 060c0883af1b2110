// OCTT 1.6 TC_002_CS (§2.1.2) Cold Boot Charge Point - Pending: while its boot is Pending the
// charger answers the Central System's configuration requests and sends no request of its
// own; after the interval it boots again, is Accepted, reports its connectors and sends
// heartbeats.
// OCPP 1.6 §4.2 (Pending), §5.3, §5.8, §4.6, §4.9, §9.1.10; errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { configure } from '../../../engine/conformance/states16';
import { availableThenHeartbeats, coldBootAnswered } from './cold-boot';

/** The retry interval the tool gives with Pending (step 2): long enough for steps 3 to 6. */
const PENDING_INTERVAL = 10;

export default defineCase({
  id: 'TC_002_CS',
  title: 'Cold Boot Charge Point - Pending',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_002_CS (§2.1.2)', 'OCPP 1.6 §4.2, §5.3, §5.8, §4.6, §4.9, §9.1.10', 'OCPP 1.6 errata 3.22'],
  requires: ['someone to power-cycle the charger'],
  manual: true,
  description: 'While Pending, the charger lets the Central System read and set its configuration, then registers itself after the interval.',
  proof: { behaviour: 'pending-sends-requests', step: 'no request of its own while Pending', settings: { heartbeatInterval: 10 } },
  async run(t) {
    const pending = await coldBootAnswered(t, 'Pending', PENDING_INTERVAL, { first: 2, accepted: 8 });
    // Steps 3–6: the Central System reads all keys (key omitted) and sets the sample interval.
    await t.send('GetConfiguration', {}, undefined, { says: 'Send GetConfiguration with no key (steps 3 and 4)' });
    await configure(t, 'MeterValueSampleInterval', t.settings.meterValueSampleInterval);
    // The retry may already have come while steps 3–6 ran: look back to the Pending answer.
    const accepted = await t.expect('BootNotification', undefined, {
      within: PENDING_INTERVAL + t.settings.timeouts.message,
      includeEarlier: true,
      says: 'Expect the charger to send BootNotification again (step 7, answered Accepted)',
    });
    t.checkTiming('the charger sent BootNotification again', accepted.at - pending.at, PENDING_INTERVAL, 'atLeast', accepted.frame);
    const ownRequests = t.received().filter((r) => r.at > pending.at && r.at < accepted.at);
    t.check('the charger sent no request of its own while Pending', ownRequests.length === 0, `it sent ${ownRequests.map((r) => r.action).join(', ')}`);
    // Step 9: a StatusNotification per connector and for connector 0; step 11: heartbeats at the interval of step 8.
    // Either may already have come while the retry was awaited.
    await availableThenHeartbeats(t, { includeEarlier: true });
  },
});
