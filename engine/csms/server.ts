// The standalone CSMS: accepts chargers (subprotocol negotiation, security profiles 0–3),
// answers every charger-initiated CALL (default, state-aware responders or the overrides in
// force), sends CSMS-initiated CALLs on request, keeps per-charger state, and records every
// frame through the live recorder. Usable in-process (the conformance runner drives one
// directly) and through the api (engine/csms/commands.ts).
import type { WebSocket } from 'ws';
import type {
  CsmsChargerState,
  CsmsChargerSummary,
  CsmsInfo,
  CsmsResponders,
  CsmsSendOutcome,
  CsmsSettings,
  ResponderSpec,
} from '../../api/csms';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import type { CaptureWriter } from '../capture/writer';
import { redactCredentials } from '../capture/redaction';
import { ChargerListener, type OpeningRequest, type TlsServerOptions } from '../net/listener';
import { peerCommonName } from '../net/handshake';
import { actionInfo } from '../ocpp/catalog';
import { CallTimeoutError, ConnectionClosedError, OcppEndpoint, type CallAnswer, type IncomingCall } from '../rpc/endpoint';
import { LiveRecorder, type JudgedFrame, type LiveSession } from '../traffic/recorder';
import type { TrafficStore } from '../traffic/store';
import { systemClock, type Clock } from '../util/clock';
import { newId } from '../util/ids';
import { checkPayload, describeFindings, freshTemplate } from './compose';
import { answerWithBehaviours, checkBehaviours, outgoingWithBehaviours, refusalWithBehaviours, rememberForBehaviours, settingsWithBehaviours, tlsWithBehaviours, type BehaviourFacts } from './behaviours';
import { newBasicAuthPassword, sendNotes } from './command-effects';
import { decideOpening } from './opening';
import { signCsr } from './signer';
import { defaultAnswer, responderFor, type FollowUp, type ResponderContext } from './responders';
import { checkProfile, defaultSettings, effectiveProfile, mergeSettings, parseResponder } from './settings';
import { applyChargerCall } from './state-charger';
import { applyCommandResult } from './state-commands';
import {
  countReceived,
  countSent,
  newChargerState,
  resetForVersion,
  summarize,
} from './state';

export interface CsmsOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  tls?: TlsServerOptions;
  settings?: CsmsSettings;
  /** Record to this capture (the CSMS closes it when it stops). */
  capture?: CaptureWriter;
  /** Sessions and frames go here (the engine's traffic store). */
  store?: TrafficStore;
  clock?: Clock;
  id?: string;
  /** Coalescing window of change notifications, ms. */
  changeBatchMs?: number;
  /** Keep credentials (Basic-auth passwords, AuthorizationKey, BasicAuthPassword…) in the capture and store. */
  keepCredentials?: boolean;
  /** Named faulty behaviours (engine/csms/behaviours.ts), to prove cases can fail. */
  behaviours?: string[];
  /** Every frame once judged, with its charger (terminal lines). */
  onJudged?: (frame: JudgedFrame, chargePointId: string) => void;
  /** Something the operator must see. */
  onAlert?: (severity: 'error' | 'warning' | 'info', message: string) => void;
}

export interface SendOptions {
  allowInvalid?: boolean;
  timeoutMs?: number;
}

/** A charger-initiated CALL and what the CSMS did with it (for observers such as the conformance harness). */
export interface AnsweredCall {
  chargePointId: string;
  action: string;
  messageId: string;
  request: Record<string, unknown>;
  answer: CallAnswer;
}

interface OpeningContext {
  version: OcppVersion;
  subprotocol: string;
  profile: 0 | 1 | 2 | 3;
  certificateCn?: string;
}

interface Link {
  chargePointId: string;
  version: OcppVersion;
  endpoint: OcppEndpoint;
  session: LiveSession;
  closedByUs: boolean;
  closed: Promise<void>;
  /** What this connection authorized, for the faulty behaviours that depend on it. */
  pendingAuthorizations: Set<string>;
}

interface Waiter {
  test: () => boolean;
  resolve: () => void;
}

export class StandaloneCsms {
  readonly id: string;
  /** The settings in force: the operator's, with the faulty behaviours applied over them. */
  private settings: CsmsSettings;
  /** The operator's settings. */
  private ownSettings: CsmsSettings;
  readonly behaviours: readonly string[];
  private readonly clock: Clock;
  private readonly listener: ChargerListener<OpeningContext>;
  private readonly recorder: LiveRecorder;
  private readonly chargers = new Map<string, CsmsChargerState>();
  private readonly links = new Map<string, Link>();
  private readonly chargerOfSession = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly changeListeners = new Set<(changed: CsmsChargerSummary[]) => void>();
  private readonly callListeners = new Set<(call: AnsweredCall) => void>();
  private readonly stopListeners = new Set<(reason: string) => void>();
  private readonly dirty = new Set<string>();
  private changeTimer: NodeJS.Timeout | undefined;
  private waiters: Waiter[] = [];
  private nextTransactionId = 1;
  private url: string | undefined;
  private startedAt: string | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: CsmsOptions) {
    this.id = options.id ?? newId('csms');
    this.clock = options.clock ?? systemClock;
    this.behaviours = options.behaviours ?? [];
    const unknown = checkBehaviours(this.behaviours);
    if (unknown !== undefined) throw new ApiError('bad-args', unknown);
    this.ownSettings = options.settings ?? defaultSettings();
    this.settings = settingsWithBehaviours(this.ownSettings, this.behaviours);
    const problem = checkProfile(this.profile, this.tlsFacts);
    if (problem !== undefined) throw new ApiError('bad-args', `Cannot start the CSMS: ${problem}`);
    this.recorder = new LiveRecorder({
      source: 'csms',
      ...(options.capture !== undefined ? { capture: options.capture } : {}),
      ...(options.store !== undefined ? { store: options.store } : {}),
      clock: this.clock,
      // Secrets in frames are masked in what the bench keeps, never on the wire (A01.FR.09).
      redact: redactCredentials,
      ...(options.keepCredentials === true ? { keepCredentials: true } : {}),
      onJudged: (frame) => this.judged(frame),
      onCaptureError: (err) => {
        this.alert('error', `${err.message}. The CSMS stops rather than pass traffic unrecorded.`);
        this.stopping ??= this.shutdown(`recording failed: ${err.message}`, 1011);
      },
    });
    this.listener = new ChargerListener<OpeningContext>({
      host: options.host,
      port: options.port,
      ...(options.tls !== undefined ? { tls: tlsWithBehaviours(this.behaviours, options.tls) } : {}),
      decide: (request) => this.decide(request),
      connected: (ws, request, context) => this.connected(ws, request, context),
      onError: (_request, err) => this.alert('error', `Deciding on a connection failed: ${err instanceof Error ? err.message : String(err)}`),
      // Profile 3: a charger whose certificate is refused never sends an opening request.
      onTlsError: ({ remoteAddress, reason }) => void this.recorder.fail({ path: '', chargePointId: '?', offeredSubprotocols: [], remoteAddress }, reason),
    });
  }

  private get tlsFacts(): { enabled: boolean; clientCa: boolean } {
    return { enabled: this.options.tls !== undefined, clientCa: this.options.tls?.clientCa !== undefined };
  }

  /** The security profile in force (explicit in the settings, or implied by TLS and credentials). */
  get profile(): 0 | 1 | 2 | 3 {
    return effectiveProfile(this.settings, this.tlsFacts);
  }

  async start(): Promise<{ url: string }> {
    const { url } = await this.listener.start();
    this.url = url;
    this.startedAt = new Date(this.clock.now()).toISOString();
    return { url };
  }

  get info(): CsmsInfo {
    const info: CsmsInfo = {
      id: this.id,
      url: this.url ?? '',
      securityProfile: this.profile,
      started: this.startedAt ?? '',
      chargers: this.chargers.size,
      connected: this.links.size,
    };
    if (this.options.capture !== undefined) info.capture = this.options.capture.path;
    if (this.behaviours.length > 0) info.behaviours = [...this.behaviours];
    return info;
  }

  /** Resolves when every frame so far has been judged and stored. */
  settled(): Promise<void> {
    return this.recorder.settled();
  }

  get running(): boolean {
    return this.url !== undefined && this.stopping === undefined;
  }

  /** Closes every charger connection, stops listening, settles judging and closes the capture. */
  stop(reason = 'stopped'): Promise<void> {
    this.stopping ??= this.shutdown(reason, 1001);
    return this.stopping;
  }

  private async shutdown(reason: string, closeCode: number): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closing: Array<Promise<void>> = [];
    for (const link of this.links.values()) {
      link.closedByUs = true;
      // 1001 going away; 1011 when the CSMS cannot go on (RFC 6455 §7.4.1).
      link.endpoint.close(closeCode, closeCode === 1011 ? 'CSMS failed: recording stopped' : 'CSMS stopping');
      closing.push(link.closed);
    }
    // Give chargers a moment to complete the closing handshake, then drop what is left.
    await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 500))]);
    await this.listener.stop();
    try {
      await this.recorder.close();
    } catch {
      // The capture failed earlier and the operator was told (onCaptureError).
    }
    this.flushChanges();
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    for (const listener of this.stopListeners) listener(reason);
  }

  // -------------------------------------------------------------------------------------
  // State, settings and responders

  /** A copy of one charger's state. */
  state(chargePointId: string): CsmsChargerState | undefined {
    const s = this.chargers.get(chargePointId);
    return s === undefined ? undefined : structuredClone(s);
  }

  /** Copies of every charger's state, in order of first appearance. */
  states(): CsmsChargerState[] {
    return [...this.chargers.values()].map((s) => structuredClone(s));
  }

  isConnected(chargePointId: string): boolean {
    return this.links.has(chargePointId);
  }

  getSettings(): CsmsSettings {
    return structuredClone(this.settings);
  }

  /** Merges a partial settings object (same shape as the config file); returns the result. */
  updateSettings(patch: unknown): CsmsSettings {
    const next = mergeSettings(this.ownSettings, patch);
    const problem = checkProfile(effectiveProfile(next, this.tlsFacts), this.tlsFacts);
    if (problem !== undefined) throw new ApiError('bad-args', problem);
    this.replaceSettings(next);
    return this.getSettings();
  }

  private replaceSettings(next: CsmsSettings): void {
    this.ownSettings = next;
    this.settings = settingsWithBehaviours(next, this.behaviours);
  }

  responders(chargePointId?: string): CsmsResponders {
    const out: CsmsResponders = { global: structuredClone(this.ownSettings.responders) };
    if (chargePointId !== undefined) out.charger = structuredClone(this.ownSettings.chargers[chargePointId]?.responders ?? {});
    return out;
  }

  /** Sets one action's responder for every charger or one; `null` goes back to the default. */
  setResponder(action: string, responder: ResponderSpec | null, chargePointId?: string): CsmsResponders {
    const spec = responder === null ? null : parseResponder(responder, 'responder');
    const next = structuredClone(this.ownSettings);
    let map: Record<string, ResponderSpec>;
    if (chargePointId === undefined) {
      map = next.responders;
    } else {
      const charger = next.chargers[chargePointId] ?? {};
      charger.responders ??= {};
      map = charger.responders;
      next.chargers[chargePointId] = charger;
    }
    if (spec === null) delete map[action];
    else map[action] = spec;
    this.replaceSettings(next);
    return this.responders(chargePointId);
  }

  onChange(listener: (changed: CsmsChargerSummary[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onCall(listener: (call: AnsweredCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  onStopped(listener: (reason: string) => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /**
   * Resolves once `test` holds for the charger's state (checked now and after every change),
   * or rejects after `timeoutMs`.
   */
  waitFor(chargePointId: string, test: (state: CsmsChargerState, connected: boolean) => boolean, timeoutMs: number, what = 'the condition'): Promise<CsmsChargerState> {
    const check = () => {
      const s = this.chargers.get(chargePointId);
      return s !== undefined && test(s, this.links.has(chargePointId));
    };
    if (check()) return Promise.resolve(this.state(chargePointId)!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: check,
        resolve: () => {
          clearTimeout(timer);
          this.timers.delete(timer);
          const s = this.state(chargePointId);
          if (s !== undefined && check()) resolve(s);
          else reject(new ApiError('conflict', `The CSMS stopped before ${chargePointId} met ${what}`));
        },
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ApiError('conflict', `${chargePointId} did not meet ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.timers.add(timer);
      this.waiters.push(waiter);
    });
  }

  // -------------------------------------------------------------------------------------
  // Sending CSMS-initiated CALLs

  /**
   * Sends `action` to a connected charger and returns the judged answer. The payload
   * defaults to the action's template; it must be schema-valid unless `allowInvalid`
   * (which also allows actions the version does not let the CSMS send).
   */
  async send(chargePointId: string, action: string, payload?: Record<string, unknown>, options: SendOptions = {}): Promise<CsmsSendOutcome> {
    const link = this.links.get(chargePointId);
    if (link === undefined) {
      const known = this.chargers.has(chargePointId) ? 'is not connected' : 'has never connected';
      throw new ApiError('not-found', `Charge point "${chargePointId}" ${known}`);
    }
    const version = link.version;
    const allowInvalid = options.allowInvalid === true;
    const info = actionInfo(version, action);
    if (!allowInvalid) {
      if (info === undefined) throw new ApiError('bad-args', `${action} is not an action of OCPP ${version} (the version ${chargePointId} speaks)`);
      if (info.initiator === 'charger') throw new ApiError('bad-args', `${action} is sent by the charger, not the CSMS, in OCPP ${version}`);
    }
    const now = this.clock.now();
    let body = payload ?? freshTemplate(version, action, 'request', now) ?? {};
    let findings = checkPayload(version, action, 'request', body);
    if (findings.length > 0 && !allowInvalid) {
      throw new ApiError('bad-args', `${action} payload is not valid for OCPP ${version}: ${describeFindings(findings)}`, { findings });
    }
    const outgoing = outgoingWithBehaviours(this.behaviours, version, action, body, this.chargers.get(chargePointId));
    if ('refuse' in outgoing) throw new ApiError('bad-args', outgoing.refuse);
    if (outgoing.payload !== body && JSON.stringify(outgoing.payload) !== JSON.stringify(body)) {
      // A faulty behaviour changed what goes out: judge and record what really went.
      body = outgoing.payload;
      findings = checkPayload(version, action, 'request', body);
    }
    const state = this.chargers.get(chargePointId)!;
    const notes = sendNotes(state, version, action);
    countSent(state, action);
    this.markDirty(chargePointId);
    let outcome;
    try {
      outcome = await link.endpoint.call(action, body, { allowInvalid: true, timeoutMs: options.timeoutMs ?? this.settings.callTimeoutMs });
    } catch (err) {
      if (err instanceof CallTimeoutError) return { kind: 'timeout', messageId: err.messageId, timeoutMs: err.timeoutMs, notes };
      if (err instanceof ConnectionClosedError) return { kind: 'closed', notes };
      throw err;
    }
    if (outcome.kind === 'error') return { ...outcome, notes };
    // The state only takes answers that are valid, to requests that were.
    if (outcome.findings.length === 0 && findings.length === 0) {
      this.safely(`applying the answer to ${action}`, () => applyCommandResult(state, version, action, body, outcome.payload, new Date(this.clock.now()).toISOString()));
      const password = newBasicAuthPassword(version, action, body, outcome.payload);
      if (password !== undefined) this.adoptPassword(chargePointId, password);
      this.markDirty(chargePointId);
    }
    return { ...outcome, notes };
  }

  /**
   * The charger took a new Basic-auth password: from now on only it is accepted
   * (security whitepaper ed. 3 A01.FR.03). A 1.6 AuthorizationKey is hex-represented
   * (A00.FR.205), so a hex value is kept as hex and matches both forms.
   */
  private adoptPassword(chargePointId: string, password: string): void {
    if (this.behaviours.includes('new-auth-key-not-stored')) return;
    const next = structuredClone(this.ownSettings);
    const charger = next.chargers[chargePointId] ?? {};
    delete charger.password;
    delete charger.passwordHex;
    if (/^([0-9a-fA-F]{2})+$/.test(password)) charger.passwordHex = password.toLowerCase();
    else charger.password = password;
    next.chargers[chargePointId] = charger;
    this.replaceSettings(next);
  }

  // -------------------------------------------------------------------------------------
  // Accepting chargers

  private decide(request: OpeningRequest) {
    const facts: Parameters<typeof decideOpening>[0] = { chargePointId: request.chargePointId, offeredSubprotocols: request.offeredSubprotocols };
    if (request.credentials !== undefined) facts.credentials = request.credentials;
    const cn = request.tlsSocket === undefined ? undefined : peerCommonName(request.tlsSocket);
    if (cn !== undefined) facts.certificateCn = cn;
    const profile = this.profile;
    const verdict = this.stopping !== undefined ? { accept: false as const, status: 503, reason: 'The CSMS is stopping' } : decideOpening(facts, this.settings, profile);
    if (!verdict.accept) {
      this.recorder.fail(this.connectionInfo(request), verdict.reason, verdict.status);
      return { accept: false as const, status: verdict.status, reason: verdict.reason, ...('headers' in verdict && verdict.headers !== undefined ? { headers: verdict.headers } : {}) };
    }
    const context: OpeningContext = { version: verdict.version, subprotocol: verdict.subprotocol, profile };
    if (cn !== undefined) context.certificateCn = cn;
    return { accept: true as const, subprotocol: verdict.subprotocol, context };
  }

  private connectionInfo(request: OpeningRequest, subprotocol?: string) {
    const info: Parameters<LiveRecorder['open']>[0] = {
      path: request.path,
      chargePointId: request.chargePointId,
      offeredSubprotocols: request.offeredSubprotocols,
      remoteAddress: request.remoteAddress,
    };
    if (subprotocol !== undefined) info.subprotocol = subprotocol;
    if (request.tls !== undefined) info.tls = request.tls;
    if (request.credentials !== undefined) {
      info.authUser = request.credentials.user;
      info.authPassword = request.credentials.password;
    }
    return info;
  }

  private connected(ws: WebSocket, request: OpeningRequest, context: OpeningContext): void {
    const id = request.chargePointId;
    const previous = this.links.get(id);
    if (previous !== undefined) {
      // The charger reconnected before we noticed its old connection die: the new one wins.
      previous.closedByUs = true;
      previous.endpoint.close(1000, 'Replaced by a new connection from the same charge point');
    }
    let state = this.chargers.get(id);
    if (state === undefined) {
      state = newChargerState(id);
      this.chargers.set(id, state);
    }
    resetForVersion(state, context.version);
    const now = new Date(this.clock.now()).toISOString();
    const session = this.recorder.open(this.connectionInfo(request, context.subprotocol), { version: context.version });
    this.chargerOfSession.set(session.id, id);
    state.connection = {
      connected: true,
      session: session.id,
      subprotocol: context.subprotocol,
      remoteAddress: request.remoteAddress,
      securityProfile: context.profile,
      connectedAt: now,
      connects: state.connection.connects + 1,
    };
    if (request.tls?.peerSubject !== undefined) state.connection.tlsSubject = request.tls.peerSubject;

    let markClosed: () => void = () => undefined;
    const link: Link = {
      chargePointId: id,
      version: context.version,
      session,
      closedByUs: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
      pendingAuthorizations: new Set(),
      endpoint: undefined as unknown as OcppEndpoint,
    };
    link.endpoint = new OcppEndpoint({
      ws,
      version: context.version,
      side: 'csms',
      session,
      callTimeoutMs: this.settings.callTimeoutMs,
      onCall: (call) => this.answer(link, call),
      onSend: (message) => this.unconfirmed(link, message),
    });
    link.endpoint.onClose((code, reason) => {
      session.close(link.closedByUs ? 'bench' : 'charger', code === 1006 ? 'abrupt' : 'clean', { code, reason });
      this.chargerOfSession.delete(session.id);
      if (this.links.get(id) === link) {
        this.links.delete(id);
        const s = this.chargers.get(id);
        if (s !== undefined) {
          s.connection.connected = false;
          s.connection.disconnectedAt = new Date(this.clock.now()).toISOString();
          s.connection.closeReason = session.summary.reason ?? `closed (code ${code})`;
        }
        this.markDirty(id);
      }
      markClosed();
    });
    this.links.set(id, link);
    this.markDirty(id);
  }

  // -------------------------------------------------------------------------------------
  // Answering chargers

  private async answer(link: Link, call: IncomingCall): Promise<CallAnswer> {
    const id = link.chargePointId;
    const state = this.chargers.get(id)!;
    countReceived(state, call.action, new Date(this.clock.now()).toISOString());
    this.markDirty(id);
    const spec = responderFor(this.settings, id, link.version, call.action);
    if (spec.delayMs !== undefined && spec.delayMs > 0) {
      await this.sleep(spec.delayMs * this.settings.timeScale);
      if (!link.endpoint.isOpen) return { noAnswer: true };
    }
    let answer: CallAnswer;
    switch (spec.mode) {
      case 'noAnswer':
        answer = { noAnswer: true };
        break;
      case 'error':
        answer = {
          error: { code: spec.code ?? 'GenericError', description: spec.description ?? `The CSMS is set to answer ${call.action} with ${spec.code ?? 'GenericError'}`, details: spec.details ?? {} },
        };
        break;
      case 'fixed': {
        const payload = structuredClone(spec.payload ?? {});
        answer = spec.allowInvalid === true ? { result: payload, allowInvalid: true } : { result: payload };
        if (checkPayload(link.version, call.action, 'response', payload).length === 0) this.apply(link, call, payload);
        break;
      }
      default: {
        const facts: BehaviourFacts = { state, pendingAuthorizations: link.pendingAuthorizations };
        const refusal = this.behaviours.length > 0 ? refusalWithBehaviours(this.behaviours, link.version, call.action, call.payload, facts) : undefined;
        if (refusal !== undefined) {
          answer = { error: { ...refusal, details: {} } };
          break;
        }
        const answered = defaultAnswer(this.responderContext(link, state), call.action, call.payload);
        const payload = answerWithBehaviours(this.behaviours, call.action, answered.payload, call.payload, facts);
        rememberForBehaviours(facts, call.action, call.payload, payload);
        const followUps = answered.followUps;
        answer = { result: payload };
        this.apply(link, call, payload);
        for (const f of followUps ?? []) this.followUp(link, f);
      }
    }
    for (const listener of this.callListeners) {
      try {
        listener({ chargePointId: id, action: call.action, messageId: call.messageId, request: call.payload, answer });
      } catch {
        // An observer's failure is not the charger's problem.
      }
    }
    return answer;
  }

  private apply(link: Link, call: IncomingCall, answer: Record<string, unknown>): void {
    const state = this.chargers.get(link.chargePointId)!;
    this.safely(`recording ${call.action}`, () => applyChargerCall(state, link.version, call.action, call.payload, answer, new Date(this.clock.now()).toISOString()));
    this.markDirty(link.chargePointId);
  }

  /** 2.1 SEND messages (never answered): counted and kept. */
  private unconfirmed(link: Link, message: IncomingCall): void {
    const state = this.chargers.get(link.chargePointId)!;
    const now = new Date(this.clock.now()).toISOString();
    countReceived(state, message.action, now);
    this.safely(`recording ${message.action}`, () => applyChargerCall(state, link.version, message.action, message.payload, {}, now));
    this.markDirty(link.chargePointId);
  }

  private responderContext(link: Link, state: CsmsChargerState): ResponderContext {
    return {
      version: link.version,
      chargePointId: link.chargePointId,
      state,
      settings: this.settings,
      now: this.clock.now(),
      nextTransactionId: () => this.nextTransactionId++,
      tokenBusy: (token, except = {}) => {
        for (const [cp, s] of this.chargers) {
          for (const t of s.transactions) {
            if (t.state !== 'active' || t.idTag !== token) continue;
            if (cp === link.chargePointId) {
              if (except.transactionId !== undefined && t.transactionId === except.transactionId) continue;
              const sameConnector = except.connectorId !== undefined && t.connectorId === except.connectorId && t.evseId === except.evseId;
              const sameEvse = except.connectorId === undefined && except.evseId !== undefined && t.evseId === except.evseId;
              if (sameConnector || sameEvse) continue;
            }
            return true;
          }
        }
        return false;
      },
    };
  }

  private followUp(link: Link, f: FollowUp): void {
    // Signing runs while the delay does; the CALL goes out when both are done.
    const payload = f.signCsr === undefined ? Promise.resolve(f.payload) : this.signedChain(f);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void payload.then((body) => {
        if (body === undefined || this.links.get(link.chargePointId) !== link || !link.endpoint.isOpen) return;
        this.sendFollowUp(link, f, body);
      });
    }, f.delayMs * this.settings.timeScale);
    this.timers.add(timer);
  }

  private async signedChain(f: FollowUp): Promise<Record<string, unknown> | undefined> {
    const ca = this.settings.signCertificate.ca;
    if (ca === undefined || f.signCsr === undefined) return undefined;
    try {
      const chain = await signCsr(f.signCsr.csr, ca, { usage: f.signCsr.usage, ...(this.settings.signCertificate.validityDays !== undefined ? { days: this.settings.signCertificate.validityDays } : {}) });
      return { ...f.payload, certificateChain: chain };
    } catch (err) {
      this.alert('warning', `No ${f.action}: signing the CSR failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private sendFollowUp(link: Link, f: FollowUp, payload: Record<string, unknown>): void {
    this.send(link.chargePointId, f.action, payload).then(
      (outcome) => {
        if (outcome.kind !== 'result') link.session.note(`Follow-up ${f.action} got no result: ${outcome.kind}`, 'csms');
      },
      (err: unknown) => this.alert('warning', `Follow-up ${f.action} to ${link.chargePointId} failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  // -------------------------------------------------------------------------------------
  // Plumbing

  private judged(frame: JudgedFrame): void {
    const id = this.chargerOfSession.get(frame.session.id) ?? frame.session.info.chargePointId;
    const state = this.chargers.get(id);
    if (state !== undefined) {
      for (const f of frame.verdict.findings) {
        state.stats.findings[f.severity]++;
        state.stats.rules[f.rule] = (state.stats.rules[f.rule] ?? 0) + 1;
      }
    }
    this.options.onJudged?.(frame, id);
  }

  private markDirty(chargePointId: string): void {
    this.dirty.add(chargePointId);
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.test());
      if (ready.length > 0) {
        this.waiters = this.waiters.filter((w) => !ready.includes(w));
        for (const w of ready) w.resolve();
      }
    }
    if (this.changeTimer === undefined && this.changeListeners.size > 0) {
      this.changeTimer = setTimeout(() => this.flushChanges(), this.options.changeBatchMs ?? 100);
    }
  }

  private flushChanges(): void {
    if (this.changeTimer !== undefined) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    if (this.dirty.size === 0) return;
    const changed: CsmsChargerSummary[] = [];
    for (const id of this.dirty) {
      const s = this.chargers.get(id);
      if (s !== undefined) changed.push(summarize(s));
    }
    this.dirty.clear();
    for (const listener of this.changeListeners) {
      try {
        listener(changed);
      } catch {
        // A failing listener must not stop the CSMS.
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private safely(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      // A state bookkeeping defect must never cost the charger its answer.
      this.alert('warning', `The CSMS failed ${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private alert(severity: 'error' | 'warning' | 'info', message: string): void {
    this.options.onAlert?.(severity, message);
  }
}
