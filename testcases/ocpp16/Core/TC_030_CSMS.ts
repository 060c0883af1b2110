// OCTT 1.6 TC_030_CSMS (§3.10.1) Unlock Connector – Unlock Failure: the charge point cannot
// unlock the connector. OCPP 1.6 §5.18 UnlockConnector, §7.46 UnlockStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_030_CSMS',
  title: 'Unlock Connector – Unlock Failure',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_030_CSMS (§3.10.1)', 'OCPP 1.6 §5.18, §7.46'],
  manual: true,
  description: 'The Central System sends UnlockConnector; the Charge Point answers UnlockFailed, which the Central System must handle.',
  proof: { behaviour: 'no-command:UnlockConnector', step: 'UnlockConnector' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    t.respond('UnlockConnector', { result: { status: 'UnlockFailed' } }, { once: true, says: 'with status UnlockFailed (the tool charger fails to unlock)' });
    await csmsSends(t, 'UnlockConnector', { words: `Make the Central System unlock connector ${connectorId} (UnlockConnector)`, payload: { connectorId } });
  },
});
