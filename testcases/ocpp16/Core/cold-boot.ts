// The shape shared by the cold-boot cases TC_001_CS (Rejected) and TC_002_CS (Pending): the
// first boot after a power cycle is answered with a status that is not Accepted and a retry
// interval, the second with Accepted and the configured heartbeat interval; once Accepted
// the charger reports its connectors and keeps to the heartbeat interval.
// OCPP 1.6 §4.2, §4.6, §4.9, §9.1.10.
import type { Harness } from '../../../engine/conformance/harness';
import { connectorIds } from '../../../engine/conformance/states16';

type Expected = Awaited<ReturnType<Harness['expect']>>;

/**
 * Power-cycles the charger and waits for its first BootNotification, answered `status`
 * with `interval`; the next one is answered Accepted with the heartbeat interval. `steps`
 * names the document's steps of the two answers.
 */
export async function coldBootAnswered(t: Harness, status: 'Rejected' | 'Pending', interval: number, steps: { first: number; accepted: number }): Promise<Expected> {
  const heartbeat = t.settings.heartbeatInterval;
  let boots = 0;
  t.respond(
    'BootNotification',
    () => {
      boots++;
      const currentTime = new Date().toISOString();
      if (boots === 1) return { result: { status, currentTime, interval } };
      if (boots === 2) return { result: { status: 'Accepted', currentTime, interval: heartbeat } };
      return undefined;
    },
    { says: `first with status ${status} and interval ${interval} (step ${steps.first}), then with status Accepted and interval ${heartbeat}, the configured heartbeat interval (step ${steps.accepted})` },
  );
  await t.operator({ kind: 'powerCycle' });
  await t.expectConnection({ fresh: true, says: 'Expect the charger to connect again after the power cycle' });
  // What it sent before it went down belongs to the earlier boot.
  t.checkpoint();
  return t.expect('BootNotification', undefined, { says: `Expect the charger to send BootNotification (step ${steps.first - 1}, answered ${status})` });
}

/** After the Accepted boot: Available for every connector and connector 0, then a Heartbeat at the interval. */
export async function availableThenHeartbeats(t: Harness, options: { includeEarlier?: boolean } = {}): Promise<void> {
  const heartbeat = t.settings.heartbeatInterval;
  await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Available' } })), options);
  // A Heartbeat every <interval> seconds of inactivity (§9.1.10).
  const hb = await t.expect('Heartbeat', undefined, { within: heartbeat + t.settings.timeouts.message, ...options });
  const previous = t.received().filter((r) => r.at < hb.at).at(-1);
  if (previous !== undefined) t.checkTiming(`the charger sent Heartbeat (after its ${previous.action})`, hb.at - previous.at, heartbeat, 'about', hb.frame);
}
