// Replay of a recorded session against a live peer, semantic diff of two captures, and
// import of browser HAR files and packet captures (engine/replay, engine/capture/import).
// The replay and diff settings are data: the engine explains them in its reports.
import type { Direction, FindingCounts, MessageKind, OcppVersion } from './model';

/** Which side of the recorded session the bench plays. */
export type ReplaySide = 'charger' | 'csms';

/**
 * When the bench sends its next recorded frame, once the previous exchange is over:
 * `recorded` waits as long as the recording did; `fast` does not wait; `fixed` waits `ms`.
 */
export type ReplayTiming = { mode: 'recorded' } | { mode: 'fast' } | { mode: 'fixed'; ms: number };

/** What a comparison leaves out. Defaults: docs/replay.md "Volatile fields". */
export interface ComparisonSettings {
  /**
   * Ignored wherever they occur: a field name (`currentTime`), a JSON Pointer from the
   * payload's root (`/idTagInfo/expiryDate`; `*` stands for any one segment), or
   * `@date-time` for every string that is an RFC 3339 date-time.
   */
  volatile?: string[];
  /**
   * Fields holding ids one side issues (`transactionId`…): a value may differ from the
   * recording as long as it differs consistently (recorded 1 is live 42 every time).
   */
  correlated?: string[];
}

export interface ReplayTls {
  /** CA to trust for the CSMS certificate (wss:// targets). */
  caFile?: string;
  /** Client certificate and key (security profile 3). */
  certFile?: string;
  keyFile?: string;
}

export interface ReplaySelection {
  /** The capture to replay. */
  path: string;
  /** Connection id (`conn_…`) or charge point id; needed when the capture holds several sessions. */
  session?: string;
  as: ReplaySide;
  /** Treat the session as this version instead of its negotiated subprotocol. */
  version?: OcppVersion;
}

export interface ReplaySettings extends ReplaySelection, ComparisonSettings {
  /** As charger: the CSMS URL (ws:// or wss://); the recorded path is appended (docs/replay.md). */
  target?: string;
  /** As CSMS: where to wait for the charger (port 0 picks a free one). */
  listen?: { host: string; port: number };
  /** As CSMS: serve wss:// with this certificate. */
  listenTls?: { certFile: string; keyFile: string };
  timing?: ReplayTiming;
  /** Record the replay to this capture (mode `replay`; the bench's frames marked `replayed`). */
  capture?: string;
  /** As charger: the HTTP Basic password (captures keep it redacted). */
  password?: string;
  tls?: ReplayTls;
  /** How long to wait for the answer to each replayed CALL (default 30 s). */
  callTimeoutMs?: number;
  /**
   * How long to wait for the CALLs the peer sent in the recording before the bench's next
   * one, without any of them arriving, before going on without them (default 10 s).
   */
  peerWaitMs?: number;
  /** As CSMS: how long to wait for the charger to connect (default 60 s). */
  connectTimeoutMs?: number;
}

/** Why a session cannot be replayed (severity error), or what the replay will skip (warning). */
export interface ReplayProblem {
  code:
    | 'no-session'
    | 'session-not-found'
    | 'ambiguous-session'
    | 'unknown-subprotocol'
    | 'no-calls'
    | 'binary-frame'
    | 'unanswered-call'
    | 'invalid-frame'
    | 'orphan-answer'
    | 'call-result-error';
  severity: 'error' | 'warning';
  message: string;
  /** The frame concerned (seq in its session). */
  seq?: number;
}

export interface RecordedSessionInfo {
  id: string;
  chargePointId: string;
  path: string;
  subprotocol?: string;
  version?: OcppVersion;
  opened: string;
  frames: number;
  /** CALLs (and 2.1 SENDs) each side sent. */
  calls: { charger: number; csms: number };
}

export interface ReplayCheck {
  file: string;
  as: ReplaySide;
  /** The session chosen, when one could be. */
  session?: RecordedSessionInfo;
  /** Every session of the capture (to choose from). */
  sessions: RecordedSessionInfo[];
  /** True when no problem has severity error. */
  replayable: boolean;
  problems: ReplayProblem[];
}

/**
 * One difference at one place. `part` says which message: the response to a CALL, or the
 * request itself (a CALL the live peer sent). `path` is a JSON Pointer into the payload (for
 * CALLERRORs: `/errorCode`, `/errorDescription`, `/errorDetails/…`); `kind` means the message
 * type differs (a CALLERROR instead of a CALLRESULT, or no answer at all).
 */
export interface ReplayChange {
  part: 'request' | 'response';
  path: string;
  change: 'changed' | 'added' | 'removed' | 'kind';
  recorded?: unknown;
  live?: unknown;
}

export type ReplayOutcome =
  /** The live answer (or request) equals the recorded one, volatile fields aside. */
  | 'match'
  | 'differs'
  /** A CALL the peer sent in the recording never came. */
  | 'missing'
  /** The live peer sent a CALL the recording does not have. */
  | 'unexpected'
  /** No answer within the call timeout. */
  | 'timeout'
  /** The connection ended first. */
  | 'closed';

export interface ReplayExchange {
  /** 1-based, in the order exchanges were concluded. */
  n: number;
  /** Who sent the CALL. */
  dir: Direction;
  /** `bench`: a recorded CALL the bench replayed; `peer`: a CALL the live peer sent. */
  by: 'bench' | 'peer';
  action: string;
  kind: 'CALL' | 'SEND';
  outcome: ReplayOutcome;
  /** Frame seqs and message id in the recorded session. */
  recorded?: { requestSeq: number; responseSeq?: number; messageId: string; answer?: MessageKind };
  /** Frame seqs and message id in the live (replay) session. */
  live?: { requestSeq?: number; responseSeq?: number; messageId: string; answer?: MessageKind; latencyMs?: number };
  changes: ReplayChange[];
  /** A sentence for what is not a plain match. */
  note?: string;
}

export type ReplayVerdict = 'match' | 'differs' | 'failed';

export interface ReplayResult {
  id: string;
  file: string;
  session: RecordedSessionInfo;
  as: ReplaySide;
  /** The CSMS URL connected to, or the address listened on. */
  target: string;
  timing: ReplayTiming;
  started: string;
  durationMs: number;
  verdict: ReplayVerdict;
  /** For `failed`: why the replay could not run to its end (refused, nobody connected…). */
  reason?: string;
  counts: Record<ReplayOutcome, number>;
  exchanges: ReplayExchange[];
  /** Ids the live peer issued in place of the recorded ones, per field. */
  ids: Record<string, Array<{ recorded: unknown; live: unknown }>>;
  comparison: { volatile: string[]; correlated: string[] };
  /** The live session's connection id and the capture it was recorded to. */
  liveSession?: string;
  capture?: string;
  /** Findings of the judge on the live session (replay is judged like live traffic). */
  findings: FindingCounts;
  warnings: string[];
}

export interface ReplayProgress {
  id: string;
  state: 'listening' | 'connecting' | 'running' | 'finished';
  /** The address to point the charger at (as CSMS, while listening). */
  url?: string;
  /** Recorded exchanges concluded so far, of `total`. */
  done: number;
  total: number;
  exchange?: ReplayExchange;
}

// ---- Capture diff

export interface DiffSessionRef {
  id: string;
  chargePointId: string;
  frames: number;
}

/** A difference between the same exchange in capture A and capture B (`part`/`path` as in ReplayChange). */
export interface DiffChange {
  part: 'request' | 'response';
  path: string;
  change: 'changed' | 'added' | 'removed' | 'kind';
  a?: unknown;
  b?: unknown;
}

export interface ExchangeDiff {
  /** `changed`: in both, with differences; `missing`: only in A; `extra`: only in B. */
  status: 'changed' | 'missing' | 'extra';
  dir: Direction;
  /** CALL, SEND, an answer without its CALL, or a frame that is not OCPP-J (`invalid`). */
  kind: MessageKind | 'invalid';
  action?: string;
  a?: { requestSeq: number; responseSeq?: number; messageId?: string };
  b?: { requestSeq: number; responseSeq?: number; messageId?: string };
  changes: DiffChange[];
}

export interface SessionDiff {
  a: DiffSessionRef;
  b: DiffSessionRef;
  pairedBy: 'chargePointId' | 'explicit' | 'only';
  equal: boolean;
  /** Exchanges in both and equal. */
  same: number;
  /** Only the differences, in order. */
  differences: ExchangeDiff[];
}

export interface CaptureDiff {
  a: string;
  b: string;
  equal: boolean;
  sessions: SessionDiff[];
  /** Sessions found in one capture only. */
  unpaired: { a: DiffSessionRef[]; b: DiffSessionRef[] };
  counts: { same: number; changed: number; missing: number; extra: number };
  comparison: { volatile: string[]; correlated: string[] };
  warnings: string[];
}

export interface DiffArgs extends ComparisonSettings {
  a: string;
  b: string;
  /**
   * Which sessions to compare: `CONN_A=CONN_B` pairs two explicitly; a connection id or
   * charge point id keeps only those. Default: every session, paired by charge point id.
   */
  sessions?: string[];
  version?: OcppVersion;
}

// ---- Import

export type ImportFormat = 'har' | 'pcap' | 'pcapng';

export interface ImportArgs {
  /** The HAR, pcap or pcapng file. */
  path: string;
  /** The capture to write. */
  out: string;
  /** Default: from the file's contents. */
  format?: ImportFormat;
  /**
   * HAR only: which end of the browser's WebSocket is the charger. `client` (default): the
   * page is the charger, its `send` messages go charger → CSMS.
   */
  chargerSide?: 'client' | 'server';
  /** Keep HTTP Basic passwords (redacted by default). */
  keepCredentials?: boolean;
}

/** A stream or message that could not be read, and why. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  /** `10.0.0.5:51234 → 10.0.0.1:9000`, or the HAR entry's URL. */
  stream: string;
  message: string;
}

export interface ImportResult {
  out: string;
  format: ImportFormat;
  /** WebSocket connections written (opened, or refused: `fail` records). */
  connections: number;
  frames: number;
  /** Packets (pcap) or HAR entries read. */
  read: number;
  problems: ImportProblem[];
}

export interface ReplayCommands {
  /** Says whether a recorded session can be replayed from one side, and why not. */
  'replay.check': { args: ReplaySelection; result: ReplayCheck };
  /** Starts a replay in the background; progress comes as `replay.progress` events. */
  'replay.start': { args: ReplaySettings; result: { id: string; session: RecordedSessionInfo } };
  /** The result of a finished replay. */
  'replay.result': { args: { id: string }; result: ReplayResult };
  /** Stops a running replay (it finishes with what it has). */
  'replay.cancel': { args: { id: string }; result: { cancelled: boolean } };
  /** The result as a self-contained HTML page or JSON text. */
  'replay.render': { args: { id: string; format: 'html' | 'json' }; result: { content: string } };
  /** Semantic diff of two captures. */
  'diff.captures': { args: DiffArgs; result: CaptureDiff };
  /** Converts a HAR, pcap or pcapng file into a capture. */
  'capture.import': { args: ImportArgs; result: ImportResult };
}

export interface ReplayEvents {
  'replay.progress': ReplayProgress;
  'replay.finished': { id: string; verdict: ReplayVerdict; reason?: string };
}

/** Field names and patterns a comparison ignores by default (docs/replay.md "Volatile fields"). */
export const DEFAULT_VOLATILE: readonly string[] = ['@date-time', 'currentTime', 'timestamp', 'errorDescription'];

/**
 * Fields whose values one side issues and the other echoes: 1.6 transactionId (the CSMS's,
 * OCPP 1.6 §5.11/§6.46), 2.x transactionId (the charger's, 2.0.1 E01), remoteStartId (the
 * CSMS's, 2.0.1 F01), requestId (the CSMS's, e.g. 2.0.1 B07, N01), reservationId and
 * chargingProfileId (the CSMS's).
 */
export const DEFAULT_CORRELATED: readonly string[] = ['transactionId', 'remoteStartId', 'requestId', 'reservationId', 'chargingProfileId'];
