// OCTT 1.6 TC_032_2_CS (§2.13.2) Power failure boot charging point-configured to stop
// transaction(s): without back-up power, the charger boots when the power returns, reports
// its connectors, and then either stops the interrupted transaction itself (reason
// PowerLoss) or resumes it, to be stopped by the driver (reason Local or omitted).
// OCPP 1.6 §4.10 StopTransaction (Reason PowerLoss, §7.36), §4.2 BootNotification, §4.9,
// §3.7 (transaction-related messages survive a reboot), errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { oneOf, satisfies } from '../../../engine/conformance/matchers';
import { charging, connectorIds } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_032_2_CS',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_032_2_CS (§2.13.2)', 'OCPP 1.6 §4.10, §7.36, §4.2, §4.9, §3.7', 'OCPP 1.6 errata 3.22'],
  requires: ['a valid id tag', 'no back-up power source'],
  applies: (s) => (s.features.includes('BackupPower') ? 'the charger declares a back-up power source (feature BackupPower); TC_032_1_CS applies instead' : true),
  manual: true,
  description: 'Without back-up power, the charger closes the interrupted transaction after it boots again.',
  proof: { behaviour: 'power-loss-loses-transaction', step: 'StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const transactionId = await charging(t, { connectorId, idTag });
    // Step 1: [Disconnect and reconnect the power of the Charge Point.]
    await t.operator({ kind: 'powerCycle' });
    await t.expect('BootNotification', undefined, { says: 'Expect the charger to boot when the power returns (BootNotification, answered Accepted)' });
    // Step 3, per connector and connector 0 (steps 3–7 may come in any order; intermediate
    // Unavailable or Available on the transaction's connector are allowed, so other
    // statuses may pass by).
    const ids = connectorIds(t, true);
    const statuses = await t.expectAll(
      ids.map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? oneOf('Preparing', 'Finishing', 'Charging') : 'Available' } })),
      { eventually: true },
    );
    const resumed = statuses[ids.indexOf(connectorId)]?.payload['status'] === 'Charging';

    // Step 5: stopped by the charger itself (reason PowerLoss), or — when it resumed the
    // transaction — by the driver presenting the tag that started it (Local, or no reason).
    if (resumed) await t.wait(5, 'for the charger to stop the resumed transaction itself, if it does so');
    const selfStop = await t.maybe('StopTransaction', { transactionId }, { says: 'Check whether the charger stopped the interrupted transaction itself (StopTransaction)' });
    if (selfStop !== undefined || !resumed) {
      const stop = selfStop ?? (await t.expect('StopTransaction', { transactionId }, { says: `Expect the charger to stop transaction ${transactionId} itself (StopTransaction)` }));
      t.check(`the charger stopped the transaction with reason PowerLoss (it gave ${String(stop.payload['reason'] ?? 'none')})`, stop.payload['reason'] === 'PowerLoss', undefined, stop.frame);
    } else {
      await t.operator({ kind: 'presentIdTag', idTag, connectorId });
      await t.expect('StopTransaction', { transactionId, reason: satisfies('is Local or absent', (v) => v === undefined || v === 'Local') });
    }
    // Step 7: "only send when not already notified of the status Finishing" — required after a
    // Charging report; after a Preparing or Finishing report it may still come.
    const finishing = { connectorId, status: oneOf('Preparing', 'Finishing') };
    if (resumed) await t.expect('StatusNotification', finishing, { eventually: true });
    else await t.maybe('StatusNotification', finishing);
  },
});
