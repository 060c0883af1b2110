// Judges the frames of one session in order: framing, schema, and request/response
// correlation with latency. Pure: times come in as numbers, nothing is read or written.
// Behaviour rules (sequence, state, timing, security) observe the verdicts this produces.
import type { Direction, Finding, MessageKind, OcppVersion } from '../../api/model';
import { parseFrame, type Frame } from '../ocpp/frames';
import { judgePayload } from '../ocpp/schemas';
import { actionInfo, mayTravel } from '../ocpp/catalog';
import { VERSIONS } from '../ocpp/versions';

export interface FrameInput {
  text: string;
  dir: Direction;
  /** Sequence number of the frame in its session. */
  seq: number;
  /** Monotonic milliseconds. */
  mono: number;
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
}

interface Outstanding {
  action: string;
  seq: number;
  mono: number;
}

/** Calls left unanswered are forgotten beyond this many per direction, oldest first. */
const MAX_OUTSTANDING = 1024;
/** CALLRESULTs remembered per direction so a 2.1 CALLRESULTERROR can find what it answers. */
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

  constructor(readonly version: OcppVersion) {}

  judge(input: FrameInput): Verdict {
    const parsed = parseFrame(input.text, this.version);
    const verdict: Verdict = { findings: parsed.findings };
    if (parsed.kind !== undefined) verdict.kind = parsed.kind;
    if (parsed.messageId !== undefined) verdict.messageId = parsed.messageId;
    if (parsed.action !== undefined) verdict.action = parsed.action;
    const frame = parsed.frame;
    if (frame === undefined) return verdict;
    verdict.frame = frame;

    let extra: Finding[] = EMPTY;
    switch (frame.kind) {
      case 'CALL':
      case 'SEND': {
        const info = actionInfo(this.version, frame.action);
        if (info !== undefined) {
          if (!mayTravel(info, input.dir)) {
            extra = [this.wrongDirection(frame.action, input.dir)];
          }
          const schema = judgePayload(this.version, frame.action, 'request', frame.payload);
          if (schema.length > 0) extra = extra === EMPTY ? schema : [...extra, ...schema];
        }
        if (frame.kind === 'CALL') this.remember(this.outstanding[input.dir], frame.id, { action: frame.action, seq: input.seq, mono: input.mono });
        break;
      }
      case 'CALLRESULT':
      case 'CALLERROR': {
        const pending = this.outstanding[opposite(input.dir)];
        const call = pending.get(frame.id);
        if (call === undefined) {
          extra = [this.uncorrelated(frame.kind, frame.id, input.dir)];
          break;
        }
        pending.delete(frame.id);
        verdict.action = call.action;
        verdict.requestSeq = call.seq;
        verdict.latencyMs = round3(input.mono - call.mono);
        if (frame.kind === 'CALLRESULT') {
          this.remember(this.answered[input.dir], frame.id, call, MAX_ANSWERED);
          if (actionInfo(this.version, call.action) !== undefined) {
            extra = judgePayload(this.version, call.action, 'response', frame.payload);
          }
        }
        break;
      }
      case 'CALLRESULTERROR': {
        // 2.1 Part 4 §4.1.4: it carries the id of the CALLRESULT it objects to.
        const result = this.answered[opposite(input.dir)].get(frame.id);
        if (result === undefined) {
          extra = [this.uncorrelated(frame.kind, frame.id, input.dir)];
        } else {
          verdict.action = result.action;
        }
        break;
      }
    }
    if (extra.length > 0) verdict.findings = verdict.findings.length === 0 ? extra : [...verdict.findings, ...extra];
    return verdict;
  }

  /** CALLs still waiting for an answer, by the direction they travelled in. */
  pending(dir: Direction): ReadonlyMap<string, Readonly<Outstanding>> {
    return this.outstanding[dir];
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
      rule: 'correlation.unknown-id',
      severity: 'error',
      group: 'correlation',
      message: `${kind} with message id "${id}" answers no outstanding ${what} from the ${from}`,
      errorCode: VERSIONS[this.version].codes.rpcFramework,
      specRef: `${VERSIONS[this.version].rpcSpec} §4.1.4`,
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
