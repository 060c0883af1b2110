// OCTT 1.6 TC_037_3_CSMS (§3.12.2) Offline Start Transaction - Invalid IdTag -
// StopTransactionOnInvalidId = true: a transaction started offline for an id tag the CSMS
// does not accept is stopped with reason DeAuthorized once the CSMS answers Invalid.
// OCPP 1.6 §3.7, §4.8 StartTransaction, §4.10 StopTransaction, §7.36, §9.1.24.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendStartTransaction, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_037_3_CSMS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_037_3_CSMS (§3.12.2)', 'OCPP 1.6 §3.7, §4.8, §4.9, §4.10, §7.36, §9.1.24'],
  requires: ['an id tag unknown to the Central System (idTags.invalid)'],
  description: 'While offline the Charge Point starts a transaction for an invalid id tag; back online, the Central System answers the queued StartTransaction with Invalid, and the Charge Point stops the transaction (DeAuthorized) and reports Finishing.',
  proof: { behaviour: 'start-transaction-accepts-invalid-tag', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.invalid;
    await booted(t);
    t.note('Connectivity between the Charge Point and the Central System is removed');
    t.disconnect();
    t.note(`The EV driver starts a transaction offline with ${idTag}; the Charge Point queues its StartTransaction`);
    const started = new Date().toISOString();
    await t.wait(1, 'the Charge Point charges offline');
    t.note('Connectivity is restored');
    await t.connect();
    const transactionId = await sendStartTransaction(t, { connectorId, idTag, timestamp: started, status: 'Invalid' });
    await sendStatus(t, connectorId, 'Charging', { timestamp: started });
    // StopTransactionOnInvalidId is true on the tool charger: the refused transaction ends.
    await sendStopTransaction(t, { transactionId, reason: 'DeAuthorized' });
    await sendStatus(t, connectorId, 'Finishing');
  },
});
