// A minimal CSMS over real sockets for the simulator's tests: the bench's own listener (ws,
// wss, mTLS) and an OcppEndpoint on the CSMS side answering with defaultCsmsAnswer.
import type WebSocket from 'ws';
import type { OcppVersion } from '../../../api/model';
import { ChargerListener, type OpeningDecision, type OpeningRequest, type TlsServerOptions } from '../../net/listener';
import { OcppEndpoint, type CallAnswer } from '../../rpc/endpoint';
import { VERSIONS } from '../../ocpp/versions';
import { defaultCsmsAnswer } from './test-csms';

export interface EndpointCsms {
  url: string;
  /** Every opening request that reached the listener. */
  requests: OpeningRequest[];
  endpoints: OcppEndpoint[];
  received: Array<{ action: string; payload: Record<string, unknown>; at: number }>;
  /** Overrides per action. */
  respond(action: string, fn: (payload: Record<string, unknown>) => Record<string, unknown> | CallAnswer): void;
  stop(): Promise<void>;
}

export async function startEndpointCsms(
  version: OcppVersion,
  options: { tls?: TlsServerOptions; decide?: (req: OpeningRequest) => OpeningDecision<null> | undefined } = {},
): Promise<EndpointCsms> {
  const requests: OpeningRequest[] = [];
  const endpoints: OcppEndpoint[] = [];
  const received: EndpointCsms['received'] = [];
  const overrides = new Map<string, (payload: Record<string, unknown>) => Record<string, unknown> | CallAnswer>();
  let tx = 1;
  const subprotocol = VERSIONS[version].subprotocol;
  const listener = new ChargerListener<null>({
    host: '127.0.0.1',
    port: 0,
    ...(options.tls !== undefined ? { tls: options.tls } : {}),
    decide: (req) => {
      requests.push(req);
      const custom = options.decide?.(req);
      if (custom !== undefined) return custom;
      return req.offeredSubprotocols.includes(subprotocol) ? { accept: true, subprotocol, context: null } : { accept: false, status: 400, reason: 'no common subprotocol' };
    },
    connected: (ws: WebSocket) => {
      endpoints.push(
        new OcppEndpoint({
          ws,
          version,
          side: 'csms',
          onCall: (call) => {
            received.push({ action: call.action, payload: call.payload, at: Date.now() });
            const override = overrides.get(call.action);
            const out = override !== undefined ? override(call.payload) : defaultCsmsAnswer(version, call.action, call.payload, { tag: () => ({ status: 'Accepted' }), nextTransactionId: () => tx++ });
            return 'result' in out || 'error' in out || 'noAnswer' in out ? (out as CallAnswer) : { result: out };
          },
        }),
      );
    },
  });
  const { url } = await listener.start();
  return {
    url,
    requests,
    endpoints,
    received,
    respond: (action, fn) => overrides.set(action, fn),
    stop: () => listener.stop(),
  };
}

export async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
