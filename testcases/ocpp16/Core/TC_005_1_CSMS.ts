// OCTT 1.6 TC_005_1_CSMS (§3.2.4) EV Side Disconnected - StopTransactionOnEVSideDisconnect =
// true - UnlockConnectorOnEVSideDisconnect = true: the charge point stops the transaction
// when the cable leaves the EV. OCPP 1.6 §4.10 StopTransaction, §7.36 Reason (EVDisconnected),
// §9.1.23 StopTransactionOnEVSideDisconnect, §9.1.33 UnlockConnectorOnEVSideDisconnect.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, sendStatus, sendStopTransaction } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_005_1_CSMS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_005_1_CSMS (§3.2.4)', 'OCPP 1.6 §4.9, §4.10, §7.36'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'The cable is disconnected at the EV side: the Charge Point reports SuspendedEV, stops the transaction with reason EVDisconnected, reports Finishing, and Available once unplugged. The Central System answers each.',
  proof: { behaviour: 'stop-reason-unhandled', step: 'StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    const transactionId = await csmsCharging(t);
    t.note('The EV driver disconnects the cable on the EV side');
    await sendStatus(t, connectorId, 'SuspendedEV');
    await sendStopTransaction(t, { transactionId, reason: 'EVDisconnected' });
    await sendStatus(t, connectorId, 'Finishing');
    t.note('The EV driver unplugs the cable from the Charge Point');
    await sendStatus(t, connectorId, 'Available');
  },
});
