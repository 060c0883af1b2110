// OCTT 1.6 TC_005_3_CS (§2.3.5) EV Side Disconnected - StopTransactionOnEVSideDisconnect =
// false - UnlockConnectorOnEVSideDisconnect = false: unplugging at the car suspends the
// transaction (SuspendedEV, "EV side disconnected") instead of stopping it; the Central
// System then stops it remotely.
// OCPP 1.6 §4.10 (StopTransactionOnEVSideDisconnect false: the transaction stays, energy
// stops), §4.9, §5.12, §9.1 keys; errata 3.55/3.64 (SuspendedEV / SuspendedEVSE).
import { defineCase } from '../../../engine/conformance/case';
import { matching, oneOf } from '../../../engine/conformance/matchers';
import { charging, configure, configureIfImplemented } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_005_3_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_005_3_CS (§2.3.5)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §4.10, §4.9, §5.12, §9.1.20, §9.1.23, §9.1.33', 'OCPP 1.6 errata 3.55, 3.64'],
  requires: ['StopTransactionOnEVSideDisconnect implemented and read-write'],
  manual: true,
  description: 'The charger keeps the transaction when the cable is unplugged at the EV side and it is configured to do so; the Central System stops it remotely.',
  proof: { behaviour: 'ev-disconnect-always-stops', step: 'SuspendedEV' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const fixedCable = t.has('FixedCable');
    // Prerequisite: StopTransactionOnEVSideDisconnect is implemented and read-write, so setting it must succeed.
    await configureIfImplemented(t, { MinimumStatusDuration: '0', UnlockConnectorOnEVSideDisconnect: 'false' });
    await configure(t, 'StopTransactionOnEVSideDisconnect', false);
    const transactionId = await charging(t);
    await t.operator({ kind: 'evDisconnect', connectorId });
    // Step 1.
    await t.expect('StatusNotification', { connectorId, status: oneOf('SuspendedEV', 'SuspendedEVSE'), info: matching(/EV side disconnected/i, 'reads "EV side disconnected"') });
    // Steps 3 and 4.
    await t.send('RemoteStopTransaction', { transactionId });
    // Steps 5 and 7 may be reversed; a fixed cable went with the EV, so Available is right then.
    await t.expectAll([
      { action: 'StatusNotification', matcher: { connectorId, status: fixedCable ? oneOf('Finishing', 'Available') : 'Finishing' } },
      { action: 'StopTransaction', matcher: { transactionId, reason: 'Remote' } },
    ]);
  },
});
