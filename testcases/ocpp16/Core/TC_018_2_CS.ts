// OCTT 1.6 TC_018_2_CS (§2.7.4) Unlock Connector - With Charging Session (Fixed cable): a
// charger with a fixed cable answers NotSupported, also during a transaction.
// OCPP 1.6 §5.18 UnlockConnector (NotSupported).
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_018_2_CS',
  title: 'Unlock Connector - With Charging Session (Fixed cable)',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_018_2_CS (§2.7.4)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.18'],
  requires: ['a fixed cable (feature FixedCable)', 'a valid id tag'],
  applies: (s) => (s.features.includes('FixedCable') ? true : 'the charger does not declare a fixed cable (feature FixedCable)'),
  manual: true,
  description: 'The charger with a fixed cable answers UnlockConnector with NotSupported during a transaction.',
  proof: { behaviour: 'unlock-always-succeeds', step: 'status is NotSupported', settings: { features: ['FixedCable'] } },
  async run(t) {
    await charging(t);
    await t.send('UnlockConnector', { connectorId: t.settings.connectorId }, { status: 'NotSupported' });
  },
});
