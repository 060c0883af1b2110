// Timers on the session's own time line: a rule asks to be called once time passes a
// moment; the judge fires due timers when a later frame arrives, when the live pipeline
// ticks, and when the session finishes. No real clock is involved (STYLE.md item 6).
import type { Timer } from './types';

interface Entry extends Timer {
  readonly order: number;
  fire: (now: number) => void;
  cancelled: boolean;
}

/** A binary min-heap of timers by time, then by creation order; cancelled ones are dropped when they surface. */
export class Timers {
  private heap: Entry[] = [];
  private created = 0;

  /** Time of the earliest pending timer (possibly a cancelled one), Infinity when none. */
  get next(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  get size(): number {
    return this.heap.length;
  }

  add(at: number, fire: (now: number) => void): Timer {
    const entry: Entry = {
      at,
      order: this.created++,
      fire,
      cancelled: false,
      cancel() {
        this.cancelled = true;
      },
    };
    this.heap.push(entry);
    this.up(this.heap.length - 1);
    return entry;
  }

  /** Fires every timer due at `now` in time order; timers added while firing fire too if due. */
  run(now: number): void {
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const entry = this.pop();
      if (!entry.cancelled) {
        entry.cancelled = true;
        entry.fire(now);
      }
    }
  }

  clear(): void {
    this.heap = [];
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private up(i: number): void {
    const heap = this.heap;
    const entry = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const entry = heap[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(heap[right]!, heap[left]!) ? right : left;
      if (!this.before(heap[child]!, entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }
}
