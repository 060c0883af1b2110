// The "Before" of the 1.6 offline-start cases (TC_037_1_CS, TC_037_2_CS, TC_037_3_CS,
// TC_039_CS): offline authorization switched on, and the tag known to the charger through
// its local list and authorization cache, each "if implemented".
// OCPP 1.6 §3.5 (local authorization, offline), §9.1 and §9.2 (the keys).
import type { Harness } from '../../../engine/conformance/harness';
import { configure, configureIfImplemented, idTagCached, idTagInLocalList } from '../../../engine/conformance/states16';

export async function offlineAuthorizationFor(t: Harness, idTag: string, extra: { required?: Record<string, string>; ifImplemented?: Record<string, string> } = {}): Promise<void> {
  // Configuration states.
  await configure(t, 'LocalAuthorizeOffline', true);
  for (const [key, value] of Object.entries(extra.required ?? {})) await configure(t, key, value);
  const implemented = await configureIfImplemented(t, { LocalAuthListEnabled: 'true', AuthorizationCacheEnabled: 'true', AllowOfflineTxForUnknownId: 'true', ...extra.ifImplemented });
  // Memory states.
  if (implemented.has('LocalAuthListEnabled')) await idTagInLocalList(t, 1, idTag);
  else t.note('No local authorization list: memory state IdTagLocalAuthList does not apply');
  if (implemented.has('AuthorizationCacheEnabled')) await idTagCached(t, idTag);
  else t.note('No authorization cache: memory state IdTagCached does not apply');
}

/**
 * TC_037_2_CS / TC_037_3_CS up to step 4: the invalid tag accepted locally, a transaction
 * started with it offline, the connection restored, StartTransaction answered Invalid and
 * the connector reported Charging. Returns the transaction id the tool gave.
 */
export async function startedOfflineThenInvalid(t: Harness, stopTransactionOnInvalidId: boolean): Promise<number> {
  const connectorId = t.settings.connectorId;
  const idTag = t.settings.idTags.invalid;
  await offlineAuthorizationFor(t, idTag, { required: { StopTransactionOnInvalidId: String(stopTransactionOnInvalidId) }, ifImplemented: { MaxEnergyOnInvalidId: '0' } });
  await t.operator({ kind: 'networkDown' });
  // [EV Driver starts offline a transaction with an invalid idTag.]
  await t.operator({ kind: 'plugIn', connectorId });
  await t.operator({ kind: 'presentIdTag', idTag, connectorId });
  // Step 2: the tool answers Invalid (with a transaction id, which the message needs).
  let transactionId = 0;
  t.respond(
    'StartTransaction',
    () => {
      transactionId = t.memory.nextTransactionId++;
      return { result: { transactionId, idTagInfo: { status: 'Invalid' } } };
    },
    { once: true, says: 'with idTagInfo.status Invalid (and a new transactionId)' },
  );
  await t.operator({ kind: 'networkUp' });
  await t.expectAll(
    [
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
      { action: 'StatusNotification', matcher: { connectorId: 0, errorCode: 'LocalListConflict' }, optional: true },
    ],
    { eventually: true },
  );
  return transactionId;
}
