// OCTT 1.6 TC_071_CS (§2.9.2) Clock-aligned Meter Values: during a transaction the charger
// sends MeterValues every ClockAlignedDataInterval seconds, on the instants that are
// multiples of that interval from midnight, context Sample.Clock, with a sampled value for
// each measurand of MeterValuesAlignedData.
// OCPP 1.6 §3.16.2 (clock-aligned meter data), §4.7 MeterValues, §9.1 (ClockAlignedDataInterval,
// MeterValuesAlignedData, MeterValueSampleInterval).
//
// Scaled runs: the bench and the built-in simulator share the run's time scale f, so the
// simulator aligns to multiples of f·x real seconds from midnight and this case checks that
// grid (see meter-values.ts); at scale 1 it is the document's check. Midnight is taken in
// UTC: a charger on a local clock with a non-whole-hour offset and an interval above
// 15 minutes would be flagged.
import { defineCase } from '../../../engine/conformance/case';
import type { Received } from '../../../engine/conformance/harness';
import { charging, configure, getConfiguration } from '../../../engine/conformance/states16';
import { checkClockAligned, checkContext, checkMeasurands, checkSpacing, configuredMeasurands } from './meter-values';

export default defineCase({
  id: 'TC_071_CS',
  title: 'Clock-aligned Meter Values',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_071_CS (§2.9.2)', 'OCPP 1.6 §3.16.2, §4.7, §7.31, §7.35, §7.43, §9.1'],
  requires: ['a valid id tag', 'a configured clock-aligned data interval'],
  manual: true,
  description: 'The charger sends clock-aligned meter values on the configured grid from midnight, with the configured measurands.',
  // A 10 s interval keeps the three intervals short in the self-test.
  proof: { behaviour: 'clock-aligned-off-grid', step: 'clock-aligned', settings: { clockAlignedDataInterval: 10 } },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const interval = t.settings.clockAlignedDataInterval;
    await configure(t, 'MeterValueSampleInterval', 0);
    await configure(t, 'ClockAlignedDataInterval', interval);
    const config = await getConfiguration(t, ['MeterValuesAlignedData']);
    const measurands = configuredMeasurands(config['MeterValuesAlignedData']);
    await charging(t, { connectorId });
    // Only what comes after the transaction started counts.
    t.checkpoint();
    const received: Received[] = [];
    for (let n = 1; n <= 3; n++) {
      received.push(
        await t.expect('MeterValues', { connectorId }, { within: 2 * interval, eventually: true, says: `Expect the charger to send clock-aligned MeterValues for connector ${connectorId} (${n} of 3, every ${interval} s)` }),
      );
    }
    // Step 3's validations.
    checkSpacing(t, received, interval);
    checkClockAligned(t, received, interval);
    checkContext(t, received, 'Sample.Clock');
    checkMeasurands(t, received, 'MeterValuesAlignedData', measurands);
  },
});
