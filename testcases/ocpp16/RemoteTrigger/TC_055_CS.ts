// OCTT 1.6 TC_055_CS (§2.21.2) Trigger Message - Rejected: a trigger for a connector the
// charger does not have is Rejected (or refused with a CALLERROR) and nothing is sent.
// OCPP 1.6 §5.17 TriggerMessage.
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_055_CS',
  title: 'Trigger Message - Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'RemoteTrigger',
  specRefs: ['OCTT 1.6 TC_055_CS (§2.21.2)', 'OCPP 1.6 §5.17'],
  description: 'The charger rejects TriggerMessage(MeterValues) for connector NumberOfConnectors + 1 and sends no MeterValues.',
  proof: { behaviour: 'trigger-accepts-unknown-connector', step: 'status is Rejected' },
  async run(t) {
    const connectorId = t.settings.connectors + 1;
    await t.send('TriggerMessage', { requestedMessage: 'MeterValues', connectorId }, { status: 'Rejected' }, { orError: true });
    // Expected result: the charger does not send the requested message.
    await t.expectNone('MeterValues', undefined, 10);
  },
});
