// OCTT 1.6 TC_070_CS (§2.9.1) Sampled Meter Values: during a transaction the charger sends
// MeterValues every MeterValueSampleInterval seconds, context Sample.Periodic, with a sampled
// value for each measurand of MeterValuesSampledData.
// OCPP 1.6 §3.16.1 (sampled meter data), §4.7 MeterValues, §9.1 (MeterValueSampleInterval,
// MeterValuesSampledData, ClockAlignedDataInterval).
import { defineCase } from '../../../engine/conformance/case';
import type { Received } from '../../../engine/conformance/harness';
import { charging, configure, getConfiguration } from '../../../engine/conformance/states16';
import { checkContext, checkMeasurands, checkSpacing, configuredMeasurands } from './meter-values';

export default defineCase({
  id: 'TC_070_CS',
  title: 'Sampled Meter Values',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_070_CS (§2.9.1)', 'OCPP 1.6 §3.16.1, §4.7, §7.31, §7.35, §7.43, §9.1'],
  requires: ['a valid id tag', 'a configured meter value sample interval'],
  manual: true,
  description: 'The charger sends sampled meter values at the configured interval, with the configured measurands.',
  // More than the energy register configured, so leaving measurands out shows.
  proof: {
    behaviour: 'meter-values-missing-measurand',
    step: 'each measurand',
    settings: { configuration: { MeterValuesSampledData: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import' } },
  },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const interval = t.settings.meterValueSampleInterval;
    await configure(t, 'MeterValueSampleInterval', interval);
    await configure(t, 'ClockAlignedDataInterval', 0);
    const config = await getConfiguration(t, ['MeterValuesSampledData']);
    const measurands = configuredMeasurands(config['MeterValuesSampledData']);
    await charging(t, { connectorId });
    // Step 1: every x seconds after the transaction started, for three times x.
    const received: Received[] = [];
    for (let n = 1; n <= 3; n++) {
      received.push(
        await t.expect('MeterValues', { connectorId }, { within: 2 * interval, eventually: true, says: `Expect the charger to send sampled MeterValues for connector ${connectorId} (${n} of 3, every ${interval} s)` }),
      );
    }
    // Step 3's validations.
    checkSpacing(t, received, interval);
    checkContext(t, received, 'Sample.Periodic');
    checkMeasurands(t, received, 'MeterValuesSampledData', measurands);
  },
});
