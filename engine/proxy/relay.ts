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

const LEG = Symbol('relay leg');
type Wired = WebSocket & { [LEG]: { relay: Relay; side: Side; dir: Direction } };

function legOf(ws: WebSocket): Wired[typeof LEG] {
  return (ws as Wired)[LEG];
}
function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const leg = legOf(this);
  leg.relay.receive(leg.dir, data, isBinary);
}
function onPing(this: WebSocket, data: Buffer): void {
  const leg = legOf(this);
  leg.relay.event(leg.dir, 'ping', data);
}
function onPong(this: WebSocket, data: Buffer): void {
  const leg = legOf(this);
  leg.relay.event(leg.dir, 'pong', data);
}
function onError(this: WebSocket, err: Error): void {
  const leg = legOf(this);
  leg.relay.onError(leg.side, err);
}
function onClose(this: WebSocket, code: number, reason: Buffer): void {
  const leg = legOf(this);
  leg.relay.closed(leg.side, code, reason.toString());
}

export class Relay {
  readonly chargePointId: string;
  /** Times a reader was paused because the other leg could not keep up. */
  pressureEvents = 0;
  // Per-connection state is kept small (thousands of idle chargers): lanes, the close
  // promise and the error record exist only once something needs them.
  private lanes: Partial<Record<Direction, Lane>> | undefined;
  private doneWaiters: Array<() => void> | undefined;
  private ending: Ending | undefined;
  private finishedFlag = false;
  private chargerClosed = false;
  private csmsClosed = false;
  private legError: Partial<Record<Side, Error>> | undefined;
  /** Why each direction's reader is paused: PRESSURE and LANE bits, per direction. */
  private paused = 0;
  private lingerTimers: NodeJS.Timeout[] | undefined;
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
    this.wire('charger', charger);
    this.wire('csms', upstream);
  }

  get closing(): boolean {
    return this.ending !== undefined;
  }

  /** Resolves once both legs are closed and the close is recorded. */
  done(): Promise<void> {
    if (this.finishedFlag) return Promise.resolve();
    return new Promise((resolve) => (this.doneWaiters ??= []).push(resolve));
  }

  private lane(dir: Direction): Lane {
    const lanes = (this.lanes ??= {});
    return (lanes[dir] ??= new Lane(() => this.laneProgress(dir)));
  }

  private laneIdle(dir: Direction): boolean {
    return this.lanes?.[dir]?.idle ?? true;
  }

  private drainLanes(): void {
    this.lanes?.cp2csms?.drainNow();
    this.lanes?.csms2cp?.drainNow();
  }

  /** Closes both legs on the bench's behalf (proxy stopping, a close rule, a recording failure). */
  close(code: number, reason: string): Promise<void> {
    if (this.ending === undefined) {
      this.ending = { by: 'bench', how: 'clean', code, reason };
      // What a delay rule still holds goes out now, before the close.
      this.drainLanes();
      this.closeLeg('charger', code, reason);
      this.closeLeg('csms', code, reason);
    }
    return this.done();
  }

  private wire(side: Side, ws: WebSocket): void {
    // Module-level handlers (ws calls them with `this` = the socket): no closures per connection.
    (ws as Wired)[LEG] = { relay: this, side, dir: side === 'charger' ? 'cp2csms' : 'csms2cp' };
    ws.on('message', onMessage);
    ws.on('ping', onPing);
    ws.on('pong', onPong);
    ws.on('error', onError);
    ws.on('close', onClose);
  }

  /** @internal from the shared socket handlers. */
  onError(side: Side, err: Error): void {
    (this.legError ??= {})[side] ??= err;
  }

  // ---- frames

  /** @internal from the shared socket handlers. */
  receive(dir: Direction, data: Buffer, isBinary: boolean): void {
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
    if (delayMs === 0 && this.laneIdle(dir)) {
      this.send(dir, data, isBinary, marking);
      return;
    }
    const lane = this.lane(dir);
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
        if (this.laneIdle(dir)) void this.close(code, reason);
        else this.lane(dir).push(performance.now(), 0, () => void this.close(code, reason));
        return;
      }
    }
  }

  /** @internal from the shared socket handlers. */
  event(dir: Direction, event: 'ping' | 'pong', data: Buffer): void {
    if (!this.session.closed) this.session.event(dir, event, data);
  }

  // ---- pressure

  private static bit(dir: Direction, why: 'pressure' | 'lane'): number {
    return (why === 'pressure' ? 1 : 2) << (dir === 'cp2csms' ? 0 : 2);
  }

  private isPaused(dir: Direction, why: 'pressure' | 'lane'): boolean {
    return (this.paused & Relay.bit(dir, why)) !== 0;
  }

  private pause(dir: Direction, why: 'pressure' | 'lane'): void {
    const bit = Relay.bit(dir, why);
    if ((this.paused & bit) !== 0) return;
    const mask = dir === 'cp2csms' ? 0b0011 : 0b1100;
    const wasReading = (this.paused & mask) === 0;
    this.paused |= bit;
    if (wasReading) (dir === 'cp2csms' ? this.charger : this.upstream).pause();
  }

  private resume(dir: Direction, why: 'pressure' | 'lane'): void {
    const bit = Relay.bit(dir, why);
    if ((this.paused & bit) === 0) return;
    this.paused &= ~bit;
    const mask = dir === 'cp2csms' ? 0b0011 : 0b1100;
    if ((this.paused & mask) === 0) (dir === 'cp2csms' ? this.charger : this.upstream).resume();
  }

  private pressure(dir: Direction, target: WebSocket): void {
    if (this.isPaused(dir, 'pressure')) return;
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
    const lane = this.lane(dir);
    if (lane.length <= MAX_LANE_ITEMS / 2 && lane.queuedBytes <= MAX_LANE_BYTES / 2) this.resume(dir, 'lane');
  }

  // ---- closing

  /** @internal from the shared socket handlers. */
  closed(side: Side, code: number, reason: string): void {
    if (side === 'charger') this.chargerClosed = true;
    else this.csmsClosed = true;
    if (this.ending === undefined) {
      const err = this.legError?.[side];
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
      const dir: Direction = side === 'charger' ? 'cp2csms' : 'csms2cp';
      const relayClose = () => this.closeLeg(other, code, reason);
      if (this.laneIdle(dir)) relayClose();
      else this.lane(dir).push(performance.now(), 0, relayClose);
    }
    if (this.chargerClosed && this.csmsClosed) this.finish();
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
    (this.lingerTimers ??= []).push(timer);
  }

  private finish(): void {
    if (this.finishedFlag) return;
    this.finishedFlag = true;
    for (const t of this.lingerTimers ?? []) clearTimeout(t);
    // Whatever a delay rule still holds can no longer be delivered: it is recorded as dropped.
    this.drainLanes();
    const e = this.ending ?? { by: 'bench' as const, how: 'abrupt' as const };
    const details: { code?: number; reason?: string; error?: string } = {};
    if (e.code !== undefined) details.code = e.code;
    if (e.reason !== undefined) details.reason = e.reason;
    if (e.error !== undefined) details.error = e.error;
    this.session.close(e.by, e.how, details);
    this.hooks.finished(this);
    for (const resolve of this.doneWaiters ?? []) resolve();
    this.doneWaiters = undefined;
  }
}
