// OCTT 1.6 TC_039_CSMS (§3.12.3) Offline Transaction: a whole transaction happens offline;
// its queued StartTransaction and StopTransaction reach the CSMS when the connection is back.
// OCPP 1.6 §3.5, §3.7 transaction-related messages, §4.8, §4.10, §7.36.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendStartTransaction, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_039_CSMS',
  title: 'Offline Transaction',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_039_CSMS (§3.12.3)', 'OCPP 1.6 §3.5, §3.7, §4.8, §4.10, §7.36'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'The Charge Point starts and stops a transaction while offline; once connected again it sends the queued StartTransaction, which the Central System accepts, and the StopTransaction (reason Local), which it answers.',
  proof: { behaviour: 'queued-messages-rejected', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.note('Connectivity between the Charge Point and the Central System is removed');
    t.disconnect();
    t.note(`The EV driver starts a transaction offline with ${idTag}`);
    const started = new Date().toISOString();
    await t.wait(1, 'the Charge Point charges offline');
    t.note('The EV driver stops the transaction offline and unplugs the cable');
    const stopped = new Date().toISOString();
    t.note('Connectivity is restored');
    await t.connect();
    const transactionId = await sendStartTransaction(t, { connectorId, idTag, timestamp: started });
    await sendStopTransaction(t, { transactionId, reason: 'Local', idTag, timestamp: stopped });
  },
});
