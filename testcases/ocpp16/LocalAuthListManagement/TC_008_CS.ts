// OCTT 1.6 TC_008_CS (§2.17.3) Regular Start Charging Session – Id in Local Authorization
// List: with LocalPreAuthorize, a remote start for an id tag on the local list begins at once,
// without asking the Central System. OCPP 1.6 §3.5.2 Local Authorization List, §5.11
// RemoteStartTransaction (AuthorizeRemoteTxRequests), §9.1 LocalPreAuthorize.
import { defineCase } from '../../../engine/conformance/case';
import { configureIfImplemented } from '../../../engine/conformance/states16';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_008_CS',
  title: 'Regular Start Charging Session – Id in Local Authorization List',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_008_CS (§2.17.3)', 'OCPP 1.6 §3.5.2, §5.11, §5.15, §9.1'],
  requires: ['AuthorizeRemoteTxRequests not read-only false', 'a valid id tag'],
  manual: true,
  description: 'The valid id tag is on the local list; a remote start for it starts a transaction without an Authorize.',
  proof: { behaviour: 'local-list-not-consulted', step: 'did not send Authorize' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Configuration states; AuthorizationCacheEnabled only if implemented.
    const known = await configureIfImplemented(t, { LocalPreAuthorize: 'true', AuthorizationCacheEnabled: 'false', LocalAuthListEnabled: 'true', AuthorizeRemoteTxRequests: 'true' });
    const required = ['LocalPreAuthorize', 'LocalAuthListEnabled', 'AuthorizeRemoteTxRequests'];
    t.require(`the charger has the configuration keys ${required.join(', ')}`, required.every((k) => known.has(k)), `it lacks ${required.filter((k) => !known.has(k)).join(', ')}`);

    await t.send('GetLocalListVersion', {});
    await sendLocalList(t, { listVersion: 1, updateType: 'Full', entries: { [idTag]: 'Accepted' } }, { status: 'Accepted' });
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    await t.send('RemoteStartTransaction', { connectorId, idTag }, { status: 'Accepted' });
    // The tool answers StartTransaction with idTagInfo.status Accepted (step 10).
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
    // The scenario has no Authorize, and messages are sent as the scenario says (OCTT §1.2): the
    // tag is on the local list and LocalPreAuthorize lets the charger start without asking.
    t.check('the charger did not send Authorize for an id tag on its local list', t.received('Authorize').length === 0, `it sent Authorize ${t.received('Authorize').length} time(s)`);
  },
});
