// OCTT 1.6 TC_036_CS (§2.14.1) Connection Loss During Transaction: the meter values taken
// while the connection is down are queued and sent when it is back, in chronological order,
// before any new one, MeterValueSampleInterval apart.
// OCPP 1.6 §3.7 (transaction-related messages: queued offline, delivered in order), §4.7
// MeterValues, §3.16.1.
import { defineCase } from '../../../engine/conformance/case';
import type { Received } from '../../../engine/conformance/harness';
import { charging, configure } from '../../../engine/conformance/states16';
import { checkSpacing, toleranceMs } from './meter-values';

/** The meter values taken while offline: at least this many (the document: "at least 3"). */
const OFFLINE_SAMPLES = 3;

export default defineCase({
  id: 'TC_036_CS',
  title: 'Connection Loss During Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_036_CS (§2.14.1)', 'OCPP 1.6 §3.7, §4.7, §3.16.1'],
  requires: ['a valid id tag', 'a configured meter value sample interval', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger keeps the meter values taken while offline and sends them, in order, when the connection is back.',
  proof: { behaviour: 'offline-queue-out-of-order', step: 'chronological order' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const interval = t.settings.meterValueSampleInterval;
    await configure(t, 'MeterValueSampleInterval', interval);
    const transactionId = await charging(t, { connectorId });
    await t.operator({ kind: 'networkDown' });
    await t.wait((OFFLINE_SAMPLES + 0.5) * interval, `till the charger has taken at least ${OFFLINE_SAMPLES} meter values offline`);
    const restored = Date.now();
    await t.operator({ kind: 'networkUp' });
    await t.expectConnection({ says: 'Expect the charger to reconnect' });
    // Step 1: the queued meter values, before any new one.
    const received: Received[] = [];
    for (let n = 1; n <= OFFLINE_SAMPLES; n++) {
      received.push(await t.expect('MeterValues', { connectorId, transactionId }, { says: `Expect the charger to send queued MeterValues for transaction ${transactionId} (${n} of at least ${OFFLINE_SAMPLES})` }));
    }
    const stamps = received.flatMap((r) => ((r.payload['meterValue'] as Array<{ timestamp: string }> | undefined) ?? []).map((mv) => Date.parse(mv.timestamp)));
    t.check(
      'the queued meter values come in chronological order',
      stamps.every((time, i) => i === 0 || time > stamps[i - 1]!),
      `timestamps: ${stamps.map((s) => new Date(s).toISOString()).join(', ')}`,
    );
    t.check(
      `the first ${OFFLINE_SAMPLES} meter values sent after the reconnection are the ones taken offline (timestamps before the connection came back)`,
      stamps.length >= OFFLINE_SAMPLES && stamps.slice(0, OFFLINE_SAMPLES).every((time) => time <= restored + toleranceMs(t)),
      `timestamps: ${stamps.map((s) => new Date(s).toISOString()).join(', ')}; the connection came back at ${new Date(restored).toISOString()}`,
    );
    checkSpacing(t, received, interval);
  },
});
