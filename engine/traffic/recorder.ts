// The live recording pipeline shared by the proxy, the CSMS and the simulator.
//
// Hot path (`LiveSession.frame`): stamp the time, append the record to the capture's
// in-memory buffer, queue the frame. Callers forward a frame to its peer *before*
// calling it. Judging, the store and listeners run later, in batches on the event loop
// (setImmediate), so neither judging nor the UI ever delays the relay.
import type {
  ConnectionInfo,
  Direction,
  Finding,
  FindingCounts,
  FrameMark,
  FrameSummary,
  OcppVersion,
  SessionSource,
  SessionSummary,
} from '../../api/model';
import type { CaptureWriter, CaptureWriteError } from '../capture/writer';
import type { ClosedBy, CloseRecord, FrameRecord } from '../capture/format';
import { REDACTED } from '../capture/format';
import { SessionJudge, type Verdict } from '../judge/session-judge';
import { versionOfSubprotocol } from '../ocpp/versions';
import { newId } from '../util/ids';
import { systemClock, type Clock } from '../util/clock';
import type { TrafficStore } from './store';

export interface JudgedFrame {
  session: LiveSession;
  summary: FrameSummary;
  verdict: Verdict;
  text?: string;
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
}

interface Pending {
  session: LiveSession;
  record: FrameRecord;
}

function counts(findings: readonly Finding[]): FindingCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export class LiveRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly clock: Clock;
  private readonly monoOrigin: number;
  private readonly sessions = new Set<LiveSession>();
  private drained: Array<() => void> = [];

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
    return { time: new Date(this.clock.now()).toISOString(), mono: Math.round((this.clock.mono() - this.monoOrigin) * 1000) / 1000 };
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
    this.queue.push({ session, record });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** @internal */
  appendRecord(fn: (capture: CaptureWriter) => void): void {
    const capture = this.options.capture;
    if (capture !== undefined) this.safeAppend(() => fn(capture));
  }

  /** @internal */
  forget(session: LiveSession): void {
    this.sessions.delete(session);
  }

  /** Resolves when every queued frame has been judged and stored. */
  settled(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Judges what is queued, flushes and closes the capture. */
  async close(): Promise<void> {
    await this.settled();
    this.options.store?.flushEvents();
    await this.options.capture?.close();
  }

  private drain(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    for (const { session, record } of batch) session.judgeRecord(record);
    if (this.queue.length === 0) {
      const waiting = this.drained;
      this.drained = [];
      for (const resolve of waiting) resolve();
    }
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
  closed = false;

  constructor(
    private readonly recorder: LiveRecorder,
    readonly id: string,
    readonly info: ConnectionInfo,
    readonly version: OcppVersion | undefined,
    readonly summary: SessionSummary,
  ) {
    this.judge = version === undefined ? undefined : new SessionJudge(version);
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
    let verdict: Verdict;
    if (record.text === undefined) {
      verdict = {
        findings: [
          {
            rule: 'framing.binary-frame',
            severity: 'error',
            group: 'framing',
            message: 'Binary WebSocket frame: OCPP-J messages are text frames',
            specRef: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2',
          },
        ],
      };
    } else if (this.judge !== undefined) {
      verdict = this.judge.judge({ text: record.text, dir: record.dir, seq: record.seq, mono: record.mono });
    } else {
      verdict = { findings: [] };
    }
    const summary: FrameSummary = {
      index: -1,
      session: this.id,
      seq: record.seq,
      dir: record.dir,
      time: record.time,
      mono: record.mono,
      size: record.text !== undefined ? Buffer.byteLength(record.text) : Buffer.from(record.binary ?? '', 'base64').length,
      findings: counts(verdict.findings),
    };
    if (verdict.kind !== undefined) summary.kind = verdict.kind;
    if (verdict.action !== undefined) summary.action = verdict.action;
    if (verdict.messageId !== undefined) summary.messageId = verdict.messageId;
    if (verdict.latencyMs !== undefined) summary.latencyMs = verdict.latencyMs;
    if (record.marks !== undefined) summary.marks = record.marks;
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
  }
}

function describeClose(by: ClosedBy, how: CloseRecord['how'], details: { code?: number; reason?: string; error?: string }): string {
  const who = by === 'bench' ? 'the bench' : `the ${by === 'csms' ? 'CSMS' : 'charger'}`;
  if (how === 'clean') return `closed by ${who} (code ${details.code ?? 1005}${details.reason ? `, "${details.reason}"` : ''})`;
  if (how === 'abrupt') return `${who} dropped the connection without a close frame${details.code !== undefined ? ` (code ${details.code})` : ''}`;
  return `failed on ${who}'s side: ${details.error ?? 'unknown error'}`;
}

/** Exported for the open-capture loader, which builds summaries the same way. */
export { counts as countFindings };
