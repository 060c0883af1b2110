// OCTT 1.6 TC_005_2_CS (§2.3.4) EV Side Disconnected - StopTransactionOnEVSideDisconnect =
// true - UnlockConnectorOnEVSideDisconnect = false: unplugging at the car stops the
// transaction (EVDisconnected) but keeps the connector locked until UnlockConnector.
// OCPP 1.6 §4.10, §5.18, §9.1 StopTransactionOnEVSideDisconnect / UnlockConnectorOnEVSideDisconnect
// / MinimumStatusDuration; errata 3.83 (fixed cable: UnlockConnectorOnEVSideDisconnect read-only false).
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { charging, configureIfImplemented } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_005_2_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_005_2_CS (§2.3.4)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §4.10, §4.9, §5.18, §9.1.20, §9.1.23, §9.1.33', 'OCPP 1.6 errata 3.83'],
  requires: ['StopTransactionOnEVSideDisconnect not read-only false'],
  manual: true,
  description: 'The charger stops the transaction when the cable is unplugged at the EV side, keeps the connector locked, and unlocks it on request.',
  proof: { behaviour: 'wrong-stop-reason', step: 'reason is EVDisconnected' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await configureIfImplemented(t, { MinimumStatusDuration: '0', StopTransactionOnEVSideDisconnect: 'true', UnlockConnectorOnEVSideDisconnect: 'false' });
    const transactionId = await charging(t);
    await t.operator({ kind: 'evDisconnect', connectorId });
    // Steps 1 and 3 may be reversed; Available for a fixed cable, which the EV took along.
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'EVDisconnected' } },
      { action: 'StatusNotification', matcher: { connectorId, status: oneOf('Finishing', 'Available') } },
    ]);
    // Steps 5 and 6: NotSupported for a fixed cable.
    await t.send('UnlockConnector', { connectorId }, { status: oneOf('Unlocked', 'NotSupported') });
  },
});
