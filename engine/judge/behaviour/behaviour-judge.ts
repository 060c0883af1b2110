// Runs the behaviour rules of one session: dispatches each observed frame to the rule
// modules watching its action, keeps the shared session facts and the timers, and
// collects findings — for the current frame, or "late" for an earlier one (a response
// timeout concerns the request). Time-driven rules work the same live (tick) and on
// captures (later frames' times, then finish).
import type { Direction, Finding, OcppVersion } from '../../../api/model';
import { newFacts, updateFacts } from './facts';
import { Timers } from './timers';
import {
  DEFAULT_BEHAVIOUR_OPTIONS,
  type BehaviourOptions,
  type ConnectionFacts,
  type Observation,
  type ReportOptions,
  type RuleContext,
  type RuleDefinition,
  type RuleHandlers,
  type RuleModule,
  type SessionFacts,
  type Timer,
} from './types';

/** A finding about an earlier frame, discovered later. */
export interface LateFinding {
  /** Seq of the frame it concerns, in its session. */
  seq: number;
  finding: Finding;
  /** The frame it concerns. */
  target: Observation;
}

export interface BehaviourJudgeOptions {
  options?: Partial<BehaviourOptions>;
  connection?: ConnectionFacts;
  modules: readonly RuleModule[];
}

interface Instance {
  module: RuleModule;
  handlers: RuleHandlers;
  failed: boolean;
}

const NO_FINDINGS: Finding[] = [];
const NO_LATE: LateFinding[] = [];

export function severityOf(rule: RuleDefinition, version: OcppVersion): Finding['severity'] {
  return rule.severityByVersion?.[version] ?? rule.severity;
}

export class BehaviourJudge {
  readonly facts: SessionFacts = newFacts();
  readonly options: Readonly<BehaviourOptions>;
  private readonly timers = new Timers();
  private readonly rules = new Map<string, RuleDefinition>();
  private readonly instances: Instance[] = [];
  private readonly everyFrame: Instance[] = [];
  private readonly byAction = new Map<string, Instance[]>();
  /** Instances with an `after` handler, split the same way (most have none). */
  private readonly everyFrameAfter: Instance[] = [];
  private readonly byActionAfter = new Map<string, Instance[]>();
  private current: Observation | undefined;
  /** The last frame observed: where an error outside a frame (a timer, the end) is reported. */
  private last: Observation | undefined;
  private currentFindings: Finding[] = NO_FINDINGS;
  private late: LateFinding[] = NO_LATE;
  private finished = false;
  private readonly connection: ConnectionFacts | undefined;

  constructor(
    readonly version: OcppVersion,
    config: BehaviourJudgeOptions,
  ) {
    this.options = { ...DEFAULT_BEHAVIOUR_OPTIONS, ...config.options };
    this.connection = config.connection;
    for (const module of config.modules) {
      const applicable = module.rules.filter((r) => r.versions.includes(version));
      if (applicable.length === 0) continue;
      for (const rule of applicable) this.rules.set(rule.id, rule);
      const ctx = this.contextFor();
      const instance: Instance = { module, handlers: module.create(ctx), failed: false };
      this.instances.push(instance);
      const hasAfter = instance.handlers.after !== undefined;
      if (module.actions === '*') {
        if (instance.handlers.frame !== undefined) this.everyFrame.push(instance);
        if (hasAfter) this.everyFrameAfter.push(instance);
      } else {
        for (const action of module.actions) {
          if (instance.handlers.frame !== undefined) addTo(this.byAction, action, instance);
          if (hasAfter) addTo(this.byActionAfter, action, instance);
        }
      }
    }
  }

  /** Judges one frame; returns findings for it and late findings for earlier frames. */
  observe(obs: Observation): { current: Finding[]; late: LateFinding[] } {
    if (this.finished) return { current: NO_FINDINGS, late: NO_LATE };
    this.currentFindings = NO_FINDINGS;
    this.late = NO_LATE;
    if (obs.mono >= this.timers.next) this.timers.run(obs.mono);
    if (this.facts.firstTime === undefined && obs.time !== undefined) {
      const t = Date.parse(obs.time);
      if (!Number.isNaN(t)) this.facts.firstTime = t;
    }
    this.current = obs;
    this.last = obs;
    for (const instance of this.everyFrame) this.call(instance, obs);
    const watching = this.byAction.get(obs.action);
    if (watching !== undefined) for (const instance of watching) this.call(instance, obs);
    updateFacts(this.facts, obs, this.version, this.options.followUpTimeoutMs);
    for (const instance of this.everyFrameAfter) this.callAfter(instance, obs);
    const after = this.byActionAfter.get(obs.action);
    if (after !== undefined) for (const instance of after) this.callAfter(instance, obs);
    this.current = undefined;
    return { current: this.currentFindings, late: this.late };
  }

  /** Non-OCPP activity (WebSocket ping/pong) from one side. */
  activity(dir: Direction, mono: number): LateFinding[] {
    if (this.finished) return NO_LATE;
    this.late = NO_LATE;
    if (mono >= this.timers.next) this.timers.run(mono);
    for (const instance of this.instances) {
      if (instance.failed || instance.handlers.activity === undefined) continue;
      try {
        instance.handlers.activity(dir, mono);
      } catch (err) {
        this.failed(instance, err);
      }
    }
    return this.late;
  }

  /** Fires the timers due at `now` (the live pipeline calls this periodically). */
  tick(now: number): LateFinding[] {
    if (this.finished || now < this.timers.next) return NO_LATE;
    this.late = NO_LATE;
    this.timers.run(now);
    return this.late;
  }

  /** The session ended at `at`: fires due timers, then lets rules conclude. Later calls do nothing. */
  finish(at: number): LateFinding[] {
    if (this.finished) return NO_LATE;
    this.late = NO_LATE;
    this.timers.run(at);
    for (const instance of this.instances) {
      if (instance.failed || instance.handlers.finish === undefined) continue;
      try {
        instance.handlers.finish(at);
      } catch (err) {
        this.failed(instance, err);
      }
    }
    this.finished = true;
    this.timers.clear();
    return this.late;
  }

  /** Rules this judge runs (those of its modules that apply to its version). */
  ruleIds(): string[] {
    return [...this.rules.keys()];
  }

  private call(instance: Instance, obs: Observation): void {
    if (instance.failed || instance.handlers.frame === undefined) return;
    try {
      instance.handlers.frame(obs);
    } catch (err) {
      this.failed(instance, err);
    }
  }

  private callAfter(instance: Instance, obs: Observation): void {
    if (instance.failed || instance.handlers.after === undefined) return;
    try {
      instance.handlers.after(obs);
    } catch (err) {
      this.failed(instance, err);
    }
  }

  /** A rule's own bug must not stop judging: its module is switched off for the session, and said so. */
  private failed(instance: Instance, err: unknown): void {
    instance.failed = true;
    const target = this.current ?? this.last;
    const finding: Finding = {
      rule: 'judge.rule-error',
      severity: 'info',
      group: instance.module.rules[0]?.group ?? 'sequence',
      message: `The ${instance.module.name} rules stopped judging this session after an internal error: ${err instanceof Error ? err.message : String(err)}`,
    };
    if (target !== undefined) this.push(target, finding);
  }

  private contextFor(): RuleContext {
    return {
      version: this.version,
      options: this.options,
      connection: this.connection,
      facts: this.facts,
      report: (rule, target, message, options) => this.report(rule, target, message, options),
      at: (at: number, fire: (now: number) => void): Timer => this.timers.add(at, fire),
    };
  }

  private report(ruleId: string, target: Observation, message: string, options?: ReportOptions): void {
    const rule = this.rules.get(ruleId);
    // A module reporting for a version its rule does not cover stays quiet.
    if (rule === undefined) return;
    const finding: Finding = {
      rule: rule.id,
      severity: severityOf(rule, this.version),
      group: rule.group,
      message,
    };
    if (options?.path !== undefined) finding.path = options.path;
    const ref = rule.specRefs[this.version];
    if (ref !== undefined) finding.specRef = ref;
    this.push(target, finding);
  }

  private push(target: Observation, finding: Finding): void {
    if (target === this.current) {
      if (this.currentFindings === NO_FINDINGS) this.currentFindings = [];
      this.currentFindings.push(finding);
    } else {
      if (this.late === NO_LATE) this.late = [];
      this.late.push({ seq: target.seq, finding, target });
    }
  }
}

function addTo(map: Map<string, Instance[]>, action: string, instance: Instance): void {
  const list = map.get(action);
  if (list === undefined) map.set(action, [instance]);
  else list.push(instance);
}
