// OCTT 1.6 TC_031_CS (§2.12.2) Unlock Connector – Unknown Connector: NotSupported for a
// connector the charger does not have.
// OCPP 1.6 §5.18 UnlockConnector, errata 3.85 (unknown connector → NotSupported).
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_031_CS',
  title: 'Unlock Connector – Unknown Connector',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_031_CS (§2.12.2)', 'OCPP 1.6 §5.18', 'OCPP 1.6 errata 3.85'],
  description: 'The charger answers UnlockConnector for an unknown connectorId with NotSupported.',
  proof: { behaviour: 'unlock-always-succeeds', step: 'NotSupported' },
  async run(t) {
    // <Unknown connectorId>: one past the last connector.
    await t.send('UnlockConnector', { connectorId: t.settings.connectors + 1 }, { status: 'NotSupported' });
  },
});
