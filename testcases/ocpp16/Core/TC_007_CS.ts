// OCTT 1.6 TC_007_CS (§2.4.1) Regular Start Charging Session – Cached Id: with the id tag in
// its authorization cache and LocalPreAuthorize on, the charger starts a remote start without
// asking the Central System.
// OCPP 1.6 §3.5.1 (authorization cache), §3.5 LocalPreAuthorize, §4.1, §5.11 (a remote start
// is authorized like a local one when AuthorizeRemoteTxRequests is true), §9.1.2, §9.1.3, §9.1.13.
import { defineCase } from '../../../engine/conformance/case';
import { configure, configureIfImplemented, idTagCached } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_007_CS',
  title: 'Regular Start Charging Session – Cached Id',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_007_CS (§2.4.1)', 'OCTT 1.6 memory state IdTagCached (§2.26)', 'OCPP 1.6 §3.5.1, §4.1, §5.11, §9.1.2, §9.1.3, §9.1.13'],
  requires: ['an authorization cache', 'AuthorizeRemoteTxRequests not read-only false', 'a valid id tag'],
  manual: true,
  description: 'The charger starts a transaction with an id tag from its authorization cache, without an Authorize request.',
  proof: { behaviour: 'cache-not-used', step: 'without sending Authorize' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Configuration states.
    await configure(t, 'AuthorizationCacheEnabled', true);
    await configureIfImplemented(t, { AuthorizeRemoteTxRequests: 'true' });
    await configure(t, 'LocalPreAuthorize', true);
    // Memory state: IdTagCached for <Configured valid IdTag>.
    await idTagCached(t, idTag);
    // Steps 1 and 2.
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    // Steps 3 and 4.
    const remoteStart = t.elapsed();
    await t.send('RemoteStartTransaction', { connectorId, idTag }, { status: 'Accepted' });
    // Steps 5 and 7 (may be reversed); step 6: the tool answers Accepted.
    const [start] = await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
    // The scenario has no Authorize: the cached id tag authorizes the start (LocalPreAuthorize).
    const asked = t.received('Authorize').filter((r) => r.at >= remoteStart && r.at <= (start?.at ?? t.elapsed()));
    t.check('the charger started from its cache, without sending Authorize', asked.length === 0, `it sent Authorize for ${asked.map((r) => String(r.payload['idTag'])).join(', ')}`, asked[0]?.frame);
  },
});
