// OCTT 1.6 TC_004_1_CS (§2.2.2) Regular Charging Session – Identification First: the driver
// identifies first (Authorize, Preparing), then plugs in, and the charger starts the
// transaction without asking again.
// OCPP 1.6 §4.1, §4.8, §4.9 (Available → Preparing on identification), §9.1 MeterValueSampleInterval.
import { defineCase } from '../../../engine/conformance/case';
import { authorized, configure } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_004_1_CS',
  title: 'Regular Charging Session – Identification First',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_004_1_CS (§2.2.2)', 'OCTT 1.6 reusable state Authorized (§2.25)', 'OCPP 1.6 §4.1, §4.8, §4.9, §9.1.19'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger starts a charging session when the driver presents identification before plugging in the cable.',
  proof: { behaviour: 'early-authorization-forgotten', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Configuration state: MeterValueSampleInterval is <Configured Meter Value interval>.
    await configure(t, 'MeterValueSampleInterval', t.settings.meterValueSampleInterval);
    // Step 1: the connector is Available, so Preparing must follow the identification.
    await authorized(t, idTag, { preparing: 'expected' });
    // Step 2.
    await t.operator({ kind: 'plugIn', connectorId });
    // Steps 3 and 5 may be reversed; step 4: the tool answers StartTransaction Accepted.
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
  },
});
