// OCTT 1.6 TC_014_CS (§2.6.2) Soft Reset Without Transaction: the charger soft-resets; if it
// boots again it reports the Inoperative connector still Unavailable; made Operative, the
// connector becomes Available.
// OCPP 1.6 §5.14 Reset, §5.2 ChangeAvailability (availability persists over a reboot), §4.2,
// §4.9; errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';

/** How long a charger may take to restart and connect again (the document gives no time). */
const RESTART_S = 180;

export default defineCase({
  id: 'TC_014_CS',
  title: 'Soft Reset Without Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_014_CS (§2.6.2)', 'OCPP 1.6 §5.14, §5.2, §4.2, §4.9', 'OCPP 1.6 errata 3.22'],
  description: 'The charger soft-resets on request and keeps an Inoperative connector Unavailable over the reset.',
  proof: { behaviour: 'availability-not-persisted', step: 'is Unavailable' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Steps 1 to 4.
    await t.send('ChangeAvailability', { connectorId, type: 'Inoperative' }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Unavailable' });
    // Steps 5 and 6.
    await t.send('Reset', { type: 'Soft' }, { status: 'Accepted' });
    // Steps 7 and 8 are optional: a soft reset need not reboot the charger.
    const boot = await t.maybe('BootNotification', undefined, {
      within: RESTART_S,
      waitForOptional: true,
      says: 'Expect the charger to send BootNotification if the soft reset restarts it (step 7, optional, answered Accepted)',
    });
    // Step 9: only after a BootNotification, per connector and connector 0.
    if (boot !== undefined) {
      await t.expectAll(connectorIds(t, true).map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? 'Unavailable' : 'Available' } })));
    } else {
      t.note('The charger did not boot again, so no StatusNotification per connector is expected (step 9)');
    }
    // Steps 11 to 14.
    await t.send('ChangeAvailability', { connectorId, type: 'Operative' }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Available' });
  },
});
