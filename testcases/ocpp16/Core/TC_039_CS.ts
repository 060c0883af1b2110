// OCTT 1.6 TC_039_CS (§2.14.6) Offline Transaction: a transaction started and stopped while
// offline is reported when the connection returns: StartTransaction, then StopTransaction
// (reason Local or none) for the transaction id the Central System gave.
// OCPP 1.6 §3.5 (offline authorization), §3.7 (queued transaction-related messages), §4.8,
// §4.10; errata 3.18 (the stop needs the id from StartTransaction.conf).
import { defineCase } from '../../../engine/conformance/case';
import { satisfies } from '../../../engine/conformance/matchers';
import { offlineAuthorizationFor } from './offline';

export default defineCase({
  id: 'TC_039_CS',
  title: 'Offline Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_039_CS (§2.14.6)', 'OCPP 1.6 §3.5, §3.7, §4.8, §4.10', 'OCPP 1.6 errata 3.18'],
  requires: ['a valid id tag', 'offline transactions (local list, authorization cache or unknown offline authorization)', 'local stop of a transaction', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger queues the start and the stop of a transaction it ran offline, and sends them in order when the connection is back.',
  proof: { behaviour: 'offline-messages-dropped', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await offlineAuthorizationFor(t, idTag);
    await t.operator({ kind: 'networkDown' });
    // [EV Driver starts offline a transaction.]
    await t.operator({ kind: 'plugIn', connectorId });
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.wait(2, 'while the transaction runs offline');
    // [EV Driver stops offline a transaction.] [EV driver unplugs the cable.]
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.operator({ kind: 'unplug', connectorId });
    await t.operator({ kind: 'networkUp' });
    // Steps 1–2: the tool answers Accepted.
    const start = await t.expect('StartTransaction', { connectorId, idTag });
    const transactionId = 'result' in start.answer ? Number(start.answer.result['transactionId']) : undefined;
    // Step 3; the stop names the transaction the Central System numbered in step 2.
    await t.expect('StopTransaction', { transactionId, reason: satisfies('is Local or absent', (v) => v === undefined || v === 'Local') });
  },
});
