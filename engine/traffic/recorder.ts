// The live recording pipeline shared by the proxy, the CSMS and the simulator.
//
// Hot path (`LiveSession.frame`): stamp the time, append the record to the capture's
// in-memory buffer, queue the frame. Callers forward a frame to its peer *before*
// calling it. Judging, the store and listeners run later, in batches on the event loop
// (setImmediate), so neither judging nor the UI ever delays the relay.
import type {
  ConnectionInfo,
  Direction,
  FrameMark,
  FrameSummary,
  OcppVersion,
  SessionSource,
  SessionSummary,
} from '../../api/model';
import type { CaptureWriter, CaptureWriteError } from '../capture/writer';
import type { ClosedBy, CloseRecord, FrameRecord } from '../capture/format';
import { REDACTED } from '../capture/format';
import { SessionJudge, type LateFinding, type Verdict } from '../judge/session-judge';
import { judgeRecord } from '../judge/judge-record';
import { connectionFacts, type JudgeSettings } from '../judge/settings';
import { versionOfSubprotocol } from '../ocpp/versions';
import { newId } from '../util/ids';
import { systemClock, type Clock } from '../util/clock';
import { isoTime } from '../util/iso-time';
import { frameSummary } from './frame-summary';
import type { TrafficStore } from './store';

export interface JudgedFrame {
  session: LiveSession;
  summary: FrameSummary;
  verdict: Verdict;
  text?: string;
}

/** A finding a behaviour rule placed on an earlier frame, after that frame was judged. */
export interface LateJudged {
  session: LiveSession;
  late: LateFinding;
  /** The updated summary of the frame, when the recorder fills a store. */
  summary?: FrameSummary;
}

export interface LiveRecorderOptions {
  source: SessionSource;
  capture?: CaptureWriter;
  store?: TrafficStore;
  clock?: Clock;
  /** Called once per frame after judging (terminal lines, behaviour hooks). */
  onJudged?: (frame: JudgedFrame) => void;
  /** Called once if the capture cannot be written; the caller must stop passing traffic. */
  onCaptureError?: (err: CaptureWriteError) => void;
  /** Rewrites a frame's text for the record only (credential redaction); never the wire. */
  redact?: (text: string, dir: Direction) => string;
  /** Keep credentials in the capture (`--no-redact`). */
  keepCredentials?: boolean;
  /**
   * Deviation profile and behaviour options for the sessions' judges; defaults to the
   * store's (`store.judging`, set by the judge api commands), else built-in defaults.
   */
  judging?: JudgeSettings;
  /** Called for each late finding (a response timeout found on the request, a missing follow-up…). */
  onLate?: (late: LateJudged) => void;
  /** How often time-driven rules are evaluated while traffic is quiet; 0 turns the timer off (default 1000 ms). */
  tickMs?: number;
}

/** Work for the judging queue, in the order it happened: a frame, a ping/pong, a tick, the end. */
type Pending =
  | { session: LiveSession; record: FrameRecord }
  | { session: LiveSession; activity: { dir: Direction; mono: number } }
  | { session: LiveSession; tick: number }
  | { session: LiveSession; finish: number };

export class LiveRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly clock: Clock;
  private readonly monoOrigin: number;
  private readonly sessions = new Set<LiveSession>();
  private drained: Array<() => void> = [];
  private ticker: NodeJS.Timeout | undefined;

  constructor(readonly options: LiveRecorderOptions) {
    this.clock = options.clock ?? systemClock;
    this.monoOrigin = this.clock.mono();
    if (options.capture !== undefined && options.onCaptureError !== undefined) {
      options.capture.onError(options.onCaptureError);
    }
  }

  /** Time stamps for a record made now, on the capture's clock when there is one. */
  stamp(): { time: string; mono: number } {
    if (this.options.capture !== undefined) return this.options.capture.stamp();
    return { time: isoTime(this.clock.now()), mono: Math.round((this.clock.mono() - this.monoOrigin) * 1000) / 1000 };
  }

  /** Records an accepted connection and returns its session. */
  open(info: ConnectionInfo, options: { version?: OcppVersion; id?: string } = {}): LiveSession {
    const id = options.id ?? newId('conn');
    const stamp = this.stamp();
    const version = options.version ?? versionOfSubprotocol(info.subprotocol);
    const capture = this.options.capture;
    if (capture !== undefined) {
      const record = {
        type: 'open' as const,
        conn: id,
        ...stamp,
        chargePointId: info.chargePointId,
        path: info.path,
        offeredSubprotocols: info.offeredSubprotocols,
        ...(info.subprotocol !== undefined ? { subprotocol: info.subprotocol } : {}),
        ...(info.remoteAddress !== undefined ? { remoteAddress: info.remoteAddress } : {}),
        ...(info.tls !== undefined ? { tls: info.tls } : {}),
        ...(info.upstreamUrl !== undefined ? { upstreamUrl: info.upstreamUrl } : {}),
        ...(info.upstreamTls !== undefined ? { upstreamTls: info.upstreamTls } : {}),
        ...(info.authUser !== undefined ? { authUser: info.authUser } : {}),
        ...(info.authPassword !== undefined ? { authPassword: this.options.keepCredentials === true ? info.authPassword : REDACTED } : {}),
      };
      this.safeAppend(() => capture.append(record));
    }
    const summary: SessionSummary = {
      id,
      chargePointId: info.chargePointId,
      source: this.options.source,
      state: 'open',
      opened: stamp.time,
      frames: 0,
      findings: { error: 0, warning: 0, info: 0 },
      path: info.path,
    };
    if (info.subprotocol !== undefined) summary.subprotocol = info.subprotocol;
    if (version !== undefined) summary.version = version;
    if (info.remoteAddress !== undefined) summary.remoteAddress = info.remoteAddress;
    this.options.store?.addSession(summary);
    const session = new LiveSession(this, id, info, version, summary);
    this.sessions.add(session);
    this.startTicking();
    return session;
  }

  /** Records a connection attempt that never opened. */
  fail(info: ConnectionInfo, reason: string, status?: number): string {
    const id = newId('conn');
    const stamp = this.stamp();
    const capture = this.options.capture;
    if (capture !== undefined) {
      const record = {
        type: 'fail' as const,
        conn: id,
        ...stamp,
        chargePointId: info.chargePointId,
        path: info.path,
        offeredSubprotocols: info.offeredSubprotocols,
        reason,
        ...(info.remoteAddress !== undefined ? { remoteAddress: info.remoteAddress } : {}),
        ...(info.upstreamUrl !== undefined ? { upstreamUrl: info.upstreamUrl } : {}),
        ...(status !== undefined ? { status } : {}),
      };
      this.safeAppend(() => capture.append(record));
    }
    const summary: SessionSummary = {
      id,
      chargePointId: info.chargePointId,
      source: this.options.source,
      state: 'failed',
      opened: stamp.time,
      closed: stamp.time,
      frames: 0,
      findings: { error: 0, warning: 0, info: 0 },
      path: info.path,
      reason,
    };
    if (info.remoteAddress !== undefined) summary.remoteAddress = info.remoteAddress;
    this.options.store?.addSession(summary);
    return id;
  }

  note(text: string, options: { conn?: string; source?: string } = {}): void {
    const capture = this.options.capture;
    if (capture === undefined) return;
    this.safeAppend(() => capture.append({ type: 'note', text, ...options }));
  }

  /** @internal the hot path: called by LiveSession.frame. */
  enqueue(session: LiveSession, record: FrameRecord): void {
    // Credentials are redacted in everything the bench keeps (capture and store), never on the wire.
    if (record.text !== undefined && this.options.redact !== undefined && this.options.keepCredentials !== true) {
      record.text = this.options.redact(record.text, record.dir);
    }
    const capture = this.options.capture;
    if (capture !== undefined) this.safeAppend(() => capture.append(record));
    this.push({ session, record });
  }

  /** @internal judging work that is not a frame (ping/pong, end of session), kept in order with the frames. */
  push(item: Pending): void {
    this.queue.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** The judge settings of this recorder's sessions. */
  judging(): JudgeSettings | undefined {
    return this.options.judging ?? this.options.store?.judging;
  }

  /**
   * Evaluates time-driven behaviour rules (response timeouts, heartbeat, follow-ups) of
   * every open session now. Runs by itself every `tickMs`; queued behind frames not yet
   * judged, so a response already received never counts as missing.
   */
  tick(): void {
    const mono = this.stamp().mono;
    for (const session of this.sessions) this.push({ session, tick: mono });
  }

  /** @internal */
  appendRecord(fn: (capture: CaptureWriter) => void): void {
    const capture = this.options.capture;
    if (capture !== undefined) this.safeAppend(() => fn(capture));
  }

  /** @internal */
  forget(session: LiveSession): void {
    this.sessions.delete(session);
    if (this.sessions.size === 0) this.stopTicking();
  }

  /** Resolves when every queued frame has been judged and stored. */
  settled(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Judges what is queued, flushes and closes the capture. */
  async close(): Promise<void> {
    this.stopTicking();
    await this.settled();
    this.options.store?.flushEvents();
    await this.options.capture?.close();
  }

  private drain(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    for (const item of batch) {
      if ('record' in item) item.session.judgeRecord(item.record);
      else if ('activity' in item) item.session.judgeActivity(item.activity.dir, item.activity.mono);
      else if ('tick' in item) item.session.judgeTick(item.tick);
      else item.session.judgeFinish(item.finish);
    }
    if (this.queue.length === 0) {
      const waiting = this.drained;
      this.drained = [];
      for (const resolve of waiting) resolve();
    }
  }

  private startTicking(): void {
    const every = this.options.tickMs ?? 1000;
    if (this.ticker !== undefined || every <= 0) return;
    this.ticker = setInterval(() => this.tick(), every);
    this.ticker.unref?.();
  }

  private stopTicking(): void {
    if (this.ticker === undefined) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private safeAppend(fn: () => void): void {
    try {
      fn();
    } catch {
      // The writer has failed and has told onCaptureError; the caller stops the traffic.
    }
  }
}

export class LiveSession {
  private seq = 0;
  private readonly judge: SessionJudge | undefined;
  private finished = false;
  closed = false;

  constructor(
    private readonly recorder: LiveRecorder,
    readonly id: string,
    readonly info: ConnectionInfo,
    readonly version: OcppVersion | undefined,
    readonly summary: SessionSummary,
  ) {
    const settings = recorder.judging();
    this.judge =
      version === undefined
        ? undefined
        : new SessionJudge(version, {
            ...(settings?.sessionOptions({ chargePointId: info.chargePointId }) ?? {}),
            connection: connectionFacts(info),
          });
  }

  /**
   * Records one frame that has just crossed (or been injected into) the wire. Cheap:
   * judging happens later. Returns the frame's seq in the session.
   */
  frame(dir: Direction, data: string | Buffer, options: { marks?: FrameMark[]; why?: string } = {}): number {
    const seq = this.seq++;
    const stamp = this.recorder.stamp();
    const record: FrameRecord = { type: 'frame', conn: this.id, seq, dir, time: stamp.time, mono: stamp.mono };
    if (typeof data === 'string') {
      record.text = data;
    } else {
      record.binary = data.toString('base64');
    }
    const marks = typeof data === 'string' ? options.marks : [...(options.marks ?? []), 'binary' as const];
    if (marks !== undefined && marks.length > 0) record.marks = marks;
    if (options.why !== undefined) record.why = options.why;
    this.recorder.enqueue(this, record);
    return seq;
  }

  /** Records a WebSocket ping or pong seen on one leg. */
  event(dir: Direction, event: 'ping' | 'pong', data?: Buffer): void {
    const stamp = this.recorder.stamp();
    this.recorder.appendRecord((capture) =>
      capture.append({ type: 'event', conn: this.id, dir, event, ...stamp, ...(data !== undefined && data.length > 0 ? { data: data.toString('base64') } : {}) }),
    );
    // A sign of life for the heartbeat rules.
    if (this.judge !== undefined) this.recorder.push({ session: this, activity: { dir, mono: stamp.mono } });
  }

  close(by: ClosedBy, how: CloseRecord['how'], details: { code?: number; reason?: string; error?: string } = {}): void {
    if (this.closed) return;
    this.closed = true;
    const stamp = this.recorder.stamp();
    const record: CloseRecord = { type: 'close', conn: this.id, ...stamp, by, how };
    if (details.code !== undefined) record.code = details.code;
    if (details.reason !== undefined && details.reason !== '') record.reason = details.reason;
    if (details.error !== undefined) record.error = details.error;
    this.recorder.appendRecord((capture) => capture.append(record));
    // Time-driven rules conclude once the frames before the close are judged.
    if (this.judge !== undefined) this.recorder.push({ session: this, finish: stamp.mono });
    const reason = describeClose(by, how, details);
    this.recorder.options.store?.updateSession(this.id, { state: 'closed', closed: stamp.time, reason });
    this.summary.state = 'closed';
    this.summary.closed = stamp.time;
    this.summary.reason = reason;
    this.recorder.forget(this);
  }

  note(text: string, source?: string): void {
    this.recorder.note(text, { conn: this.id, ...(source !== undefined ? { source } : {}) });
  }

  /** @internal judging, off the hot path. */
  judgeRecord(record: FrameRecord): void {
    const verdict = judgeRecord(this.judge, record);
    const summary = frameSummary(this.id, record, verdict);
    const store = this.recorder.options.store;
    if (store !== undefined) {
      const index = store.addFrame({
        summary,
        findings: verdict.findings,
        ...(record.text !== undefined ? { text: record.text } : {}),
        ...(record.binary !== undefined ? { binary: record.binary } : {}),
      });
      if (verdict.requestSeq !== undefined) {
        const requestIndex = store.indexOf(this.id, verdict.requestSeq);
        if (requestIndex !== undefined) store.linkPair(requestIndex, index);
      }
    } else {
      this.summary.frames++;
      for (const f of verdict.findings) this.summary.findings[f.severity]++;
    }
    const judged: JudgedFrame = { session: this, summary, verdict };
    if (record.text !== undefined) judged.text = record.text;
    this.recorder.options.onJudged?.(judged);
    if (verdict.late !== undefined) this.attachLate(verdict.late);
  }

  /** @internal */
  judgeActivity(dir: Direction, mono: number): void {
    if (this.judge !== undefined) this.attachLate(this.judge.activity(dir, mono));
  }

  /** @internal */
  judgeTick(mono: number): void {
    if (this.judge !== undefined && !this.finished) this.attachLate(this.judge.tick(mono));
  }

  /** @internal */
  judgeFinish(mono: number): void {
    if (this.judge === undefined || this.finished) return;
    this.finished = true;
    this.attachLate(this.judge.finish(mono));
  }

  /** Puts findings about earlier frames on those frames (store and counts), and tells the caller. */
  private attachLate(late: LateFinding[]): void {
    const store = this.recorder.options.store;
    for (const l of late) {
      let summary: FrameSummary | undefined;
      if (store !== undefined) {
        const index = store.addLateFinding(this.id, l.seq, l.finding);
        if (index !== undefined) summary = store.frame(index)?.summary;
      } else {
        this.summary.findings[l.finding.severity]++;
      }
      this.recorder.options.onLate?.({ session: this, late: l, ...(summary !== undefined ? { summary } : {}) });
    }
  }
}

function describeClose(by: ClosedBy, how: CloseRecord['how'], details: { code?: number; reason?: string; error?: string }): string {
  const who = by === 'bench' ? 'the bench' : `the ${by === 'csms' ? 'CSMS' : 'charger'}`;
  if (how === 'clean') return `closed by ${who} (code ${details.code ?? 1005}${details.reason ? `, "${details.reason}"` : ''})`;
  if (how === 'abrupt') return `${who} dropped the connection without a close frame${details.code !== undefined ? ` (code ${details.code})` : ''}`;
  return `failed on ${who}'s side: ${details.error ?? 'unknown error'}`;
}

/** Exported for the open-capture loader, which builds summaries the same way. */
