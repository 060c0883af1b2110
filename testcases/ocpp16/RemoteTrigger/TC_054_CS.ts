// OCTT 1.6 TC_054_CS (§2.21.1) Trigger Message: the charger answers TriggerMessage for
// MeterValues, Heartbeat, StatusNotification and DiagnosticsStatusNotification with Accepted and
// then sends each (diagnostics Idle); FirmwareStatusNotification is Accepted (then Idle) or
// NotImplemented. OCPP 1.6 §5.17 TriggerMessage, §4.4, §4.5 (Idle when nothing runs).
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { triggerMessage } from './trigger';

export default defineCase({
  id: 'TC_054_CS',
  title: 'Trigger Message',
  version: '1.6',
  sut: 'charger',
  profile: 'RemoteTrigger',
  specRefs: ['OCTT 1.6 TC_054_CS (§2.21.1)', 'OCPP 1.6 §4.4, §4.5, §5.17'],
  description: 'The charger sends each message the Central System triggers, after its Accepted answer.',
  proof: { behaviour: 'trigger-before-response', step: 'after its TriggerMessage answer' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await triggerMessage(t, 'MeterValues', { connectorId });
    await triggerMessage(t, 'Heartbeat');
    await triggerMessage(t, 'StatusNotification', { connectorId });
    await triggerMessage(t, 'DiagnosticsStatusNotification', { matcher: { status: 'Idle' } });
    // Step 18: Accepted OR NotImplemented; step 19 only if implemented.
    await triggerMessage(t, 'FirmwareStatusNotification', { answer: { status: oneOf('Accepted', 'NotImplemented') }, matcher: { status: 'Idle' } });
  },
});
