// OCTT 1.6 TC_018_1_CSMS (§3.6.3) Unlock Connector - With Charging Session (Not fixed
// cable): unlocking during a transaction stops it with reason UnlockCommand.
// OCPP 1.6 §5.18 UnlockConnector, §4.10 StopTransaction, §7.36 Reason, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, csmsSends, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_018_1_CSMS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_018_1_CSMS (§3.6.3)', 'OCPP 1.6 §4.9, §4.10, §5.18, §7.36'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'During a transaction the Central System sends UnlockConnector; the Charge Point unlocks, reports Finishing, stops the transaction with reason UnlockCommand, and reports Available once unplugged.',
  proof: { behaviour: 'stop-reason-unhandled', step: 'StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    const transactionId = await csmsCharging(t);
    t.respond('UnlockConnector', { result: { status: 'Unlocked' } }, { once: true });
    await csmsSends(t, 'UnlockConnector', { words: `Make the Central System unlock connector ${connectorId}, which has a transaction running (UnlockConnector)`, payload: { connectorId } });
    await sendStatus(t, connectorId, 'Finishing');
    await sendStopTransaction(t, { transactionId, reason: 'UnlockCommand' });
    t.note('The EV driver unplugs the cable');
    await sendStatus(t, connectorId, 'Available');
  },
});
