// One part of opening a capture: reads the records of its share of the connections (all of
// them when the load is not split), judges their frames and hands the results on in
// batches, in file order. Judging state is per session, so parts that own whole sessions
// can run side by side, in worker threads (load-worker.ts); open-capture.ts merges them.
// Everything a batch holds is plain data: it crosses a thread boundary as it is.
import type { JudgeOptions } from '../../api/judge';
import type { Finding, OcppVersion, SessionSummary } from '../../api/model';
import { CaptureReadError, readCapture } from '../capture/reader';
import { SessionJudge, type LateFinding } from '../judge/session-judge';
import { judgeRecord } from '../judge/judge-record';
import type { DeviationProfile } from '../judge/profile';
import { connectionFacts, JudgeSettings } from '../judge/settings';
import { versionOfSubprotocol } from '../ocpp/versions';
import { FrameColumnsBuilder, type FrameColumns } from './frame-batch';

export interface LoadPartInput {
  path: string;
  part: number;
  parts: number;
  /** Judge every session as this version instead of its subprotocol's. */
  version?: OcppVersion;
  judging: { profile?: DeviationProfile; options: Partial<JudgeOptions> };
  /** Let other work run at least this often, ms (loading in the engine's own thread). */
  yieldMs?: number;
}

/**
 * What happened to a session at a line of the capture, apart from its frames. `at` places
 * it among its batch's frames (it comes before frame `at`): a session is created before
 * the frame that revealed it, a late finding after the frame that revealed it, on one line.
 */
export type SessionEvent = { line: number; at: number } & (
  | { kind: 'session'; summary: SessionSummary }
  | { kind: 'update'; conn: string; patch: Partial<SessionSummary> }
  | { kind: 'late'; conn: string; seq: number; finding: Finding }
);

/**
 * A part's frames and session events from a stretch of the file, each in line order. Every
 * record of the part before line `upTo` is in this batch or an earlier one.
 */
export interface LoadBatch {
  upTo: number;
  frames: FrameColumns;
  events: SessionEvent[];
}

export interface PartEnd {
  /** Latest monotonic time among the part's records. */
  lastMono: number;
  warnings: { line: number; message: string }[];
  records: number;
}

/** A batch is handed on after this many frames, or after this long (ms) so the first rows show early. */
const BATCH_FRAMES = 8192;
const BATCH_MS = 50;

interface PartSession {
  summary: SessionSummary;
  judge?: SessionJudge;
  /** Monotonic time of its last record, where the session ends if the capture has no close. */
  lastMono: number;
  finished?: boolean;
}

/** Reads and judges one part; `run` sends batches, `finish` ends the sessions left open. */
export class PartLoader {
  private readonly sessions = new Map<string, PartSession>();
  private readonly judging: JudgeSettings;
  private frames = new FrameColumnsBuilder();
  private events: SessionEvent[] = [];
  private stopped = false;

  constructor(
    private readonly input: LoadPartInput,
    private readonly send: (batch: LoadBatch) => void,
  ) {
    this.judging = new JudgeSettings(input.judging);
  }

  async run(): Promise<PartEnd> {
    const { path, part, parts } = this.input;
    const yieldMs = this.input.yieldMs;
    const warnings: PartEnd['warnings'] = [];
    let lastMono = 0;
    let records = 0;
    let batchStarted = performance.now();
    let sliceStarted = batchStarted;
    for await (const { record, offset, length, line } of readCapture(path, { onWarning: (w) => warnings.push(w), partition: { part, parts } })) {
      records++;
      if ((records & 255) === 0) {
        if (this.stopped) break;
        const now = performance.now();
        if (this.frames.count >= BATCH_FRAMES || now - batchStarted > BATCH_MS) {
          this.flush(line);
          batchStarted = now;
        }
        if (yieldMs !== undefined && now - sliceStarted > yieldMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStarted = performance.now();
        }
      }
      if ('mono' in record && typeof record.mono === 'number' && record.mono > lastMono) lastMono = record.mono;
      switch (record.type) {
        case 'open':
          this.ensure(line, record.conn, {
            time: record.time,
            mono: record.mono,
            chargePointId: record.chargePointId,
            path: record.path,
            ...(record.subprotocol !== undefined ? { subprotocol: record.subprotocol } : {}),
            ...(record.remoteAddress !== undefined ? { remoteAddress: record.remoteAddress } : {}),
            ...(record.tls !== undefined ? { tls: record.tls } : {}),
            ...(record.authUser !== undefined ? { authUser: record.authUser } : {}),
          });
          break;
        case 'fail':
          this.ensure(line, record.conn, { time: record.time, chargePointId: record.chargePointId, path: record.path, state: 'failed', reason: record.reason });
          break;
        case 'close': {
          const s = this.sessions.get(record.conn);
          if (s !== undefined) {
            this.event({ line, kind: 'update', conn: record.conn, patch: { state: 'closed', closed: record.time } });
            this.end(line, s, record.mono);
          }
          break;
        }
        case 'event': {
          const s = this.sessions.get(record.conn);
          if (s?.judge !== undefined && !s.finished) {
            s.lastMono = record.mono;
            this.late(line, s, s.judge.activity(record.dir, record.mono));
          }
          break;
        }
        case 'frame': {
          let s = this.sessions.get(record.conn);
          if (s === undefined) {
            warnings.push({ line, message: `line ${line}: frame of connection ${record.conn}, which was never opened in this capture` });
            s = this.ensure(line, record.conn, { time: record.time });
          }
          const verdict = judgeRecord(s.judge, record);
          s.lastMono = record.mono;
          this.frames.add(record.conn, record, verdict, line, offset, length);
          if (verdict.late !== undefined) this.late(line, s, verdict.late);
          break;
        }
        default:
          break;
      }
    }
    this.flush(Infinity);
    return { lastMono, warnings, records };
  }

  /** Stops reading soon (the load was abandoned); run() then returns what it has. */
  stop(): void {
    this.stopped = true;
  }

  /** Ends the sessions the capture never closed, at `captureEnd` (the whole file's last time). */
  finish(captureEnd: number): SessionEvent[] {
    for (const s of this.sessions.values()) this.end(Infinity, s, captureEnd);
    const events = this.events;
    this.events = [];
    return events;
  }

  private flush(upTo: number): void {
    if (this.frames.count === 0 && this.events.length === 0 && upTo !== Infinity) return;
    const batch: LoadBatch = { upTo, frames: this.frames.take(), events: this.events };
    this.events = [];
    this.send(batch);
  }

  private ensure(line: number, conn: string, init: Partial<SessionSummary> & { time: string; mono?: number; tls?: { version?: string }; authUser?: string }): PartSession {
    let s = this.sessions.get(conn);
    if (s !== undefined) return s;
    const summary: SessionSummary = {
      id: conn,
      chargePointId: init.chargePointId ?? '?',
      source: 'capture',
      state: init.state ?? 'open',
      opened: init.time,
      frames: 0,
      findings: { error: 0, warning: 0, info: 0 },
    };
    if (init.path !== undefined) summary.path = init.path;
    if (init.subprotocol !== undefined) summary.subprotocol = init.subprotocol;
    if (init.remoteAddress !== undefined) summary.remoteAddress = init.remoteAddress;
    if (init.reason !== undefined) summary.reason = init.reason;
    const version = this.input.version ?? versionOfSubprotocol(init.subprotocol);
    if (version !== undefined) summary.version = version;
    s = { summary, lastMono: init.mono ?? 0 };
    if (version !== undefined) {
      s.judge = new SessionJudge(version, { ...this.judging.sessionOptions({ chargePointId: summary.chargePointId }), connection: connectionFacts(init) });
    }
    this.sessions.set(conn, s);
    this.event({ line, kind: 'session', summary: { ...summary, findings: { ...summary.findings } } });
    return s;
  }

  private end(line: number, s: PartSession, mono: number): void {
    if (s.judge === undefined || s.finished === true) return;
    s.finished = true;
    this.late(line, s, s.judge.finish(Math.max(mono, s.lastMono)));
  }

  private late(line: number, s: PartSession, late: LateFinding[]): void {
    for (const l of late) this.event({ line, kind: 'late', conn: s.summary.id, seq: l.seq, finding: l.finding });
  }

  private event(event: DistributiveOmit<SessionEvent, 'at'>): void {
    this.events.push({ ...event, at: this.frames.count } as SessionEvent);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;


/** A CaptureReadError as data (to cross from a worker) and back. */
export interface LoadFailure {
  message: string;
  path?: string;
  line?: number;
  reader: boolean;
}

export function describeFailure(err: unknown): LoadFailure {
  if (err instanceof CaptureReadError) return { message: err.message, path: err.path, ...(err.line !== undefined ? { line: err.line } : {}), reader: true };
  return { message: err instanceof Error ? err.message : String(err), reader: false };
}

export function failureError(failure: LoadFailure): Error {
  if (failure.reader && failure.path !== undefined) {
    const err = new CaptureReadError(failure.path, '', failure.line);
    err.message = failure.message;
    return err;
  }
  return new Error(failure.message);
}
