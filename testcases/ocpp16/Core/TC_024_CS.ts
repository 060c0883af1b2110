// OCTT 1.6 TC_024_CS (§2.10.2) Start Charging Session - Lock Failure: after a remote start,
// the cable goes in halfway so the connector lock cannot close; the charger reports
// Faulted with ConnectorLockFailure and starts no transaction.
// OCPP 1.6 §5.11 RemoteStartTransaction, §4.9 StatusNotification, §7.6 ChargePointErrorCode.
import { defineCase } from '../../../engine/conformance/case';
import { getConfiguration } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_024_CS',
  title: 'Start Charging Session - Lock Failure',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_024_CS (§2.10.2)', 'OCPP 1.6 §5.11, §4.9, §7.6'],
  requires: ['a valid id tag', 'no fixed cable'],
  applies: (s) => (s.features.includes('FixedCable') ? 'the charger has a fixed cable (the case needs a socket with a lock)' : true),
  manual: true,
  description: 'The charger reports a connector lock failure and does not start a transaction.',
  proof: { behaviour: 'lock-failure-ignored', step: 'ConnectorLockFailure' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Steps 1–8 (the document runs them as its Before steps).
    const config = await getConfiguration(t, ['AuthorizeRemoteTxRequests']);
    const authorizeRemote = config['AuthorizeRemoteTxRequests'] === 'true';
    await t.send('RemoteStartTransaction', { connectorId, idTag }, { status: 'Accepted' });
    await t.expectAll([
      { action: 'Authorize', matcher: { idTag }, optional: !authorizeRemote },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Preparing' } },
    ]);
    // Step 9: [EV driver plugs in the cable halfway] — the lock cannot close.
    await t.operator({ kind: 'lockFailure', connectorId });
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Faulted', errorCode: 'ConnectorLockFailure' });
    // Expected result: no transaction (the document names no duration).
    await t.expectNone('StartTransaction', undefined, t.settings.transactionDuration, `Expect the charger not to send StartTransaction for the transaction duration (${t.settings.transactionDuration} s)`);
    // Post-condition (§1.3): the connector available again.
    await t.operator({ kind: 'unplug', connectorId });
  },
});
