// OCTT 1.6 TC_054_CSMS (§3.18.1) Trigger Message: the CSMS triggers MeterValues,
// Heartbeat, StatusNotification, DiagnosticsStatusNotification and FirmwareStatusNotification;
// the tool charger accepts each and sends it, and the CSMS answers — also a MeterValues outside
// a transaction and Idle statuses. OCPP 1.6 §5.17 TriggerMessage, §4.4–§4.7, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import type { Harness } from '../../../engine/conformance/harness';
import type { PayloadMatcher } from '../../../engine/conformance/matchers';
import { booted, csmsSends, sendStatus } from '../../../engine/conformance/states16';

/** The operator makes the CSMS trigger `requestedMessage`; the tool answers Accepted (steps 2/6/10/14/18). */
async function csmsTriggers(t: Harness, requestedMessage: string, connectorId?: number): Promise<void> {
  t.respond('TriggerMessage', { result: { status: 'Accepted' } }, { once: true });
  const request = { requestedMessage, ...(connectorId !== undefined ? { connectorId } : {}) };
  const matcher: PayloadMatcher = request;
  await csmsSends(t, 'TriggerMessage', {
    words: `Make the Central System trigger a ${requestedMessage}${connectorId !== undefined ? ` for connector ${connectorId}` : ''} (TriggerMessage)`,
    payload: request,
    matcher,
  });
}

export default defineCase({
  id: 'TC_054_CSMS',
  title: 'Trigger Message',
  version: '1.6',
  sut: 'csms',
  profile: 'RemoteTrigger',
  specRefs: ['OCTT 1.6 TC_054_CSMS (§3.18.1)', 'OCPP 1.6 §4.4, §4.5, §4.6, §4.7, §4.9, §5.17'],
  manual: true,
  description: 'The Central System triggers five messages in turn; the Charge Point sends each after accepting, and the Central System answers them.',
  proof: { behaviour: 'meter-values-callerror', step: 'MeterValues' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    await csmsTriggers(t, 'MeterValues', connectorId);
    // Triggered, outside a transaction: no transactionId (OCPP 1.6 §4.7, §5.17).
    const meterValue = [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '0', context: 'Trigger', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }];
    await t.send('MeterValues', { connectorId, meterValue }, undefined, { says: `Send the triggered MeterValues for connector ${connectorId} (no transaction: no transactionId)` });
    await csmsTriggers(t, 'Heartbeat');
    await t.send('Heartbeat', {}, undefined, { says: 'Send the triggered Heartbeat' });
    await csmsTriggers(t, 'StatusNotification', connectorId);
    await sendStatus(t, connectorId, 'Available');
    await csmsTriggers(t, 'DiagnosticsStatusNotification');
    await t.send('DiagnosticsStatusNotification', { status: 'Idle' }, undefined, { says: 'Send the triggered DiagnosticsStatusNotification: Idle' });
    // Step 18: the tool charger implements it, so it answers Accepted and sends step 19.
    await csmsTriggers(t, 'FirmwareStatusNotification');
    await t.send('FirmwareStatusNotification', { status: 'Idle' }, undefined, { says: 'Send the triggered FirmwareStatusNotification: Idle' });
  },
});
