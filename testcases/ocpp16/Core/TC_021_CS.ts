// OCTT 1.6 TC_021_CS (§2.8.2) Change/set Configuration: the charger accepts a new
// MeterValueSampleInterval and reports it afterwards.
// OCPP 1.6 §5.3 ChangeConfiguration, §5.8 GetConfiguration, §9.1.19 MeterValueSampleInterval.
import { defineCase } from '../../../engine/conformance/case';
import { some } from '../../../engine/conformance/matchers';
import { configure, getConfiguration } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_021_CS',
  title: 'Change/set Configuration',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_021_CS (§2.8.2)', 'OCPP 1.6 §5.3, §5.8, §9.1'],
  requires: ['a configured meter value sample interval'],
  description: 'The Central System sets MeterValueSampleInterval; the charger accepts it and reports the new value.',
  proof: { behaviour: 'change-config-not-applied', step: 'GetConfiguration' },
  async run(t) {
    const interval = String(t.settings.meterValueSampleInterval);
    // Configuration state: MeterValueSampleInterval is NOT <Configured Meter Value interval>.
    const before = await getConfiguration(t, ['MeterValueSampleInterval']);
    if (before['MeterValueSampleInterval'] === interval) await configure(t, 'MeterValueSampleInterval', t.settings.meterValueSampleInterval + 1);
    else t.note(`MeterValueSampleInterval is ${before['MeterValueSampleInterval'] ?? 'not reported'}, not ${interval}`);

    await t.send('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: interval }, { status: 'Accepted' });
    await t.send('GetConfiguration', { key: ['MeterValueSampleInterval'] }, { configurationKey: some({ key: 'MeterValueSampleInterval', value: interval }) });
  },
});
