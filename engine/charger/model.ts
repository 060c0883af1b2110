// The contract between the version-independent core (connection, boot, heartbeat, message
// queue: core.ts) and a per-version behaviour model (v16/, v2/). The model owns the
// charger's domain state and answers the CSMS; the core owns time and the wire.
import type { SimChargerState, SimChargerSummary, SimConnectorState, SimRegistration } from '../../api/sim';
import type { CallAnswer, CallOutcome, IncomingCall } from '../rpc/endpoint';
import type { Faults } from './faults';
import type { ConnectionSecurity } from './link';
import type { TimerHandle } from './timers';

/** Why the charger (re)boots; 2.0.1 BootReasonEnumType names. */
export type BootReason = 'PowerUp' | 'RemoteReset' | 'LocalReset' | 'FirmwareUpdate' | 'Triggered' | 'ScheduledReset' | 'Watchdog' | 'ApplicationReset' | 'Unknown';

/** How messages are delivered (OCPP 1.6 §3.7, 2.0.1 Part 2 E/J "transaction-related messages"). */
export type SendKind =
  /** Sent only when connected and accepted; dropped otherwise. */
  | 'normal'
  /** Transaction-related: queued while offline, delivered in order, retried on failure. */
  | 'transaction'
  /** Queued with guaranteed delivery like transactions (security events, A04.FR.02). */
  | 'guaranteed'
  /** Asked for by TriggerMessage: may be sent while Pending. */
  | 'triggered';

export interface SendOptions {
  kind?: SendKind;
  /** Runs with the answer before the next queued message is built (queued kinds). */
  onAnswer?: (outcome: CallOutcome) => void;
}

/** What the model answers, and what it does once the answer is on the wire. */
export interface Handled {
  answer: CallAnswer;
  /** Runs after the answer was sent (TriggerMessage: "first the response", OCPP 1.6 §5.17). */
  after?: () => void | Promise<void>;
}

export interface RetryPolicy {
  /** Attempts per transaction-related message before it is discarded. */
  attempts: number;
  /** Seconds; multiplied by the number of earlier attempts (OCPP 1.6 §3.7.1). */
  intervalS: number;
}

export interface ReconnectPolicy {
  /** First back-off, seconds (2.0.1 OCPPCommCtrlr.RetryBackOffWaitMinimum). */
  minS: number;
  /** How many times the back-off doubles (RetryBackOffRepeatTimes). */
  repeat: number;
  /** Random seconds added (RetryBackOffRandomRange). */
  randomS: number;
}

/** What the core offers a model. Times given to `after` are simulated: the core scales them. */
export interface ModelContext {
  readonly id: string;
  readonly faults: Faults;
  readonly timeScale: number;
  /** Wall-clock milliseconds (for timestamps). */
  now(): number;
  /** Monotonic real milliseconds (for metering). */
  mono(): number;
  isoNow(): string;
  /** Runs `fn` after `ms` simulated milliseconds. */
  after(ms: number, fn: () => void): TimerHandle;
  /** Runs `fn` at a wall-clock instant (ms since the epoch), unscaled by the time scale. */
  at(instant: number, fn: () => void): TimerHandle;
  cancel(handle: TimerHandle | undefined): void;
  /** Resolves after `ms` simulated milliseconds, or early (false) if the charger powered down. */
  sleep(ms: number): Promise<boolean>;
  /** Sends a CALL. Resolves with its answer, or undefined when it was not sent or got no answer. */
  send(action: string, payload: Record<string, unknown> | (() => Record<string, unknown>), options?: SendOptions): Promise<CallOutcome | undefined>;
  /** Runs an asynchronous flow; its failure is logged, never thrown. */
  spawn(what: string, fn: () => Promise<void>): void;
  log(text: string): void;
  /** The state changed (the UI and api are told, coalesced). */
  changed(): void;
  readonly connected: boolean;
  /** Connected and accepted by the CSMS. */
  readonly online: boolean;
  readonly registration: SimRegistration;
  /** Transaction-related messages waiting to be delivered. */
  readonly queued: number;
  /** Reboots: close the connection, power down, come back after a moment and boot with `reason`. */
  reboot(reason: BootReason, how: 'clean' | 'abrupt'): void;
  /** Sends BootNotification now (TriggerMessage); the answer is handled as any boot answer. */
  triggerBoot(): Promise<void>;
  /** Sends a Heartbeat now (TriggerMessage). */
  triggerHeartbeat(): Promise<void>;
  /** The heartbeat interval changed. */
  heartbeatChanged(): void;
  /** How the charger authenticates; changing it reconnects (A01, A05). */
  readonly security: ConnectionSecurity;
  setSecurity(next: ConnectionSecurity, reason: string): void;
}

/** What every version model is built from (the facade fills it from the user's options). */
export interface ModelOptions {
  id: string;
  /** 1.6 connectors / 2.x EVSEs with one connector each. */
  connectors: number;
  /** Maximum power per connector, W. */
  powerW: number;
  vendor: string;
  model: string;
  serialNumber: string;
  firmwareVersion: string;
  fixedCable: boolean;
  backupPower: boolean;
  /** 1.6 feature profiles supported (Security = the whitepaper's messages). */
  profiles: readonly string[];
  /** Initial configuration keys (1.6) or `Component.Variable` values (2.x). */
  settings: Readonly<Record<string, string>>;
  securityProfile: number;
  /** How firmware, diagnostics and log transfers happen (transfers.ts). */
  transfers: 'auto' | 'real' | 'simulate';
}

export interface OperatorModel {
  plugIn(connectorId: number): void;
  unplug(connectorId: number): void;
  evDisconnect(connectorId: number): void;
  presentIdToken(idToken: string, connectorId?: number): void;
  evSuspend(connectorId: number): void;
  evResume(connectorId: number): void;
  fault(connectorId: number, errorCode?: string): void;
  clearFault(connectorId: number): void;
  setHardwareFault(kind: 'lock' | 'unlock' | 'firmwareInstall' | 'localListStorage', connectorId: number, on: boolean): void;
}

export interface ChargerModel {
  readonly operator: OperatorModel;
  readonly connectorCount: number;
  bootRequest(reason: BootReason): Record<string, unknown>;
  /** Power on: start from persistent state (cold start or after a reboot). */
  powerUp(reason: BootReason): void;
  /** Power off: stop every timer. */
  powerDown(): void;
  /** BootNotification was answered Accepted; `first` when it is the first time since power-up. */
  bootAccepted(first: boolean): void;
  /** The heartbeat interval given by BootNotification (seconds > 0). */
  setHeartbeatInterval(seconds: number): void;
  heartbeatIntervalS(): number;
  retryPolicy(): RetryPolicy;
  reconnectPolicy(): ReconnectPolicy;
  /** The connection dropped (the charger keeps running offline). */
  connectionLost(): void;
  /** Connected again without a reboot. */
  reconnected(): void;
  /** The CSMS refused or could not be reached. */
  connectFailed(reason: string, kind: string): void;
  handleCall(call: IncomingCall): Promise<Handled> | Handled;
  connectors(): SimConnectorState[];
  /** Details for `sim.state`, without the core's part. */
  details(): Omit<SimChargerState, keyof SimChargerSummary | 'stats' | 'findings' | 'log'>;
  firmwareVersion(): string;
  /** Mains failing: a charger with backup power finishes its transactions first. */
  powerFailing(): Promise<void>;
}
