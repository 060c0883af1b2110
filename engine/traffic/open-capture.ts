// Loads a capture file into the traffic store: every session and frame, judged as it is
// read. Frames keep only their byte location; the text is read again on demand, so a
// million-frame capture fits in memory as summaries.
//
// A big capture is split by connection between worker threads (judging state is per
// session), each reading the file and judging its own sessions' frames; their batches are
// merged here back into file order. A small one, or an engine run from source (no bundled
// worker script), loads in this thread, in slices so api calls are answered meanwhile.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CaptureOpened } from '../../api/engine';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import type { JudgeSettings } from '../judge/settings';
import { systemClock, type Clock } from '../util/clock';
import { BatchMerger } from './batch-merger';
import { failureError, PartLoader, type LoadBatch, type LoadPartInput, type PartEnd, type SessionEvent } from './load-part';
import type { ParentMessage, WorkerMessage } from './load-protocol';
import type { TrafficStore } from './store';

/** Longest stretch of in-thread loading without letting other work (api calls) run, ms. */
const LOAD_SLICE_MS = 20;
/** Below this size a capture loads in-thread: starting workers would cost more than it saves. */
const SPLIT_MIN_BYTES = 16 << 20;
const MAX_PARTS = 4;

export interface OpenOptions {
  version?: OcppVersion;
  clock?: Clock;
  judging?: JudgeSettings;
  /**
   * How many parts to split the load into; default: one per core (up to 4) for a big
   * capture when a worker script is at hand, else 1.
   */
  parts?: number;
  /** The load-worker script (default: the one bundled beside this code); undefined loads the parts in this thread. */
  workerScript?: string | undefined;
}

/** Set when a worker could not even start here (e.g. a packaged app's archive): load in-thread from then on. */
let workersUnavailable = false;

export async function openCapture(store: TrafficStore, path: string, options: OpenOptions = {}): Promise<CaptureOpened> {
  const clock = options.clock ?? systemClock;
  const started = clock.mono();
  const workerScript = workersUnavailable ? undefined : 'workerScript' in options ? options.workerScript : bundledWorkerScript();
  const parts = Math.max(1, Math.floor(options.parts ?? defaultParts(path, workerScript)));
  try {
    return await load(store, path, options, parts, workerScript, () => Math.round(clock.mono() - started));
  } catch (err) {
    if (!(err instanceof WorkerUnavailable)) throw err;
    if (!('workerScript' in options)) workersUnavailable = true;
    const opened = await load(store, path, options, parts, undefined, () => Math.round(clock.mono() - started));
    return { ...opened, warnings: [`Opened in one thread: ${err.message}`, ...opened.warnings] };
  }
}

async function load(store: TrafficStore, path: string, options: OpenOptions, parts: number, workerScript: string | undefined, millis: () => number): Promise<CaptureOpened> {
  const judging = options.judging ?? store.judging;
  store.clear(`opened ${path}`);

  const merger = new BatchMerger(store, path, parts);
  // Whatever clears the store next (another open, the user) ends this load: nothing more of it lands.
  let dispose = (): void => undefined;
  const superseded = new Promise<never>((_, reject) => {
    dispose = store.onClear((reason) => {
      merger.stop();
      reject(new ApiError('conflict', `Opening ${path} stopped before it finished: the traffic store was ${reason.startsWith('opened ') ? `replaced (${reason})` : `cleared (${reason})`}`));
    });
  });
  const input = (part: number): LoadPartInput => ({
    path,
    part,
    parts,
    judging: { ...(judging.profile !== undefined ? { profile: judging.profile } : {}), options: judging.options },
    ...(options.version !== undefined ? { version: options.version } : {}),
  });
  const runners = Array.from({ length: parts }, (_, part) =>
    workerScript !== undefined && parts > 1
      ? new WorkerPart(workerScript, input(part), (batch) => merger.add(part, batch))
      : new ThreadPart({ ...input(part), yieldMs: LOAD_SLICE_MS / parts }, (batch) => merger.add(part, batch)),
  );
  try {
    const ends = await Promise.race([Promise.all(runners.map((r) => r.ended)), superseded]);
    // Sessions still open when the capture ends end with its last record.
    const captureEnd = Math.max(0, ...ends.map((e) => e.lastMono));
    const closing = await Promise.race([Promise.all(runners.map((r) => r.finish(captureEnd))), superseded]);
    merger.end(closing.flat());
    const warnings = ends.flatMap((e) => e.warnings).sort((a, b) => a.line - b.line);
    return { path, sessions: merger.sessions, frames: merger.frames, warnings: warnings.map((w) => w.message), millis: millis() };
  } finally {
    dispose();
    for (const r of runners) r.stop();
    store.flushEvents();
  }
}

/** One part's load, in this thread or a worker. */
interface PartRun {
  readonly ended: Promise<PartEnd>;
  finish(captureEnd: number): Promise<SessionEvent[]>;
  stop(): void;
}

class ThreadPart implements PartRun {
  private readonly loader: PartLoader;
  readonly ended: Promise<PartEnd>;

  constructor(input: LoadPartInput, send: (batch: LoadBatch) => void) {
    this.loader = new PartLoader(input, send);
    this.ended = this.loader.run();
  }

  finish(captureEnd: number): Promise<SessionEvent[]> {
    return Promise.resolve(this.loader.finish(captureEnd));
  }

  stop(): void {
    this.loader.stop();
  }
}

/** A worker failed before it said anything: worker threads do not work here. */
class WorkerUnavailable extends Error {}

class WorkerPart implements PartRun {
  private readonly worker: Worker;
  private heard = false;
  readonly ended: Promise<PartEnd>;
  private finished: ((events: SessionEvent[]) => void) | undefined;
  private failed: (err: Error) => void = () => undefined;

  constructor(script: string, input: LoadPartInput, send: (batch: LoadBatch) => void) {
    this.worker = new Worker(script, { workerData: input });
    this.ended = new Promise<PartEnd>((resolve, reject) => {
      this.failed = reject;
      this.worker.on('message', (message: WorkerMessage) => {
        this.heard = true;
        switch (message.kind) {
          case 'batch':
            send(message.batch);
            break;
          case 'ended':
            resolve(message.end);
            break;
          case 'finished':
            this.finished?.(message.events);
            break;
          case 'failed':
            this.fail(failureError(message.failure));
            break;
        }
      });
      this.worker.on('error', (err) =>
        this.fail(this.heard ? new Error(`The capture loader (worker thread) failed: ${err.message}`) : new WorkerUnavailable(`the capture loader's worker thread could not start (${err.message})`)),
      );
      this.worker.on('exit', (code) => this.fail(new Error(`The capture loader (worker thread) stopped before it was done (exit code ${code})`)));
    });
  }

  finish(captureEnd: number): Promise<SessionEvent[]> {
    return new Promise<SessionEvent[]>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
      this.worker.postMessage({ kind: 'finish', captureEnd } satisfies ParentMessage);
    });
  }

  stop(): void {
    this.failed = () => undefined;
    void this.worker.terminate();
  }

  private fail(err: Error): void {
    const failed = this.failed;
    this.failed = () => undefined;
    failed(err);
  }
}

/** How many parts a capture is split into by default. */
export function defaultParts(path: string, workerScript: string | undefined): number {
  if (workerScript === undefined) return 1;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 1; // the reader says what is wrong with the path
  }
  return size < SPLIT_MIN_BYTES ? 1 : Math.min(MAX_PARTS, availableParallelism());
}

/** load-worker.mjs beside the bundle this code runs from (dist/cli.mjs, dist/electron/main.mjs…), if there is one. */
function bundledWorkerScript(): string | undefined {
  if (!import.meta.url.startsWith('file:') || !import.meta.url.endsWith('.mjs')) return undefined;
  const script = fileURLToPath(new URL('./load-worker.mjs', import.meta.url));
  return existsSync(script) ? script : undefined;
}
