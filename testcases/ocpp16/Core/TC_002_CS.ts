// OCTT 1.6 TC_002_CS (§2.1.2) Cold Boot Charge Point - Pending: while its boot is Pending the
// charger answers the Central System's configuration requests and sends no request of its
// own; after the interval it boots again, is Accepted, reports its connectors and sends
// heartbeats.
// OCPP 1.6 §4.2 (Pending), §5.3, §5.8, §4.6, §4.9, §9.1.10; errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { configure, connectorIds } from '../../../engine/conformance/states16';

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
    const heartbeat = t.settings.heartbeatInterval;
    let boots = 0;
    t.respond(
      'BootNotification',
      () => {
        boots++;
        const currentTime = new Date().toISOString();
        if (boots === 1) return { result: { status: 'Pending', currentTime, interval: PENDING_INTERVAL } };
        if (boots === 2) return { result: { status: 'Accepted', currentTime, interval: heartbeat } };
        return undefined;
      },
      { says: `first with status Pending and interval ${PENDING_INTERVAL} (step 2), then with status Accepted and interval ${heartbeat}, the configured heartbeat interval (step 8)` },
    );
    await t.operator({ kind: 'powerCycle' });
    await t.expectConnection({ fresh: true, says: 'Expect the charger to connect again after the power cycle' });
    // What it sent before it went down belongs to the earlier boot.
    t.checkpoint();
    const pending = await t.expect('BootNotification', undefined, { says: 'Expect the charger to send BootNotification (step 1, answered Pending)' });
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
    // Step 9: a StatusNotification per connector and for connector 0.
    await t.expectAll(
      connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Available' } })),
      { includeEarlier: true },
    );
    // Step 11: a Heartbeat every <interval of step 8> seconds (of inactivity, §9.1.10).
    const hb = await t.expect('Heartbeat', undefined, { within: heartbeat + t.settings.timeouts.message, includeEarlier: true });
    const previous = t.received().filter((r) => r.at < hb.at).at(-1);
    if (previous !== undefined) t.checkTiming(`the charger sent Heartbeat (after its ${previous.action})`, hb.at - previous.at, heartbeat, 'about', hb.frame);
  },
});
