// OCTT 1.6 TC_030_CS (§2.12.1) Unlock Connector – Unlock Failure: the charger reports
// UnlockFailed when its connector lock does not open.
// OCPP 1.6 §5.18 UnlockConnector.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_030_CS',
  title: 'Unlock Connector – Unlock Failure',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_030_CS (§2.12.1)', 'OCPP 1.6 §5.18'],
  requires: ['a connector lock whose failure can be provoked'],
  // A fixed cable has no lock to unlock: UnlockConnector is NotSupported there (TC_017_2_CS).
  applies: (s) => (s.features.includes('FixedCable') ? 'the charger has a fixed cable, so no connector lock can fail to open' : true),
  manual: true,
  description: 'The charger answers UnlockConnector with UnlockFailed when the lock cannot be opened.',
  proof: { behaviour: 'unlock-always-succeeds', step: 'UnlockFailed' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Prerequisite: the charger is in a state where a connector lock failure can be triggered.
    await t.operator({ kind: 'unlockFailure', connectorId });
    await t.send('UnlockConnector', { connectorId }, { status: 'UnlockFailed' });
  },
});
