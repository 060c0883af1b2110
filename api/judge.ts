// Commands and events about judging: the rule catalogue, deviation profiles and the
// behaviour rules' timing options, for live traffic and for captures opened or validated.
import type { FindingGroup, FrameSummary, OcppVersion, Severity } from './model';

/** One rule of the catalogue: what it checks, how badly it counts, where the spec says so. */
export interface RuleInfo {
  /** Stable id (`sequence.boot-first`); `schema.*` stands for the family of schema keywords. */
  id: string;
  /** framing and schema rules judge single frames; behaviour rules judge a session. */
  layer: 'framing' | 'schema' | 'behaviour';
  severity: Severity;
  /** Versions where the rule counts differently (a SHOULD in one version, a SHALL in another). */
  severityByVersion?: Partial<Record<OcppVersion, Severity>>;
  group: FindingGroup;
  versions: OcppVersion[];
  /** Document and section, per version. */
  specRefs: Partial<Record<OcppVersion, string>>;
  /** The references joined for display. */
  specRef: string;
  /** One sentence. */
  explanation: string;
}

/** Tunable limits of the behaviour rules, in milliseconds unless named otherwise. */
export interface JudgeOptions {
  /** A CALL unanswered this long has timed out (OCPP-J 1.6 §4.1.1: implementation-dependent). */
  responseTimeoutMs: number;
  /** How long an expected follow-up may take: a triggered message, a status report, a security event. */
  followUpTimeoutMs: number;
  /** How long after an accepted remote start the transaction may take to begin (the EV must be plugged in). */
  remoteStartTimeoutMs: number;
  /** Allowed heartbeat deviation as a fraction of the interval… */
  heartbeatTolerance: number;
  /** …but never less than this. */
  heartbeatMinSlackMs: number;
  /** Charger and bench clocks may differ this much before a timestamp is held against the charger. */
  clockToleranceMs: number;
  /**
   * Real milliseconds per protocol millisecond: intervals the peers exchange (heartbeat,
   * boot retry) are multiplied by it. 1 for real traffic; the time scale of a run whose
   * peers scale their timers (a simulator with --time-scale, a simulated conformance run).
   */
  timeScale: number;
}

export interface ProfileSummary {
  name: string;
  /** The file it was read from. */
  path?: string;
  description?: string;
  /** Number of deviation entries. */
  deviations: number;
  /** Which chargers it applies to (all when absent). */
  match?: { chargePointId?: string[]; vendor?: string; model?: string };
}

export interface JudgeSettings {
  /** The active deviation profile, if any. */
  profile?: ProfileSummary;
  /** The behaviour options in force (defaults, then the profile's, then those set by command). */
  options: JudgeOptions;
}

export interface ProfileCheck {
  ok: boolean;
  profile?: ProfileSummary;
  /** Each problem names the file and, where known, the line. */
  problems: string[];
}

export interface JudgeCommands {
  /** The rule catalogue, optionally only the rules that apply to one version. */
  'rules.list': { args: { version?: OcppVersion }; result: RuleInfo[] };
  'judge.settings': { args: Record<string, never>; result: JudgeSettings };
  /**
   * Reads a deviation profile and makes it active for live judging (frames judged from now
   * on) and for captures opened or validated afterwards.
   */
  'judge.profile.load': { args: { path: string }; result: JudgeSettings };
  /** Deactivates the deviation profile. */
  'judge.profile.clear': { args: Record<string, never>; result: JudgeSettings };
  /** Reads a profile without activating it and says what is wrong with it. */
  'judge.profile.check': { args: { path: string }; result: ProfileCheck };
  /** Changes behaviour options for sessions judged from now on (omitted fields keep their value). */
  'judge.options.set': { args: Partial<JudgeOptions>; result: JudgeSettings };
}

export interface JudgeEvents {
  /**
   * Frames whose findings changed after they were first announced: a behaviour rule found
   * something about them later (a response timeout concerns the request). Replaces the
   * summaries with the same index.
   */
  'traffic.updated': { frames: FrameSummary[] };
  /** The judge settings changed (profile loaded or cleared, options set). */
  'judge.settings': JudgeSettings;
}
