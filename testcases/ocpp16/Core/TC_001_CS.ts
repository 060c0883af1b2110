// OCTT 1.6 TC_001_CS (§2.1.1) Cold Boot Charge Point: after a power cycle the charger waits
// the interval of a Rejected BootNotification before it tries again (sending nothing
// meanwhile), then reports connector 0 and every connector Available and sends heartbeats at
// the interval the Accepted answer gave.
// OCPP 1.6 §4.2 (Rejected: nothing until the interval has passed), §4.6, §4.9, §9.1.10
// (HeartbeatInterval: after that long without traffic); errata 3.22 (statuses after Accepted).
import { defineCase } from '../../../engine/conformance/case';
import { availableThenHeartbeats, coldBootAnswered } from './cold-boot';

/** The retry interval the tool gives with Rejected (step 2; the document leaves the value to the tool). */
const REJECTED_INTERVAL = 10;

export default defineCase({
  id: 'TC_001_CS',
  title: 'Cold Boot Charge Point',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_001_CS (§2.1.1)', 'OCPP 1.6 §4.2, §4.6, §4.9, §9.1.10', 'OCPP 1.6 errata 3.22'],
  requires: ['someone to power-cycle the charger'],
  manual: true,
  description:
    'After a power cycle the charger registers itself: it keeps to the retry interval of a Rejected boot, then reports its connectors Available and sends heartbeats at the interval it was given.',
  // A shorter configured heartbeat keeps the self-test quick; the case reads it from the settings.
  proof: { behaviour: 'boot-retry-ignores-interval', step: 'BootNotification again', settings: { heartbeatInterval: 10 } },
  async run(t) {
    const rejected = await coldBootAnswered(t, 'Rejected', REJECTED_INTERVAL, { first: 2, accepted: 4 });
    const accepted = await t.expect('BootNotification', undefined, {
      within: REJECTED_INTERVAL + t.settings.timeouts.message,
      says: 'Expect the charger to send BootNotification again (step 3, answered Accepted)',
    });
    // Step 3: not before the interval of step 2; and §4.2: nothing at all while Rejected.
    t.checkTiming('the charger sent BootNotification again', accepted.at - rejected.at, REJECTED_INTERVAL, 'atLeast', accepted.frame);
    const meanwhile = t.received().filter((r) => r.at > rejected.at && r.at < accepted.at);
    t.check('the charger sent nothing while it was Rejected', meanwhile.length === 0, `it sent ${meanwhile.map((r) => r.action).join(', ')}`);
    // Step 5: a StatusNotification per connector and for connector 0; step 7: heartbeats at the interval of step 4.
    await availableThenHeartbeats(t);
  },
});
