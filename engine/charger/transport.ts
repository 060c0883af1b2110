// The simulator's real transport: an OCPP-J WebSocket to a CSMS with the security profile's
// credentials (HTTP Basic, TLS, client certificate), recorded through the LiveRecorder like
// every live connection of the bench.
//
// OCPP-J 1.6 §3.1 (URL ends with the charge point id), security whitepaper ed. 3 §2.3–2.5
// (profile 1: Basic over ws; 2: Basic over TLS; 3: TLS client certificate, no Basic).
import type { ConnectionInfo, OcppVersion } from '../../api/model';
import { connect, ConnectRefusal, type Connected } from '../net/connect';
import { basicAuthHeader } from '../net/handshake';
import { VERSIONS } from '../ocpp/versions';
import { OcppEndpoint } from '../rpc/endpoint';
import type { LiveRecorder } from '../traffic/recorder';
import type { ConnectionSecurity, Link, LinkHandlers, Transport } from './link';

export interface WebSocketTransportOptions {
  /** The CSMS URL without the charge point id. */
  url: string;
  id: string;
  version: OcppVersion;
  recorder?: LiveRecorder;
  /** Response timeout for the charger's CALLs (real ms). */
  callTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** The URL a charger connects to: the base, a slash, the percent-encoded id; wss for profiles 2 and 3. */
export function chargerUrl(base: string, id: string, profile: number): string {
  let url = base.trim().replace(/\/+$/, '');
  if (profile >= 2 && url.startsWith('ws://')) url = `wss://${url.slice('ws://'.length)}`;
  return `${url}/${encodeURIComponent(id)}`;
}

export class WebSocketTransport implements Transport {
  constructor(private readonly options: WebSocketTransportOptions) {}

  get target(): string {
    return this.options.url;
  }

  async open(handlers: LinkHandlers, security: ConnectionSecurity): Promise<Link> {
    const { id, version, recorder } = this.options;
    const url = chargerUrl(this.options.url, id, security.profile);
    const subprotocol = VERSIONS[version].subprotocol;
    const basic = security.profile !== 3 && security.password !== undefined;
    const user = security.user ?? id;
    const parsed = new URL(url);
    const info: ConnectionInfo = {
      path: `${parsed.pathname}${parsed.search}`,
      chargePointId: id,
      offeredSubprotocols: [subprotocol],
      remoteAddress: parsed.host,
      ...(basic ? { authUser: user, authPassword: typeof security.password === 'string' ? security.password : security.password!.toString('hex') } : {}),
    };
    let connected: Connected;
    try {
      connected = await connect(url, {
        subprotocols: [subprotocol],
        headers: basic ? { Authorization: basicAuthHeader(user, security.password!) } : {},
        ...(url.startsWith('wss:')
          ? {
              tls: {
                ...(security.ca !== undefined ? { ca: security.ca } : {}),
                ...(security.profile === 3 && security.cert !== undefined ? { cert: security.cert } : {}),
                ...(security.profile === 3 && security.key !== undefined ? { key: security.key } : {}),
                ...(security.insecure === true ? { insecure: true } : {}),
                ...(security.ciphers !== undefined ? { ciphers: security.ciphers } : {}),
                ...(security.maxTlsVersion !== undefined ? { maxVersion: security.maxTlsVersion } : {}),
              },
            }
          : {}),
        timeoutMs: this.options.connectTimeoutMs ?? 10_000,
      });
    } catch (err) {
      const refusal = err instanceof ConnectRefusal ? err : new ConnectRefusal('error', err instanceof Error ? err.message : String(err));
      recorder?.fail(info, refusal.message, refusal.status);
      throw refusal;
    }
    if (connected.subprotocol !== subprotocol) {
      connected.ws.terminate();
      const refusal = new ConnectRefusal('subprotocol', `${url} did not agree to ${subprotocol} (chose "${connected.subprotocol}")`);
      recorder?.fail(info, refusal.message);
      throw refusal;
    }
    const session = recorder?.open({ ...info, subprotocol, ...(connected.tls !== undefined ? { tls: connected.tls } : {}) }, { version });
    const endpoint = new OcppEndpoint({
      ws: connected.ws,
      version,
      side: 'charger',
      onCall: handlers.onCall,
      ...(session !== undefined ? { session } : {}),
      ...(this.options.callTimeoutMs !== undefined ? { callTimeoutMs: this.options.callTimeoutMs } : {}),
    });
    let closing: 'clean' | 'abrupt' | undefined;
    connected.ws.on('close', (code: number, reason: Buffer) => {
      if (session === undefined) return;
      const text = reason.toString();
      if (closing !== undefined) session.close('charger', closing, { code, ...(text !== '' ? { reason: text } : {}) });
      else session.close('csms', code === 1006 ? 'abrupt' : 'clean', { code, ...(text !== '' ? { reason: text } : {}) });
    });
    return {
      get isOpen() {
        return endpoint.isOpen;
      },
      call: (action, payload, options) => endpoint.call(action, payload, options),
      sendRaw: (text) => endpoint.sendRaw(text),
      close: (code, reason) => {
        closing ??= 'clean';
        endpoint.close(code, reason);
      },
      terminate: () => {
        closing ??= 'abrupt';
        endpoint.terminate();
      },
      onClose: (listener) => endpoint.onClose(listener),
    };
  }
}
