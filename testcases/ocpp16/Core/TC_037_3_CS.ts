// OCTT 1.6 TC_037_3_CS (§2.14.4) Offline Start Transaction - Invalid IdTag -
// StopTransactionOnInvalidId = true: a transaction started offline with a tag the charger
// accepted locally, which the Central System then calls Invalid, is stopped with reason
// DeAuthorized.
// OCPP 1.6 §3.5.4 (StopTransactionOnInvalidId), §3.5.2 (LocalListConflict), §3.7, §4.8,
// §4.10 StopTransaction (Reason DeAuthorized, §7.36), §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { startedOfflineThenInvalid } from './offline';

export default defineCase({
  id: 'TC_037_3_CS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_037_3_CS (§2.14.4)', 'OCPP 1.6 §3.5.2, §3.5.4, §3.7, §4.8, §4.10, §7.36, §4.9'],
  requires: ['an invalid id tag', 'offline transactions (local list, authorization cache or unknown offline authorization)', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger stops an offline transaction with reason DeAuthorized when the Central System calls its tag Invalid.',
  proof: { behaviour: 'invalid-id-keeps-charging', step: 'DeAuthorized' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await startedOfflineThenInvalid(t, true);
    // Steps 5 and 7 (they may be reversed, §1.2); a LocalListConflict on connector 0 may come too.
    await t.expect('StopTransaction', { transactionId, reason: 'DeAuthorized' });
    await t.expect('StatusNotification', { connectorId, status: 'Finishing' }, { eventually: true });
  },
});
