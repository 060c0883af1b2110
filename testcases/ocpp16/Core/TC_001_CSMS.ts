// OCTT 1.6 TC_001_CSMS (§3.1.1) Cold Boot Charge Point: the CSMS accepts the boot of the
// charge point and answers its status notifications and heartbeat.
// OCPP 1.6 §4.2 BootNotification, §4.9 StatusNotification, §4.6 Heartbeat.
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { bootNotification, connectorIds, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_001_CSMS',
  title: 'Cold Boot Charge Point',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_001_CSMS (§3.1.1)', 'OCPP 1.6 §4.2, §4.6, §4.9'],
  requires: ['the charge point id, vendor and model known to the CSMS'],
  description: 'The Charge Point starts up and registers at the Central System: BootNotification Accepted, a StatusNotification per connector and for connector 0, then a Heartbeat.',
  proof: { behaviour: 'rejects-boot', step: 'BootNotification' },
  async run(t) {
    await t.connect();
    // Steps 1–2: the boot is Accepted.
    const interval = await bootNotification(t);
    // Steps 3–4: Available for every connector and for connector 0.
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
    // Steps 5–6: the tool sends Heartbeat every x seconds (x = the interval of step 2). The
    // CSMS is tested on its answer, so the first one goes out now rather than after x seconds.
    t.note(`The CSMS asks for a Heartbeat every ${String(interval)} s`);
    await t.send('Heartbeat', {}, { currentTime: present }, { says: 'Send Heartbeat and expect an answer where currentTime is present' });
  },
});
