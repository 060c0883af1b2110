// OCTT 1.6 TC_017_2_CS (§2.7.2) Unlock connector - no charging session running (Fixed
// cable): a charger with a fixed cable has nothing to unlock and says so.
// OCPP 1.6 §5.18 UnlockConnector (NotSupported), §7.45 UnlockStatus.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_017_2_CS',
  title: 'Unlock connector - no charging session running (Fixed cable)',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_017_2_CS (§2.7.2)', 'OCPP 1.6 §5.18'],
  requires: ['a fixed cable (feature FixedCable)'],
  applies: (s) => (s.features.includes('FixedCable') ? true : 'the charger does not declare a fixed cable (feature FixedCable)'),
  description: 'The charger with a fixed cable answers UnlockConnector with NotSupported.',
  proof: { behaviour: 'unlock-always-succeeds', step: 'status is NotSupported', settings: { features: ['FixedCable'] } },
  async run(t) {
    await t.send('UnlockConnector', { connectorId: t.settings.connectorId }, { status: 'NotSupported' });
  },
});
