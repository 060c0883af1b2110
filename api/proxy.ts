// Commands and events of the transparent proxy (engine/proxy): start and stop proxies,
// list their sessions, and edit their fault-injection rules at run time. Frames reach the
// traffic store like any other source (`traffic.*` events); `proxy.frames` carries the
// same summaries with the charge point id, for terminals that keep no store.
import type { Direction, FrameSummary, MessageKind, SessionSummary } from './model';

/**
 * How a charger's request path becomes the upstream URL.
 * - `id`: the upstream URL + `/` + the last path segment (the charge point identity).
 * - `full`: the upstream URL's own path + the charger's whole path.
 * The charger's query string is kept in both modes.
 */
export type PathMode = 'id' | 'full';
export const PATH_MODES: readonly PathMode[] = ['id', 'full'];

/** TLS toward the charger: the proxy's own server certificate (security profile 2), and with a client CA, profile 3. */
export interface ProxyTlsSettings {
  certFile: string;
  keyFile: string;
  /** CA that signs acceptable charger certificates; requires one from every charger. */
  clientCaFile?: string;
}

/** TLS toward the CSMS (a wss:// upstream). */
export interface UpstreamTlsSettings {
  /** CA to trust for the CSMS certificate (otherwise the system's). */
  caFile?: string;
  /** Client certificate and key the proxy presents to the CSMS (security profile 3). */
  certFile?: string;
  keyFile?: string;
}

export interface ProxySettings {
  listen: { host: string; port: number };
  /** ws:// or wss:// URL of the CSMS, without the charge point identity (in path mode `id`). */
  upstream: string;
  pathMode?: PathMode;
  tls?: ProxyTlsSettings;
  upstreamTls?: UpstreamTlsSettings;
  /** Capture file to record to (created or truncated). */
  capture?: string;
  /** Redact credentials in the capture and the store (default true); the wire is never altered. */
  redact?: boolean;
  /** Fault-injection rules, applied before those of `rulesFile`. */
  rules?: FaultRule[];
  /** A JSON or YAML file of rules. */
  rulesFile?: string;
  /** Keep frames in the engine's traffic store (default true; the terminal turns it off). */
  store?: boolean;
  /** How long to wait for the CSMS to accept a charger's connection (default 10 s). */
  connectTimeoutMs?: number;
}

// ---- Fault injection: rules are data; the engine implements them (engine/proxy/faults).

export interface FaultMatch {
  /** `cp2csms` (charger to CSMS) or `csms2cp`; both when absent. */
  direction?: Direction;
  /** OCPP action, `*` and `?` wildcards allowed; for responses, the action of the CALL they answer. */
  action?: string | string[];
  messageType?: MessageKind | MessageKind[];
  /** Charge point identity, `*` and `?` wildcards allowed. */
  chargePointId?: string;
}

export type FaultEffect =
  /** Holds matching frames for `ms` milliseconds; later frames in the same direction wait behind them. */
  | { type: 'delay'; ms: number }
  /** Does not forward matching frames. */
  | { type: 'drop' }
  /** Forwards matching frames `1 + copies` times (default one copy). */
  | { type: 'duplicate'; copies?: number }
  /**
   * Merges values into the payload: each key is a path (JSON Pointer `/a/0/b`, or dotted
   * `a.0.b`; `''` is the payload itself); objects merge as a JSON Merge Patch (RFC 7396:
   * `null` removes a member), other values replace what is there.
   */
  | { type: 'merge'; fields: Record<string, unknown> }
  /** Sets each path to the value given (`''` replaces the whole payload). */
  | { type: 'replace'; fields: Record<string, unknown> }
  /** Answers a CALL on the peer's behalf with a CALLRESULT payload or a CALLERROR, without forwarding it. */
  | { type: 'answer'; result?: Record<string, unknown>; error?: { code: string; description?: string; details?: Record<string, unknown> } }
  /** Closes both legs with this code (default 1000) instead of forwarding the frame. */
  | { type: 'close'; code?: number; reason?: string };

export type FaultEffectType = FaultEffect['type'];
export const FAULT_EFFECT_TYPES: readonly FaultEffectType[] = ['delay', 'drop', 'duplicate', 'merge', 'replace', 'answer', 'close'];

export interface FaultRule {
  /** Unique within a proxy; assigned (`r1`, `r2`…) when absent. */
  id?: string;
  match?: FaultMatch;
  effect: FaultEffect;
  /** Apply at most this many times (over all sessions), then pass frames through. */
  count?: number;
  /** Apply to each matching frame with this probability (0–1]. */
  probability?: number;
  /** Seed of the rule's random numbers (default 1), so a run can be repeated exactly. */
  seed?: number;
}

export interface FaultRuleInfo {
  id: string;
  rule: FaultRule;
  /** The rule in one sentence. */
  description: string;
  /** How many frames it has acted on. */
  applied: number;
  /** Applications left, when the rule has a count. */
  remaining?: number;
}

// ---- Proxies

export type ProxyState = 'running' | 'stopped' | 'failed';

export interface ProxyInfo {
  id: string;
  /** Where chargers connect (`ws://host:port` or `wss://…`). */
  url: string;
  upstream: string;
  pathMode: PathMode;
  /** TLS toward chargers: none, server certificate only (profile 2), or client certificates required (profile 3). */
  chargerTls: 'none' | 'tls' | 'mtls';
  /** Whether the proxy presents a client certificate to the CSMS. */
  upstreamClientCert: boolean;
  capture?: string;
  redact: boolean;
  state: ProxyState;
  /** Why it stopped or failed, in a sentence. */
  reason?: string;
  started: string;
  openSessions: number;
  totalSessions: number;
  failedConnections: number;
  /** Times a reading side was paused because the other side could not keep up. */
  pressureEvents: number;
  rules: FaultRuleInfo[];
}

export interface ProxyCommands {
  /** Starts a proxy; fails with `io` naming the file that cannot be read or written. */
  'proxy.start': { args: ProxySettings; result: ProxyInfo };
  /** Closes every session (code 1001 on both legs), flushes the capture, stops listening. */
  'proxy.stop': { args: { id: string }; result: ProxyInfo };
  'proxy.list': { args: Record<string, never>; result: ProxyInfo[] };
  /** The proxy's sessions, open ones and recent closed or failed ones. */
  'proxy.sessions': { args: { id: string }; result: SessionSummary[] };
  'proxy.rules.list': { args: { id: string }; result: FaultRuleInfo[] };
  /** Replaces every rule (their counts start again). */
  'proxy.rules.set': { args: { id: string; rules: FaultRule[] }; result: FaultRuleInfo[] };
  'proxy.rules.add': { args: { id: string; rule: FaultRule }; result: FaultRuleInfo[] };
  'proxy.rules.remove': { args: { id: string; ruleId: string }; result: FaultRuleInfo[] };
  /** Validates and explains rules without applying them (for an editor). */
  'proxy.rules.check': { args: { rules: FaultRule[] }; result: FaultRuleInfo[] };
}

/** A judged frame with the charge point it belongs to. */
export interface ProxyFrame {
  chargePointId: string;
  frame: FrameSummary;
}

export interface ProxyEvents {
  /** A proxy started, stopped or failed (recording failure included). */
  'proxy.status': { proxy: ProxyInfo };
  /** A charger connected through, was refused, or its session ended. */
  'proxy.connection': { proxy: string; change: 'opened' | 'failed' | 'closed'; session: SessionSummary };
  /** Judged frames, batched (tens of batches per second at most). */
  'proxy.frames': { proxy: string; frames: ProxyFrame[] };
  /** A leg could not keep up: the other leg's reading was paused, or resumed. */
  'proxy.pressure': { proxy: string; session: string; chargePointId: string; dir: Direction; paused: boolean; bufferedBytes: number };
  /** The rules changed. */
  'proxy.rules': { proxy: string; rules: FaultRuleInfo[] };
}
