// OCTT 1.6 TC_038_CS (§2.14.5) Offline Stop Transaction: a transaction the driver stops while
// the charger is offline is reported when the connection returns (StopTransaction with
// reason Local or none, and Finishing).
// OCPP 1.6 §3.7 (queued transaction-related messages), §4.10 StopTransaction, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { satisfies } from '../../../engine/conformance/matchers';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_038_CS',
  title: 'Offline Stop Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_038_CS (§2.14.5)', 'OCPP 1.6 §3.7, §4.10, §4.9'],
  requires: ['a valid id tag', 'local stop of a transaction', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger stops a transaction while offline and sends its StopTransaction when the connection is back.',
  proof: { behaviour: 'offline-messages-dropped', step: 'StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const transactionId = await charging(t, { connectorId, idTag });
    await t.operator({ kind: 'networkDown' });
    // [The EV Driver stops the transaction, while still offline.]
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.operator({ kind: 'networkUp' });
    // Steps 1 and 3 may be reversed; statuses queued offline may pass by.
    await t.expect('StopTransaction', { transactionId, reason: satisfies('is Local or absent', (v) => v === undefined || v === 'Local') });
    await t.expect('StatusNotification', { connectorId, status: 'Finishing' }, { eventually: true });
  },
});
