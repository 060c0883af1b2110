// OCTT 1.6 TC_003_CS (§2.2.1) Regular Charging Session - Plugin First: the cable goes in
// first (Preparing), then the driver presents identification, the charger asks the Central
// System (Authorize) and starts the transaction (StartTransaction, Charging).
// OCPP 1.6 §4.1 Authorize, §4.8 StartTransaction, §4.9 StatusNotification, §3.5 (authorization).
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_003_CS',
  title: 'Regular Charging Session - Plugin First',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_003_CS (§2.2.1)', 'OCPP 1.6 §4.1, §4.8, §4.9, §3.5'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger starts a charging session when the cable is plugged in first, then the driver presents identification.',
  proof: { behaviour: 'invalid-status-transition', step: 'status is Preparing' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Steps 4 and 6: the tool answers Authorize and StartTransaction with idTagInfo.status Accepted
    // (its default answer for the configured valid id tag).
    t.note(`The Central System answers Authorize and StartTransaction for ${idTag} with idTagInfo.status Accepted (steps 4 and 6)`);
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
