// What the charger is told when the CSMS does not accept the relayed handshake, and the
// sentence the capture keeps. The CSMS's own HTTP refusal (401, 403, 404…) passes through
// with its body; failures to reach it become gateway errors (RFC 9110 §15.6.3, §15.6.5).
import { ConnectRefusal } from '../net/connect';

export interface Refusal {
  /** HTTP status for the charger. */
  status: number;
  /** Response body for the charger. */
  body: string;
  /** Why, in a sentence, for the capture and the terminal. */
  reason: string;
}

export function refusalFor(err: unknown, upstreamUrl: string): Refusal {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ConnectRefusal)) {
    return { status: 502, body: 'The CSMS could not be reached.', reason: `Connecting to ${upstreamUrl} failed: ${message}` };
  }
  switch (err.kind) {
    case 'http': {
      const status = err.status ?? 0;
      if (status >= 400 && status <= 599) {
        return {
          status,
          body: err.body ?? '',
          reason: `The CSMS refused the connection with HTTP ${status}${err.body ? ` ("${truncate(err.body, 200)}")` : ''}.`,
        };
      }
      return { status: 502, body: `The CSMS answered HTTP ${status} instead of switching protocols.`, reason: `The CSMS answered HTTP ${status} instead of accepting the WebSocket: ${message}.` };
    }
    case 'refused':
      return { status: 502, body: 'The CSMS refused the connection.', reason: `The CSMS at ${upstreamUrl} refused the TCP connection (nothing listening).` };
    case 'unreachable':
      return { status: 502, body: 'The CSMS is unreachable.', reason: `The CSMS at ${upstreamUrl} is unreachable: ${message}.` };
    case 'tls':
      return { status: 502, body: 'TLS with the CSMS failed.', reason: `${message}.` };
    case 'timeout':
      return { status: 504, body: 'The CSMS did not answer in time.', reason: `${message}.` };
    case 'subprotocol':
      // 2.0.1 Part 4 §3.2: a CSMS that agrees to none of the offered subprotocols completes
      // the handshake without one and closes; the proxy cannot relay a socket its client
      // already rejected, so the charger gets 400 (the usual refusal for this case).
      return { status: 400, body: 'The CSMS accepted none of the offered subprotocols.', reason: `The CSMS accepted none of the subprotocols the charger offered (${message}).` };
    case 'error':
      return { status: 502, body: 'The CSMS could not be reached.', reason: `${message}.` };
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
