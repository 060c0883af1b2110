// OCTT 1.6 TC_013_CS (§2.6.1) Hard Reset Without transaction: after a hard reset the charger
// boots again and still has the connector it was told to make Inoperative Unavailable.
// OCPP 1.6 §5.14 Reset, §5.2 ChangeAvailability (availability persists over a reboot), §4.2,
// §4.9; errata 3.22 (a StatusNotification per connector and connector 0 after the boot).
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';

/** How long a charger may take to restart and connect again (the document gives no time). */
const RESTART_S = 180;

export default defineCase({
  id: 'TC_013_CS',
  title: 'Hard Reset Without transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_013_CS (§2.6.1)', 'OCPP 1.6 §5.14, §5.2, §4.2, §4.9', 'OCPP 1.6 errata 3.22'],
  description: 'The charger hard-resets on request, boots again, and keeps an Inoperative connector Unavailable over the reset.',
  proof: { behaviour: 'availability-not-persisted', step: 'is Unavailable' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Steps 1 to 4.
    await t.send('ChangeAvailability', { connectorId, type: 'Inoperative' }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Unavailable' });
    // Steps 5 and 6.
    await t.send('Reset', { type: 'Hard' }, { status: 'Accepted' });
    await t.expectConnection({ fresh: true, within: RESTART_S, says: 'Expect the charger to restart and connect again' });
    // Steps 7 and 8: the tool answers Accepted.
    await t.expect('BootNotification', undefined, { says: 'Expect the charger to send BootNotification (step 7, answered Accepted)' });
    // Step 9: per connector and connector 0; the Inoperative one is still Unavailable.
    await t.expectAll(connectorIds(t, true).map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? 'Unavailable' : 'Available' } })));
    // Steps 11 to 14.
    await t.send('ChangeAvailability', { connectorId, type: 'Operative' }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Available' });
  },
});
