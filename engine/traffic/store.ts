// The traffic store: every session and frame the engine has seen, from any source (a
// live proxy, CSMS or simulator, or an opened capture). Append-only; lists carry
// summaries, details are fetched on demand (from memory for live frames, from the capture
// file for opened ones). Changes are pushed as batched events.
import type { FramePage } from '../../api/engine';
import type { Finding, FrameDetail, FrameSummary, SessionSummary } from '../../api/model';
import { ApiError } from '../../api/errors';
import { closeSync, openSync, readSync } from 'node:fs';
import type { EventBus } from '../events';
import { readRecordAt } from '../capture/reader';
import type { FrameRecord } from '../capture/format';
import { JudgeSettings } from '../judge/settings';

export interface StoredFrame {
  summary: FrameSummary;
  /** Live frames keep their text; frames loaded from a file have a location instead. */
  text?: string;
  binary?: string;
  findings: Finding[];
  /**
   * Where a file-backed frame's record lies: the capture path (one shared string) and the
   * line's byte range. Plain fields rather than an object: a million-frame capture keeps
   * a million of these, and every object counts for the garbage collector.
   */
  source?: string;
  offset?: number;
  length?: number;
}

export interface StoredSession {
  summary: SessionSummary;
  /** Store indexes of the session's frames, by seq. */
  frames: number[];
}

export type FramePredicate = (frame: StoredFrame, session: StoredSession | undefined) => boolean;

interface QueryCache {
  key: string;
  predicate: FramePredicate | undefined;
  matches: number[];
  /** Frames up to here (store index, exclusive) have been tested. */
  scanned: number;
}

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 10_000;
/** Bytes read at once by textOf: frames lie in file order, so a scan reads each block once. */
const TEXT_BLOCK = 1 << 20;

/** The last block of a capture file textOf read. */
interface TextBlock {
  path: string;
  start: number;
  end: number;
  bytes: Buffer;
}

export class TrafficStore {
  /**
   * How this store's frames are judged (deviation profile, behaviour options): every
   * recorder and capture loader that fills the store reads it, so one api command sets
   * the profile for all of them.
   */
  readonly judging = new JudgeSettings();
  private frames: StoredFrame[] = [];
  /** Frames whose findings changed after they were announced (late findings). */
  private readonly pendingUpdates = new Set<number>();
  private readonly sessions = new Map<string, StoredSession>();
  private pendingFrames: FrameSummary[] = [];
  private readonly pendingSessions = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private cache: QueryCache | undefined;
  /** Capture files textOf reads, opened once each; closed by clear(). */
  private readonly files = new Map<string, number>();
  private block: TextBlock | undefined;
  private readonly clearListeners = new Set<(reason: string) => void>();

  constructor(
    private readonly bus?: EventBus,
    private readonly batchMs = 50,
  ) {}

  get frameCount(): number {
    return this.frames.length;
  }

  addSession(summary: SessionSummary): StoredSession {
    const session: StoredSession = { summary, frames: [] };
    this.sessions.set(summary.id, session);
    this.touchSession(summary.id);
    return session;
  }

  session(id: string): StoredSession | undefined {
    return this.sessions.get(id);
  }

  sessionList(): SessionSummary[] {
    return [...this.sessions.values()].map((s) => s.summary);
  }

  updateSession(id: string, patch: Partial<SessionSummary>): void {
    const session = this.sessions.get(id);
    if (session === undefined) return;
    Object.assign(session.summary, patch);
    this.touchSession(id);
  }

  /** Appends a frame; assigns and returns its store index. */
  addFrame(frame: StoredFrame, emit = true): number {
    const index = this.frames.length;
    frame.summary.index = index;
    // Judges fill their findings arrays by push, which reserves 17 slots for one finding: a
    // frame kept for the store's life holds an exact-size copy.
    if (frame.findings.length > 0) frame.findings = frame.findings.slice();
    this.frames.push(frame);
    const session = this.sessions.get(frame.summary.session);
    if (session !== undefined) {
      session.frames.push(index);
      const s = session.summary;
      s.frames++;
      s.findings.error += frame.summary.findings.error;
      s.findings.warning += frame.summary.findings.warning;
      s.findings.info += frame.summary.findings.info;
      if (emit) this.touchSession(s.id);
    }
    if (emit) {
      this.pendingFrames.push(frame.summary);
      this.schedule();
    }
    return index;
  }

  /**
   * Adds a finding discovered after the frame was stored (a behaviour rule's late finding,
   * e.g. a response timeout on the request). Updates the frame's and its session's counts
   * and announces the changed summary in a `traffic.updated` event.
   */
  addLateFinding(sessionId: string, seq: number, finding: Finding, emit = true): number | undefined {
    const index = this.indexOf(sessionId, seq);
    const frame = index === undefined ? undefined : this.frames[index];
    if (index === undefined || frame === undefined) return undefined;
    // Findings arrays may be shared with the judge: never push into one.
    frame.findings = frame.findings.concat(finding);
    // Counts may be the shared zero object of frames without findings: copy, never mutate.
    frame.summary.findings = { ...frame.summary.findings, [finding.severity]: frame.summary.findings[finding.severity] + 1 };
    const session = this.sessions.get(sessionId);
    if (session !== undefined) {
      session.summary.findings[finding.severity]++;
      if (emit) this.touchSession(sessionId);
    }
    if (emit) {
      this.pendingUpdates.add(index);
      this.schedule();
    }
    return index;
  }

  /** Links a response to its request, both ways. */
  linkPair(requestIndex: number, responseIndex: number): void {
    const request = this.frames[requestIndex];
    const response = this.frames[responseIndex];
    if (request === undefined || response === undefined) return;
    request.summary.pair = responseIndex;
    response.summary.pair = requestIndex;
  }

  /** Store index of a session's frame by its seq. */
  indexOf(sessionId: string, seq: number): number | undefined {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return undefined;
    // Seqs are dense from 0 in a session; fall back to a search if a source skipped some.
    const direct = session.frames[seq];
    if (direct !== undefined && this.frames[direct]?.summary.seq === seq) return direct;
    return session.frames.find((i) => this.frames[i]?.summary.seq === seq);
  }

  frame(index: number): StoredFrame | undefined {
    return this.frames[index];
  }

  /**
   * A page of summaries matching the query. The last query's matches are cached and
   * extended as frames arrive, so paging through a filtered million-frame store does
   * not re-run the filter.
   */
  query(options: { session?: string; predicate?: FramePredicate; key?: string; offset?: number; limit?: number }): FramePage {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.min(MAX_LIMIT, Math.max(0, options.limit ?? DEFAULT_LIMIT));
    if (options.predicate === undefined && options.session === undefined) {
      return { total: this.frames.length, offset, frames: this.frames.slice(offset, offset + limit).map((f) => f.summary) };
    }
    if (options.predicate === undefined && options.session !== undefined) {
      const indexes = this.sessions.get(options.session)?.frames ?? [];
      return { total: indexes.length, offset, frames: indexes.slice(offset, offset + limit).map((i) => this.frames[i]!.summary) };
    }
    const key = `${options.session ?? ''}\u0000${options.key ?? ''}`;
    if (this.cache === undefined || this.cache.key !== key || options.key === undefined) {
      this.cache = { key, predicate: options.predicate, matches: [], scanned: 0 };
    }
    const cache = this.cache;
    const predicate = options.predicate;
    if (options.session !== undefined) {
      const session = this.sessions.get(options.session);
      const indexes = session?.frames ?? [];
      // For a session, `scanned` counts positions in its index list.
      for (; cache.scanned < indexes.length; cache.scanned++) {
        const i = indexes[cache.scanned]!;
        if (predicate === undefined || predicate(this.frames[i]!, session)) cache.matches.push(i);
      }
    } else {
      for (; cache.scanned < this.frames.length; cache.scanned++) {
        const f = this.frames[cache.scanned]!;
        if (predicate!(f, this.sessions.get(f.summary.session))) cache.matches.push(cache.scanned);
      }
    }
    return {
      total: cache.matches.length,
      offset,
      frames: cache.matches.slice(offset, offset + limit).map((i) => this.frames[i]!.summary),
    };
  }

  async detail(index: number): Promise<FrameDetail> {
    const frame = this.frames[index];
    if (frame === undefined) throw new ApiError('not-found', `There is no frame ${index} (the store holds ${this.frames.length})`);
    const detail: FrameDetail = { summary: frame.summary, findings: frame.findings };
    if (frame.text !== undefined) detail.text = frame.text;
    if (frame.binary !== undefined) detail.binary = frame.binary;
    if (frame.text === undefined && frame.binary === undefined && frame.source !== undefined && frame.offset !== undefined && frame.length !== undefined) {
      const { source: path, offset, length } = frame;
      let record: FrameRecord;
      try {
        record = (await readRecordAt(path, offset, length)) as FrameRecord;
      } catch (err) {
        throw new ApiError('io', `Could not read frame ${index} from ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (record.text !== undefined) detail.text = record.text;
      if (record.binary !== undefined) detail.binary = record.binary;
    }
    const pair = frame.summary.pair;
    if (pair !== undefined && this.frames[pair] !== undefined) detail.pair = this.frames[pair].summary;
    return detail;
  }

  /**
   * A frame's exact text, synchronously: from memory for live frames, else read from its
   * capture file (filters run inside a synchronous scan). Undefined for binary frames.
   */
  textOf(frame: StoredFrame): string | undefined {
    if (frame.text !== undefined) return frame.text;
    if (frame.source === undefined || frame.offset === undefined || frame.length === undefined || frame.binary !== undefined) return undefined;
    const { source: path, offset, length } = frame;
    let record: FrameRecord;
    try {
      const bytes = this.bytesAt(path, offset, length);
      record = JSON.parse(bytes.toString('utf8')) as FrameRecord;
    } catch (err) {
      throw new ApiError('io', `Could not read frame ${frame.summary.index} from ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return typeof record.text === 'string' ? record.text : undefined;
  }

  /** Closes the capture files textOf opened (clear() does too). */
  closeFiles(): void {
    for (const fd of this.files.values()) {
      try {
        closeSync(fd);
      } catch {
        // Already closed or gone: nothing left to release.
      }
    }
    this.files.clear();
    this.block = undefined;
  }

  private bytesAt(path: string, offset: number, length: number): Buffer {
    const b = this.block;
    if (b !== undefined && b.path === path && offset >= b.start && offset + length <= b.end) {
      return b.bytes.subarray(offset - b.start, offset - b.start + length);
    }
    let fd = this.files.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.files.set(path, fd);
    }
    const size = Math.max(TEXT_BLOCK, length);
    const bytes = b !== undefined && b.bytes.length >= size ? b.bytes : Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, bytes, filled, size - filled, offset + filled);
      if (n === 0) break;
      filled += n;
    }
    if (filled < length) throw new Error(`the file ends before the record at byte ${offset} (${length} bytes)`);
    this.block = { path, start: offset, end: offset + filled, bytes };
    return bytes.subarray(0, length);
  }

  /** Called when the store is cleared (a capture load that is filling it must stop). */
  onClear(listener: (reason: string) => void): () => void {
    this.clearListeners.add(listener);
    return () => this.clearListeners.delete(listener);
  }

  clear(reason: string): number {
    for (const listener of [...this.clearListeners]) listener(reason);
    const cleared = this.frames.length;
    this.closeFiles();
    this.frames = [];
    this.sessions.clear();
    this.pendingFrames = [];
    this.pendingSessions.clear();
    this.pendingUpdates.clear();
    this.cache = undefined;
    this.bus?.emit('traffic.reset', { reason });
    return cleared;
  }

  /** Pushes pending changes now (tests, and before a capture-open result returns). */
  flushEvents(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.bus === undefined) {
      this.pendingFrames = [];
      this.pendingSessions.clear();
      this.pendingUpdates.clear();
      return;
    }
    if (this.pendingFrames.length > 0) {
      const frames = this.pendingFrames;
      this.pendingFrames = [];
      this.bus.emit('traffic.frames', { frames });
    }
    if (this.pendingUpdates.size > 0) {
      const frames = [...this.pendingUpdates].flatMap((i) => {
        const f = this.frames[i];
        return f === undefined ? [] : [{ ...f.summary, findings: { ...f.summary.findings } }];
      });
      this.pendingUpdates.clear();
      this.bus.emit('traffic.updated', { frames });
    }
    if (this.pendingSessions.size > 0) {
      const sessions = [...this.pendingSessions].flatMap((id) => {
        const s = this.sessions.get(id);
        return s === undefined ? [] : [{ ...s.summary, findings: { ...s.summary.findings } }];
      });
      this.pendingSessions.clear();
      this.bus.emit('traffic.sessions', { sessions });
    }
  }

  private touchSession(id: string): void {
    this.pendingSessions.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.bus === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushEvents();
    }, this.batchMs);
    this.timer.unref?.();
  }
}
