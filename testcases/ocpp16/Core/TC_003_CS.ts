// OCTT 1.6 TC_003_CS (§2.2.1) Regular Charging Session - Plugin First.
// OCPP 1.6 §4.2 Authorize, §4.8 StartTransaction, §4.9 StatusNotification.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_003_CS',
  title: 'Regular Charging Session - Plugin First',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_003_CS (§2.2.1)', 'OCPP 1.6 §4.2, §4.8, §4.9'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger starts a charging session when the cable is plugged in first, then the driver presents identification.',
  proof: { behaviour: 'invalid-status-transition', step: 'status is Preparing' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.expect('Authorize', { idTag });
    // General conventions (§1.2): StartTransaction and StatusNotification(Charging) may be reversed.
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
  },
});
