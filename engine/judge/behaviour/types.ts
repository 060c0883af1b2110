// The behaviour-rule framework's vocabulary. A rule is data (a RuleDefinition: id,
// severity, group, versions, spec reference, a sentence) plus an implementation that
// watches the judged frames of one session and reports findings, possibly against an
// earlier frame. Pure: times come in as numbers, nothing is read or written.
import type { JudgeOptions } from '../../../api/judge';
import type { Direction, FindingGroup, MessageKind, OcppVersion, Severity } from '../../../api/model';

export type BehaviourGroup = Exclude<FindingGroup, 'framing' | 'schema'>;

export interface RuleDefinition {
  /** Stable id, `<group>.<name>`: findings, profiles and docs refer to it. */
  id: string;
  severity: Severity;
  /** Where a version's text is weaker (SHOULD instead of SHALL) its findings are milder. */
  severityByVersion?: Partial<Record<OcppVersion, Severity>>;
  group: BehaviourGroup;
  versions: readonly OcppVersion[];
  /** Document and section per version. */
  specRefs: Partial<Record<OcppVersion, string>>;
  /** One sentence: what the rule checks and why. */
  explanation: string;
}

/** One valid OCPP-J frame as the behaviour rules see it. */
export interface Observation {
  seq: number;
  /** Monotonic milliseconds. */
  mono: number;
  /** Wall-clock time of the frame (ISO 8601), when the caller knows it. */
  time?: string;
  dir: Direction;
  kind: MessageKind;
  id: string;
  /** The action of a CALL/SEND, or of the CALL a response answers; '' when unknown. */
  action: string;
  /** Payload of a CALL, SEND or CALLRESULT. */
  payload?: Record<string, unknown>;
  /** Error code of a CALLERROR / CALLRESULTERROR. */
  errorCode?: string;
  /** For a response: the CALL it answers. */
  request?: Observation;
  /** false when the payload broke its schema: rules read such payloads defensively. */
  schemaValid: boolean;
}

/** What the judge knows about the connection a session runs on. */
export interface ConnectionFacts {
  /** wss:// (TLS) on the charger-facing leg. */
  secure: boolean;
  /** Negotiated TLS version as Node reports it (`TLSv1.2`, `TLSv1.3`…). */
  tlsVersion?: string;
  /** The charger sent an HTTP Basic Authorization header. */
  basicAuth: boolean;
}

/** Tunable limits; every time is in milliseconds. */
/** Tunable limits of the behaviour rules: the api's JudgeOptions (one definition, documented there). */
export type BehaviourOptions = JudgeOptions;

export const DEFAULT_BEHAVIOUR_OPTIONS: Readonly<BehaviourOptions> = {
  responseTimeoutMs: 30_000,
  followUpTimeoutMs: 60_000,
  remoteStartTimeoutMs: 120_000,
  heartbeatTolerance: 0.25,
  heartbeatMinSlackMs: 5_000,
  clockToleranceMs: 60_000,
  timeScale: 1,
};

export interface ReportOptions {
  /** JSON Pointer into the target frame's payload. */
  path?: string;
}

/** A timer a rule set; cancel it when what it waited for has come. */
export interface Timer {
  cancel(): void;
  readonly at: number;
}

/** What a rule implementation may use. */
export interface RuleContext {
  readonly version: OcppVersion;
  readonly options: Readonly<BehaviourOptions>;
  readonly connection: Readonly<ConnectionFacts> | undefined;
  readonly facts: Readonly<SessionFacts>;
  /** Reports a finding of one of the module's rules against a frame (the current one or an earlier one). */
  report(rule: string, target: Observation, message: string, options?: ReportOptions): void;
  /** Calls `fire(now)` once the session's time passes `at` (a later frame, a tick, or finish). */
  at(at: number, fire: (now: number) => void): Timer;
}

export interface RuleHandlers {
  /** Called for each frame the module watches, before the session facts take it in. */
  frame?(obs: Observation): void;
  /** Called for each frame the module watches, after the session facts took it in. */
  after?(obs: Observation): void;
  /** Activity that is not an OCPP frame (WebSocket ping/pong) from one side. */
  activity?(dir: Direction, mono: number): void;
  /** The session ended at `at` (after due timers fired). */
  finish?(at: number): void;
}

/** A group of related rules sharing state. */
export interface RuleModule {
  name: string;
  rules: readonly RuleDefinition[];
  /** Actions whose CALLs and responses the module sees, or '*' for every frame. */
  actions: readonly string[] | '*';
  create(ctx: RuleContext): RuleHandlers;
}

/** Registration as the CSMS answered the last BootNotification (OCPP 1.6 §4.2, 2.0.1 B01–B03). */
export type Registration = 'unknown' | 'Accepted' | 'Pending' | 'Rejected';

/** A TriggerMessage the charger accepted and has not yet honoured. */
export interface AcceptedTrigger {
  requested: string;
  /** Actions that honour it. */
  actions: readonly string[];
  at: number;
}

/** Facts about the session that several rules need, kept up to date by the judge. */
export interface SessionFacts {
  registration: Registration;
  /** Time and interval of the last BootNotification answer. */
  registrationAt?: number;
  registrationIntervalS?: number;
  /** A BootNotification from the charger has been seen in this session. */
  bootSeen: boolean;
  /** Heartbeat interval in seconds, from an accepted boot or configuration. */
  heartbeatIntervalS?: number;
  /** When the interval was set. */
  heartbeatIntervalSince?: number;
  triggers: AcceptedTrigger[];
  /** Wall-clock time (epoch ms) of the session's first frame, when times are known. */
  firstTime?: number;
  /** Vendor and model from the charger's BootNotification. */
  vendor?: string;
  model?: string;
}
