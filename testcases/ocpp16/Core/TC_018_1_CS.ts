// OCTT 1.6 TC_018_1_CS (§2.7.3) Unlock Connector - With Charging Session (Not fixed cable):
// unlocking during a transaction first stops it (reason UnlockCommand), then the cable can
// be taken out.
// OCPP 1.6 §5.18 UnlockConnector (stop the transaction first), §4.10 (reason UnlockCommand), §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_018_1_CS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_018_1_CS (§2.7.3)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.18, §4.10, §4.9'],
  requires: ['no fixed cable', 'a valid id tag'],
  applies: (s) => (s.features.includes('FixedCable') ? 'the charger has a fixed cable (prerequisite: it does not; see TC_018_2_CS)' : true),
  manual: true,
  description: 'The charger unlocks a connector during a transaction: it stops the transaction with reason UnlockCommand, and the cable can be removed.',
  proof: { behaviour: 'unlock-not-supported', step: 'status is Unlocked' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await charging(t);
    // Steps 1 and 2.
    await t.send('UnlockConnector', { connectorId }, { status: 'Unlocked' });
    // Steps 3 and 5 (StopTransaction and StatusNotification(Finishing) may be reversed, §1.2).
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'UnlockCommand' } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
    // Step 7: [EV driver unplugs the cable].
    await t.operator({ kind: 'unplug', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Available' });
  },
});
