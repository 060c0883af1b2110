// Test helpers for the CSMS: a started CSMS on a free loopback port with its own traffic
// store, and a minimal charger built on our own OcppEndpoint (the 2.1 peer; ocpp-rpc plays
// 1.6 and 2.0.1).
import type { CsmsSettings } from '../../api/csms';
import type { Direction, Finding, OcppVersion } from '../../api/model';
import { connect, type ConnectOptions } from '../net/connect';
import type { TlsServerOptions } from '../net/listener';
import { payloadTemplate } from '../ocpp/templates';
import { OcppEndpoint, type CallAnswer, type IncomingCall } from '../rpc/endpoint';
import { TrafficStore } from '../traffic/store';
import { StandaloneCsms } from './server';
import { defaultSettings, mergeSettings } from './settings';

export interface TestCsms {
  csms: StandaloneCsms;
  url: string;
  store: TrafficStore;
  alerts: string[];
  /** Every finding on every stored frame, with the frame's direction and text. */
  findings(): Promise<Array<{ dir: Direction; text: string | undefined; finding: Finding }>>;
  stop(): Promise<void>;
}

export async function startTestCsms(settings: unknown = {}, options: { tls?: TlsServerOptions } = {}): Promise<TestCsms> {
  const store = new TrafficStore();
  const alerts: string[] = [];
  const csms = new StandaloneCsms({
    host: '127.0.0.1',
    port: 0,
    settings: mergeSettings(defaultSettings(), settings),
    store,
    changeBatchMs: 10,
    ...(options.tls !== undefined ? { tls: options.tls } : {}),
    onAlert: (severity, message) => alerts.push(`${severity}: ${message}`),
  });
  const { url } = await csms.start();
  return {
    csms,
    url,
    store,
    alerts,
    findings: async () => {
      await csms.settled();
      const out: Array<{ dir: Direction; text: string | undefined; finding: Finding }> = [];
      for (const summary of store.query({ limit: 10_000 }).frames) {
        const frame = store.frame(summary.index)!;
        for (const finding of frame.findings) out.push({ dir: summary.dir, text: frame.text, finding });
      }
      return out;
    },
    stop: () => csms.stop(),
  };
}

export type SettingsPatch = Partial<Record<keyof CsmsSettings, unknown>>;

/** Polls until `fn` returns something other than undefined. */
export async function until<T>(fn: () => T | undefined, ms = 3000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface OwnCharger {
  endpoint: OcppEndpoint;
  calls: IncomingCall[];
  close(): void;
}

/** A charger on our own OcppEndpoint that answers every CALL with its response template (or `answers`). */
export async function ownCharger(
  url: string,
  chargePointId: string,
  version: OcppVersion,
  options: Partial<ConnectOptions> & { answers?: (call: IncomingCall) => CallAnswer | undefined } = {},
): Promise<OwnCharger> {
  const { answers, ...connectOptions } = options;
  const c = await connect(`${url}/ocpp/${encodeURIComponent(chargePointId)}`, { subprotocols: [`ocpp${version}`], ...connectOptions });
  const calls: IncomingCall[] = [];
  const endpoint = new OcppEndpoint({
    ws: c.ws,
    version,
    side: 'charger',
    onCall: (call) => {
      calls.push(call);
      return answers?.(call) ?? { result: payloadTemplate(version, call.action, 'response') ?? {} };
    },
  });
  return { endpoint, calls, close: () => c.ws.terminate() };
}
