// OCTT 1.6 TC_024_CSMS (§3.8.4) Start Charging Session Lock Failure: the charge point reports
// that it could not lock the connector. OCPP 1.6 §4.9 StatusNotification, §7.6
// ChargePointErrorCode (ConnectorLockFailure), §7.7 ChargePointStatus (Faulted).
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsAuthorized, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_024_CSMS',
  title: 'Start Charging Session Lock Failure',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_024_CSMS (§3.8.4)', 'OCPP 1.6 §4.9, §7.6, §7.7'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'After the driver identified, the Charge Point reports Preparing, then Faulted with errorCode ConnectorLockFailure when the cable cannot be locked: the Central System answers both.',
  proof: { behaviour: 'connector-error-callerror', step: 'Faulted' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    await csmsAuthorized(t);
    await sendStatus(t, connectorId, 'Preparing');
    t.note('The EV driver plugs in the cable; the Charge Point fails to lock it');
    await sendStatus(t, connectorId, 'Faulted', { errorCode: 'ConnectorLockFailure' });
  },
});
