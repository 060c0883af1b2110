// The data model carried by api commands and events. Plain JSON only: no classes,
// no Dates, no Node or DOM types, so every transport (IPC, WebSocket, in-process)
// carries it unchanged.

export type OcppVersion = '1.6' | '2.0.1' | '2.1';
export const OCPP_VERSIONS: readonly OcppVersion[] = ['1.6', '2.0.1', '2.1'];

/** Who sent a frame: the charger (charge point / charging station) or the CSMS (central system). */
export type Direction = 'cp2csms' | 'csms2cp';

/** OCPP-J message type names (OCPP-J 1.6 §4.1.3, 2.0.1 Part 4 §4.1.3, 2.1 Part 4 §4.1.3). */
export type MessageKind = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'CALLRESULTERROR' | 'SEND';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type FindingGroup = 'framing' | 'schema' | 'correlation' | 'sequence' | 'state' | 'timing' | 'security';

/**
 * One observation about one frame (or a connection). A frame is never just
 * "valid: false": it has findings, each naming the rule it breaks and where.
 */
export interface Finding {
  /** Stable rule id, e.g. `framing.not-json`, `schema.required`, `correlation.unknown-id`. */
  rule: string;
  severity: Severity;
  group: FindingGroup;
  message: string;
  /** JSON Pointer (RFC 6901) into the payload, `''` for the payload itself. */
  path?: string;
  /** Index of the frame array element concerned (framing findings). */
  element?: number;
  /** The ajv keyword behind a schema finding (`required`, `enum`, `maxLength`…). */
  keyword?: string;
  /** The RPC error code a conformant receiver would answer with, in the version's own spelling. */
  errorCode?: string;
  /** Document and section, e.g. `OCPP-J 1.6 §4.1.3`. */
  specRef?: string;
  /**
   * Set when a deviation profile matched this finding (a known non-conformance): holds the
   * rule's own severity. A silenced finding is kept with severity `info` and `silenced: true`,
   * so it never counts as an error or warning (docs/deviation-profiles.md).
   */
  deviation?: { profile: string; originalSeverity: Severity | 'silenced'; silenced?: boolean; reason?: string };
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** Flags on a recorded frame that say it did not come from a peer unaltered. */
export type FrameMark = 'injected' | 'altered' | 'dropped' | 'delayed' | 'duplicated' | 'replayed' | 'binary';

export interface TlsInfo {
  version: string;
  cipher: string;
  /** Subject of the certificate the other end of this leg presented, if any. */
  peerSubject?: string;
  peerIssuer?: string;
  peerFingerprint256?: string;
  authorized?: boolean;
  authorizationError?: string;
}

export type SessionState = 'connecting' | 'open' | 'closed' | 'failed';

export type SessionSource = 'proxy' | 'csms' | 'sim' | 'capture' | 'replay' | 'run';

export interface SessionSummary {
  id: string;
  chargePointId: string;
  source: SessionSource;
  state: SessionState;
  /** Negotiated subprotocol, as sent on the wire (`ocpp1.6`…). */
  subprotocol?: string;
  version?: OcppVersion;
  path?: string;
  remoteAddress?: string;
  opened: string;
  closed?: string;
  frames: number;
  findings: FindingCounts;
  /** Why the connection failed or how it closed, in a sentence. */
  reason?: string;
}

export interface FrameSummary {
  /** Position in the store this summary came from; stable for the store's life. */
  index: number;
  session: string;
  /** Sequence number of the frame within its session, from 0. */
  seq: number;
  dir: Direction;
  /** Wall-clock time, ISO 8601 with milliseconds. */
  time: string;
  /** Monotonic time in milliseconds since the capture started (sub-millisecond precision). */
  mono: number;
  /** `undefined` when the frame is not valid OCPP-J (see its framing findings). */
  kind?: MessageKind;
  action?: string;
  messageId?: string;
  /** For a response: milliseconds since its request. */
  latencyMs?: number;
  /** Index of the matching request or response in the same store. */
  pair?: number;
  size: number;
  findings: FindingCounts;
  marks?: FrameMark[];
}

export interface FrameDetail {
  summary: FrameSummary;
  /** The exact wire text; absent for binary frames. */
  text?: string;
  /** Base64 of a binary frame. */
  binary?: string;
  findings: Finding[];
  /** The matching request or response, if any. */
  pair?: FrameSummary;
}

export interface ConnectionInfo {
  path: string;
  chargePointId: string;
  offeredSubprotocols: string[];
  subprotocol?: string;
  remoteAddress?: string;
  /** TLS of the charger-facing leg. */
  tls?: TlsInfo;
  /** For a proxy: the upstream URL and its TLS. */
  upstreamUrl?: string;
  upstreamTls?: TlsInfo;
  /** Basic-auth user; the password is redacted unless recording was asked to keep it. */
  authUser?: string;
  authPassword?: string;
}

/** A finding placed in a capture: which frame, of which session. */
export interface LocatedFinding {
  /** 1-based number of the frame in the capture, counting frames only. */
  frame: number;
  session: string;
  seq: number;
  time: string;
  dir: Direction;
  chargePointId: string;
  action?: string;
  messageId?: string;
  finding: Finding;
}

export interface ValidationSession {
  id: string;
  chargePointId: string;
  subprotocol?: string;
  version?: OcppVersion;
  frames: number;
  findings: FindingCounts;
}

export interface ValidationReport {
  file: string;
  frames: number;
  sessions: ValidationSession[];
  findings: LocatedFinding[];
  /** Count per rule id, with the rule's severity. */
  byRule: Record<string, { severity: Severity; count: number }>;
  /** Problems with the file itself (torn last line, skipped sessions…). */
  warnings: string[];
  /** Number of error-severity findings. */
  errors: number;
  /**
   * Set when the report was asked for the frames matching a filter expression
   * (engine/filter): `frames` is how many matched; then findings, byRule, errors and
   * sessions (their frames and findings) count the matching frames only.
   */
  filter?: { expression: string; frames: number };
  /** The deviation profile the capture was judged with, if any. */
  profile?: { name: string; path?: string };
  /** With a profile: how many findings it matched (known deviations, downgraded or silenced). */
  deviations?: number;
}
