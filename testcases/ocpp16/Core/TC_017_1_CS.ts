// OCTT 1.6 TC_017_1_CS (§2.7.1) Unlock connector - no charging session running (Not fixed
// cable): the charger unlocks its socket on request.
// OCPP 1.6 §5.18 UnlockConnector.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_017_1_CS',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_017_1_CS (§2.7.1)', 'OCPP 1.6 §5.18'],
  requires: ['no fixed cable'],
  applies: (s) => (s.features.includes('FixedCable') ? 'the charger has a fixed cable (prerequisite: it does not; see TC_017_2_CS)' : true),
  description: 'The charger unlocks a connector when the Central System asks it to.',
  proof: { behaviour: 'unlock-not-supported', step: 'status is Unlocked' },
  async run(t) {
    await t.send('UnlockConnector', { connectorId: t.settings.connectorId }, { status: 'Unlocked' });
  },
});
