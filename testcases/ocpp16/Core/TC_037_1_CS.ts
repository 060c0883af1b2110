// OCTT 1.6 TC_037_1_CS (§2.14.2) Offline Start Transaction - Valid IdTag: a transaction
// started while offline with a tag the charger knows locally is reported when the
// connection returns (StartTransaction, then Charging).
// OCPP 1.6 §3.5 (LocalAuthorizeOffline, local list, cache, AllowOfflineTxForUnknownId), §3.7
// (queued transaction-related messages), §4.8 StartTransaction, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { offlineAuthorizationFor } from './offline';

export default defineCase({
  id: 'TC_037_1_CS',
  title: 'Offline Start Transaction - Valid IdTag',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_037_1_CS (§2.14.2)', 'OCPP 1.6 §3.5, §3.7, §4.8, §4.9'],
  requires: ['a valid id tag', 'offline transactions (local list, authorization cache or unknown offline authorization)', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger starts a transaction while offline and sends its StartTransaction when the connection is back.',
  proof: { behaviour: 'offline-start-refused', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await offlineAuthorizationFor(t, idTag);
    await t.operator({ kind: 'networkDown' });
    // [EV Driver starts offline a transaction with a valid idTag.]
    await t.operator({ kind: 'plugIn', connectorId });
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.operator({ kind: 'networkUp' });
    // Steps 1–4 (the tool answers StartTransaction Accepted); statuses queued offline may pass by.
    await t.expectAll(
      [
        { action: 'StartTransaction', matcher: { connectorId, idTag } },
        { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
      ],
      { eventually: true },
    );
  },
});
