// The harness a conformance case script runs against. Every method is one step that
// explains itself in a sentence, so a report reads as prose; the bench answers everything
// the case does not script as a conformant peer would (tool-responders.ts).
//
// Expectations and checkpoints: messages from the SUT go to an inbox. An expectation only
// considers messages that arrived after the latest checkpoint — set by every operator action
// and every CALL the bench sends — so a StatusNotification from before "plug in" cannot
// satisfy an expectation made after it. By default the first message of the expected action
// is THE message of the step and must match (OCTT's "Tool validations"); `eventually` lets
// other messages of the same action pass by first.
import type { StepKind, SystemUnderTest } from '../../api/conformance';
import type { OcppVersion, TlsInfo } from '../../api/model';
import type { CallAnswer, CallOutcome, IncomingCall } from '../rpc/endpoint';
import { CallTimeoutError, ConnectionClosedError, InvalidPayloadError } from '../rpc/endpoint';
import type { LiveSession } from '../traffic/recorder';
import type { AcceptedSecurity, ChargerCredentials, ClientLink, Link, ListenerLink, OpeningFacts } from './links';
import { describeMatcher, explainMismatch, matches, show, type PayloadMatcher } from './matchers';
import { describeOperatorAction, type OperatorAction, type OperatorDriver } from './operator';
import { isIP } from 'node:net';
import { RunSecurity } from './security';
import { probeSuite, type TlsProbe } from './tls-probe';
import type { SutSettings } from './settings';
import { defaultToolAnswer, recordToolTransaction, type ToolMemory } from './tool-responders';

export interface FrameRef {
  session: string;
  seq: number;
}

export interface StepRecord {
  kind: StepKind;
  text: string;
  verdict: 'pass' | 'fail' | 'inconclusive' | 'info' | 'running';
  expected?: string;
  actual?: string;
  frames: FrameRef[];
  depth: number;
  startedMs: number;
  durationMs: number;
}

/** Ends the case: a step failed and nothing after it can be meaningful. */
export class StepFailure extends Error {
  constructor(readonly step: StepRecord) {
    super(step.expected !== undefined ? `${step.text}: expected ${step.expected}; ${step.actual ?? 'it did not happen'}` : step.text);
    this.name = 'StepFailure';
  }
}

/** Ends the case without a verdict of pass or fail (operator skipped, cannot automate). */
export class CaseInconclusive extends Error {
  override name = 'CaseInconclusive';
}

/** The case does not apply to this SUT (a feature it does not declare). */
export class CaseNotApplicable extends Error {
  override name = 'CaseNotApplicable';
}

export interface Received {
  action: string;
  payload: Record<string, unknown>;
  messageId: string;
  /** What the bench answered. */
  answer: CallAnswer;
  frame: FrameRef | undefined;
  /** Milliseconds since the case started (monotonic). */
  at: number;
}

export interface ExpectOptions {
  /** Spec seconds to wait (scaled by the run's time scale); default: settings.timeouts.message. */
  within?: number;
  /** Let other messages of the same action pass by until one matches. */
  eventually?: boolean;
  /** The sentence, when the generated one does not say it well. */
  says?: string;
  /** Also consider messages that arrived before the latest checkpoint. */
  includeEarlier?: boolean;
  /**
   * Keep waiting (up to `within`) for optional items too, e.g. a BootNotification a charger
   * may or may not send after a soft reset. By default an optional item only counts when it
   * has arrived by the time the required ones have.
   */
  waitForOptional?: boolean;
}

export interface ExpectItem {
  action: string;
  matcher?: PayloadMatcher;
  /** The item may be missing without failing the step. */
  optional?: boolean;
}

export interface SendOptions {
  within?: number;
  /** Expect a CALLERROR (any code, or this one) instead of a CALLRESULT. */
  expectError?: true | string;
  /** A CALLERROR (any code, or this one) is an acceptable answer too (OCTT: "… .conf OR a CallError"). */
  orError?: true | string;
  allowInvalid?: boolean;
  says?: string;
}

export type Responder = CallAnswer | ((call: IncomingCall) => CallAnswer | undefined);

interface InboxEntry extends Received {
  epoch: number;
  consumed: boolean;
}

export interface HarnessDeps {
  caseId: string;
  version: OcppVersion;
  /** The side the bench plays; the SUT is the other one. */
  bench: 'csms' | 'charger';
  settings: SutSettings;
  link: Link;
  memory: ToolMemory;
  /** The run's security material (security cases); made on first use when not given. */
  security?: RunSecurity;
  operator: OperatorDriver;
  timeScale: number;
  simulated: boolean;
  now(): number;
  onStep?(step: StepRecord): void;
  signal?: AbortSignal;
}

/** The least real time a scaled run waits for an expected message (see Harness.patience). */
export const MIN_PATIENCE_MS = 3000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class Harness {
  readonly steps: StepRecord[] = [];
  /** Values a case passes between its steps (transaction ids…). */
  readonly vars: Record<string, unknown> = {};
  /** Finding rule ids the SUT may trigger in this case without failing it. */
  readonly allowedFindings = new Set<string>();
  private readonly inbox: InboxEntry[] = [];
  private epoch = 0;
  private depth = 0;
  private readonly responders = new Map<string, Array<{ responder: Responder; once: boolean }>>();
  private readonly listeners = new Set<() => void>();
  private readonly started: number;
  private readonly startedAt = Date.now();
  private ownSecurity: RunSecurity | undefined;

  constructor(readonly deps: HarnessDeps) {
    this.started = deps.now();
  }

  /** The run's security material: TLS, roots "in the tool's store", the bench as CA, signed firmware. */
  get security(): RunSecurity {
    if (this.deps.security !== undefined) return this.deps.security;
    this.ownSecurity ??= new RunSecurity(this.settings, this.simulated);
    return this.ownSecurity;
  }

  get settings(): SutSettings {
    return this.deps.settings;
  }

  get version(): OcppVersion {
    return this.deps.version;
  }

  get memory(): ToolMemory {
    return this.deps.memory;
  }

  get simulated(): boolean {
    return this.deps.simulated;
  }

  /** The system under test. */
  get sut(): SystemUnderTest {
    return this.deps.bench === 'csms' ? 'charger' : 'csms';
  }

  private get sutName(): string {
    return this.sut === 'charger' ? 'charger' : 'CSMS';
  }

  /** Milliseconds for a duration in spec seconds, on the run's time scale. */
  ms(seconds: number): number {
    return Math.max(1, Math.round(seconds * 1000 * this.deps.timeScale));
  }

  /**
   * How long to wait for something that should come: scaled, but never less than a few
   * real seconds, so a slow or loaded machine does not fail a conformant SUT. Waiting only
   * lasts until the message arrives, so this costs nothing when all is well.
   */
  patience(seconds: number): number {
    return this.deps.timeScale < 1 ? Math.max(MIN_PATIENCE_MS, this.ms(seconds)) : this.ms(seconds);
  }

  // ---------------------------------------------------------------- incoming

  /** Called by the runner for every CALL from the SUT: records it and answers it. */
  receive(call: IncomingCall, session: LiveSession): CallAnswer {
    const answer = this.answerFor(call);
    const entry: InboxEntry = {
      action: call.action,
      payload: call.payload,
      messageId: call.messageId,
      answer,
      frame: call.seq !== undefined ? { session: session.id, seq: call.seq } : undefined,
      at: this.deps.now() - this.started,
      epoch: this.epoch,
      consumed: false,
    };
    this.inbox.push(entry);
    for (const l of [...this.listeners]) l();
    return answer;
  }

  private answerFor(call: IncomingCall): CallAnswer {
    const list = this.responders.get(call.action);
    if (list !== undefined) {
      for (let i = 0; i < list.length; i++) {
        const { responder, once } = list[i]!;
        const answer = typeof responder === 'function' ? responder(call) : responder;
        if (answer === undefined) continue;
        if (once) list.splice(i, 1);
        return answer;
      }
    }
    return defaultToolAnswer(this.deps.bench, this.deps.version, call, this.deps.settings, this.deps.memory);
  }

  /**
   * From now on, answer `action` with this (a fixed answer, or a function that may return
   * undefined to fall through to the default). `once`: only the next matching CALL.
   */
  respond(action: string, responder: Responder, options: { once?: boolean; says?: string } = {}): void {
    const list = this.responders.get(action) ?? [];
    list.unshift({ responder, once: options.once === true });
    this.responders.set(action, list);
    const what = options.says ?? (typeof responder === 'function' ? 'as the case decides' : describeAnswer(responder));
    this.info('configure', `${options.once === true ? 'Answer the next' : 'From now on answer'} ${action} ${what}`);
  }

  /** Expect one CALL of `action` from the SUT (see ExpectOptions); use `maybe` for optional ones. */
  async expect(action: string, matcher?: PayloadMatcher, options: Omit<ExpectOptions, 'optional'> = {}): Promise<Received> {
    const [received] = await this.expectAll([{ action, ...(matcher !== undefined ? { matcher } : {}) }], options);
    return received!;
  }

  /** Like expect, but returns undefined when the message does not come (an optional step). */
  async maybe(action: string, matcher?: PayloadMatcher, options: Omit<ExpectOptions, 'optional'> = {}): Promise<Received | undefined> {
    const [r] = await this.expectAll([{ action, ...(matcher !== undefined ? { matcher } : {}), optional: true }], options);
    return r;
  }

  /**
   * Expect several CALLs in any order (OCTT: "steps may be reversed"), e.g. StartTransaction
   * and StatusNotification(Charging). Returns them in the order of `items`.
   */
  async expectAll(items: ExpectItem[], options: ExpectOptions = {}): Promise<Array<Received | undefined>> {
    const within = options.within ?? this.settings.timeouts.message;
    const text =
      options.says ??
      (items.length === 1
        ? `Expect the ${this.sutName} to send ${describeItem(items[0]!)}${items[0]!.optional === true ? ' (if it applies)' : ''}`
        : `Expect the ${this.sutName} to send, in any order: ${items.map((i) => `${describeItem(i)}${i.optional === true ? ' (if it applies)' : ''}`).join('; ')}`);
    const step = this.begin('expect', text);
    const minEpoch = options.includeEarlier === true ? 0 : this.epoch;
    const found: Array<InboxEntry | undefined> = items.map(() => undefined);
    const deadline = this.deps.now() + this.patience(within);
    for (;;) {
      // Assign arrived messages to items, in arrival order.
      for (const entry of this.inbox) {
        if (entry.consumed || entry.epoch < minEpoch || found.includes(entry)) continue;
        const candidates = items.map((item, i) => ({ item, i })).filter(({ item, i }) => found[i] === undefined && item.action === entry.action);
        if (candidates.length === 0) continue;
        const hit = candidates.find(({ item }) => matches(item.matcher, entry.payload));
        if (hit !== undefined) {
          found[hit.i] = entry;
          continue;
        }
        if (options.eventually !== true && candidates.every(({ item }) => item.optional !== true)) {
          const first = candidates[0]!.item;
          this.fail(step, `${first.action} where ${describeMatcher(first.matcher)}`, `it sent ${entry.action} where ${explainMismatch(first.matcher, entry.payload)}`, entry.frame);
        }
      }
      const missing = items.filter((item, i) => found[i] === undefined && (item.optional !== true || options.waitForOptional === true));
      if (missing.length === 0) {
        // Optional items may still arrive with the required ones; give them no extra time.
        break;
      }
      const left = deadline - this.deps.now();
      if (left <= 0 || this.deps.signal?.aborted === true) {
        const seen = this.inbox.filter((e) => e.epoch >= minEpoch && !e.consumed && !found.includes(e)).map((e) => e.action);
        const actual = `nothing matching arrived within ${fmtSeconds(within)}${seen.length > 0 ? ` (it sent ${[...new Set(seen)].join(', ')})` : ''}`;
        if (missing.every((m) => m.optional === true)) break;
        this.fail(step, missing.map(describeItem).join('; '), actual);
      }
      await this.waitForInbox(left);
    }
    for (const entry of found) {
      if (entry === undefined) continue;
      entry.consumed = true;
      if (entry.frame !== undefined) step.frames.push(entry.frame);
    }
    this.pass(step);
    return found;
  }

  /** Expect the SUT not to send `action` (matching) for `seconds` spec seconds; several actions: none of them. */
  async expectNone(action: string | readonly string[], matcher: PayloadMatcher | undefined, seconds: number, says?: string): Promise<void> {
    const actions = typeof action === 'string' ? [action] : action;
    const named = actions.join(' or ');
    const step = this.begin('expect', says ?? `Expect the ${this.sutName} not to send ${named}${matcher !== undefined ? ` where ${describeMatcher(matcher)}` : ''} for ${fmtSeconds(seconds)}`);
    const minEpoch = this.epoch;
    const deadline = this.deps.now() + this.ms(seconds);
    for (;;) {
      const bad = this.inbox.find((e) => !e.consumed && e.epoch >= minEpoch && actions.includes(e.action) && matches(matcher, e.payload));
      if (bad !== undefined) this.fail(step, `no ${named}`, `it sent ${bad.action} ${show(bad.payload)}`, bad.frame);
      const left = deadline - this.deps.now();
      if (left <= 0 || this.deps.signal?.aborted === true) break;
      await this.waitForInbox(left);
    }
    this.pass(step);
  }

  /**
   * The CALLs the SUT has sent in this case so far (optionally of one action), in arrival
   * order — for checks that look at several messages, e.g. "nothing but BootNotification
   * while Pending" (OCPP 1.6 §4.2). Reading them does not consume them.
   */
  received(action?: string): Received[] {
    return this.inbox.filter((e) => action === undefined || e.action === action).map(({ epoch: _epoch, consumed: _consumed, ...r }) => r);
  }

  /** Milliseconds since the case started (the time base of `Received.at`). */
  elapsed(): number {
    return this.deps.now() - this.started;
  }

  /** Marks what has arrived so far as seen: later expectations only consider newer messages. */
  checkpoint(): void {
    this.epoch++;
  }

  // ---------------------------------------------------------------- outgoing

  /**
   * Send a CALL to the SUT and check its answer. Fails the case on timeout, on a CALLERROR
   * (unless expected), on an answer that breaks its schema, or one that does not match.
   */
  async send(action: string, payload: Record<string, unknown>, expectAnswer?: PayloadMatcher, options: SendOptions = {}): Promise<CallOutcome> {
    const within = options.within ?? this.settings.timeouts.message;
    const expectation =
      options.expectError !== undefined
        ? ` and expect a CALLERROR${options.expectError === true ? '' : ` ${options.expectError}`}`
        : expectAnswer !== undefined
          ? ` and expect an answer where ${describeMatcher(expectAnswer)}${options.orError !== undefined ? `, or a CALLERROR${options.orError === true ? '' : ` ${options.orError}`}` : ''}`
          : '';
    const step = this.begin('send', options.says ?? `Send ${action} ${show(payload)}${expectation}`);
    this.checkpoint();
    const conn = this.deps.link.current();
    if (conn === undefined) this.fail(step, `a connection to the ${this.sutName}`, 'there is none');
    let outcome: CallOutcome;
    try {
      outcome = await conn.endpoint.call(action, payload, { timeoutMs: this.patience(within), ...(options.allowInvalid === true ? { allowInvalid: true } : {}) });
    } catch (err) {
      if (err instanceof CallTimeoutError) this.fail(step, `an answer to ${action} within ${fmtSeconds(within)}`, 'no answer came');
      if (err instanceof ConnectionClosedError) this.fail(step, `an answer to ${action}`, 'the connection closed first');
      if (err instanceof InvalidPayloadError) this.fail(step, `a valid ${action} payload from the case`, err.message);
      throw err;
    }
    const ref = (seq: number | undefined) => (seq === undefined ? undefined : { session: conn.session.id, seq });
    for (const r of [ref(outcome.requestSeq), ref(outcome.responseSeq)]) if (r !== undefined) step.frames.push(r);
    const answerFrame = ref(outcome.responseSeq);
    if (outcome.kind === 'error') {
      const allowed = options.expectError ?? options.orError;
      if (allowed === undefined) this.fail(step, `a ${action} answer`, `a CALLERROR ${outcome.code} "${outcome.description}"`, answerFrame);
      if (allowed !== true && outcome.code !== allowed) this.fail(step, `CALLERROR ${allowed}`, `CALLERROR ${outcome.code}`, answerFrame);
      this.pass(step);
      return outcome;
    }
    // The tool charger keeps its transactions, to end them after the case (runner cleanUp).
    if (this.deps.bench === 'charger') recordToolTransaction(this.deps.memory, action, payload, outcome.payload);
    if (options.expectError !== undefined) this.fail(step, 'a CALLERROR', `a CALLRESULT ${show(outcome.payload)}`, answerFrame);
    if (outcome.findings.length > 0) this.fail(step, `an answer valid against the ${action} response schema`, outcome.findings.map((f) => f.message).join('; '), answerFrame);
    if (!matches(expectAnswer, outcome.payload)) this.fail(step, `an answer where ${describeMatcher(expectAnswer)}`, `the answer has ${explainMismatch(expectAnswer, outcome.payload)}`, answerFrame);
    this.pass(step);
    return outcome;
  }

  // ---------------------------------------------------------------- operator and observation

  /** Asks the operator (or the built-in SUT's api) to act; sets a checkpoint first. */
  async operator(action: OperatorAction): Promise<void> {
    const step = this.begin('operator', `Operator: ${describeOperatorAction(action)}`);
    this.checkpoint();
    let outcome: Awaited<ReturnType<OperatorDriver['perform']>>;
    try {
      outcome = await this.deps.operator.perform(action, {
        caseId: this.deps.caseId,
        version: this.deps.version,
        timeoutMs: this.settings.timeouts.operator * 1000,
      });
    } catch (err) {
      // A built-in SUT that cannot do what the step asks (e.g. a CSMS refusing to send a command) fails the step.
      this.fail(step, 'the action done', err instanceof Error ? err.message : String(err));
    }
    if (outcome === 'done') {
      this.pass(step);
      return;
    }
    step.verdict = 'inconclusive';
    step.actual = outcome === 'skipped' ? 'the operator skipped it (or did not answer in time)' : 'this action cannot be automated here';
    this.end(step);
    throw new CaseInconclusive(`${step.text}: ${step.actual}`);
  }

  /** Asks the operator whether something observable is so (e.g. "Does the display show …?"). */
  async confirm(question: string, expected = true): Promise<void> {
    const step = this.begin('observe', `Operator observes: ${question}`);
    const answer = await this.deps.operator.observe(question, {
      caseId: this.deps.caseId,
      version: this.deps.version,
      timeoutMs: this.settings.timeouts.operator * 1000,
      expected,
    });
    if (answer === 'yes' || answer === 'no') {
      if ((answer === 'yes') !== expected) this.fail(step, expected ? 'yes' : 'no', `the operator answered ${answer}`);
      this.pass(step);
      return;
    }
    step.verdict = 'inconclusive';
    step.actual = answer === 'skipped' ? 'the operator skipped the question' : 'no one can observe this in an automated run';
    this.end(step);
    throw new CaseInconclusive(`${step.text}: ${step.actual}`);
  }

  // ---------------------------------------------------------------- checks, notes, time

  /** A validation; a failing check fails the case but lets the script go on. */
  check(description: string, ok: boolean, actual?: string, frame?: FrameRef): boolean {
    const step = this.begin('check', `Check: ${description}`);
    if (frame !== undefined) step.frames.push(frame);
    if (ok) {
      this.pass(step);
    } else {
      step.verdict = 'fail';
      step.expected = description;
      if (actual !== undefined) step.actual = actual;
      this.end(step);
    }
    return ok;
  }

  /**
   * A timing validation of a spec timer: `elapsedMs` (real, e.g. between two `Received.at`)
   * against `seconds` — "not sooner" (`atLeast`) or "that long, give or take" (`about`). The
   * documents give no tolerance: allow 10 % or 1 s, whichever is more; a scaled run adds a
   * little real slack for the machine's scheduling (more for lateness than for earliness, as
   * a loaded machine delays but never hurries a timer).
   */
  checkTiming(what: string, elapsedMs: number, seconds: number, bound: 'atLeast' | 'about' = 'about', frame?: FrameRef): boolean {
    const scale = this.deps.timeScale;
    const tolerance = Math.max(1, seconds * 0.1);
    const early = tolerance + (scale < 1 ? 0.1 / scale : 0);
    const late = tolerance + (scale < 1 ? 1 / scale : 0);
    const took = elapsedMs / 1000 / scale;
    const ok = took >= seconds - early && (bound === 'atLeast' || took <= seconds + late);
    const wanted = bound === 'atLeast' ? `${fmtSeconds(seconds)} or more` : `${fmtSeconds(seconds)} (± ${fmtSeconds(Math.round(tolerance * 10) / 10)})`;
    return this.check(`${what} after ${wanted} — it took ${fmtSeconds(Math.round(took * 10) / 10)}`, ok, `it took ${fmtSeconds(Math.round(took * 10) / 10)}`, frame);
  }

  /** Like check, but a failure ends the case. */
  require(description: string, ok: boolean, actual?: string, frame?: FrameRef): void {
    if (!this.check(description, ok, actual, frame)) throw new StepFailure(this.steps.at(-1)!);
  }

  note(text: string): void {
    this.info('note', text);
  }

  /** Waits `seconds` spec seconds (scaled). */
  async wait(seconds: number, why: string): Promise<void> {
    const step = this.begin('wait', `Wait ${fmtSeconds(seconds)}: ${why}`);
    await sleep(this.ms(seconds), this.deps.signal);
    this.pass(step);
  }

  /** Declares the case not applicable (e.g. the SUT does not declare a feature). */
  notApplicable(reason: string): never {
    throw new CaseNotApplicable(reason);
  }

  /** Whether the SUT declares a feature in its settings. */
  has(feature: string): boolean {
    return this.settings.features.includes(feature);
  }

  // ---------------------------------------------------------------- connection

  /** Connections made to (or by) the bench so far in the run: a reconnection increments it. */
  get connectionCount(): number {
    return this.deps.link.connections;
  }

  /**
   * Waits until the SUT is connected (bench as CSMS) — for cases that reboot it. `fresh`: a
   * new connection; `since`: a connection newer than the count `connectionCount` had then (one
   * that came before this step counts too — a charger may reconnect before the case looks).
   */
  async expectConnection(options: { within?: number; fresh?: boolean; since?: number; says?: string } = {}): Promise<void> {
    const within = options.within ?? this.settings.timeouts.message;
    const step = this.begin('expect', options.says ?? `Expect the charger to ${options.fresh === true || options.since !== undefined ? 're' : ''}connect`);
    const since = Date.now();
    try {
      await this.connection(within, options);
    } catch {
      const refused = this.openings().filter((o) => o.at >= since && !o.accepted);
      const last = refused.at(-1);
      this.fail(step, `a connection within ${fmtSeconds(within)}`, last === undefined ? 'none came' : `none was accepted: the bench refused ${refused.length === 1 ? 'its attempt' : `${refused.length} attempts, the last`} with ${last.refusal ?? 'a refusal'}`);
    }
    // What the connection showed belongs in the sentence: `actual` is for what went wrong.
    const opening = this.deps.link.current()?.opening;
    if (opening !== undefined) step.text = `${step.text}: ${describeOpening(opening)}`;
    this.pass(step);
  }

  /**
   * Like expectConnection, but a connection that does not come is no failure (OCTT TC_083_CS:
   * "if the Charge Point does not reconnect itself"). Returns whether it came.
   */
  async maybeConnection(options: { within?: number; since?: number; says?: string } = {}): Promise<boolean> {
    const within = options.within ?? this.settings.timeouts.message;
    const step = this.begin('expect', options.says ?? 'Expect the charger to reconnect (if it does)');
    try {
      await this.connection(within, options);
    } catch {
      step.text = `${step.text}: it did not within ${fmtSeconds(within)}`;
      this.pass(step);
      return false;
    }
    this.pass(step);
    return true;
  }

  private async connection(within: number, options: { fresh?: boolean; since?: number }): Promise<void> {
    if (options.since !== undefined && this.deps.link.connections > options.since && this.deps.link.current() !== undefined) return;
    await this.deps.link.waitForConnection(this.patience(within), options.fresh === true || options.since !== undefined);
  }

  /**
   * Bench as charger: one TLS 1.2 handshake with the CSMS under test per cipher suite (IANA
   * names), with the client certificate the bench connects with, to learn which suites it
   * supports and with which certificate (OCTT TC_086_CSMS, TC_087_CSMS).
   */
  async probeTls(suites: readonly string[]): Promise<TlsProbe[]> {
    const link = this.deps.link as Partial<ClientLink>;
    if (link.tlsMaterial === undefined || link.url === undefined) throw new Error('probeTls is for the bench as charger');
    const url = new URL(link.url);
    const material = link.tlsMaterial();
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const target = {
      host,
      port: Number(url.port || (url.protocol === 'wss:' ? 443 : 80)),
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(material.cert !== undefined ? { cert: material.cert } : {}),
      ...(material.key !== undefined ? { key: material.key } : {}),
    };
    const probes: TlsProbe[] = [];
    for (const suite of suites) probes.push(await probeSuite(target, suite, this.patience(this.settings.timeouts.message)));
    this.info('operator', `TLS handshakes with ${url.host}, one cipher suite each: ${probes.map((p) => `${p.suite} ${p.ok ? 'negotiated' : `refused (${p.error ?? 'no reason'})`}`).join('; ')}`);
    return probes;
  }

  /**
   * Bench as CSMS: the charger's opening requests (TLS and WebSocket handshakes) since the
   * case began, accepted or refused, oldest first.
   */
  openings(): OpeningFacts[] {
    const link = this.deps.link as Partial<ListenerLink>;
    return (link.openings ?? []).filter((o) => o.at >= this.startedAt);
  }

  /** The TLS of the current connection (version, cipher, the peer's certificate subject), if it uses TLS. */
  currentTls(): TlsInfo | undefined {
    return this.deps.link.current()?.session.info.tls;
  }

  /** Bench as CSMS: what it accepts of the charger now (security profile, Basic-auth password). */
  acceptedSecurity(): AcceptedSecurity | undefined {
    return (this.deps.link as Partial<ListenerLink>).accepted;
  }

  /** Bench as CSMS: what the opening request of the current connection showed (credentials, TLS, ClientHello). */
  currentOpening(): OpeningFacts | undefined {
    return this.deps.link.current()?.opening;
  }

  /**
   * Bench as CSMS: from now on accept the charger with this security profile and/or Basic-auth
   * password — a case changed them (OCTT TC_073_CS, TC_083_CS). A simulated charger is fresh
   * for every case and starts from the settings again; a real one keeps the change.
   */
  acceptSecurity(change: Partial<AcceptedSecurity>, says?: string): void {
    const link = this.deps.link as Partial<ListenerLink>;
    if (link.accept === undefined) throw new Error('acceptSecurity is for the bench as CSMS');
    link.accept(change);
    const parts = [change.profile !== undefined ? `security profile ${change.profile}` : undefined, change.password !== undefined ? 'the new Basic-auth password' : undefined].filter((x) => x !== undefined);
    this.info('configure', says ?? `From now on the bench accepts the charger with ${parts.join(' and ')}`);
  }

  /** Bench as charger: connect with these credentials from now on (OCTT TC_073_CSMS, TC_074_CSMS). */
  useCredentials(change: ChargerCredentials, says?: string): void {
    const link = this.deps.link as Partial<ClientLink>;
    if (link.useCredentials === undefined) throw new Error('useCredentials is for the bench as charger');
    link.useCredentials(change);
    const parts = [change.password !== undefined ? 'the new Basic-auth password' : undefined, change.cert !== undefined ? 'the new client certificate' : undefined].filter((x) => x !== undefined);
    this.info('configure', says ?? `From now on the bench's charger connects with ${parts.join(' and ')}`);
  }

  /** Bench as charger: connect to the CSMS under test. */
  async connect(): Promise<void> {
    const link = this.deps.link as ClientLink;
    const step = this.begin('operator', `Connect to the CSMS as ${this.settings.chargePointId} (${link.url})`);
    try {
      await link.connect(this.patience(this.settings.timeouts.message));
    } catch (err) {
      this.fail(step, 'the CSMS accepts the connection', err instanceof Error ? err.message : String(err));
    }
    this.pass(step);
  }

  /** Bench as charger: close the connection to the CSMS. */
  disconnect(): void {
    this.info('operator', 'Close the connection to the CSMS');
    (this.deps.link as ClientLink).disconnect();
  }

  get connected(): boolean {
    return this.deps.link.current() !== undefined;
  }

  // ---------------------------------------------------------------- reusable states

  /** Runs a reusable state's steps one level deeper, under one step naming the state. */
  async state(name: string, run: () => Promise<void>): Promise<void> {
    const step = this.begin('state', `Bring the ${this.sutName} into state ${name}`);
    this.depth++;
    try {
      await run();
    } finally {
      this.depth--;
    }
    this.pass(step);
  }

  // ---------------------------------------------------------------- step bookkeeping

  private begin(kind: StepKind, text: string): StepRecord {
    const step: StepRecord = { kind, text, verdict: 'running', frames: [], depth: this.depth, startedMs: this.deps.now() - this.started, durationMs: 0 };
    this.steps.push(step);
    this.deps.onStep?.(step);
    return step;
  }

  private end(step: StepRecord): void {
    step.durationMs = Math.round(this.deps.now() - this.started - step.startedMs);
  }

  private pass(step: StepRecord): void {
    step.verdict = 'pass';
    this.end(step);
  }

  private info(kind: StepKind, text: string): void {
    const step = this.begin(kind, text);
    step.verdict = 'info';
    this.end(step);
  }

  private fail(step: StepRecord, expected: string, actual: string, frame?: FrameRef): never {
    step.verdict = 'fail';
    step.expected = expected;
    step.actual = actual;
    if (frame !== undefined) step.frames.unshift(frame);
    this.end(step);
    throw new StepFailure(step);
  }

  private waitForInbox(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(done);
        // One case waits many times on the same signal: do not pile up listeners on it.
        this.deps.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      this.listeners.add(done);
      this.deps.signal?.addEventListener('abort', done, { once: true });
    });
  }
}

function describeItem(item: ExpectItem): string {
  const m = describeMatcher(item.matcher);
  return m === '' ? item.action : `${item.action} where ${m}`;
}

/** A connection's opening in a few words, for the report. */
function describeOpening(o: OpeningFacts): string {
  const parts = [o.tls !== undefined ? `${o.tls.version}, ${o.tls.cipher}` : 'without TLS'];
  if (o.credentials !== undefined) parts.push(`HTTP Basic user ${o.credentials.user}`);
  if (o.peerCertificate !== undefined) parts.push(`client certificate ${o.peerCertificate.subject.replace(/\n/g, ', ')}`);
  return `connected ${parts.join('; ')}`;
}

function describeAnswer(answer: CallAnswer): string {
  if ('noAnswer' in answer) return 'with no answer at all';
  if ('error' in answer) return `with CALLERROR ${answer.error.code}`;
  return `with ${show(answer.result)}`;
}

export function fmtSeconds(seconds: number): string {
  return seconds === 1 ? '1 s' : `${seconds} s`;
}
