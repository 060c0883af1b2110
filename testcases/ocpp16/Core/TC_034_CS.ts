// OCTT 1.6 TC_034_CS (§2.13.3) Power Failure with Unavailable Status: the charge point made
// Inoperative keeps every connector Unavailable across a power failure.
// OCPP 1.6 §5.2 ChangeAvailability (persistent over reboots), §4.9, errata 3.22.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_034_CS',
  title: 'Power Failure with Unavailable Status',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_034_CS (§2.13.3)', 'OCPP 1.6 §5.2, §4.2, §4.9', 'OCPP 1.6 errata 3.22'],
  manual: true,
  description: 'The charger persists the Unavailable status of its connectors over a power failure.',
  proof: { behaviour: 'availability-not-persisted', step: 'again after the power came back' },
  async run(t) {
    const unavailable = () => connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Unavailable' } }));
    await t.send('ChangeAvailability', { connectorId: 0, type: 'Inoperative' }, { status: 'Accepted' });
    // Step 3, per connector and connector 0.
    await t.expectAll(unavailable());
    // Step 5: [Disconnect and reconnect the power of the Charge Point.]
    await t.operator({ kind: 'powerCycle' });
    await t.expect('BootNotification', undefined, { says: 'Expect the charger to boot (BootNotification, answered Accepted)' });
    await t.expectAll(unavailable(), { says: 'Expect the charger to report every connector and connector 0 Unavailable again after the power came back (StatusNotification)' });
  },
});
