// TriggerMessage from the bench (charger under test): the answer, then the triggered
// message — which must come after the answer (OCPP 1.6 §5.17: the charger first answers,
// then sends the requested message).
import type { Harness, Received } from '../../../engine/conformance/harness';
import type { PayloadMatcher } from '../../../engine/conformance/matchers';

export interface Triggered {
  status: string;
  message?: Received;
}

/**
 * Sends TriggerMessage and expects an answer matching `answer` (default: Accepted); when the
 * status is Accepted, expects the requested message (matching `matcher`) and checks that it
 * followed the answer on the wire.
 */
export async function triggerMessage(
  t: Harness,
  requestedMessage: string,
  options: { connectorId?: number; answer?: PayloadMatcher; matcher?: PayloadMatcher } = {},
): Promise<Triggered> {
  const request = { requestedMessage, ...(options.connectorId !== undefined ? { connectorId: options.connectorId } : {}) };
  const outcome = await t.send('TriggerMessage', request, options.answer ?? { status: 'Accepted' });
  const status = outcome.kind === 'result' ? String(outcome.payload['status']) : 'CALLERROR';
  if (status !== 'Accepted') return { status };
  const message = await t.expect(requestedMessage, options.matcher);
  const answered = outcome.responseSeq;
  const sent = message.frame?.seq;
  if (answered !== undefined && sent !== undefined) {
    t.check(`the charger sent ${requestedMessage} after its TriggerMessage answer (OCPP 1.6 §5.17)`, sent > answered, `${requestedMessage} came before the answer`, message.frame);
  }
  return { status, message };
}
