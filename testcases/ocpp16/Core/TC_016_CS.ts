// OCTT 1.6 TC_016_CS (§2.6.4) Soft Reset With Transaction: a soft reset during a transaction
// stops it gracefully with reason SoftReset (Finishing); if the charger then boots again it
// reports its connectors.
// OCPP 1.6 §5.14 Reset (soft: stop transactions gracefully, reason SoftReset), §4.10, §4.2,
// §4.9; errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { charging, connectorIds } from '../../../engine/conformance/states16';

/** How long a charger may take to restart and connect again (the document gives no time). */
const RESTART_S = 180;

export default defineCase({
  id: 'TC_016_CS',
  title: 'Soft Reset With Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_016_CS (§2.6.4)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.14, §4.10, §4.2, §4.9', 'OCPP 1.6 errata 3.22'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger soft-resets during a transaction: it stops the transaction with reason SoftReset first.',
  proof: { behaviour: 'wrong-stop-reason', step: 'reason is SoftReset' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await charging(t);
    // Steps 1 and 2.
    await t.send('Reset', { type: 'Soft' }, { status: 'Accepted' });
    // Steps 3 to 6 (StopTransaction and StatusNotification(Finishing) may be reversed, §1.2).
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'SoftReset' } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
    // Steps 7 and 8 are optional: a soft reset need not reboot the charger.
    const boot = await t.maybe('BootNotification', undefined, {
      within: RESTART_S,
      waitForOptional: true,
      says: 'Expect the charger to send BootNotification if the soft reset restarts it (step 7, optional, answered Accepted)',
    });
    // Step 9: only after a BootNotification, per connector and connector 0.
    if (boot !== undefined) {
      await t.expectAll(connectorIds(t, true).map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? oneOf('Finishing', 'Preparing') : 'Available' } })));
    } else {
      t.note('The charger did not boot again, so no StatusNotification per connector is expected (step 9)');
    }
  },
});
