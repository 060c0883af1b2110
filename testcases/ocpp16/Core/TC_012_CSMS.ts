// OCTT 1.6 TC_012_CSMS (§3.4.4) Remote Stop Charging Session: the CSMS stops the running
// transaction remotely. OCPP 1.6 §5.12 RemoteStopTransaction, §4.10 StopTransaction
// (reason Remote, §7.36), §4.9 StatusNotification.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, csmsSends, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_012_CSMS',
  title: 'Remote Stop Charging Session',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_012_CSMS (§3.4.4)', 'OCPP 1.6 §4.9, §4.10, §5.12, §7.36'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'During a transaction the Central System sends RemoteStopTransaction for it; the Charge Point accepts and stops with reason Remote, reports Finishing, and Available once unplugged.',
  proof: { behaviour: 'remote-stop-wrong-transaction-id', step: 'RemoteStopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    const transactionId = await csmsCharging(t);
    // Step 2: the Charge Point accepts the stop of the transaction it runs.
    t.respond('RemoteStopTransaction', (call) => (call.payload['transactionId'] === transactionId ? { result: { status: 'Accepted' } } : undefined), {
      once: true,
      says: `with status Accepted if it names transaction ${transactionId}`,
    });
    // The Charge Point can only stop the transaction it runs, so the request must name it.
    await csmsSends(t, 'RemoteStopTransaction', {
      words: `Make the Central System stop transaction ${transactionId} remotely (RemoteStopTransaction)`,
      payload: { transactionId },
      matcher: { transactionId },
    });
    await sendStopTransaction(t, { transactionId, reason: 'Remote' });
    await sendStatus(t, connectorId, 'Finishing');
    t.note('The EV driver unplugs the cable');
    await sendStatus(t, connectorId, 'Available');
  },
});
