// One charger's session through the proxy: two open WebSockets (the charger's leg and the
// CSMS leg) and the frames between them.
//
// Hot path: a frame is sent to the other leg as received (the same bytes, text or binary)
// and only then handed to the recorder, which writes and judges it later. Fault rules are
// consulted only when a rule concerns this charge point. When a leg cannot keep up (its
// send buffer passes a high-water mark) the other leg's reading is paused until it drains,
// so memory stays bounded and the pressure is reported.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { Direction, FrameMark, OcppVersion } from '../../api/model';
import type { ClosedBy, CloseRecord } from '../capture/format';
import { opposite } from '../judge/session-judge';
import { parseFrame } from '../ocpp/frames';
import type { LiveSession } from '../traffic/recorder';
import { answerFrame, editedFrame } from './fault-effects';
import { isSendableCloseCode, type ActiveRule, type FaultRuleSet } from './fault-rules';
import { Lane } from './lane';

type Side = 'charger' | 'csms';

export interface RelayHooks {
  /** The proxy's current rules. */
  rules(): FaultRuleSet;
  /** A leg passed (or fell back under) the high-water mark; the sender's reading paused (or resumed). */
  pressure(relay: Relay, dir: Direction, paused: boolean, bufferedBytes: number): void;
  /** Both legs are closed and the session's close is recorded. */
  finished(relay: Relay): void;
}

export interface RelayOptions {
  /** Bytes waiting in a leg's send buffer before the other leg's reading pauses. */
  highWaterMark?: number;
  /** How long to wait for the second leg to close after the first, before dropping it. */
  lingerMs?: number;
}

interface Marking {
  marks?: FrameMark[];
  why?: string;
}

interface Ending {
  by: ClosedBy;
  how: CloseRecord['how'];
  code?: number;
  reason?: string;
  error?: string;
}

const TEXT = { binary: false } as const;
const BINARY = { binary: true } as const;
const UNMARKED: Marking = {};
const HELD = 'held back behind a delayed frame, to keep the order';
/** Responses remember their CALL's action; older unanswered CALLs are forgotten beyond this. */
const MAX_TRACKED_CALLS = 1024;
/** A lane (frames held by a delay rule) pauses its reader beyond these. */
const MAX_LANE_ITEMS = 10_000;
const MAX_LANE_BYTES = 16 * 1024 * 1024;

function from(dir: Direction): Side {
  return dir === 'cp2csms' ? 'charger' : 'csms';
}

function sideName(side: Side): string {
  return side === 'charger' ? 'charger' : 'CSMS';
}

export class Relay {
  readonly chargePointId: string;
  readonly lanes: Record<Direction, Lane>;
  /** Times a reader was paused because the other leg could not keep up. */
  pressureEvents = 0;
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private ending: Ending | undefined;
  private finishedFlag = false;
  private readonly legClosed: Record<Side, boolean> = { charger: false, csms: false };
  private readonly legError: Partial<Record<Side, Error>> = {};
  private readonly pausedFor: Record<Direction, Set<string>> = { cp2csms: new Set(), csms2cp: new Set() };
  private readonly lingerTimers: NodeJS.Timeout[] = [];
  private readonly highWater: number;
  private readonly lingerMs: number;
  /** CALL actions by id, per direction the CALL travelled, to name the action of a response. */
  private calls: Record<Direction, Map<string, string>> | undefined;
  private rulesVersion = -1;
  private rulesConcern = false;

  constructor(
    readonly session: LiveSession,
    private readonly charger: WebSocket,
    private readonly upstream: WebSocket,
    private readonly version: OcppVersion | undefined,
    private readonly hooks: RelayHooks,
    options: RelayOptions = {},
  ) {
    this.chargePointId = session.info.chargePointId;
    this.highWater = options.highWaterMark ?? 1024 * 1024;
    this.lingerMs = options.lingerMs ?? 2000;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.lanes = {
      cp2csms: new Lane(() => this.laneProgress('cp2csms')),
      csms2cp: new Lane(() => this.laneProgress('csms2cp')),
    };
    this.wire('charger', charger);
    this.wire('csms', upstream);
  }

  get closing(): boolean {
    return this.ending !== undefined;
  }

  /** Closes both legs on the bench's behalf (proxy stopping, a close rule, a recording failure). */
  close(code: number, reason: string): Promise<void> {
    if (this.ending === undefined) {
      this.ending = { by: 'bench', how: 'clean', code, reason };
      // What a delay rule still holds goes out now, before the close.
      this.lanes.cp2csms.drainNow();
      this.lanes.csms2cp.drainNow();
      this.closeLeg('charger', code, reason);
      this.closeLeg('csms', code, reason);
    }
    return this.done;
  }

  private wire(side: Side, ws: WebSocket): void {
    const dir: Direction = side === 'charger' ? 'cp2csms' : 'csms2cp';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(dir, data, isBinary));
    ws.on('ping', (data: Buffer) => this.event(dir, 'ping', data));
    ws.on('pong', (data: Buffer) => this.event(dir, 'pong', data));
    ws.on('error', (err: Error) => {
      this.legError[side] ??= err;
    });
    ws.on('close', (code: number, reason: Buffer) => this.closed(side, code, reason.toString()));
  }

  // ---- frames

  private receive(dir: Direction, data: Buffer, isBinary: boolean): void {
    if (!isBinary) {
      const rules = this.hooks.rules();
      if (rules.version !== this.rulesVersion) {
        this.rulesVersion = rules.version;
        this.rulesConcern = rules.concerns(this.chargePointId);
      }
      if (this.rulesConcern) {
        this.inspect(dir, data.toString(), rules);
        return;
      }
    }
    this.forward(dir, data, isBinary, UNMARKED, 0);
  }

  /** Frames go to the other leg now, or behind what a delay rule holds in that direction. */
  private forward(dir: Direction, data: Buffer | string, isBinary: boolean, marking: Marking, delayMs: number): void {
    const lane = this.lanes[dir];
    if (delayMs === 0 && lane.idle) {
      this.send(dir, data, isBinary, marking);
      return;
    }
    const held: Marking =
      delayMs === 0 ? { marks: [...(marking.marks ?? []), 'delayed'], why: marking.why === undefined ? HELD : `${marking.why} (${HELD})` } : marking;
    lane.push(performance.now() + delayMs, data.length, () => this.send(dir, data, isBinary, held));
    if (lane.length > MAX_LANE_ITEMS || lane.queuedBytes > MAX_LANE_BYTES) this.pause(dir, 'lane');
  }

  private send(dir: Direction, data: Buffer | string, isBinary: boolean, marking: Marking): void {
    const target = dir === 'cp2csms' ? this.upstream : this.charger;
    const recorded = isBinary ? (data as Buffer) : typeof data === 'string' ? data : data.toString();
    if (target.readyState !== WebSocket.OPEN) {
      if (!this.session.closed) {
        this.session.frame(dir, recorded, {
          marks: [...(marking.marks ?? []), 'dropped'],
          why: `not delivered: the ${sideName(from(opposite(dir)))} connection had already closed`,
        });
      }
      return;
    }
    target.send(data, isBinary ? BINARY : TEXT);
    this.session.frame(dir, recorded, marking);
    if (target.bufferedAmount > this.highWater) this.pressure(dir, target);
  }

  /** Frames of a charge point some rule concerns: parse, correlate, and let the first matching rule act. */
  private inspect(dir: Direction, text: string, rules: FaultRuleSet): void {
    const parsed = parseFrame(text, this.version ?? '2.0.1');
    let action = parsed.action;
    const calls = (this.calls ??= { cp2csms: new Map(), csms2cp: new Map() });
    if (parsed.kind === 'CALL' && parsed.messageId !== undefined && parsed.action !== undefined) {
      const mine = calls[dir];
      mine.set(parsed.messageId, parsed.action);
      if (mine.size > MAX_TRACKED_CALLS) mine.delete(mine.keys().next().value!);
    } else if ((parsed.kind === 'CALLRESULT' || parsed.kind === 'CALLERROR') && parsed.messageId !== undefined) {
      const theirs = calls[opposite(dir)];
      action = theirs.get(parsed.messageId);
      theirs.delete(parsed.messageId);
    }
    const facts = { dir, chargePointId: this.chargePointId, ...(parsed.kind !== undefined ? { kind: parsed.kind } : {}), ...(action !== undefined ? { action } : {}) };
    const rule = rules.pick(facts);
    if (rule === undefined) {
      this.forward(dir, text, false, UNMARKED, 0);
      return;
    }
    this.apply(rule, dir, text, parsed.frame);
  }

  private apply(rule: ActiveRule, dir: Direction, text: string, frame: ReturnType<typeof parseFrame>['frame']): void {
    const why = `rule ${rule.id}: ${rule.description}`;
    const effect = rule.effect;
    switch (effect.type) {
      case 'delay':
        this.forward(dir, text, false, { marks: ['delayed'], why }, effect.ms);
        return;
      case 'drop':
        this.session.frame(dir, text, { marks: ['dropped'], why });
        return;
      case 'duplicate':
        this.forward(dir, text, false, UNMARKED, 0);
        for (let i = 0; i < (effect.copies ?? 1); i++) this.forward(dir, text, false, { marks: ['duplicated'], why }, 0);
        return;
      case 'merge':
      case 'replace':
        this.forward(dir, editedFrame(frame!, effect), false, { marks: ['altered'], why }, 0);
        return;
      case 'answer': {
        // The CALL stops here (recorded as dropped); the answer goes back as if from the peer.
        const call = frame as Extract<typeof frame, { kind: 'CALL' | 'SEND' }>;
        this.calls?.[dir].delete(call.id);
        this.session.frame(dir, text, { marks: ['dropped'], why });
        this.forward(opposite(dir), answerFrame(call, effect), false, { marks: ['injected'], why }, 0);
        return;
      }
      case 'close': {
        this.session.frame(dir, text, { marks: ['dropped'], why });
        const code = effect.code ?? 1000;
        const reason = effect.reason ?? '';
        const lane = this.lanes[dir];
        if (lane.idle) void this.close(code, reason);
        else lane.push(performance.now(), 0, () => void this.close(code, reason));
        return;
      }
    }
  }

  private event(dir: Direction, event: 'ping' | 'pong', data: Buffer): void {
    if (!this.session.closed) this.session.event(dir, event, data);
  }

  // ---- pressure

  private pause(dir: Direction, why: string): void {
    const reasons = this.pausedFor[dir];
    if (reasons.has(why)) return;
    reasons.add(why);
    if (reasons.size === 1) (dir === 'cp2csms' ? this.charger : this.upstream).pause();
  }

  private resume(dir: Direction, why: string): void {
    const reasons = this.pausedFor[dir];
    if (!reasons.delete(why)) return;
    if (reasons.size === 0) (dir === 'cp2csms' ? this.charger : this.upstream).resume();
  }

  private pressure(dir: Direction, target: WebSocket): void {
    if (this.pausedFor[dir].has('pressure')) return;
    this.pressureEvents++;
    this.pause(dir, 'pressure');
    this.hooks.pressure(this, dir, true, target.bufferedAmount);
    const low = this.highWater / 4;
    const poll = () => {
      if (target.readyState !== WebSocket.OPEN || target.bufferedAmount <= low) {
        this.resume(dir, 'pressure');
        this.hooks.pressure(this, dir, false, target.bufferedAmount);
      } else {
        setTimeout(poll, 5);
      }
    };
    setTimeout(poll, 5);
  }

  private laneProgress(dir: Direction): void {
    const lane = this.lanes[dir];
    if (lane.length <= MAX_LANE_ITEMS / 2 && lane.queuedBytes <= MAX_LANE_BYTES / 2) this.resume(dir, 'lane');
  }

  // ---- closing

  private closed(side: Side, code: number, reason: string): void {
    this.legClosed[side] = true;
    if (this.ending === undefined) {
      const err = this.legError[side];
      // ws reports framing violations (invalid UTF-8, oversized or bad frames) as WS_ERR_* errors.
      const protocolError = err !== undefined && String((err as NodeJS.ErrnoException).code ?? '').startsWith('WS_ERR_');
      const how: CloseRecord['how'] = protocolError ? 'error' : code === 1006 ? 'abrupt' : 'clean';
      const ending: Ending = { by: side, how };
      // 1005 (no status in the close frame) and 1006 (no close frame) are never on the wire (RFC 6455 §7.4.1).
      if (code !== 1005 && code !== 1006) ending.code = code;
      if (reason !== '') ending.reason = reason;
      if (err !== undefined) ending.error = err.message;
      this.ending = ending;
      // Relay the close behind any frame a delay rule still holds from this side.
      const other: Side = side === 'charger' ? 'csms' : 'charger';
      const lane = this.lanes[side === 'charger' ? 'cp2csms' : 'csms2cp'];
      const relayClose = () => this.closeLeg(other, code, reason);
      if (lane.idle) relayClose();
      else lane.push(performance.now(), 0, relayClose);
    }
    if (this.legClosed.charger && this.legClosed.csms) this.finish();
  }

  /** Closes one leg the way the other ended: same code and reason, or a drop for a drop. */
  private closeLeg(side: Side, code: number, reason: string): void {
    const ws = side === 'charger' ? this.charger : this.upstream;
    if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) return;
    if (isSendableCloseCode(code)) ws.close(code, reason);
    else if (code === 1005) ws.close();
    else ws.terminate();
    const timer = setTimeout(() => ws.terminate(), this.lingerMs);
    timer.unref();
    this.lingerTimers.push(timer);
  }

  private finish(): void {
    if (this.finishedFlag) return;
    this.finishedFlag = true;
    for (const t of this.lingerTimers) clearTimeout(t);
    // Whatever a delay rule still holds can no longer be delivered: it is recorded as dropped.
    this.lanes.cp2csms.drainNow();
    this.lanes.csms2cp.drainNow();
    const e = this.ending ?? { by: 'bench' as const, how: 'abrupt' as const };
    const details: { code?: number; reason?: string; error?: string } = {};
    if (e.code !== undefined) details.code = e.code;
    if (e.reason !== undefined) details.reason = e.reason;
    if (e.error !== undefined) details.error = e.error;
    this.session.close(e.by, e.how, details);
    this.hooks.finished(this);
    this.resolveDone();
  }
}
