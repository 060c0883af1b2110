// OCTT 1.6 TC_055_CSMS (§3.18.2) Trigger Message - Rejected: the CSMS triggers MeterValues
// for a connector the charge point does not have (NumberOfConnectors + 1) and takes Rejected
// for an answer. OCPP 1.6 §5.17 TriggerMessage.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_055_CSMS',
  title: 'Trigger Message - Rejected',
  version: '1.6',
  sut: 'csms',
  profile: 'RemoteTrigger',
  specRefs: ['OCTT 1.6 TC_055_CSMS (§3.18.2)', 'OCPP 1.6 §5.17'],
  requires: ['the Central System can send TriggerMessage for a connector that is not configured'],
  manual: true,
  description: 'The Central System triggers MeterValues for connector NumberOfConnectors + 1; the Charge Point rejects it.',
  proof: { behaviour: 'trigger-known-connectors-only', step: 'TriggerMessage' },
  async run(t) {
    const connectorId = t.settings.connectors + 1;
    await booted(t);
    // Step 2: the tool answers Rejected.
    t.respond('TriggerMessage', { result: { status: 'Rejected' } }, { once: true });
    await csmsSends(t, 'TriggerMessage', {
      words: `Make the Central System trigger a MeterValues for connector ${connectorId}, which the Charge Point does not have (TriggerMessage)`,
      payload: { requestedMessage: 'MeterValues', connectorId },
      matcher: { requestedMessage: 'MeterValues', connectorId },
    });
  },
});
