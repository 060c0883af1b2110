// Capture writer: appends one JSON line per record and flushes on a short timer, so a
// killed process loses at most one flush interval and the file always opens.
//
// Failure policy (DESIGN "Capture format"): if a write fails, the writer stops accepting
// records and reports the error to every `onError` listener; whoever asked for recording
// must stop passing traffic and say so.
import { open, type FileHandle } from 'node:fs/promises';
import { systemClock, type Clock } from '../util/clock';
import { isoTime } from '../util/iso-time';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureMode,
  type CaptureRecord,
  type HeaderRecord,
} from './format';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** Records as callers hand them in: the writer stamps `time` and `mono`. */
export type Unstamped<R> = R extends CaptureRecord ? Omit<R, 'time' | 'mono'> & { time?: string; mono?: number } : never;

export interface CaptureWriterOptions {
  mode: CaptureMode;
  description?: string;
  /** Flush at least this often; DESIGN requires ≤ 100 ms. */
  flushIntervalMs?: number;
  clock?: Clock;
}

export class CaptureWriteError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`Recording to ${path} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CaptureWriteError';
  }
}

export class CaptureWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private error: CaptureWriteError | undefined;
  private closed = false;
  private readonly errorListeners = new Set<(err: CaptureWriteError) => void>();
  readonly header: HeaderRecord;
  private readonly monoOrigin: number;
  private readonly clock: Clock;
  private recordCount = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    options: CaptureWriterOptions,
    private readonly flushIntervalMs: number,
  ) {
    this.clock = options.clock ?? systemClock;
    this.monoOrigin = this.clock.mono();
    this.header = {
      type: 'header',
      format: CAPTURE_FORMAT,
      version: CAPTURE_VERSION,
      tool: TOOL_NAME,
      toolVersion: TOOL_VERSION,
      started: new Date(this.clock.now()).toISOString(),
      mode: options.mode,
    };
    if (options.description !== undefined) this.header.description = options.description;
  }

  /**
   * Creates (or truncates) the file and writes the header before returning, so an
   * unwritable path fails here, before any traffic flows.
   */
  static async create(path: string, options: CaptureWriterOptions): Promise<CaptureWriter> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'w');
    } catch (err) {
      throw new CaptureWriteError(path, err);
    }
    const writer = new CaptureWriter(path, handle, options, Math.min(options.flushIntervalMs ?? 50, 100));
    try {
      await handle.write(`${JSON.stringify(writer.header)}\n`);
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw new CaptureWriteError(path, err);
    }
    return writer;
  }

  /** Milliseconds since the capture started (monotonic). */
  mono(): number {
    return this.clock.mono() - this.monoOrigin;
  }

  /** The time stamps a record made now would carry. */
  stamp(): { time: string; mono: number } {
    return { time: isoTime(this.clock.now()), mono: round3(this.mono()) };
  }

  get failed(): CaptureWriteError | undefined {
    return this.error;
  }

  get records(): number {
    return this.recordCount;
  }

  onError(listener: (err: CaptureWriteError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /**
   * Appends a record, stamping time and mono when absent. Throws once the writer has
   * failed or closed: callers must not believe a frame is recorded when it is not.
   */
  append<R extends CaptureRecord>(record: Unstamped<R>): R {
    if (this.error !== undefined) throw this.error;
    if (this.closed) throw new CaptureWriteError(this.path, new Error('the capture is closed'));
    const full = record as unknown as R & { time?: string; mono?: number };
    if (full.time === undefined || full.mono === undefined) {
      const s = this.stamp();
      if (full.time === undefined) full.time = s.time;
      if (full.mono === undefined) full.mono = s.mono;
    }
    const line = `${JSON.stringify(full)}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.recordCount++;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
      this.timer.unref?.();
    }
    if (this.pendingBytes > 4 * 1024 * 1024) void this.flush();
    return full as R;
  }

  /** Writes everything appended so far. Resolves when it is on its way to the disk. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0) return this.writing;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.writing = this.writing.then(async () => {
      if (this.error !== undefined) return;
      try {
        await this.handle.write(chunk);
      } catch (err) {
        this.fail(err);
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.handle.close().catch(() => undefined);
    if (this.error !== undefined) throw this.error;
  }

  private fail(err: unknown): void {
    if (this.error !== undefined) return;
    this.error = err instanceof CaptureWriteError ? err : new CaptureWriteError(this.path, err);
    for (const listener of this.errorListeners) listener(this.error);
  }
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
