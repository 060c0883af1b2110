// OCTT 1.6 TC_005_1_CS (§2.3.3) EV Side Disconnected - StopTransactionOnEVSideDisconnect =
// true - UnlockConnectorOnEVSideDisconnect = true: unplugging at the car stops the
// transaction with reason EVDisconnected.
// OCPP 1.6 §4.10, §9.1 StopTransactionOnEVSideDisconnect / UnlockConnectorOnEVSideDisconnect
// / MinimumStatusDuration, §4.9 (Charging → Finishing).
import { defineCase } from '../../../engine/conformance/case';
import { charging, configureIfImplemented } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_005_1_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_005_1_CS (§2.3.3)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §4.10, §4.9, §9.1.20, §9.1.23, §9.1.33'],
  requires: ['no fixed cable', 'StopTransactionOnEVSideDisconnect not read-only false'],
  applies: (s) => (s.features.includes('FixedCable') ? 'the charger has a fixed cable (prerequisite: it does not)' : true),
  manual: true,
  description: 'The charger stops the transaction when the cable is unplugged at the EV side and it is configured to do so.',
  proof: { behaviour: 'wrong-stop-reason', step: 'reason is EVDisconnected' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Configuration states (MinimumStatusDuration is optional, OCTT 1.6 §1.3; a read-only
    // StopTransactionOnEVSideDisconnect that is already true is fine, per the prerequisite).
    await configureIfImplemented(t, { MinimumStatusDuration: '0', StopTransactionOnEVSideDisconnect: 'true', UnlockConnectorOnEVSideDisconnect: 'true' });
    const transactionId = await charging(t);
    await t.operator({ kind: 'evDisconnect', connectorId });
    // Steps 1 and 3 may be reversed.
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'EVDisconnected' } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
  },
});
