// OCTT 1.6 TC_011_2_CS (§2.5.3) Remote Start Charging Session – Time Out: a remote start
// without a cable expires after ConnectionTimeOut and the connector becomes Available again.
// OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.6 ConnectionTimeOut, §5.8, §4.9 (Preparing → Available).
import { defineCase } from '../../../engine/conformance/case';
import { some } from '../../../engine/conformance/matchers';
import { configure } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_011_2_CS',
  title: 'Remote Start Charging Session – Time Out',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_011_2_CS (§2.5.3)', 'OCPP 1.6 §5.11, §9.1.6, §5.8, §4.1, §4.9'],
  requires: ['a valid id tag'],
  description: 'The charger sets the connector back to Available when no cable is plugged in within ConnectionTimeOut after a RemoteStartTransaction.',
  // A shorter configured ConnectionTimeOut keeps the self-test quick; the case reads it from the settings.
  proof: { behaviour: 'connection-timeout-ignored', step: 'status is Available', settings: { connectionTimeOut: 10 } },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const timeout = t.settings.connectionTimeOut;
    // Configuration state: ConnectionTimeOut is <Configured connectionTimeout>.
    await configure(t, 'ConnectionTimeOut', timeout);
    // Steps 1 and 2.
    const config = await t.send('GetConfiguration', { key: ['AuthorizeRemoteTxRequests'] }, { configurationKey: some({ key: 'AuthorizeRemoteTxRequests' }) });
    const keys = config.kind === 'result' ? (config.payload['configurationKey'] as Array<{ key: string; value?: string }>) : [];
    const authorizeRemote = keys.find((k) => k.key === 'AuthorizeRemoteTxRequests')?.value?.toLowerCase() === 'true';
    // Steps 3 and 4.
    await t.send('RemoteStartTransaction', { connectorId, idTag }, { status: 'Accepted' });
    // Steps 5 and 6: only if AuthorizeRemoteTxRequests is true; the tool answers Accepted.
    if (authorizeRemote) await t.expect('Authorize', { idTag });
    else t.note('AuthorizeRemoteTxRequests is false: no Authorize is expected (steps 5 and 6)');
    // Step 7.
    const preparing = await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    // Step 9: [after the configured connection timeout has been reached].
    const available = await t.expect('StatusNotification', { connectorId, status: 'Available' }, {
      within: timeout + t.settings.timeouts.message,
      says: `Expect the charger to send StatusNotification where connectorId is ${connectorId} and status is Available once ConnectionTimeOut (${timeout} s) has expired`,
    });
    t.checkTiming('the connector became Available', available.at - preparing.at, timeout, 'about', available.frame);
  },
});
