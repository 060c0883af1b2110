// Judges the frames of one session in order: framing, schema, request/response
// correlation with latency, then the behaviour rules (sequence, state, timing, security)
// over the stream of judged frames. Pure: times come in as numbers, nothing is read or
// written. A behaviour rule may find something about an earlier frame (a response timeout
// concerns the request): such findings come back as `late`, from judge() when a later
// frame's time reveals them, from tick() live, and from finish() at the session's end.
import type { Direction, Finding, MessageKind, OcppVersion } from '../../api/model';
import { parseFrame, type Frame } from '../ocpp/frames';
import { judgePayload } from '../ocpp/schemas';
import { actionInfo, mayTravel } from '../ocpp/catalog';
import { VERSIONS } from '../ocpp/versions';
import { BehaviourJudge, type LateFinding as BehaviourLate } from './behaviour/behaviour-judge';
import type { BehaviourOptions, ConnectionFacts, Observation, RuleModule } from './behaviour/types';
import { applyProfile, profileApplies, type DeviationProfile } from './profile';
import { RULE_MODULES } from './rules';
import { UNKNOWN_ID, WRONG_RESPONSE_KIND } from './rules/correlation';

export interface FrameInput {
  text: string;
  dir: Direction;
  /** Sequence number of the frame in its session. */
  seq: number;
  /** Monotonic milliseconds. */
  mono: number;
  /** Wall-clock time (ISO 8601), when known: rules comparing payload timestamps use it. */
  time?: string;
}

/** A finding about an earlier frame of the session. */
export interface LateFinding {
  /** Seq of the frame it concerns. */
  seq: number;
  finding: Finding;
  dir: Direction;
  /** That frame's action (for a response, the action it answers) and message id. */
  action?: string;
  messageId?: string;
  time?: string;
}

export interface Verdict {
  frame?: Frame;
  kind?: MessageKind;
  /** For a CALL/SEND its action; for a response the action of the CALL it answers. */
  action?: string;
  messageId?: string;
  findings: Finding[];
  /** For a response: the seq of the CALL it answers, and the time since it. */
  requestSeq?: number;
  latencyMs?: number;
  /** Findings about earlier frames this frame's arrival revealed (attach them to those frames). */
  late?: LateFinding[];
}

export interface SessionJudgeOptions {
  /** Behaviour rules: on unless false; an object tunes their timing. */
  behaviour?: boolean | Partial<BehaviourOptions>;
  /** How the charger connected (TLS, Basic auth), for the security rules. */
  connection?: ConnectionFacts;
  /** A deviation profile, or where to read the current one (live settings can change). */
  profile?: DeviationProfile | (() => DeviationProfile | undefined);
  /** The session's charger, for a profile's `match`. */
  chargePointId?: string;
  /** The behaviour rule modules to run (default: all of them). */
  modules?: readonly RuleModule[];
}

interface Outstanding {
  action: string;
  seq: number;
  mono: number;
  /** The action is in the version's catalogue (its response has a schema to judge). */
  known: boolean;
  /** The CALL as the behaviour rules saw it. */
  obs?: Observation;
}

/** Calls left unanswered are forgotten beyond this many per direction, oldest first. */
const MAX_OUTSTANDING = 1024;
/** CALLRESULTs (and SENDs) remembered per direction so a late answer can be told apart. */
const MAX_ANSWERED = 64;

export function opposite(dir: Direction): Direction {
  return dir === 'cp2csms' ? 'csms2cp' : 'cp2csms';
}

const EMPTY: Finding[] = [];

export class SessionJudge {
  /** Outstanding CALLs by the direction they travelled in. */
  private readonly outstanding: Record<Direction, Map<string, Outstanding>> = {
    cp2csms: new Map(),
    csms2cp: new Map(),
  };
  /** Recently answered CALLs by the direction their CALLRESULT travelled in. */
  private readonly answered: Record<Direction, Map<string, Outstanding>> = {
    cp2csms: new Map(),
    csms2cp: new Map(),
  };
  /** Recent SENDs by the direction they travelled in (a SEND gets no answer). */
  private readonly sends: Record<Direction, Map<string, Outstanding>> = {
    cp2csms: new Map(),
    csms2cp: new Map(),
  };
  private readonly behaviour: BehaviourJudge | undefined;
  private readonly profileSource: (() => DeviationProfile | undefined) | undefined;
  private readonly chargePointId: string | undefined;

  constructor(
    readonly version: OcppVersion,
    options: SessionJudgeOptions = {},
  ) {
    if (options.behaviour !== false) {
      this.behaviour = new BehaviourJudge(version, {
        modules: options.modules ?? RULE_MODULES,
        ...(typeof options.behaviour === 'object' ? { options: options.behaviour } : {}),
        ...(options.connection !== undefined ? { connection: options.connection } : {}),
      });
    }
    const profile = options.profile;
    this.profileSource = profile === undefined ? undefined : typeof profile === 'function' ? profile : () => profile;
    this.chargePointId = options.chargePointId;
  }

  judge(input: FrameInput): Verdict {
    const parsed = parseFrame(input.text, this.version);
    const verdict: Verdict = { findings: parsed.findings };
    if (parsed.kind !== undefined) verdict.kind = parsed.kind;
    if (parsed.messageId !== undefined) verdict.messageId = parsed.messageId;
    if (parsed.action !== undefined) verdict.action = parsed.action;
    const frame = parsed.frame;
    if (frame === undefined) return this.deviations(verdict);
    verdict.frame = frame;

    let extra: Finding[] = EMPTY;
    let schemaValid = true;
    let request: Outstanding | undefined;
    switch (frame.kind) {
      case 'CALL':
      case 'SEND': {
        const info = actionInfo(this.version, frame.action);
        if (info !== undefined) {
          if (!mayTravel(info, input.dir)) {
            extra = [this.wrongDirection(frame.action, input.dir)];
          }
          const schema = judgePayload(this.version, frame.action, 'request', frame.payload);
          if (schema.length > 0) {
            schemaValid = false;
            extra = extra === EMPTY ? schema : [...extra, ...schema];
          }
        }
        const entry: Outstanding = { action: frame.action, seq: input.seq, mono: input.mono, known: info !== undefined };
        this.remember(frame.kind === 'CALL' ? this.outstanding[input.dir] : this.sends[input.dir], frame.id, entry, frame.kind === 'CALL' ? MAX_OUTSTANDING : MAX_ANSWERED);
        request = entry;
        break;
      }
      case 'CALLRESULT':
      case 'CALLERROR': {
        const pending = this.outstanding[opposite(input.dir)];
        const call = pending.get(frame.id);
        if (call === undefined) {
          const send = this.sends[opposite(input.dir)].get(frame.id);
          extra = [send !== undefined ? this.answeredSend(frame.kind, send) : this.uncorrelated(frame.kind, frame.id, input.dir)];
          break;
        }
        pending.delete(frame.id);
        request = call;
        verdict.action = call.action;
        verdict.requestSeq = call.seq;
        verdict.latencyMs = round3(input.mono - call.mono);
        if (frame.kind === 'CALLRESULT') {
          this.remember(this.answered[input.dir], frame.id, call, MAX_ANSWERED);
          if (call.known) {
            extra = judgePayload(this.version, call.action, 'response', frame.payload);
            if (extra.length > 0) schemaValid = false;
          }
        }
        break;
      }
      case 'CALLRESULTERROR': {
        // 2.1 Part 4 §4.1.4: it carries the id of the CALLRESULT it objects to.
        const result = this.answered[opposite(input.dir)].get(frame.id);
        if (result !== undefined) {
          verdict.action = result.action;
          break;
        }
        const call = this.outstanding[opposite(input.dir)].get(frame.id);
        if (call === undefined) {
          extra = [this.uncorrelated(frame.kind, frame.id, input.dir)];
          break;
        }
        // It answers a CALL, which takes a CALLERROR: the wrong kind of answer, but an answer.
        this.outstanding[opposite(input.dir)].delete(frame.id);
        request = call;
        verdict.action = call.action;
        verdict.requestSeq = call.seq;
        verdict.latencyMs = round3(input.mono - call.mono);
        extra = [this.wrongKind(`A CALLRESULTERROR answers a CALLRESULT; the ${call.action} CALL (seq ${call.seq}) should get a CALLERROR`)];
        break;
      }
    }
    if (extra.length > 0) verdict.findings = verdict.findings.length === 0 ? extra : [...verdict.findings, ...extra];

    if (this.behaviour !== undefined) {
      const obs: Observation = {
        seq: input.seq,
        mono: input.mono,
        dir: input.dir,
        kind: frame.kind,
        id: frame.id,
        action: verdict.action ?? '',
        schemaValid,
      };
      if (input.time !== undefined) obs.time = input.time;
      if ('code' in frame) obs.errorCode = frame.code;
      else obs.payload = frame.payload;
      if (frame.kind === 'CALL' || frame.kind === 'SEND') {
        if (request !== undefined) request.obs = obs;
      } else if (request?.obs !== undefined) {
        obs.request = request.obs;
      }
      const found = this.behaviour.observe(obs);
      if (found.current.length > 0) verdict.findings = verdict.findings.length === 0 ? found.current : [...verdict.findings, ...found.current];
      if (found.late.length > 0) verdict.late = this.lateOf(found.late);
    }
    return this.deviations(verdict);
  }

  /** Live: fires the behaviour timers due at `mono`; returns findings for earlier frames. */
  tick(mono: number): LateFinding[] {
    const late = this.behaviour?.tick(mono);
    return late === undefined || late.length === 0 ? [] : this.lateOf(late);
  }

  /** WebSocket ping/pong from one side: a sign of life for the heartbeat rules. */
  activity(dir: Direction, mono: number): LateFinding[] {
    const late = this.behaviour?.activity(dir, mono);
    return late === undefined || late.length === 0 ? [] : this.lateOf(late);
  }

  /** The session ended at `mono` (connection closed, or the capture ends): last findings. */
  finish(mono: number): LateFinding[] {
    const late = this.behaviour?.finish(mono);
    return late === undefined || late.length === 0 ? [] : this.lateOf(late);
  }

  /** CALLs still waiting for an answer, by the direction they travelled in. */
  pending(dir: Direction): ReadonlyMap<string, Readonly<Outstanding>> {
    return this.outstanding[dir];
  }

  /** The active deviation profile, when it applies to this session's charger. */
  private profile(): DeviationProfile | undefined {
    const profile = this.profileSource?.();
    if (profile === undefined) return undefined;
    const facts = this.behaviour?.facts;
    const subject = { chargePointId: this.chargePointId, vendor: facts?.vendor, model: facts?.model };
    return profileApplies(profile, subject) ? profile : undefined;
  }

  private deviations(verdict: Verdict): Verdict {
    if (this.profileSource === undefined || (verdict.findings.length === 0 && verdict.late === undefined)) return verdict;
    const profile = this.profile();
    if (profile === undefined) return verdict;
    if (verdict.findings.length > 0) verdict.findings = applyProfile(profile, verdict.findings, verdict.action);
    if (verdict.late !== undefined) verdict.late = this.deviateLate(profile, verdict.late);
    return verdict;
  }

  private lateOf(found: BehaviourLate[]): LateFinding[] {
    const late = found.map(({ seq, finding, target }) => {
      const l: LateFinding = { seq, finding, dir: target.dir, messageId: target.id };
      if (target.action !== '') l.action = target.action;
      if (target.time !== undefined) l.time = target.time;
      return l;
    });
    const profile = this.profileSource === undefined ? undefined : this.profile();
    return profile === undefined ? late : this.deviateLate(profile, late);
  }

  private deviateLate(profile: DeviationProfile, late: LateFinding[]): LateFinding[] {
    return late.map((l) => {
      if (l.finding.deviation !== undefined) return l;
      const [finding] = applyProfile(profile, [l.finding], l.action);
      return finding === l.finding ? l : { ...l, finding: finding! };
    });
  }

  private remember(map: Map<string, Outstanding>, id: string, entry: Outstanding, limit = MAX_OUTSTANDING): void {
    map.set(id, entry);
    if (map.size > limit) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
  }

  private uncorrelated(kind: MessageKind, id: string, dir: Direction): Finding {
    const what = kind === 'CALLRESULTERROR' ? 'CALLRESULT' : 'CALL';
    const from = dir === 'cp2csms' ? 'CSMS' : 'charger';
    return {
      rule: UNKNOWN_ID.id,
      severity: UNKNOWN_ID.severity,
      group: UNKNOWN_ID.group,
      message: `${kind} with message id "${id}" answers no outstanding ${what} from the ${from}`,
      errorCode: VERSIONS[this.version].codes.rpcFramework,
      specRef: `${VERSIONS[this.version].rpcSpec} §4.1.4`,
    };
  }

  private answeredSend(kind: MessageKind, send: Outstanding): Finding {
    return this.wrongKind(`A ${kind} answers the SEND ${send.action} (seq ${send.seq}); a SEND gets no answer`);
  }

  private wrongKind(message: string): Finding {
    return {
      rule: WRONG_RESPONSE_KIND.id,
      severity: WRONG_RESPONSE_KIND.severity,
      group: WRONG_RESPONSE_KIND.group,
      message,
      specRef: WRONG_RESPONSE_KIND.specRefs[this.version]!,
    };
  }

  private wrongDirection(action: string, dir: Direction): Finding {
    const sender = dir === 'cp2csms' ? 'charger' : 'CSMS';
    return {
      rule: 'framing.wrong-direction',
      severity: 'error',
      group: 'framing',
      element: 2,
      message: `${action} is not sent by the ${sender} in OCPP ${this.version}`,
      errorCode: 'NotSupported',
      specRef: `${VERSIONS[this.version].rpcSpec} §4.2.3`,
    };
  }
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
