// A scripted CSMS for the simulator's own tests: an in-memory Transport whose far end is a
// real OcppEndpoint (side 'csms') answering every charger-initiated action with a
// schema-valid default (overridable per action), recording what arrived, and able to send
// CALLs to the charger. No sockets, no real time: pair it with ManualTimers.
import type { OcppVersion } from '../../../api/model';
import type { ConnectRefusal } from '../../net/connect';
import { OcppEndpoint, type CallAnswer, type CallOptions, type CallOutcome, type IncomingCall } from '../../rpc/endpoint';
import { payloadTemplate } from '../../ocpp/templates';
import { VERSIONS } from '../../ocpp/versions';
import type { LiveRecorder, LiveSession } from '../../traffic/recorder';
import type { ConnectionSecurity, Link, LinkHandlers, Transport } from '../link';
import { memorySocketPair } from './memory-socket';

export interface ReceivedCall {
  action: string;
  payload: Record<string, unknown>;
  messageId: string;
  /** Index in `received` (arrival order across all connections). */
  index: number;
  connection: number;
}

export type Responder = (payload: Record<string, unknown>, call: IncomingCall) => Record<string, unknown> | CallAnswer | Promise<Record<string, unknown> | CallAnswer>;

export interface IdTagEntry {
  status: string;
  parent?: string;
}

export interface TestCsmsOptions {
  chargePointId?: string;
  /** Records both directions of every connection (judged like live traffic). */
  recorder?: LiveRecorder;
  /** Response timeout of the charger-side endpoint, in ms (real time). */
  callTimeoutMs?: number;
}

export class TestCsms implements Transport {
  readonly target = 'memory://test-csms';
  readonly received: ReceivedCall[] = [];
  /** Every frame text the charger sent, in order. */
  readonly frames: string[] = [];
  /** The id tag table behind Authorize / StartTransaction / TransactionEvent answers (unknown tags: Accepted). */
  readonly idTags = new Map<string, IdTagEntry>();
  /** Set to make the next connection attempts fail. */
  refusal: ConnectRefusal | undefined;
  connections = 0;
  lastSecurity: ConnectionSecurity | undefined;
  endpoint: OcppEndpoint | undefined;
  private charger: OcppEndpoint | undefined;
  private session: LiveSession | undefined;
  private readonly responders = new Map<string, Responder>();
  private waiters: Array<{ test: (c: ReceivedCall) => boolean; resolve: (c: ReceivedCall) => void }> = [];
  private nextTransactionId = 1;

  constructor(
    readonly version: OcppVersion,
    private readonly options: TestCsmsOptions = {},
  ) {}

  get connected(): boolean {
    return this.endpoint?.isOpen === true;
  }

  async open(handlers: LinkHandlers, security: ConnectionSecurity): Promise<Link> {
    this.lastSecurity = security;
    if (this.refusal !== undefined) throw this.refusal;
    const subprotocol = VERSIONS[this.version].subprotocol;
    const [cpWs, csWs] = memorySocketPair(subprotocol);
    const id = this.options.chargePointId ?? 'CP';
    const session = this.options.recorder?.open({ chargePointId: id, path: `/${id}`, offeredSubprotocols: [subprotocol], subprotocol }, { version: this.version });
    const connection = ++this.connections;
    const csms = new OcppEndpoint({
      ws: csWs,
      version: this.version,
      side: 'csms',
      onCall: (call) => this.answer(call, connection),
      onFrame: (_frame, text) => this.frames.push(text),
    });
    const cp = new OcppEndpoint({
      ws: cpWs,
      version: this.version,
      side: 'charger',
      onCall: handlers.onCall,
      ...(session !== undefined ? { session } : {}),
      ...(this.options.callTimeoutMs !== undefined ? { callTimeoutMs: this.options.callTimeoutMs } : {}),
    });
    cp.onClose((code) => session?.close(code === 1006 ? 'csms' : 'charger', code === 1006 ? 'abrupt' : 'clean', { code }));
    this.endpoint = csms;
    this.charger = cp;
    this.session = session;
    return cp;
  }

  /** Replaces the answer to one charger-initiated action. */
  respond(action: string, responder: Responder): this {
    this.responders.set(action, responder);
    return this;
  }

  /** Sends a CALL to the charger over the current connection. */
  call(action: string, payload: Record<string, unknown>, options?: CallOptions): Promise<CallOutcome> {
    if (this.endpoint === undefined || !this.endpoint.isOpen) return Promise.reject(new Error(`TestCsms: not connected (sending ${action})`));
    return this.endpoint.call(action, payload, options);
  }

  /** Received CALLs of one action (all when omitted). */
  calls(action?: string): ReceivedCall[] {
    return action === undefined ? this.received : this.received.filter((c) => c.action === action);
  }

  /** Actions received, in order, optionally from an index on. */
  actions(from = 0): string[] {
    return this.received.slice(from).map((c) => c.action);
  }

  /** Resolves with the first CALL of `action` at or after `from` that passes `test`. */
  waitFor(action: string, test: (payload: Record<string, unknown>) => boolean = () => true, from = 0): Promise<ReceivedCall> {
    const match = (c: ReceivedCall) => c.action === action && c.index >= from && test(c.payload);
    const found = this.received.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ test: match, resolve }));
  }

  /** Drops the current connection without a close frame (network loss seen from the CSMS). */
  drop(): void {
    this.endpoint?.terminate();
  }

  /** The charger-side recording session of the current connection, if recording. */
  get currentSession(): LiveSession | undefined {
    return this.session;
  }

  get chargerEndpoint(): OcppEndpoint | undefined {
    return this.charger;
  }

  private async answer(call: IncomingCall, connection: number): Promise<CallAnswer> {
    const received: ReceivedCall = { action: call.action, payload: call.payload, messageId: call.messageId, index: this.received.length, connection };
    this.received.push(received);
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.test(received)) w.resolve(received);
      else this.waiters.push(w);
    }
    const responder = this.responders.get(call.action);
    const out = responder !== undefined ? await responder(call.payload, call) : this.defaultAnswer(call);
    if ('result' in out || 'error' in out || 'noAnswer' in out) return out as CallAnswer;
    return { result: out };
  }

  private defaultAnswer(call: IncomingCall): Record<string, unknown> {
    return defaultCsmsAnswer(this.version, call.action, call.payload, {
      tag: (t) => this.idTags.get(t) ?? { status: 'Accepted' },
      nextTransactionId: () => this.nextTransactionId++,
    });
  }
}

/** A plausible CSMS's schema-valid answer to a charger-initiated action (tests, ocpp-rpc peers). */
export function defaultCsmsAnswer(
  version: OcppVersion,
  action: string,
  p: Record<string, unknown>,
  state: { tag: (idTag: string) => IdTagEntry; nextTransactionId: () => number },
): Record<string, unknown> {
  const now = new Date().toISOString();
  const v16 = version === '1.6';
  const entry = (tag: unknown) => (typeof tag === 'string' ? state.tag(tag) : { status: 'Accepted' });
  const info16 = (tag: unknown) => {
    const e = entry(tag);
    return { status: e.status, ...(e.parent !== undefined ? { parentIdTag: e.parent } : {}) };
  };
  const info2 = (token: unknown) => {
    const e = entry((token as { idToken?: unknown } | undefined)?.idToken);
    return { status: e.status, ...(e.parent !== undefined ? { groupIdToken: { idToken: e.parent, type: 'Central' } } : {}) };
  };
  switch (action) {
    case 'BootNotification':
      return { status: 'Accepted', currentTime: now, interval: 300 };
    case 'Heartbeat':
      return { currentTime: now };
    case 'Authorize':
      return v16 ? { idTagInfo: info16(p['idTag']) } : { idTokenInfo: info2(p['idToken']) };
    case 'StartTransaction':
      return { transactionId: state.nextTransactionId(), idTagInfo: info16(p['idTag']) };
    case 'StopTransaction':
      return p['idTag'] !== undefined ? { idTagInfo: info16(p['idTag']) } : {};
    case 'TransactionEvent':
      return p['idToken'] !== undefined ? { idTokenInfo: info2(p['idToken']) } : {};
    case 'DataTransfer':
      return { status: 'UnknownVendorId' };
    default:
      return payloadTemplate(version, action, 'response') ?? {};
  }
}
