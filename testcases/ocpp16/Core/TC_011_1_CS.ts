// OCTT 1.6 TC_011_1_CS (§2.5.2) Remote Start Charging Session – Remote Start First: the
// remote start comes before the cable; the charger (after Authorize, if
// AuthorizeRemoteTxRequests is true) goes Preparing and starts when the cable is plugged in.
// OCPP 1.6 §5.11 RemoteStartTransaction, §5.8, §4.1, §4.8, §4.9, §9.1.3.
import { defineCase } from '../../../engine/conformance/case';
import { some } from '../../../engine/conformance/matchers';

export default defineCase({
  id: 'TC_011_1_CS',
  title: 'Remote Start Charging Session – Remote Start First',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_011_1_CS (§2.5.2)', 'OCPP 1.6 §5.11, §5.8, §4.1, §4.8, §4.9, §9.1.3'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger accepts a RemoteStartTransaction before the cable is plugged in and starts the transaction once it is.',
  proof: { behaviour: 'early-authorization-forgotten', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
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
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    // Steps 9 and 11 (may be reversed, §1.2); step 10: the tool answers Accepted.
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
  },
});
