// OCTT 1.6 TC_001_CSMS (§3.1.1) Cold Boot Charge Point: the CSMS accepts the boot and
// answers the status notifications and heartbeats. OCPP 1.6 §4.2 BootNotification, §4.6 Heartbeat.
import { defineCase } from '../../../engine/conformance/case';
import { atLeast } from '../../../engine/conformance/matchers';
import { connectorIds } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_001_CSMS',
  title: 'Cold Boot Charge Point',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_001_CSMS (§3.1.1)', 'OCPP 1.6 §4.2, §4.6, §4.9'],
  proof: { behaviour: 'rejects-boot', step: 'BootNotification' },
  async run(t) {
    await t.connect();
    const boot = await t.send('BootNotification', { chargePointVendor: t.settings.vendor, chargePointModel: t.settings.model }, { status: 'Accepted', interval: atLeast(0) });
    const interval = boot.kind === 'result' ? Number(boot.payload['interval']) : 0;
    for (const connectorId of connectorIds(t, true)) {
      await t.send('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() });
    }
    t.check(`the heartbeat interval is a positive number of seconds (got ${interval})`, interval > 0);
    await t.send('Heartbeat', {}, undefined);
  },
});
