// Runs a conformance plan: selects the applicable cases, connects the bench to the system
// under test (or starts the built-in one), runs each case with its timeout, and yields a
// canonical report. Failure policy: a case script's error fails that case and the run goes on.
import type {
  CaseResult,
  ConformanceReport,
  RunProgress,
  RunRequest,
  RunSummary,
  StepFrame,
  StepResult,
  Verdict,
} from '../../api/conformance';
import { REPORT_FORMAT, REPORT_VERSION } from '../../api/conformance';
import { ApiError } from '../../api/errors';
import type { Direction } from '../../api/model';
import { CaptureWriter } from '../capture/writer';
import { LiveRecorder, type JudgedFrame } from '../traffic/recorder';
import type { TrafficStore } from '../traffic/store';
import { JudgeSettings } from '../judge/settings';
import { newId } from '../util/ids';
import { systemClock, type Clock } from '../util/clock';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { matchesPattern, type CaseDefinition } from './case';
import { ConfirmedDriver, nobody, PromptDriver, type PromptFn } from './drivers';
import { CaseInconclusive, CaseNotApplicable, Harness, StepFailure, type StepRecord } from './harness';
import { ClientLink, ListenerLink, type Link } from './links';
import type { OperatorDriver } from './operator';
import { RunSecurity, type ChargerTls } from './security';
import { loadSettings, mergeSettings, type SutSettings } from './settings';
import { newToolMemory, type ToolMemory } from './tool-responders';

/** A built-in charger run as the SUT, started fresh for each case. */
export interface SimulatedCharger {
  operator: OperatorDriver;
  stop(): Promise<void>;
}

export type ChargerSutFactory = (options: {
  url: string;
  settings: SutSettings;
  version: RunRequest['version'];
  behaviour?: string;
  timeScale: number;
  /** The run's security material (TLS trust and client certificate of a simulated charger). */
  security?: RunSecurity;
}) => Promise<SimulatedCharger>;

/** A built-in CSMS run as the SUT, for the whole run. */
export interface SimulatedCsms {
  /** WebSocket URL chargers connect to (without the charge point id). */
  url: string;
  operator: OperatorDriver;
  stop(): Promise<void>;
  /** What the bench as charger needs to connect to it (security profiles 2 and 3): its root, a client certificate. */
  tls?: ChargerTls;
}

export type CsmsSutFactory = (options: {
  settings: SutSettings;
  version: RunRequest['version'];
  behaviour?: string;
  timeScale: number;
  /** The run's security material (the CSMS's TLS and CA in simulated runs with a security profile). */
  security?: RunSecurity;
}) => Promise<SimulatedCsms>;

export interface RunDeps {
  cases: readonly CaseDefinition[];
  clock?: Clock;
  /** Where the run's frames also go, so a front end can show a case's frames in its traffic view. */
  store?: TrafficStore;
  simulators?: { charger?: ChargerSutFactory; csms?: CsmsSutFactory };
  /** How to ask a person (operator mode `prompt`). */
  prompt?: PromptFn;
  onProgress?(progress: RunProgress): void;
  onStep?(caseId: string, step: StepRecord): void;
  signal?: AbortSignal;
  runId?: string;
}

/** Default time scale for runs against the built-in SUT: spec timers run 20 times faster. */
export const SIMULATED_TIME_SCALE = 0.05;

export interface SelectedCase {
  definition: CaseDefinition;
  /** Set when the case does not apply, with the reason. */
  notApplicable?: string;
}

export function selectCases(cases: readonly CaseDefinition[], request: RunRequest, settings: SutSettings): SelectedCase[] {
  return cases
    .filter((c) => c.version === request.version && c.sut === request.sut)
    .filter((c) => matchesPattern(c.id, request.cases))
    .filter((c) => request.profiles === undefined || request.profiles.length === 0 || request.profiles.includes(c.profile))
    .map((definition) => {
      if (definition.runsWithoutProfile !== true && !settings.profiles.includes(definition.profile)) {
        return { definition, notApplicable: `the SUT does not declare the ${definition.profile} profile` };
      }
      const applies = definition.applies?.(settings) ?? true;
      return applies === true ? { definition } : { definition, notApplicable: applies };
    });
}

/** Resolves the settings and the cases of a run; throws ApiError for a bad request. */
export async function planRun(request: RunRequest, cases: readonly CaseDefinition[]): Promise<{ settings: SutSettings; selected: SelectedCase[] }> {
  let settings = request.settingsPath !== undefined ? await loadSettings(request.settingsPath) : mergeSettings(undefined);
  if (request.settings !== undefined) settings = mergeSettings({ ...settings, ...request.settings } as unknown as Record<string, unknown>, 'settings');
  if (request.chargePointId !== undefined) settings = { ...settings, chargePointId: request.chargePointId };
  const selected = selectCases(cases, request, settings);
  if (selected.length === 0) throw new ApiError('bad-args', `No ${request.version} case with the ${request.sut} under test matches ${request.cases?.join(', ') || 'the selection'}`);
  return { settings, selected };
}

export async function runConformance(request: RunRequest, deps: RunDeps): Promise<ConformanceReport> {
  const clock = deps.clock ?? systemClock;
  const runId = deps.runId ?? newId('run');
  const startedAt = new Date(clock.now()).toISOString();
  const started = clock.mono();
  const simulated = request.simulate === true;
  const timeScale = request.timeScale ?? (simulated ? SIMULATED_TIME_SCALE : 1);
  if (!(timeScale > 0 && timeScale <= 10)) throw new ApiError('bad-args', `timeScale must be between 0 and 10 (got ${timeScale})`);

  const { settings, selected } = await planRun(request, deps.cases);
  const bench = request.sut === 'charger' ? 'csms' : 'charger';
  const sutDir: Direction = request.sut === 'charger' ? 'cp2csms' : 'csms2cp';

  // Every frame of the run, numbered in the order it was judged.
  const frames: StepFrame[] = [];
  const frameNumber = new Map<string, number>();
  const collect = (j: JudgedFrame) => {
    const n = frames.length + 1;
    frames.push({ n, session: j.session.id, seq: j.summary.seq, dir: j.summary.dir, time: j.summary.time, text: j.text ?? '', findings: j.verdict.findings });
    frameNumber.set(`${j.session.id}:${j.summary.seq}`, n);
  };
  const capture = request.capturePath !== undefined ? await CaptureWriter.create(request.capturePath, { mode: 'run', description: `conformance run ${runId}` }) : undefined;
  let captureError: Error | undefined;
  const recorder = new LiveRecorder({
    source: 'run',
    clock,
    onJudged: collect,
    ...(deps.store !== undefined ? { store: deps.store } : {}),
    // The SUT's timers run on the run's time scale; so must the judge's idea of them.
    judging: scaledJudging(deps.store?.judging, timeScale),
    ...(capture !== undefined ? { capture, onCaptureError: (e: Error) => (captureError = e) } : {}),
  });

  const summary: RunSummary = { total: selected.length, pass: 0, fail: 0, inconclusive: 0, notApplicable: 0 };
  const results: CaseResult[] = [];
  let link: Link | undefined;
  let csms: SimulatedCsms | undefined;
  const person = request.operator === 'prompt' && deps.prompt !== undefined ? new PromptDriver(deps.prompt) : undefined;
  let operator: OperatorDriver = person ?? nobody;
  // With a built-in SUT its api performs operator steps; in prompt mode a person confirms each first.
  const withSut = (machine: OperatorDriver): OperatorDriver => (person !== undefined ? new ConfirmedDriver(person, machine) : machine);
  const memory = newToolMemory();
  const security = new RunSecurity(settings, simulated);

  try {
    if (bench === 'csms') {
      if (simulated && deps.simulators?.charger === undefined) throw new ApiError('bad-args', 'No built-in charger simulator is available to simulate the SUT');
      const listener = new ListenerLink(request.version, recorder, settings, request.listen ?? { host: '127.0.0.1', port: 0 }, await security.listenerTls());
      await listener.start();
      link = listener;
    } else {
      let target = request.target;
      if (simulated) {
        const factory = deps.simulators?.csms;
        if (factory === undefined) throw new ApiError('bad-args', 'No built-in CSMS is available to simulate the SUT');
        csms = await factory({ settings, version: request.version, timeScale, security, ...(request.behaviour !== undefined ? { behaviour: request.behaviour } : {}) });
        target = csms.url;
        operator = withSut(csms.operator);
      }
      if (target === undefined) throw new ApiError('bad-args', 'A CSMS under test needs a target URL (--target)');
      link = new ClientLink(request.version, recorder, settings, target, csms?.tls);
    }

    for (const [index, sel] of selected.entries()) {
      const progress = (extra: Partial<RunProgress>) =>
        deps.onProgress?.({ runId, caseIndex: index, caseCount: selected.length, caseId: sel.definition.id, summary: { ...summary }, ...extra });
      progress({});
      const result = await runOneCase(sel, {
        request,
        settings,
        link,
        memory,
        security,
        operator,
        timeScale,
        simulated,
        clock,
        bench,
        sutDir,
        recorder,
        frames,
        frameNumber,
        ...(simulated && bench === 'csms' && deps.simulators?.charger !== undefined ? { chargerFactory: deps.simulators.charger } : {}),
        withSut,
        onStep: (step) => {
          deps.onStep?.(sel.definition.id, step);
          progress({ step: step.text });
        },
        ...(deps.signal !== undefined ? { signal: deps.signal } : {}),
      });
      results.push(result);
      summary[result.verdict]++;
      progress({ finished: { id: result.id, verdict: result.verdict, ...(result.reason !== undefined ? { reason: result.reason } : {}) } });
      if (captureError !== undefined) throw new ApiError('io', `Recording the run failed, so it stopped: ${captureError.message}`);
      if (deps.signal?.aborted === true) break;
    }
  } finally {
    await link?.close();
    await csms?.stop();
    await security.close();
    await recorder.close().catch(() => undefined);
  }

  const report: ConformanceReport = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    tool: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    runId,
    startedAt,
    durationMs: Math.round(clock.mono() - started),
    ocppVersion: request.version,
    sut: request.sut,
    sutName: settings.name === 'system under test' ? settings.chargePointId : settings.name,
    mode: simulated ? 'simulated' : 'live',
    timeScale,
    summary,
    cases: results,
  };
  if (request.behaviour !== undefined) report.behaviour = request.behaviour;
  if (request.capturePath !== undefined) report.capture = request.capturePath;
  return report;
}

interface CaseContext {
  request: RunRequest;
  settings: SutSettings;
  link: Link;
  memory: ToolMemory;
  security: RunSecurity;
  operator: OperatorDriver;
  timeScale: number;
  simulated: boolean;
  clock: Clock;
  bench: 'csms' | 'charger';
  sutDir: Direction;
  recorder: LiveRecorder;
  frames: StepFrame[];
  frameNumber: Map<string, number>;
  chargerFactory?: ChargerSutFactory;
  withSut(machine: OperatorDriver): OperatorDriver;
  onStep(step: StepRecord): void;
  signal?: AbortSignal;
}

async function runOneCase(sel: SelectedCase, ctx: CaseContext): Promise<CaseResult> {
  const def = sel.definition;
  const startedAt = new Date(ctx.clock.now()).toISOString();
  const started = ctx.clock.mono();
  const base = { id: def.id, title: def.title, profile: def.profile, sut: def.sut, startedAt };
  if (sel.notApplicable !== undefined) {
    return { ...base, verdict: 'notApplicable', reason: sel.notApplicable, steps: [], frames: [], durationMs: 0 };
  }
  await ctx.recorder.settled();
  const firstFrame = ctx.frames.length;
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  ctx.signal?.addEventListener('abort', onOuterAbort);
  let charger: SimulatedCharger | undefined;
  let operator = ctx.operator;
  const harness = new Harness({
    caseId: def.id,
    version: def.version,
    bench: ctx.bench,
    settings: ctx.settings,
    link: ctx.link,
    memory: ctx.memory,
    security: ctx.security,
    get operator() {
      return operator;
    },
    timeScale: ctx.timeScale,
    simulated: ctx.simulated,
    now: () => ctx.clock.mono(),
    onStep: ctx.onStep,
    signal: abort.signal,
  });
  ctx.link.setHandler((call, session) => harness.receive(call, session));

  let verdict: Verdict = 'pass';
  let reason: string | undefined;
  const limitMs = harness.ms(def.timeout ?? ctx.settings.timeouts.case);
  let timer: NodeJS.Timeout | undefined;
  try {
    if (ctx.bench === 'csms') {
      // General precondition (OCTT 1.6 §1.3): the charger is connected and Accepted.
      if (ctx.chargerFactory !== undefined) {
        // A fresh charger starts from the settings: so does what the bench accepts of it.
        (ctx.link as ListenerLink).resetAccepted();
        charger = await ctx.chargerFactory({
          url: (ctx.link as ListenerLink).url,
          settings: ctx.settings,
          version: def.version,
          timeScale: ctx.timeScale,
          security: ctx.security,
          ...(ctx.request.behaviour !== undefined ? { behaviour: ctx.request.behaviour } : {}),
        });
        operator = ctx.withSut(charger.operator);
      }
      await preconditionBooted(harness, ctx);
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new Error(`the case did not finish within ${Math.round(limitMs / 1000)} s`));
      }, limitMs);
    });
    await Promise.race([def.run(harness), timeout]);
  } catch (err) {
    if (err instanceof StepFailure) {
      verdict = 'fail';
      reason = err.message;
    } else if (err instanceof CaseInconclusive) {
      verdict = 'inconclusive';
      reason = err.message;
    } else if (err instanceof CaseNotApplicable) {
      verdict = 'notApplicable';
      reason = err.message;
    } else {
      verdict = 'fail';
      reason = `The case could not run to its end: ${err instanceof Error ? err.message : String(err)}`;
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    abort.abort();
    ctx.signal?.removeEventListener('abort', onOuterAbort);
    await cleanUp(harness, ctx, charger);
  }
  await ctx.recorder.settled();
  const frames = ctx.frames.slice(firstFrame);

  const failedCheck = harness.steps.find((s) => s.verdict === 'fail');
  if (verdict === 'pass' && failedCheck !== undefined) {
    verdict = 'fail';
    reason = `${failedCheck.text}${failedCheck.actual !== undefined ? `: ${failedCheck.actual}` : ''}`;
  }
  // OCTT 1.6 §1.2: every message shall comply with the schemas (and OCPP-J framing).
  const broken = frames.find((f) => f.dir === ctx.sutDir && f.findings.some((x) => x.severity === 'error' && !harness.allowedFindings.has(x.rule)));
  const steps = harness.steps.map((s, index) => toStepResult(s, index, ctx.frameNumber));
  if (broken !== undefined && verdict !== 'notApplicable') {
    const finding = broken.findings.find((x) => x.severity === 'error')!;
    steps.push({
      index: steps.length,
      kind: 'check',
      text: `Check: every message from the ${ctx.bench === 'csms' ? 'charger' : 'CSMS'} complies with OCPP-J framing and the OCPP ${def.version} schemas`,
      verdict: 'fail',
      expected: 'no framing or schema errors',
      actual: `frame #${broken.n}: ${finding.rule}${finding.path !== undefined ? ` at ${finding.path}` : ''}: ${finding.message}`,
      frames: [broken.n],
      depth: 0,
      startedMs: 0,
      durationMs: 0,
    });
    if (verdict === 'pass' || verdict === 'inconclusive') {
      verdict = 'fail';
      reason = `The ${ctx.bench === 'csms' ? 'charger' : 'CSMS'} sent a frame that breaks ${finding.rule}: ${finding.message}`;
    }
  }
  const result: CaseResult = { ...base, verdict, steps, frames, durationMs: Math.round(ctx.clock.mono() - started) };
  if (reason !== undefined) result.reason = reason;
  return result;
}

/** Waits until the charger is connected and has been Accepted, then lets its first messages settle. */
async function preconditionBooted(t: Harness, ctx: CaseContext): Promise<void> {
  const conn = ctx.link.current();
  if (conn !== undefined && ctx.memory.bootedConnection === ctx.link.connections) return;
  // A real charger may need a person to connect it: give that the operator timeout, in real time.
  const within = ctx.chargerFactory !== undefined ? ctx.settings.timeouts.message : ctx.settings.timeouts.operator / ctx.timeScale;
  await t.expectConnection({ within, says: 'Precondition: the charger connects to the bench' });
  await t.expect('BootNotification', undefined, { includeEarlier: true, says: 'Precondition: the charger boots (BootNotification, answered Accepted)' });
  ctx.memory.bootedConnection = ctx.link.connections;
  // Let the StatusNotifications that follow a boot (connector 0 and each connector, errata
  // 3.22) arrive before the case begins, so none is taken for the case's first one. A
  // charger that sends fewer holds the case up for a few seconds at most.
  const connectors = Array.from({ length: ctx.settings.connectors + 1 }, (_, connectorId) => ({ action: 'StatusNotification', matcher: { connectorId }, optional: true }));
  await t.expectAll(connectors, { within: 5, includeEarlier: true, waitForOptional: true, says: 'Precondition: the charger reports the status of connector 0 and each connector (StatusNotification)' });
  await new Promise((r) => setTimeout(r, t.ms(1)));
  t.checkpoint();
}

/** Leaves the SUT as the next case expects it (OCTT 1.6 §1.3 post-conditions), best effort. */
async function cleanUp(t: Harness, ctx: CaseContext, charger: SimulatedCharger | undefined): Promise<void> {
  if (charger !== undefined) {
    // A fresh simulated charger per case: nothing can leak into the next one.
    await charger.stop().catch(() => undefined);
    ctx.memory.openTransactions.clear();
    return;
  }
  if (ctx.bench === 'charger') {
    const link = ctx.link as ClientLink;
    await endToolTransactions(t, ctx, link);
    link.disconnect();
    return;
  }
  const conn = ctx.link.current();
  if (conn === undefined) return;
  // A charger accepted earlier that is connected now (it reconnected with new credentials, or
  // rebooted and booted within the case) needs no new boot before the next case.
  if (ctx.memory.bootedConnection !== undefined) ctx.memory.bootedConnection = ctx.link.connections;
  for (const transactionId of [...ctx.memory.openTransactions.keys()]) {
    await conn.endpoint.call('RemoteStopTransaction', { transactionId }, { timeoutMs: t.ms(ctx.settings.timeouts.message) }).catch(() => undefined);
  }
}

/**
 * The tool charger ends the transactions a case left running (post-condition "Charge Point
 * is Idle, with no active transactions", OCTT 1.6 §1.3), so the CSMS under test does not
 * carry them into the next case: StopTransaction (reason Local) and the connector Available.
 */
async function endToolTransactions(t: Harness, ctx: CaseContext, link: ClientLink): Promise<void> {
  const open = [...ctx.memory.openTransactions.entries()];
  ctx.memory.openTransactions.clear();
  if (open.length === 0) return;
  const timeoutMs = t.patience(ctx.settings.timeouts.message);
  const conn = link.current() ?? (await link.connect(timeoutMs).catch(() => undefined));
  if (conn === undefined) return;
  for (const [transactionId, tx] of open) {
    t.note(`Post-condition: the charger ends transaction ${transactionId}, which the case left running (StopTransaction, reason Local; connector ${tx.connectorId} Available)`);
    const timestamp = new Date().toISOString();
    await conn.endpoint.call('StopTransaction', { transactionId, meterStop: tx.meterStart ?? 0, timestamp, reason: 'Local' }, { timeoutMs }).catch(() => undefined);
    await conn.endpoint.call('StatusNotification', { connectorId: tx.connectorId, errorCode: 'NoError', status: 'Available', timestamp }, { timeoutMs }).catch(() => undefined);
  }
}

function toStepResult(s: StepRecord, index: number, frameNumber: Map<string, number>): StepResult {
  const frames = s.frames.map((f) => frameNumber.get(`${f.session}:${f.seq}`)).filter((n): n is number => n !== undefined);
  const r: StepResult = {
    index,
    kind: s.kind,
    text: s.text,
    verdict: s.verdict === 'running' ? 'inconclusive' : s.verdict,
    frames,
    depth: s.depth,
    startedMs: Math.round(s.startedMs),
    durationMs: s.durationMs,
  };
  if (s.expected !== undefined) r.expected = s.expected;
  if (s.actual !== undefined) r.actual = s.actual;
  return r;
}

/** Judge settings like `base` (profile, options) with the run's time scale. */
export function scaledJudging(base: JudgeSettings | undefined, timeScale: number): JudgeSettings {
  return new JudgeSettings({
    ...(base?.profile !== undefined ? { profile: base.profile } : {}),
    options: { ...(base?.options ?? {}), timeScale },
  });
}
