// Conformance cases, runs, verdicts and reports. The JSON report (ConformanceReport) is
// canonical and versioned; HTML and JUnit are generated from it, so they always agree.
import type { Direction, Finding, OcppVersion } from './model';

export type SystemUnderTest = 'charger' | 'csms';

export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'notApplicable';

export interface CaseInfo {
  /** Official OCTT id where one corresponds, e.g. `TC_003_CS`, `TC_E_04_CSMS`. */
  id: string;
  title: string;
  version: OcppVersion;
  sut: SystemUnderTest;
  /** 1.6 feature profile or 2.x functional block. */
  profile: string;
  specRefs: string[];
  /** What the SUT must have or declare for the case to apply, in words. */
  requires: string[];
  /** Whether a run against a real SUT needs a human (operator prompts). */
  manual: boolean;
  description?: string;
}

export type StepKind = 'expect' | 'send' | 'operator' | 'observe' | 'check' | 'state' | 'note' | 'wait' | 'configure';

export interface StepFrame {
  /** Number of the frame in the run, from 1, in the order frames crossed the wire. */
  n: number;
  session: string;
  seq: number;
  dir: Direction;
  time: string;
  text: string;
  findings: Finding[];
}

export interface StepResult {
  index: number;
  kind: StepKind;
  /** The step in one sentence, e.g. "Expect the charger to send StatusNotification with status Preparing". */
  text: string;
  verdict: 'pass' | 'fail' | 'inconclusive' | 'info';
  /** For a failed or inconclusive step: what was expected and what happened. */
  expected?: string;
  actual?: string;
  /** Numbers (StepFrame.n) of the frames this step concerns; for a failure, the one that broke it first. */
  frames: number[];
  /** Nesting: steps of a reusable state are one level below the state's own step. */
  depth: number;
  startedMs: number;
  durationMs: number;
}

export interface CaseResult {
  id: string;
  title: string;
  profile: string;
  sut: SystemUnderTest;
  verdict: Verdict;
  /** Why the case did not pass, in a sentence (the first failing step's expectation). */
  reason?: string;
  steps: StepResult[];
  /** The frames exchanged during the case, in order. */
  frames: StepFrame[];
  startedAt: string;
  durationMs: number;
}

export interface RunSummary {
  total: number;
  pass: number;
  fail: number;
  inconclusive: number;
  notApplicable: number;
}

export const REPORT_FORMAT = 'ocpp-bench-conformance-report';
export const REPORT_VERSION = 1;

export interface ConformanceReport {
  format: typeof REPORT_FORMAT;
  version: number;
  tool: string;
  toolVersion: string;
  runId: string;
  startedAt: string;
  durationMs: number;
  ocppVersion: OcppVersion;
  sut: SystemUnderTest;
  /** Identity of the system under test, from the settings. */
  sutName: string;
  /** `simulated` when the SUT was the built-in simulator or CSMS. */
  mode: 'live' | 'simulated';
  behaviour?: string;
  /** Time scale applied to spec timers (1 = real time). */
  timeScale: number;
  summary: RunSummary;
  cases: CaseResult[];
  /** The capture of the whole run, if one was written. */
  capture?: string;
}

export interface RunRequest {
  version: OcppVersion;
  sut: SystemUnderTest;
  /** Case ids or globs (`TC_0*`, `TC_0[0-4]*_CS`); empty = every applicable case. */
  cases?: string[];
  /** Restrict to these profiles / blocks. */
  profiles?: string[];
  /** SUT settings (see docs/sut-settings.md); a path or an inline object. */
  settingsPath?: string;
  settings?: Record<string, unknown>;
  /** Bench as CSMS: where to listen for the charger. */
  listen?: { host: string; port: number };
  /** Bench as charger: the CSMS URL (without the charge point id). */
  target?: string;
  chargePointId?: string;
  /** Run against the built-in simulator (charger) or CSMS, in process. */
  simulate?: boolean;
  behaviour?: string;
  operator?: 'prompt' | 'auto';
  capturePath?: string;
  timeScale?: number;
}

export interface OperatorPrompt {
  runId: string;
  promptId: string;
  caseId: string;
  /** `act`: do something then confirm; `confirm`: answer yes or no. */
  kind: 'act' | 'confirm';
  text: string;
  timeoutMs: number;
}

export type PromptAnswer = 'done' | 'yes' | 'no' | 'skip';

export interface RunProgress {
  runId: string;
  caseIndex: number;
  caseCount: number;
  caseId: string;
  /** The step now running, in a sentence. */
  step?: string;
  /** Set when a case just finished. */
  finished?: { id: string; verdict: Verdict; reason?: string };
  summary: RunSummary;
}

export interface ConformanceCommands {
  'conformance.cases': { args: { version?: OcppVersion; sut?: SystemUnderTest }; result: CaseInfo[] };
  /** Starts a run and returns at once; progress comes as events, the report at the end. */
  'conformance.run': { args: RunRequest; result: { runId: string; caseCount: number } };
  'conformance.cancel': { args: { runId: string }; result: { cancelled: boolean } };
  'conformance.answer': { args: { promptId: string; answer: PromptAnswer }; result: { accepted: boolean } };
  'conformance.report': { args: { runId: string }; result: ConformanceReport };
  /** Writes a report of a finished run as HTML, JUnit XML or JSON. */
  'conformance.export': { args: { runId: string; format: 'html' | 'junit' | 'json'; path: string }; result: { path: string; bytes: number } };
  /** Renders a report of a finished run as text (HTML, JUnit XML or JSON) without a file. */
  'conformance.render': { args: { runId: string; format: 'html' | 'junit' | 'json' }; result: { content: string } };
}

export interface ConformanceEvents {
  'conformance.progress': RunProgress;
  'conformance.prompt': OperatorPrompt;
  /** A prompt was answered or timed out. */
  'conformance.promptClosed': { promptId: string; answer: PromptAnswer | 'timeout' };
  'conformance.finished': { runId: string; summary: RunSummary; error?: string };
}
