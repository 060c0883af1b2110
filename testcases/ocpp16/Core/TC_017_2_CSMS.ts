// OCTT 1.6 TC_017_2_CSMS (§3.6.2) Unlock connector - no charging session running (Fixed
// cable): the charge point cannot unlock a fixed cable and says NotSupported.
// OCPP 1.6 §5.18 UnlockConnector, §7.46 UnlockStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_017_2_CSMS',
  title: 'Unlock connector - no charging session running (Fixed cable)',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_017_2_CSMS (§3.6.2)', 'OCPP 1.6 §5.18, §7.46'],
  manual: true,
  description: 'The Central System sends UnlockConnector; the Charge Point, with a fixed cable, answers NotSupported, which the Central System must handle.',
  proof: { behaviour: 'no-command:UnlockConnector', step: 'UnlockConnector' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    t.respond('UnlockConnector', { result: { status: 'NotSupported' } }, { once: true, says: 'with status NotSupported (the tool charger has a fixed cable)' });
    await csmsSends(t, 'UnlockConnector', { words: `Make the Central System unlock connector ${connectorId} (UnlockConnector)`, payload: { connectorId } });
  },
});
