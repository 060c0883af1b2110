// OCTT 1.6 TC_031_CSMS (§3.10.2) Unlock Connector – Unknown Connector: the charge point
// answers NotSupported for a connector it does not have. OCPP 1.6 §5.18, §7.46, §3.8.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_031_CSMS',
  title: 'Unlock Connector – Unknown Connector',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_031_CSMS (§3.10.2)', 'OCPP 1.6 §3.8, §5.18, §7.46'],
  manual: true,
  description: 'The Central System sends UnlockConnector for a connector the Charge Point does not have; the Charge Point answers NotSupported, which the Central System must handle.',
  proof: { behaviour: 'no-command:UnlockConnector', step: 'UnlockConnector' },
  async run(t) {
    const unknown = t.settings.connectors + 1;
    await booted(t);
    t.respond('UnlockConnector', { result: { status: 'NotSupported' } }, { once: true, says: 'with status NotSupported (an unknown connector)' });
    await csmsSends(t, 'UnlockConnector', {
      words: `Make the Central System unlock a connector the Charge Point does not have, e.g. connector ${unknown} (UnlockConnector)`,
      payload: { connectorId: unknown },
    });
  },
});
