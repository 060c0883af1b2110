// Commands and events of the standalone CSMS: the bench standing in for the backend in
// front of real chargers (and the built-in CSMS the conformance cases run against).
import type { Finding, FindingCounts, OcppVersion } from './model';

/** How the CSMS answers one charger-initiated action. */
export type ResponderMode = 'default' | 'fixed' | 'error' | 'noAnswer';

export interface ResponderSpec {
  mode: ResponderMode;
  /** `fixed`: the payload to answer with. */
  payload?: Record<string, unknown>;
  /** `fixed`: answer even if the payload breaks its schema (on purpose). */
  allowInvalid?: boolean;
  /** `error`: the RPC error code, spelled as the charger's version spells it. */
  code?: string;
  description?: string;
  details?: Record<string, unknown>;
  /** Wait this long before answering (any mode), in ms; multiplied by the CSMS's timeScale. */
  delayMs?: number;
  /** Only for chargers speaking this version (payloads differ between versions). */
  version?: OcppVersion;
}

export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

export interface BootSettings {
  status: RegistrationStatus;
  /** Heartbeat interval (s) given with Accepted. */
  interval: number;
  /** Wait (s) given with Pending or Rejected before the next BootNotification. */
  retryInterval: number;
}

/** An entry of the id-token table (1.6 idTag, 2.x idToken). */
export interface IdTokenEntry {
  /** Authorization status in the charger's version's vocabulary (Accepted, Blocked, Expired, Invalid, ConcurrentTx…). */
  status: string;
  /** After this instant the token answers Expired. */
  expiryDate?: string;
  /** 1.6 parentIdTag / 2.x groupIdToken. */
  parentIdTag?: string;
  /** May start a transaction while it has one running (otherwise ConcurrentTx). */
  allowConcurrent?: boolean;
}

export interface ChargerSettings {
  /** Security profiles 1 and 2: the AuthorizationKey as text. */
  password?: string;
  /** The AuthorizationKey as hex (1.6 security whitepaper ed. 3 §2.3: up to 40 hex digits). */
  passwordHex?: string;
  boot?: Partial<BootSettings>;
  /** Subprotocol preference for this charger (overrides the CSMS's). */
  subprotocols?: string[];
  responders?: Record<string, ResponderSpec>;
}

export interface DataTransferSettings {
  /** Answer for vendors not listed. */
  status: string;
  data?: string;
  vendors?: Record<string, { status: string; data?: string }>;
}

export interface SignCertificateSettings {
  status: 'Accepted' | 'Rejected';
  /**
   * A local CA (PEM certificate and key) that signs the charger's CSR; the CertificateSigned
   * that follows carries the new certificate and the CA's. Needs the openssl command.
   */
  ca?: { cert: string; key: string };
  /** Validity of certificates the local CA issues, in days (default 365). */
  validityDays?: number;
  /** Without a CA: this fixed PEM chain is sent in the CertificateSigned. Neither → no follow-up. */
  certificateChain?: string;
  /** Delay before the follow-up, ms (times timeScale). */
  delayMs: number;
}

/** Who may start a transaction with a token that already has one running. */
export type ConcurrentTxPolicy = 'authorize-and-start' | 'start-only' | 'allow';

/** The CSMS's settings: the config file's content (JSON or YAML), and what csms.config.set changes. */
export interface CsmsSettings {
  /** Subprotocols in order of preference, e.g. ["ocpp2.0.1", "ocpp1.6"]. */
  subprotocols: string[];
  /**
   * 0 no authentication, 1 Basic auth, 2 TLS + Basic auth, 3 TLS with client certificates.
   * Absent: derived from the TLS options and whether any charger has a password.
   */
  securityProfile?: 0 | 1 | 2 | 3;
  /** Profile 3: the client certificate's subject CN must equal the charge point id. */
  requireCertificateCn: boolean;
  /** false: only chargers listed in `chargers` may connect (others get HTTP 404). */
  allowUnknownChargers: boolean;
  boot: BootSettings;
  idTokens: Record<string, IdTokenEntry>;
  /** Status for tokens not in the table. */
  unknownIdToken: string;
  /**
   * ConcurrentTx for a token that has a transaction running: on Authorize and on start,
   * only on start (1.6 §7.2 says it is only relevant for StartTransaction), or never.
   * Absent: 'start-only' for 1.6, 'authorize-and-start' for 2.x.
   */
  concurrentTx?: ConcurrentTxPolicy;
  dataTransfer: DataTransferSettings;
  signCertificate: SignCertificateSettings;
  /** Multiplies the CSMS's own timers (responder delays, follow-ups): 0.01 for fast conformance runs. */
  timeScale: number;
  /** Default wait for a charger's answer to a CSMS-initiated CALL, ms. */
  callTimeoutMs: number;
  chargers: Record<string, ChargerSettings>;
  responders: Record<string, ResponderSpec>;
}

/**
 * A change to the settings, as the config file and csms.config.set take it: any subset;
 * maps merge by key and a null value removes the key; a token's status alone stands for
 * { status }, and "default" / "noAnswer" for a responder of that mode.
 */
export interface CsmsSettingsPatch {
  subprotocols?: string[];
  securityProfile?: 0 | 1 | 2 | 3 | null;
  requireCertificateCn?: boolean;
  allowUnknownChargers?: boolean;
  boot?: Partial<BootSettings>;
  idTokens?: Record<string, IdTokenEntry | string | null>;
  unknownIdToken?: string;
  concurrentTx?: ConcurrentTxPolicy | null;
  dataTransfer?: Partial<DataTransferSettings>;
  signCertificate?: Partial<SignCertificateSettings>;
  timeScale?: number;
  callTimeoutMs?: number;
  chargers?: Record<string, ChargerSettings | null>;
  responders?: Record<string, ResponderSpec | 'default' | 'noAnswer' | null>;
}

export interface CsmsTlsArgs {
  /** PEM text, or a file path in the *File variant. */
  cert?: string;
  key?: string;
  clientCa?: string;
  certFile?: string;
  keyFile?: string;
  clientCaFile?: string;
}

export interface CsmsStartArgs {
  /** HOST:PORT; port 0 picks a free one. */
  listen: string;
  tls?: CsmsTlsArgs;
  /** Record to this capture file. */
  capture?: string;
  /** A JSON or YAML settings file. */
  config?: string;
  /** Settings applied over the file's. */
  settings?: CsmsSettingsPatch;
  /** Keep credentials in the capture and store (they are masked by default). */
  keepCredentials?: boolean;
  /** Named faulty behaviours (csms.behaviours lists them), to prove conformance cases can fail. */
  behaviours?: string[];
}

/** A named faulty behaviour of the built-in CSMS. */
export interface CsmsBehaviourInfo {
  name: string;
  /** One sentence. */
  description: string;
  versions: readonly OcppVersion[];
  /** 1.6 feature profiles and 2.x functional blocks it concerns. */
  targets: readonly string[];
  /** Conformance cases it should make fail. */
  catches: readonly string[];
}

export interface CsmsInfo {
  id: string;
  /** ws://host:port or wss://host:port; chargers append /<path>/<chargePointId>. */
  url: string;
  securityProfile: 0 | 1 | 2 | 3;
  capture?: string;
  behaviours?: string[];
  started: string;
  chargers: number;
  connected: number;
}

export interface CsmsConnector {
  /** 2.x EVSE id; absent for 1.6. */
  evseId?: number;
  /** 1.6 connectorId (0 = the whole charge point), 2.x connectorId within the EVSE. */
  connectorId: number;
  status?: string;
  errorCode?: string;
  info?: string;
  /** Timestamp the charger gave. */
  timestamp?: string;
  /** Operative / Inoperative as last accepted through ChangeAvailability. */
  availability?: string;
  updated: string;
}

export interface CsmsMeterValue {
  timestamp: string;
  sampledValue: Array<Record<string, unknown>>;
}

export interface CsmsTransaction {
  /** 1.6: the id the CSMS assigned (as text); 2.x: the charger's transactionId. */
  transactionId: string;
  evseId?: number;
  connectorId?: number;
  idTag?: string;
  /** Authorization status answered when it started. */
  authorization?: string;
  state: 'active' | 'ended';
  started: string;
  ended?: string;
  meterStart?: number;
  meterStop?: number;
  /** Latest energy register reading in Wh, from meter values. */
  energyWh?: number;
  stopReason?: string;
  reservationId?: number;
  remoteStartId?: number;
  /** 2.x: last seqNo, chargingState, triggerReason. */
  seqNo?: number;
  chargingState?: string;
  lastTrigger?: string;
  meterValues: CsmsMeterValue[];
  /** Meter values dropped to bound memory (oldest first). */
  droppedMeterValues?: number;
}

export interface CsmsVariable {
  component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } };
  variable: { name: string; instance?: string };
  /** By attribute type (Actual, Target, MinSet, MaxSet). */
  attributes: Record<string, { value?: string; mutability?: string; persistent?: boolean; constant?: boolean }>;
  characteristics?: Record<string, unknown>;
  updated: string;
}

export interface CsmsReport {
  requestId: number;
  parts: number;
  lastSeqNo: number;
  complete: boolean;
  generatedAt: string;
}

export interface CsmsStatusReport {
  status: string;
  requestId?: number;
  at: string;
}

export interface CsmsReservation {
  reservationId: number;
  evseId?: number;
  connectorId?: number;
  idTag: string;
  expiryDate: string;
  /** The charger's answer to ReserveNow, then Cancelled / Used / Expired / Removed. */
  status: string;
  at: string;
}

export interface CsmsChargingProfile {
  /** 1.6 connectorId, 2.x evseId (0 = the whole charger). */
  target: number;
  chargingProfileId: number;
  stackLevel: number;
  purpose: string;
  profile: Record<string, unknown>;
  at: string;
}

export interface CsmsNotification {
  action: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface CsmsChargerStats {
  /** CALLs received from the charger, per action. */
  received: Record<string, number>;
  /** CALLs sent to the charger, per action. */
  sent: Record<string, number>;
  /** Findings on this charger's frames (both directions), by severity and by rule. */
  findings: FindingCounts;
  rules: Record<string, number>;
}

export interface CsmsChargerState {
  chargePointId: string;
  version?: OcppVersion;
  connection: {
    connected: boolean;
    /** The traffic store session of the current (or last) connection. */
    session?: string;
    subprotocol?: string;
    remoteAddress?: string;
    securityProfile?: number;
    tlsSubject?: string;
    connectedAt?: string;
    disconnectedAt?: string;
    closeReason?: string;
    connects: number;
  };
  boot: {
    status: RegistrationStatus | 'None';
    at?: string;
    attempts: number;
    /** 2.x BootReason. */
    reason?: string;
    station?: { vendor: string; model: string; serialNumber?: string; firmwareVersion?: string };
  };
  lastHeartbeat?: string;
  lastSeen?: string;
  connectors: CsmsConnector[];
  transactions: CsmsTransaction[];
  /** 1.6 configuration keys as last reported (GetConfiguration) or accepted (ChangeConfiguration). */
  configuration: Record<string, { value?: string; readonly?: boolean; updated: string }>;
  unknownConfigurationKeys: string[];
  /** 2.x device model as last reported (NotifyReport, GetVariables) or accepted (SetVariables). */
  variables: Record<string, CsmsVariable>;
  reports: CsmsReport[];
  firmware?: CsmsStatusReport;
  diagnostics?: CsmsStatusReport;
  log?: CsmsStatusReport;
  publishFirmware?: CsmsStatusReport;
  localListVersion?: number;
  reservations: CsmsReservation[];
  /** Profiles the charger accepted (SetChargingProfile), minus cleared ones. */
  chargingProfiles: CsmsChargingProfile[];
  securityEvents: Array<{ type: string; timestamp: string; techInfo?: string }>;
  /** Other notifications kept as received (NotifyEvent, NotifyMonitoringReport, DataTransfer…), newest last. */
  notifications: CsmsNotification[];
  stats: CsmsChargerStats;
}

/** What csms.changed carries per charger: enough for a list row. */
export interface CsmsChargerSummary {
  chargePointId: string;
  version?: OcppVersion;
  connected: boolean;
  bootStatus: RegistrationStatus | 'None';
  activeTransactions: number;
  lastSeen?: string;
}

export interface CsmsSendArgs {
  /** The CSMS; may be left out while exactly one runs. */
  id?: string;
  chargePointId: string;
  action: string;
  /** Defaults to the action's schema template. */
  payload?: Record<string, unknown>;
  /** Send even if the payload breaks its schema. */
  allowInvalid?: boolean;
  timeoutMs?: number;
}

export type CsmsSendOutcome =
  | { kind: 'result'; messageId: string; payload: Record<string, unknown>; findings: Finding[]; latencyMs: number; notes: string[] }
  | { kind: 'error'; messageId: string; code: string; description: string; details: unknown; latencyMs: number; notes: string[] }
  | { kind: 'timeout'; messageId: string; timeoutMs: number; notes: string[] }
  | { kind: 'closed'; notes: string[] };

export interface CsmsResponders {
  /** Overrides for every charger, by action. */
  global: Record<string, ResponderSpec>;
  /** Overrides for the charger asked about, by action. */
  charger?: Record<string, ResponderSpec>;
}

export interface CsmsCommands {
  'csms.start': { args: CsmsStartArgs; result: CsmsInfo };
  /** Stops a CSMS; returns every charger's final state (after the last frame is judged). */
  'csms.stop': { args: { id?: string }; result: { stopped: string; chargers: CsmsChargerState[] } };
  'csms.list': { args: Record<string, never>; result: CsmsInfo[] };
  /** Per-charger state; all chargers, or the one named. */
  'csms.chargers': { args: { id?: string; chargePointId?: string }; result: CsmsChargerState[] };
  /** Sends a CSMS-initiated CALL to a connected charger and returns its judged answer. */
  'csms.send': { args: CsmsSendArgs; result: CsmsSendOutcome };
  /** The schema template of an action's request, for the composer. */
  'csms.template': { args: { version: OcppVersion; action: string }; result: { payload: Record<string, unknown> } };
  /** The named faulty behaviours csms.start accepts. */
  'csms.behaviours': { args: { version?: OcppVersion }; result: CsmsBehaviourInfo[] };
  'csms.responders.get': { args: { id?: string; chargePointId?: string }; result: CsmsResponders };
  /** Sets (or with `responder: null` removes) one action's responder, for all chargers or one. */
  'csms.responders.set': {
    args: { id?: string; action: string; chargePointId?: string; responder: ResponderSpec | null };
    result: CsmsResponders;
  };
  /** Merges settings (id tokens, credentials, boot…) into the running CSMS; returns the result. */
  'csms.config.set': { args: { id?: string; settings: CsmsSettingsPatch }; result: CsmsSettings };
}

export interface CsmsEvents {
  /** Chargers that connected, disconnected, booted or changed state; coalesced, a few per second at most. */
  'csms.changed': { id: string; chargers: CsmsChargerSummary[] };
  /** A CSMS stopped (asked to, or because recording failed). */
  'csms.stopped': { id: string; reason: string };
}
