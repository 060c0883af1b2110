// One direction's outgoing order. Frames normally go straight to the wire; once a rule
// delays one, everything after it in that direction queues behind it, so a delay never
// reorders frames (OCPP-J relies on order: 1.6 §4.1.1 and 2.0.1 Part 4 §4.1.1 allow one
// outstanding CALL per side, and answers follow their calls).
import { performance } from 'node:perf_hooks';

interface Item {
  at: number;
  bytes: number;
  run: () => void;
}

export class Lane {
  private items: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  queuedBytes = 0;

  constructor(
    /** Told after items ran, so a paused reader can resume when the queue has shrunk. */
    private readonly onProgress: () => void = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get idle(): boolean {
    return this.items.length === 0;
  }

  get length(): number {
    return this.items.length;
  }

  /** Runs `run` at `at` (monotonic ms), but never before anything queued earlier. */
  push(at: number, bytes: number, run: () => void): void {
    const last = this.items.at(-1);
    this.items.push({ at: last !== undefined && last.at > at ? last.at : at, bytes, run });
    this.queuedBytes += bytes;
    if (this.items.length === 1) this.schedule();
  }

  /** Runs everything queued now, in order (the connection is ending). */
  drainNow(): void {
    this.clearTimer();
    while (this.items.length > 0) this.runHead();
    this.onProgress();
  }

  /** Forgets everything queued. */
  clear(): void {
    this.clearTimer();
    this.items = [];
    this.queuedBytes = 0;
  }

  private runHead(): void {
    const item = this.items.shift()!;
    this.queuedBytes -= item.bytes;
    item.run();
  }

  private schedule(): void {
    this.clearTimer();
    const head = this.items[0];
    if (head === undefined) return;
    this.timer = setTimeout(() => this.pump(), Math.max(0, head.at - this.now()));
  }

  private pump(): void {
    this.timer = undefined;
    const now = this.now();
    while (this.items.length > 0 && this.items[0]!.at <= now + 0.5) this.runHead();
    this.onProgress();
    this.schedule();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
