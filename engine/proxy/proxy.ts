// The transparent man-in-the-middle proxy (DESIGN "Wire truth"): chargers connect to it,
// it connects to the CSMS with the same path (per the path mode), subprotocols and
// Authorization header, and only then answers the charger with what the CSMS chose or
// refused. Each accepted connection becomes a Relay; every frame is recorded and judged
// off the hot path by the LiveRecorder. One session's failure never touches another.
import type WebSocket from 'ws';
import type { ConnectionInfo, SessionSummary } from '../../api/model';
import type { FaultRule, FaultRuleInfo, PathMode, ProxyInfo, ProxyState } from '../../api/proxy';
import type { CaptureWriter, CaptureWriteError } from '../capture/writer';
import { redactCredentials } from '../capture/redaction';
import { connect, type Connected, type TlsClientOptions } from '../net/connect';
import { ChargerListener, type OpeningDecision, type OpeningRequest, type TlsServerOptions } from '../net/listener';
import { LiveRecorder, type JudgedFrame } from '../traffic/recorder';
import type { JudgeSettings } from '../judge/settings';
import type { TrafficStore } from '../traffic/store';
import { newId } from '../util/ids';
import { systemClock, type Clock } from '../util/clock';
import { versionOfSubprotocol } from '../ocpp/versions';
import { FaultRuleSet } from './fault-rules';
import { checkUpstreamUrl, upstreamUrlFor } from './path-mapping';
import { refusalFor } from './refusal';
import { Relay, type RelayHooks, type RelayOptions } from './relay';

export interface ProxyObserver {
  connection?(change: 'opened' | 'failed' | 'closed', session: SessionSummary): void;
  /** Each frame once judged (terminal lines, UI batches). */
  frame?(frame: JudgedFrame): void;
  pressure?(event: { session: string; chargePointId: string; dir: 'cp2csms' | 'csms2cp'; paused: boolean; bufferedBytes: number }): void;
  /** The proxy has stopped (asked to, or by itself because recording failed) and closed every session. */
  stopped?(state: 'stopped' | 'failed', reason: string): void;
}

export interface OcppProxyOptions {
  listen: { host: string; port: number };
  upstream: string;
  pathMode?: PathMode;
  /** Server certificate toward chargers (profile 2); with clientCa, profile 3. */
  tls?: TlsServerOptions;
  /** CA, client certificate and key toward the CSMS. */
  upstreamTls?: TlsClientOptions;
  connectTimeoutMs?: number;
  capture?: CaptureWriter;
  store?: TrafficStore;
  /** Deviation profile and behaviour options of the judge (default: the store's). */
  judging?: JudgeSettings;
  /** Redact credentials in capture and store (default true). */
  redact?: boolean;
  rules?: FaultRule[];
  clock?: Clock;
  /** Send-buffer bytes on a leg before the other leg's reading pauses (default 1 MiB). */
  highWaterMark?: number;
  observer?: ProxyObserver;
}

/** Closed and failed sessions kept for `sessions()`, newest last. */
const MAX_ENDED_SESSIONS = 1000;

interface PendingUpstream {
  upstream: Connected;
  url: string;
  wired: boolean;
}

export class OcppProxy {
  readonly id = newId('proxy');
  readonly rules: FaultRuleSet;
  readonly recorder: LiveRecorder;
  readonly pathMode: PathMode;
  readonly started: string;
  private readonly listener: ChargerListener<PendingUpstream>;
  private readonly relays = new Set<Relay>();
  private readonly summaries = new Map<string, SessionSummary>();
  private endedCount = 0;
  private totalSessions = 0;
  private failedConnections = 0;
  private pressureEvents = 0;
  private url = '';
  private state: ProxyState = 'running';
  private reason: string | undefined;
  private stopping: Promise<void> | undefined;
  /** Shared by every relay (no closures per connection). */
  private readonly relayHooks: RelayHooks = {
    rules: () => this.rules,
    pressure: (r, dir, paused, bufferedBytes) => {
      if (paused) this.pressureEvents++;
      this.options.observer?.pressure?.({ session: r.session.id, chargePointId: r.chargePointId, dir, paused, bufferedBytes });
    },
    finished: (r) => {
      this.relays.delete(r);
      this.ended(r.session.summary);
      this.options.observer?.connection?.('closed', r.session.summary);
    },
  };
  private readonly relayOptions: RelayOptions;

  constructor(private readonly options: OcppProxyOptions) {
    const problem = checkUpstreamUrl(options.upstream);
    if (problem !== undefined) throw new Error(`upstream ${problem}`);
    if (options.upstreamTls?.cert !== undefined && !options.upstream.startsWith('wss:')) {
      throw new Error('a client certificate toward the CSMS needs a wss:// upstream');
    }
    this.pathMode = options.pathMode ?? 'id';
    this.relayOptions = options.highWaterMark !== undefined ? { highWaterMark: options.highWaterMark } : {};
    this.rules = new FaultRuleSet(options.rules ?? []);
    this.started = new Date((options.clock ?? systemClock).now()).toISOString();
    const redact = options.redact !== false;
    this.recorder = new LiveRecorder({
      source: 'proxy',
      ...(options.capture !== undefined ? { capture: options.capture } : {}),
      ...(options.store !== undefined ? { store: options.store } : {}),
      ...(options.judging !== undefined ? { judging: options.judging } : {}),
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      redact: redactCredentials,
      keepCredentials: !redact,
      onJudged: (frame) => options.observer?.frame?.(frame),
      onCaptureError: (err) => this.recordingFailed(err),
    });
    this.listener = new ChargerListener<PendingUpstream>({
      host: options.listen.host,
      port: options.listen.port,
      ...(options.tls !== undefined ? { tls: options.tls } : {}),
      decide: (request) => this.decide(request),
      connected: (ws, request, pending) => this.connected(ws, request, pending),
      // The charger never got as far as asking for a path: its identity is unknown.
      onTlsError: ({ remoteAddress, reason }) => this.recordFailure({ path: '', chargePointId: '?', offeredSubprotocols: [], remoteAddress }, reason),
    });
  }

  async start(): Promise<{ url: string }> {
    const { url } = await this.listener.start();
    this.url = url;
    return { url };
  }

  /** Closes every session (1001 on both legs), flushes the capture and stops listening. */
  stop(reason = 'stopped by the user'): Promise<void> {
    this.stopping ??= this.shutdown('stopped', reason, 1001, 'the proxy is stopping');
    return this.stopping;
  }

  info(): ProxyInfo {
    const info: ProxyInfo = {
      id: this.id,
      url: this.url,
      upstream: this.options.upstream,
      pathMode: this.pathMode,
      chargerTls: this.options.tls === undefined ? 'none' : this.options.tls.clientCa !== undefined ? 'mtls' : 'tls',
      upstreamClientCert: this.options.upstreamTls?.cert !== undefined,
      redact: this.options.redact !== false,
      state: this.state,
      started: this.started,
      openSessions: this.relays.size,
      totalSessions: this.totalSessions,
      failedConnections: this.failedConnections,
      pressureEvents: this.pressureEvents,
      rules: this.rules.list(),
    };
    if (this.options.capture !== undefined) info.capture = this.options.capture.path;
    if (this.reason !== undefined) info.reason = this.reason;
    return info;
  }

  /** Open sessions and the most recent closed or failed ones. */
  sessions(): SessionSummary[] {
    return [...this.summaries.values()];
  }

  ruleList(): FaultRuleInfo[] {
    return this.rules.list();
  }

  // ---- the handshake relay

  private connectionInfo(request: OpeningRequest, upstreamUrl: string): ConnectionInfo {
    const info: ConnectionInfo = {
      path: request.path,
      chargePointId: request.chargePointId,
      offeredSubprotocols: request.offeredSubprotocols,
      remoteAddress: request.remoteAddress,
      upstreamUrl,
    };
    if (request.tls !== undefined) info.tls = request.tls;
    if (request.credentials !== undefined) {
      info.authUser = request.credentials.user;
      info.authPassword = request.credentials.password;
    }
    return info;
  }

  private async decide(request: OpeningRequest): Promise<OpeningDecision<PendingUpstream>> {
    const url = upstreamUrlFor(this.options.upstream, request.path, this.pathMode);
    if (this.state !== 'running' || this.stopping !== undefined) {
      return { accept: false, status: 503, reason: 'The proxy is stopping.' };
    }
    const headers: Record<string, string> = {};
    const authorization = request.headers.authorization;
    if (authorization !== undefined) headers.Authorization = authorization;
    let upstream: Connected;
    try {
      upstream = await connect(url, {
        // Exactly what the charger offered, in its order (RFC 6455 §4.1; OCPP-J 1.6 §3.1.2).
        subprotocols: request.offeredSubprotocols,
        headers,
        holdPaused: true,
        ...(this.options.upstreamTls !== undefined ? { tls: this.options.upstreamTls } : {}),
        ...(this.options.connectTimeoutMs !== undefined ? { timeoutMs: this.options.connectTimeoutMs } : {}),
      });
    } catch (err) {
      const refusal = refusalFor(err, url);
      this.recordFailure(this.connectionInfo(request, url), refusal.reason, refusal.status);
      return { accept: false, status: refusal.status, reason: refusal.body };
    }
    if (this.state !== 'running') {
      upstream.ws.terminate();
      return { accept: false, status: 503, reason: 'The proxy is stopping.' };
    }
    const pending: PendingUpstream = { upstream, url, wired: false };
    // The listener completes the upgrade synchronously after this resolves; if the charger
    // went away meanwhile, `connected` never comes and the CSMS leg must not linger.
    setImmediate(() => {
      if (pending.wired) return;
      upstream.ws.terminate();
      this.recordFailure(this.connectionInfo(request, url), 'The charger went away while the CSMS was accepting its connection.');
    });
    const decision: OpeningDecision<PendingUpstream> = { accept: true, context: pending };
    if (upstream.subprotocol !== '') decision.subprotocol = upstream.subprotocol;
    return decision;
  }

  private connected(ws: WebSocket, request: OpeningRequest, pending: PendingUpstream): void {
    pending.wired = true;
    const upstream = pending.upstream;
    if (this.state !== 'running') {
      ws.terminate();
      upstream.ws.terminate();
      return;
    }
    const info = this.connectionInfo(request, pending.url);
    if (upstream.subprotocol !== '') info.subprotocol = upstream.subprotocol;
    if (upstream.tls !== undefined) info.upstreamTls = upstream.tls;
    const session = this.recorder.open(info);
    const relay = new Relay(session, ws, upstream.ws, versionOfSubprotocol(info.subprotocol), this.relayHooks, this.relayOptions);
    this.relays.add(relay);
    this.totalSessions++;
    this.summaries.set(session.id, session.summary);
    // Frames the CSMS sent right after accepting were held until now.
    upstream.ws.resume();
    this.options.observer?.connection?.('opened', session.summary);
  }

  private recordFailure(info: ConnectionInfo, reason: string, status?: number): void {
    const id = this.recorder.fail(info, reason, status);
    this.failedConnections++;
    const now = new Date().toISOString();
    const summary: SessionSummary = {
      id,
      chargePointId: info.chargePointId,
      source: 'proxy',
      state: 'failed',
      opened: now,
      closed: now,
      frames: 0,
      findings: { error: 0, warning: 0, info: 0 },
      path: info.path,
      reason: status !== undefined ? `HTTP ${status}: ${reason}` : reason,
    };
    if (info.remoteAddress !== undefined) summary.remoteAddress = info.remoteAddress;
    this.summaries.set(id, summary);
    this.ended(summary);
    this.options.observer?.connection?.('failed', summary);
  }

  /** Keeps the list of ended sessions bounded (a proxy may run for weeks). */
  private ended(summary: SessionSummary): void {
    this.endedCount++;
    if (this.endedCount <= MAX_ENDED_SESSIONS) return;
    for (const [id, s] of this.summaries) {
      if (s.state !== 'open' && s !== summary) {
        this.summaries.delete(id);
        this.endedCount--;
        break;
      }
    }
  }

  // ---- stopping

  private recordingFailed(err: CaptureWriteError): void {
    if (this.stopping !== undefined) return;
    this.stopping = this.shutdown('failed', `${err.message}. The proxy stopped: no traffic passes unrecorded.`, 1011, 'the bench could not record');
  }

  private async shutdown(state: 'stopped' | 'failed', reason: string, code: number, closeReason: string): Promise<void> {
    this.state = state;
    this.reason = reason;
    await Promise.all([...this.relays].map((r) => r.close(code, closeReason)));
    await this.listener.stop();
    try {
      await this.recorder.close();
    } catch {
      // A failed capture has been reported already.
    }
    this.options.observer?.stopped?.(state, reason);
  }
}
