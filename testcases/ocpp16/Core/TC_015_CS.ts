// OCTT 1.6 TC_015_CS (§2.6.3) Hard Reset With Transaction: a hard reset during a transaction
// stops it with reason HardReset — before the reboot (then with StatusNotification Finishing)
// or after the new BootNotification — and the charger reports its connectors after the boot.
// OCPP 1.6 §5.14 Reset (hard: stop transactions, reason HardReset), §4.10, §4.2, §4.9; errata
// 3.22, 3.36 (the stop may follow the reboot).
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { charging, connectorIds } from '../../../engine/conformance/states16';

/** How long a charger may take to restart and connect again (the document gives no time). */
const RESTART_S = 180;

export default defineCase({
  id: 'TC_015_CS',
  title: 'Hard Reset With Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_015_CS (§2.6.3)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.14, §4.10, §4.2, §4.9', 'OCPP 1.6 errata 3.22, 3.36'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger hard-resets during a transaction: it stops the transaction with reason HardReset, boots again and reports its connectors.',
  proof: { behaviour: 'hard-reset-loses-transaction', step: 'reason is HardReset' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await charging(t);
    // Steps 1 and 2.
    await t.send('Reset', { type: 'Hard' }, { status: 'Accepted' });
    await t.expectConnection({ fresh: true, within: RESTART_S, says: 'Expect the charger to restart and connect again' });
    // Steps 7 and 8: the tool answers Accepted.
    const boot = await t.expect('BootNotification', undefined, { says: 'Expect the charger to send BootNotification (step 7, answered Accepted)' });
    // Step 3: before the reboot or after the BootNotification.
    const stop = await t.expect('StopTransaction', { transactionId, reason: 'HardReset' }, {
      within: t.settings.timeouts.message,
      says: `Expect the charger to send StopTransaction where transactionId is ${transactionId} and reason is HardReset (step 3, before it went down or after its BootNotification)`,
    });
    // Step 5: required when the stop came before the reboot, optional otherwise.
    if (stop.at < boot.at) {
      const finishing = await t.expect('StatusNotification', { connectorId, status: 'Finishing' }, {
        eventually: true,
        says: `It stopped before going down, so expect it to have sent StatusNotification where connectorId is ${connectorId} and status is Finishing then too (step 5)`,
      });
      t.check('that StatusNotification(Finishing) came before the BootNotification', finishing.at < boot.at, 'it came only after the BootNotification', finishing.frame);
    } else {
      t.note('The StopTransaction came after the BootNotification, so StatusNotification(Finishing) before it was optional (step 5)');
    }
    // Step 9: per connector and connector 0; the cable is still in the connector of the transaction.
    await t.expectAll(
      connectorIds(t, true).map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? oneOf('Finishing', 'Preparing') : 'Available' } })),
      { says: `Expect the charger to send, in any order, after its BootNotification: StatusNotification where connectorId is ${connectorId} and status is one of Finishing, Preparing; and for connector 0 and each other connector status Available (step 9)` },
    );
  },
});
