// OCTT 1.6 TC_037_2_CS (§2.14.3) Offline Start Transaction - Invalid IdTag -
// StopTransactionOnInvalidId = false: a transaction started offline with a tag the charger
// accepted locally, which the Central System then calls Invalid, goes on without energy
// (SuspendedEVSE).
// OCPP 1.6 §3.5.4 (StopTransactionOnInvalidId, MaxEnergyOnInvalidId), §3.5.2 (LocalListConflict),
// §3.7, §4.8 StartTransaction, §4.9 (SuspendedEVSE).
import { defineCase } from '../../../engine/conformance/case';
import { startedOfflineThenInvalid } from './offline';

export default defineCase({
  id: 'TC_037_2_CS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_037_2_CS (§2.14.3)', 'OCPP 1.6 §3.5.2, §3.5.4, §3.7, §4.8, §4.9'],
  requires: ['an invalid id tag', 'offline transactions (local list, authorization cache or unknown offline authorization)', 'a way to cut the charger off the network'],
  manual: true,
  description: 'The charger stops delivering energy (SuspendedEVSE) when an offline transaction turns out to be Invalid, and keeps the transaction.',
  proof: { behaviour: 'invalid-id-keeps-charging', step: 'SuspendedEVSE' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await startedOfflineThenInvalid(t, false);
    // Step 5; a LocalListConflict on connector 0 (§3.5.2) may come too.
    await t.expectAll(
      [
        { action: 'StatusNotification', matcher: { connectorId, status: 'SuspendedEVSE' } },
        { action: 'StatusNotification', matcher: { connectorId: 0, errorCode: 'LocalListConflict' }, optional: true },
      ],
      { eventually: true },
    );
  },
});
