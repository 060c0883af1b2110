// OCTT 1.6 TC_032_1_CS (§2.13.1) Power failure boot charging point - configured to stop
// transaction(s) before going down: with a back-up power source the charger stops the
// transaction with reason PowerLoss before it goes down, then boots and reports its
// connectors when the power returns.
// OCPP 1.6 §4.10 StopTransaction (Reason PowerLoss, §7.36), §4.2 BootNotification, §4.9,
// errata 3.22 (a status per connector and connector 0 after the boot).
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { charging, connectorIds } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_032_1_CS',
  title: 'Power failure boot charging point - configured to stop transaction(s) before going down',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_032_1_CS (§2.13.1)', 'OCPP 1.6 §4.10, §7.36, §4.2, §4.9', 'OCPP 1.6 errata 3.22'],
  requires: ['a valid id tag', 'a back-up power source (feature BackupPower)'],
  applies: (s) => (s.features.includes('BackupPower') ? true : 'the charger declares no back-up power source (feature BackupPower); TC_032_2_CS applies instead'),
  manual: true,
  description: 'With back-up power, the charger stops its transactions with reason PowerLoss before going down.',
  proof: { behaviour: 'wrong-stop-reason', step: 'PowerLoss', settings: { features: ['BackupPower'] } },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await charging(t, { connectorId });
    // Steps 1–4: [Disconnect the power]; steps 5–8: [Reconnect the power]. One operator step:
    // the charger's back-up power lets it report before it is off.
    await t.operator({ kind: 'powerCycle' });
    // General conventions (§1.2): StopTransaction and StatusNotification(Finishing) may be reversed.
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'PowerLoss' } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
    await t.expect('BootNotification', undefined, { says: 'Expect the charger to boot when the power returns (BootNotification, answered Accepted)' });
    // Step 7, per connector and connector 0.
    await t.expectAll(
      connectorIds(t, true).map((id) => ({ action: 'StatusNotification', matcher: { connectorId: id, status: id === connectorId ? oneOf('Finishing', 'Preparing') : 'Available' } })),
    );
  },
});
