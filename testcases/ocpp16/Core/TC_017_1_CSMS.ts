// OCTT 1.6 TC_017_1_CSMS (§3.6.1) Unlock connector - no charging session running (Not fixed
// cable): the CSMS asks the charge point to unlock an idle connector.
// OCPP 1.6 §5.18 UnlockConnector, §7.46 UnlockStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_017_1_CSMS',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_017_1_CSMS (§3.6.1)', 'OCPP 1.6 §5.18, §7.46'],
  manual: true,
  description: 'The Central System sends UnlockConnector for an idle connector; the Charge Point (no fixed cable) answers Unlocked.',
  proof: { behaviour: 'no-command:UnlockConnector', step: 'UnlockConnector' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    t.respond('UnlockConnector', { result: { status: 'Unlocked' } }, { once: true });
    await csmsSends(t, 'UnlockConnector', { words: `Make the Central System unlock connector ${connectorId} (UnlockConnector)`, payload: { connectorId } });
  },
});
