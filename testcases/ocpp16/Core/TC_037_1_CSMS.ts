// OCTT 1.6 TC_037_1_CSMS (§3.12.1) Offline Start Transaction - Valid IdTag: a transaction
// started while offline reaches the CSMS late, when the connection is back.
// OCPP 1.6 §3.5 offline behaviour, §3.7 transaction-related messages, §4.8, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendStartTransaction, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_037_1_CSMS',
  title: 'Offline Start Transaction - Valid IdTag',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_037_1_CSMS (§3.12.1)', 'OCPP 1.6 §3.5, §3.7, §4.8, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'While offline the Charge Point starts a transaction for a valid id tag; once connected again it sends the queued StartTransaction (stamped in the past), which the Central System accepts, and StatusNotification Charging.',
  proof: { behaviour: 'queued-messages-rejected', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.note('Connectivity between the Charge Point and the Central System is removed');
    t.disconnect();
    t.note(`The EV driver starts a transaction offline with ${idTag}; the Charge Point queues its StartTransaction`);
    const started = new Date().toISOString();
    await t.wait(1, 'the Charge Point charges offline');
    t.note('Connectivity is restored');
    await t.connect();
    await sendStartTransaction(t, { connectorId, idTag, timestamp: started });
    await sendStatus(t, connectorId, 'Charging', { timestamp: started });
  },
});
