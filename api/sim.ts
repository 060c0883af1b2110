// Commands and events of the charger simulator (engine/charger): start simulated chargers
// against a CSMS, drive them as an operator would (plug in, present a card, unplug…), read
// their state, and list the named faulty behaviours they can be given.
import type { FindingCounts, OcppVersion } from './model';

/** A named faulty behaviour: a deliberate deviation that conformance cases and judge rules must catch. */
export interface BehaviourInfo {
  name: string;
  /** One sentence. */
  description: string;
  versions: readonly OcppVersion[];
  /** 1.6 feature profiles (`Core`, `SmartCharging`…) and 2.x functional block letters (`E`, `K`…) it targets. */
  targets: readonly string[];
  /** The judge rule id that should flag it, or `case: …` the conformance case that fails on it. */
  rule: string;
  /** Whether the bench's judge raises `rule` today (framing and schema rules), rather than a later behaviour rule or a case. */
  judgedNow: boolean;
  /** Optional numeric parameter, given as `name=value` (e.g. `answers-too-late=5`). */
  parameter?: { name: string; default: number; description: string };
}

export type SimConnection = 'stopped' | 'connecting' | 'open' | 'disconnected' | 'network-down' | 'rebooting';
export type SimRegistration = 'none' | 'booting' | 'pending' | 'rejected' | 'accepted';

export interface SimTransaction {
  /** The CSMS's id (1.6, once StartTransaction was answered) or the charger's (2.x). */
  id?: string;
  idToken: string;
  startedAt: string;
  meterStartWh: number;
  reservationId?: number;
  remoteStartId?: number;
}

export interface SimConnectorState {
  /** 1.6: the connector id; 2.x: the EVSE id (one connector per EVSE). */
  id: number;
  /** The status last computed (1.6 ChargePointStatus, 2.x ConnectorStatusEnumType). */
  status: string;
  errorCode?: string;
  /** Cable in the charger's socket (or fixed cable in the EV). */
  plugged: boolean;
  /** The EV end of the cable is connected. */
  evConnected: boolean;
  evSuspended: boolean;
  locked: boolean;
  faulted: boolean;
  operative: boolean;
  /** Availability change waiting for the transaction to end. */
  scheduledOperative?: boolean;
  energyWh: number;
  powerW: number;
  /** Limit from charging profiles now, in W, if any applies. */
  limitW?: number;
  transaction?: SimTransaction;
  reservation?: { id: number; idToken: string; expiresAt: string };
  /** An id token authorised and waiting for a cable. */
  authorized?: string;
}

export interface SimChargerSummary {
  id: string;
  version: OcppVersion;
  url: string;
  connection: SimConnection;
  registration: SimRegistration;
  securityProfile: number;
  connectors: SimConnectorState[];
  behaviours: string[];
  /** CALLs sent and received, all actions. */
  sent: number;
  received: number;
  /** Transaction-related messages waiting for delivery. */
  queued: number;
  firmwareVersion: string;
  lastError?: string;
}

export interface SimChargerState extends SimChargerSummary {
  /** CALLs per action. `errors`: CALLERRORs the CSMS answered; `timeouts`: no answer in time. */
  stats: { sent: Record<string, number>; received: Record<string, number>; errors: Record<string, number>; timeouts: Record<string, number> };
  /** Findings the judge raised on this charger's traffic, with counts per rule. */
  findings: FindingCounts & { byRule: Record<string, number> };
  /** 1.6 configuration keys (write-only keys without their value). */
  configuration?: Array<{ key: string; readonly: boolean; value?: string }>;
  /** 2.x device-model variables (Actual attribute). */
  variables?: Array<{ component: string; evseId?: number; connectorId?: number; variable: string; instance?: string; mutability: string; value?: string }>;
  localList: { version: number; entries: number };
  authCache: { entries: number };
  chargingProfiles: Array<{ id: number; connectorId: number; purpose: string; stackLevel: number; transactionId?: string }>;
  firmware: { status: string; requestId?: number };
  upload: { status: string; requestId?: number };
  certificates: Array<{ type: string; subject: string; serialNumber: string }>;
  /** Recent events in words, newest last. */
  log: Array<{ time: string; text: string }>;
}

export type SimOperatorAction =
  | 'plugIn'
  | 'unplug'
  /** Cable pulled out at the EV side only (it stays in a locked socket). */
  | 'evDisconnect'
  | 'presentIdToken'
  | 'evSuspend'
  | 'evResume'
  | 'fault'
  | 'clearFault'
  /** Mains off and on again (`seconds` off, default 2). */
  | 'powerLoss'
  /** Network gone for `seconds` (until networkUp when omitted). */
  | 'networkDown'
  | 'networkUp'
  /** Hardware faults that make the next attempt fail (`on`: default true). */
  | 'lockFailure'
  | 'unlockFailure'
  | 'firmwareInstallFailure'
  | 'localListStorageFailure';

export const SIM_OPERATOR_ACTIONS: readonly SimOperatorAction[] = [
  'plugIn',
  'unplug',
  'evDisconnect',
  'presentIdToken',
  'evSuspend',
  'evResume',
  'fault',
  'clearFault',
  'powerLoss',
  'networkDown',
  'networkUp',
  'lockFailure',
  'unlockFailure',
  'firmwareInstallFailure',
  'localListStorageFailure',
];

export interface SimOperatorStep {
  action: SimOperatorAction;
  /** 1.6 connector id / 2.x EVSE id; default 1 (presentIdToken: the charger chooses). */
  connectorId?: number;
  idToken?: string;
  /** fault: the error code (1.6 ChargePointErrorCode, default OtherError). */
  errorCode?: string;
  /** powerLoss / networkDown: seconds (scaled by the time scale). */
  seconds?: number;
  /** Hardware fault switches. */
  on?: boolean;
}

/** One step of a script: an operator action, a wait, or a wait for a connector status. */
export type SimScriptStep =
  | SimOperatorStep
  | { wait: number }
  | { waitFor: { status: string; connectorId?: number; timeout?: number } }
  | { note: string };

export interface SimTlsFiles {
  /** PEM file paths. */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** Accept any CSMS certificate (testing only). */
  insecure?: boolean;
}

export interface SimStartArgs {
  /** CSMS URL without the charge point id (ws:// or wss://). */
  url: string;
  /** Charge point id, or a pattern when count > 1: `CP{n}` (1, 2…), `CP{n:3}` (001…); without `{n}` a number is appended. */
  id: string;
  version: OcppVersion;
  /** 1.6 connectors / 2.x EVSEs (one connector each). Default 1. */
  connectors?: number;
  /** Number of chargers. Default 1. */
  count?: number;
  /** Faulty behaviours, `name` or `name=value`. */
  behaviours?: string[];
  /** HTTP Basic password (security profile 1/2). */
  password?: string;
  tls?: SimTlsFiles;
  /** Security profile; default from what is given (client certificate 3, wss 2, password 1, else 0). */
  securityProfile?: number;
  /** Capture file to record to. */
  capture?: string;
  /** Multiplies every simulator timer (heartbeat, meter values, retries, expiry…); default 1. */
  timeScale?: number;
  /** Maximum power per connector in W (default 11000). */
  powerW?: number;
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** A fixed (tethered) cable: UnlockConnector answers NotSupported. */
  fixedCable?: boolean;
  /** The charger has backup power: on power loss it stops transactions before going down. */
  backupPower?: boolean;
  /** 1.6 feature profiles to support (default: all, Security included). */
  profiles?: string[];
  /** Initial 1.6 configuration keys / 2.x variables (`Component.Variable`) to set. */
  settings?: Record<string, string>;
  /** Script each charger plays once connected. */
  script?: SimScriptStep[];
}

export interface SimCommands {
  'sim.start': { args: SimStartArgs; result: { ids: string[] } };
  /** Stops the given chargers (all when omitted) with a clean close; returns their final states. */
  'sim.stop': { args: { ids?: string[] }; result: { stopped: string[]; states: SimChargerState[] } };
  'sim.list': { args: Record<string, never>; result: SimChargerSummary[] };
  'sim.state': { args: { id: string }; result: SimChargerState };
  'sim.operator': { args: SimOperatorStep & { id: string }; result: SimChargerSummary };
  /** Plays a script on one charger (all when id is omitted); resolves when it has run. */
  'sim.play': { args: { id?: string; script: SimScriptStep[] }; result: { steps: number } };
  'sim.behaviours': { args: { version?: OcppVersion }; result: BehaviourInfo[] };
}

export interface SimEvents {
  /** Chargers whose state changed, coalesced (at most a few times per second). */
  'sim.chargers': { chargers: SimChargerSummary[] };
}
