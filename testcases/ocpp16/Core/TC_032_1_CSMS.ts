// OCTT 1.6 TC_032_1_CSMS (§3.11.1) Power failure boot charging point-configured to stop
// transaction(s): after a power failure the charge point boots and stops the transaction
// that was running, with reason PowerLoss. OCPP 1.6 §4.2 BootNotification, §4.9, §4.10,
// §3.7 (queued transaction messages), §7.36 Reason.
import { defineCase } from '../../../engine/conformance/case';
import { booted, bootNotification, connectorIds, csmsCharging, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_032_1_CSMS',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_032_1_CSMS (§3.11.1)', 'OCPP 1.6 §3.7, §4.2, §4.9, §4.10, §7.36'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'A transaction runs when the Charge Point loses power; it boots again (Accepted), reports Finishing for the connector of the transaction and Available for the others, and stops the transaction with reason PowerLoss.',
  proof: { behaviour: 'stop-reason-unhandled', step: 'StopTransaction' },
  async run(t) {
    const charging = t.settings.connectorId;
    await booted(t);
    const transactionId = await csmsCharging(t);
    t.note('Power failure: the power of the Charge Point is disconnected and reconnected');
    const poweredOff = new Date().toISOString();
    t.disconnect();
    await t.connect();
    await bootNotification(t);
    // Step 3: per connector and connector 0; the one with the transaction is Finishing.
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, connectorId === charging ? 'Finishing' : 'Available');
    await sendStopTransaction(t, { transactionId, reason: 'PowerLoss', timestamp: poweredOff });
  },
});
