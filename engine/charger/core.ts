// The version-independent core of a simulated charger: power, connection with back-off,
// BootNotification honouring Accepted/Pending/Rejected and the retry interval, heartbeats at
// the interval given, the queue of transaction-related messages (kept while offline,
// delivered in order, retried), and dispatch of CSMS calls to the version model.
//
// Spec: OCPP 1.6 §4.2 (boot: nothing else before Accepted; while Rejected nothing at all;
// 2.0.1 B03.FR.08: CALLERROR SecurityError to CSMS requests while Rejected),
// §4.6 and §9.1.10 (heartbeat after an interval of inactivity), §3.7 and §3.7.1
// (transaction-related messages: queued offline, in order, retried TransactionMessageAttempts
// times every TransactionMessageRetryInterval × n), errata 3.22 (statuses after Accepted);
// 2.0.1 Part 2 B01–B03 (same rules) and Part 4 §5.3 (reconnect back-off).
import type { OcppVersion } from '../../api/model';
import type { SimChargerState, SimChargerSummary, SimConnection, SimRegistration } from '../../api/sim';
import { CallTimeoutError, ConnectionClosedError, InvalidPayloadError, type CallAnswer, type CallOutcome, type IncomingCall } from '../rpc/endpoint';
import type { Faults } from './faults';
import type { ConnectionSecurity, Link, Transport } from './link';
import type { BootReason, ChargerModel, ModelContext, SendOptions } from './model';
import type { TimerHandle, Timers } from './timers';

export interface CoreOptions {
  id: string;
  version: OcppVersion;
  /** The CSMS URL, for state reports. */
  url: string;
  transport: Transport;
  timers: Timers;
  timeScale: number;
  faults: Faults;
  security: ConnectionSecurity;
  /** Simulated seconds a reboot keeps the charger off. */
  rebootDelayS?: number;
  /** Seconds before retrying BootNotification when the CSMS gave interval 0 or no answer. */
  defaultBootRetryS?: number;
  /** Told (synchronously, often) that something changed; coalesce on the other side. */
  onChange?: () => void;
}

type Transmitted = CallOutcome | { kind: 'closed' } | { kind: 'timeout' } | { kind: 'raw' } | { kind: 'invalid'; message: string };

interface Queued {
  action: string;
  build: () => Record<string, unknown>;
  payload?: Record<string, unknown>;
  attempts: number;
  onAnswer?: (outcome: CallOutcome) => void;
  resolve: (outcome: CallOutcome | undefined) => void;
}

const LOG_LINES = 200;

export class ChargerCore implements ModelContext {
  readonly id: string;
  readonly version: OcppVersion;
  readonly faults: Faults;
  readonly timeScale: number;
  readonly stats: SimChargerState['stats'] = { sent: {}, received: {}, errors: {}, timeouts: {} };
  readonly logLines: Array<{ time: string; text: string }> = [];
  connection: SimConnection = 'stopped';
  registration: SimRegistration = 'none';
  lastError: string | undefined;
  security: ConnectionSecurity;
  private model!: ChargerModel;
  private readonly timers: Timers;
  private link: Link | undefined;
  private powered = false;
  private generation = 0;
  private networkBlocked = false;
  private acceptedSincePowerUp = false;
  private skippedBoot = false;
  private bootReason: BootReason = 'PowerUp';
  private heartbeatTimer: TimerHandle | undefined;
  private bootTimer: TimerHandle | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private offTimer: TimerHandle | undefined;
  private connectFailures = 0;
  private reconnectImmediately = false;
  private fallback: { previous: ConnectionSecurity; failures: number; onFallback?: () => void } | undefined;
  private readonly queue: Queued[] = [];
  private pumping = false;
  private flows = 0;
  private sleepers = new Set<(ok: boolean) => void>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: CoreOptions) {
    this.id = options.id;
    this.version = options.version;
    this.faults = options.faults;
    this.timeScale = options.timeScale;
    this.timers = options.timers;
    this.security = options.security;
  }

  attach(model: ChargerModel): void {
    this.model = model;
  }

  // --- ModelContext -------------------------------------------------------------------------

  now(): number {
    return this.timers.now();
  }

  mono(): number {
    return this.timers.mono();
  }

  isoNow(): string {
    return new Date(this.timers.now()).toISOString();
  }

  after(ms: number, fn: () => void): TimerHandle {
    const generation = this.generation;
    return this.timers.setTimeout(() => {
      if (generation === this.generation) fn();
    }, ms * this.timeScale);
  }

  /**
   * Runs `fn` at a wall-clock instant (ms since the epoch): a reservation's expiry, a clock-
   * aligned meter sample. Unlike `after`, the wait is not scaled: the instant is on the clock
   * the peer reads too.
   */
  at(instant: number, fn: () => void): TimerHandle {
    return this.after(Math.max(0, instant - this.now()) / this.timeScale, fn);
  }

  cancel(handle: TimerHandle | undefined): void {
    this.timers.clearTimeout(handle);
  }

  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        this.sleepers.delete(done);
        resolve(ok);
      };
      this.sleepers.add(done);
      this.after(ms, () => done(true));
    });
  }

  get connected(): boolean {
    return this.link?.isOpen === true;
  }

  get online(): boolean {
    return this.connected && this.registration === 'accepted';
  }

  get queued(): number {
    return this.queue.length;
  }

  send(action: string, payload: Record<string, unknown> | (() => Record<string, unknown>), options: SendOptions = {}): Promise<CallOutcome | undefined> {
    const kind = options.kind ?? 'normal';
    const build = typeof payload === 'function' ? payload : () => payload;
    if (kind === 'transaction' && !this.online && this.faults.has('offline-messages-dropped')) {
      // Behaviour offline-messages-dropped: nothing queued while offline (OCPP 1.6 §3.7 wants it kept).
      this.log(`${action} dropped: offline`);
      return Promise.resolve(undefined);
    }
    if (kind === 'transaction' || kind === 'guaranteed') {
      return new Promise((resolve) => {
        this.queue.push({ action, build, attempts: 0, resolve, ...(options.onAnswer !== undefined ? { onAnswer: options.onAnswer } : {}) });
        this.changed();
        void this.pump();
      });
    }
    if (!this.connected) return Promise.resolve(undefined);
    if (kind === 'normal' && this.registration !== 'accepted') return Promise.resolve(undefined);
    if (kind === 'triggered' && this.registration === 'rejected') return Promise.resolve(undefined);
    return this.transmit(action, build()).then((r) => (r.kind === 'result' || r.kind === 'error' ? r : undefined));
  }

  spawn(what: string, fn: () => Promise<void>): void {
    this.flows++;
    fn()
      .catch((err: unknown) => this.log(`${what} failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.flows--;
        this.checkIdle();
      });
  }

  log(text: string): void {
    this.logLines.push({ time: this.isoNow(), text });
    if (this.logLines.length > LOG_LINES) this.logLines.splice(0, this.logLines.length - LOG_LINES);
    this.changed();
  }

  changed(): void {
    this.options.onChange?.();
  }

  reboot(reason: BootReason, how: 'clean' | 'abrupt', offSeconds = this.options.rebootDelayS ?? 3): void {
    this.log(`rebooting (${reason})`);
    this.powerDown(how, 'reboot');
    this.connection = 'rebooting';
    this.offTimer = this.timers.setTimeout(() => {
      this.offTimer = undefined;
      if (this.connection === 'rebooting') this.powerUp(reason);
    }, offSeconds * 1000 * this.timeScale);
    this.changed();
  }

  async triggerBoot(): Promise<void> {
    const generation = this.generation;
    const r = await this.transmit('BootNotification', this.model.bootRequest('Triggered'));
    if (generation === this.generation) this.bootAnswered(r);
  }

  async triggerHeartbeat(): Promise<void> {
    await this.transmit('Heartbeat', {});
  }

  heartbeatChanged(): void {
    this.restartHeartbeat();
  }

  setSecurity(next: ConnectionSecurity, reason: string, onFallback?: () => void): void {
    if (next.profile > this.security.profile) {
      // A05.FR.08: fall back to the previous profile if the new one cannot connect.
      this.fallback = { previous: this.security, failures: 0, ...(onFallback !== undefined ? { onFallback } : {}) };
    }
    this.security = next;
    this.log(`reconnecting: ${reason}`);
    const link = this.link;
    if (link !== undefined) {
      this.reconnectImmediately = true;
      link.close(1000, 'Security settings changed');
    }
  }

  // --- Lifecycle (the facade calls these) ------------------------------------------------------

  start(): void {
    if (this.powered || this.connection === 'rebooting') return;
    this.powerUp('PowerUp');
  }

  /** Stops cleanly: close frame 1000, every timer cancelled. Resolves when the socket closed. */
  async stop(): Promise<void> {
    const link = this.link;
    const closed =
      link !== undefined && link.isOpen
        ? new Promise<void>((resolve) => {
            const t = setTimeout(resolve, 2000);
            link.onClose(() => {
              clearTimeout(t);
              resolve();
            });
          })
        : Promise.resolve();
    this.timers.clearTimeout(this.offTimer);
    const registration = this.registration;
    this.powerDown('clean', 'Simulator stopped');
    // A stopped charger keeps showing how far it got.
    this.registration = registration;
    this.connection = 'stopped';
    this.changed();
    await closed;
  }

  /** Mains off for `offSeconds` (simulated), then power-up and boot (reason PowerUp). */
  powerCycle(offSeconds: number): void {
    this.reboot('PowerUp', 'abrupt', offSeconds);
  }

  networkDown(seconds?: number): void {
    this.networkBlocked = true;
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const link = this.link;
    this.link = undefined;
    this.connection = 'network-down';
    this.stopHeartbeat();
    if (link !== undefined) {
      link.terminate();
      this.model.connectionLost();
    }
    this.log(`network down${seconds !== undefined ? ` for ${seconds} s` : ''}`);
    if (seconds !== undefined) this.after(seconds * 1000, () => this.networkUp());
  }

  networkUp(): void {
    if (!this.networkBlocked) return;
    this.networkBlocked = false;
    this.connection = 'disconnected';
    this.log('network up');
    void this.connect();
  }

  /** Resolves when no flow runs and nothing waits in the queue (tests, scripts). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  summary(url: string): SimChargerSummary {
    const count = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    const s: SimChargerSummary = {
      id: this.id,
      version: this.version,
      url,
      connection: this.connection,
      registration: this.registration,
      securityProfile: this.security.profile,
      connectors: this.model.connectors(),
      behaviours: this.faults.names,
      sent: count(this.stats.sent),
      received: count(this.stats.received),
      queued: this.queue.length,
      firmwareVersion: this.model.firmwareVersion(),
    };
    if (this.lastError !== undefined) s.lastError = this.lastError;
    return s;
  }

  // --- Internals ----------------------------------------------------------------------------------

  private powerUp(reason: BootReason): void {
    this.powered = true;
    this.registration = 'none';
    this.acceptedSincePowerUp = false;
    this.skippedBoot = false;
    this.bootReason = reason;
    this.connection = 'disconnected';
    this.connectFailures = 0;
    this.model.powerUp(reason);
    this.changed();
    void this.connect();
  }

  private powerDown(how: 'clean' | 'abrupt', reason: string): void {
    this.generation++;
    this.powered = false;
    for (const wake of [...this.sleepers]) wake(false);
    this.timers.clearTimeout(this.heartbeatTimer);
    this.timers.clearTimeout(this.bootTimer);
    this.timers.clearTimeout(this.reconnectTimer);
    this.heartbeatTimer = this.bootTimer = this.reconnectTimer = undefined;
    this.model.powerDown();
    this.registration = 'none';
    const link = this.link;
    this.link = undefined;
    if (link !== undefined) {
      if (how === 'clean') link.close(1000, reason);
      else link.terminate();
    }
  }

  private async connect(): Promise<void> {
    if (!this.powered || this.networkBlocked || this.link !== undefined || this.connection === 'connecting') return;
    const generation = this.generation;
    this.connection = 'connecting';
    this.changed();
    let link: Link;
    try {
      link = await this.options.transport.open({ onCall: (call) => this.onCall(call) }, this.faults.shapeSecurity(this.security, { afterRemoteReset: this.bootReason === 'RemoteReset' }));
    } catch (err) {
      if (generation !== this.generation || this.networkBlocked) return;
      const message = err instanceof Error ? err.message : String(err);
      this.connection = 'disconnected';
      this.lastError = message;
      this.connectFailures++;
      this.log(`cannot connect: ${message}`);
      this.model.connectFailed(message, (err as { kind?: string }).kind ?? 'error');
      if (this.fallback !== undefined && ++this.fallback.failures >= 3) {
        this.log(`security profile ${this.security.profile} does not connect: back to profile ${this.fallback.previous.profile}`);
        this.security = this.fallback.previous;
        this.fallback.onFallback?.();
        this.fallback = undefined;
      }
      this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation || !this.powered || this.networkBlocked) {
      link.close(1000, 'No longer wanted');
      return;
    }
    this.link = link;
    this.connection = 'open';
    this.connectFailures = 0;
    this.fallback = undefined;
    this.lastError = undefined;
    link.onClose((code, reason) => this.linkClosed(link, code, reason));
    if (this.registration === 'accepted') {
      this.log('reconnected');
      this.model.reconnected();
      this.restartHeartbeat();
      void this.pump();
    } else if (this.bootTimer === undefined) {
      void this.boot();
    }
    this.changed();
  }

  private linkClosed(link: Link, code: number, reason: string): void {
    if (this.link !== link) return;
    this.link = undefined;
    this.stopHeartbeat();
    this.connection = 'disconnected';
    if (this.registration === 'booting') this.registration = 'none';
    this.log(`connection closed (code ${code}${reason !== '' ? `, ${reason}` : ''})`);
    this.model.connectionLost();
    if (this.reconnectImmediately) {
      this.reconnectImmediately = false;
      void this.connect();
    } else {
      this.scheduleReconnect();
    }
    this.changed();
  }

  private scheduleReconnect(): void {
    if (!this.powered || this.networkBlocked || this.reconnectTimer !== undefined) return;
    const p = this.model.reconnectPolicy();
    const doublings = Math.min(Math.max(this.connectFailures - 1, 0), p.repeat);
    const seconds = p.minS * 2 ** doublings + Math.random() * p.randomS;
    this.reconnectTimer = this.after(seconds * 1000, () => {
      this.reconnectTimer = undefined;
      void this.connect();
    });
  }

  private async boot(): Promise<void> {
    const generation = this.generation;
    if (this.faults.has('skip-boot') && !this.skippedBoot) {
      // Behaviour skip-boot: behave as if accepted without asking (OCPP 1.6 §4.2 forbids any
      // request before BootNotification), and boot only ten seconds later.
      this.skippedBoot = true;
      this.bootAnswered({ kind: 'result', messageId: '', payload: { status: 'Accepted', interval: 0, currentTime: this.isoNow() }, findings: [], latencyMs: 0 });
      const generation = this.generation;
      this.bootTimer = this.after(10_000, () => {
        this.bootTimer = undefined;
        void this.transmit('BootNotification', this.model.bootRequest(this.bootReason)).then((r) => {
          if (generation === this.generation) this.bootAnswered(r);
        });
      });
      return;
    }
    this.registration = 'booting';
    this.changed();
    const r = await this.transmit('BootNotification', this.model.bootRequest(this.bootReason));
    if (generation !== this.generation) return;
    this.bootAnswered(r);
  }

  private bootAnswered(r: Transmitted): void {
    if (r.kind === 'closed') return; // Boots again on reconnect.
    this.timers.clearTimeout(this.bootTimer);
    this.bootTimer = undefined;
    const wasAccepted = this.registration === 'accepted';
    if (r.kind !== 'result') {
      if (wasAccepted) return; // A triggered boot that failed changes nothing.
      this.registration = 'none';
      this.scheduleBoot(this.options.defaultBootRetryS ?? 30);
      return;
    }
    const status = r.payload['status'];
    const interval = typeof r.payload['interval'] === 'number' ? r.payload['interval'] : 0;
    if (status === 'Accepted') {
      if (interval > 0) this.model.setHeartbeatInterval(interval);
      const first = !this.acceptedSincePowerUp;
      this.acceptedSincePowerUp = true;
      this.registration = 'accepted';
      this.log(`accepted by the CSMS (heartbeat every ${this.model.heartbeatIntervalS()} s)`);
      if (!wasAccepted) this.model.bootAccepted(first);
      this.restartHeartbeat();
      void this.pump();
    } else if (!wasAccepted) {
      this.registration = status === 'Pending' ? 'pending' : 'rejected';
      const wait = this.faults.has('boot-retry-ignores-interval') ? 1 : interval > 0 ? interval : (this.options.defaultBootRetryS ?? 30);
      this.log(`${String(status)} by the CSMS: BootNotification again in ${wait} s`);
      this.scheduleBoot(wait);
      // Behaviour pending-sends-requests: a request of its own while Pending (OCPP 1.6 §4.2).
      if (status === 'Pending' && this.faults.has('pending-sends-requests')) void this.transmit('Heartbeat', {});
    }
    this.changed();
  }

  private scheduleBoot(seconds: number): void {
    this.bootTimer = this.after(seconds * 1000, () => {
      this.bootTimer = undefined;
      if (this.connected) void this.boot();
      else void this.connect();
    });
  }

  private stopHeartbeat(): void {
    this.timers.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  /** Heartbeat after the interval of inactivity (OCPP 1.6 §9.1.10): restarted by every CALL sent. */
  private restartHeartbeat(): void {
    this.stopHeartbeat();
    if (this.registration !== 'accepted' || !this.connected) return;
    const seconds = this.faults.has('heartbeat-ignores-interval') ? this.faults.param('heartbeat-ignores-interval') : this.model.heartbeatIntervalS();
    if (seconds <= 0) return;
    this.heartbeatTimer = this.after(seconds * 1000, () => {
      this.heartbeatTimer = undefined;
      void this.transmit('Heartbeat', {});
      // Behaviour heartbeat-ignores-interval: a fixed period, not reset by other traffic.
      if (this.faults.has('heartbeat-ignores-interval')) this.restartHeartbeat();
    });
  }

  private count(kind: keyof SimChargerState['stats'], action: string): void {
    const m = this.stats[kind];
    m[action] = (m[action] ?? 0) + 1;
  }

  private async transmit(action: string, payload: Record<string, unknown>): Promise<Transmitted> {
    const link = this.link;
    if (link === undefined || !link.isOpen) return { kind: 'closed' };
    const shaped = this.faults.shapeCall(action, payload);
    this.count('sent', action);
    if (!this.faults.has('heartbeat-ignores-interval')) this.restartHeartbeat();
    if (shaped.raw !== undefined) {
      try {
        link.sendRaw(shaped.raw);
      } catch {
        return { kind: 'closed' };
      }
      return { kind: 'raw' };
    }
    const options = shaped.duplicate === true ? { ...shaped.options, skipQueue: true } : shaped.options;
    if (shaped.duplicate === true) {
      this.count('sent', action);
      void link.call(action, shaped.payload, options).catch(() => undefined);
    }
    try {
      const outcome = await link.call(action, shaped.payload, options);
      if (outcome.kind === 'error') this.count('errors', action);
      return outcome;
    } catch (err) {
      if (err instanceof CallTimeoutError) {
        this.count('timeouts', action);
        this.log(`${action}: no answer within ${err.timeoutMs} ms`);
        return { kind: 'timeout' };
      }
      if (err instanceof ConnectionClosedError) return { kind: 'closed' };
      if (err instanceof InvalidPayloadError) {
        // A defect in the model: say so loudly rather than send something broken.
        this.log(`BUG: refused to send an invalid ${action}: ${err.message}`);
        return { kind: 'invalid', message: err.message };
      }
      throw err;
    }
  }

  /** Delivers queued transaction-related messages in order (OCPP 1.6 §3.7). */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    const generation = this.generation;
    try {
      while (this.queue.length > 0 && this.online && generation === this.generation) {
        // Behaviour offline-queue-out-of-order: newest first (OCPP 1.6 §3.7 wants chronological order).
        const entry = this.faults.has('offline-queue-out-of-order') ? this.queue.at(-1)! : this.queue[0]!;
        entry.payload ??= entry.build();
        const r = await this.transmit(entry.action, entry.payload);
        if (generation !== this.generation) break;
        if (r.kind === 'closed') break; // Delivered after the reconnect.
        if (r.kind === 'result') {
          this.queue.splice(this.queue.indexOf(entry), 1);
          entry.onAnswer?.(r);
          entry.resolve(r);
          this.changed();
          continue;
        }
        // A CALLERROR or no answer is a failure to process the message (§3.7.1).
        entry.attempts++;
        const policy = this.model.retryPolicy();
        if (entry.attempts >= Math.max(1, policy.attempts) || r.kind === 'invalid' || r.kind === 'raw') {
          this.queue.splice(this.queue.indexOf(entry), 1);
          this.log(`${entry.action} discarded after ${entry.attempts} failed attempt(s)`);
          entry.resolve(r.kind === 'error' ? r : undefined);
          this.changed();
          continue;
        }
        const waited = await this.sleep(policy.intervalS * 1000 * entry.attempts);
        if (!waited) break;
      }
    } finally {
      this.pumping = false;
      this.checkIdle();
    }
  }

  private async onCall(call: IncomingCall): Promise<CallAnswer> {
    this.count('received', call.action);
    // While Rejected: OCPP 1.6 §4.2, the charger does not respond to the CSMS at all;
    // 2.0.1 B03.FR.08 (TC_B_30_CS), it answers every CSMS request with CALLERROR SecurityError.
    if (this.registration === 'rejected') {
      if (this.version === '1.6') return { noAnswer: true };
      return { error: { code: 'SecurityError', description: 'The CSMS rejected this charging station\'s BootNotification' } };
    }
    const handled = await this.model.handleCall(call);
    const answer = await this.faults.shapeAnswer(call, handled.answer);
    const then = handled.after;
    if (then !== undefined) {
      const run = () => this.spawn(`after answering ${call.action}`, async () => then());
      if (this.faults.has('trigger-before-response') && /TriggerMessage$/.test(call.action)) {
        // Behaviour trigger-before-response: the triggered message goes out first.
        run();
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        // After the endpoint has put the answer on the wire (it sends when this resolves).
        setImmediate(run);
      }
    }
    return answer;
  }

  private checkIdle(): void {
    if (this.flows > 0 || this.pumping || (this.queue.length > 0 && this.online)) return;
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiting) resolve();
  }
}
