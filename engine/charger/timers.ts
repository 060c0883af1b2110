// Timers for the simulator: every delay the charger waits goes through one `Timers`, so a
// test can swap in ManualTimers (a fake clock moved by hand) and a run can scale time.
//
// Wall-clock time (for payload timestamps) comes from the same object, so a manual clock
// moves both.
import { FakeClock, systemClock, type Clock } from '../util/clock';

export type TimerHandle = { readonly id: number };

export interface Timers {
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** Monotonic milliseconds (arbitrary origin). */
  mono(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

let nextId = 1;

/** Real timers on a real (or given) clock. */
export function systemTimers(clock: Clock = systemClock): Timers {
  const live = new Map<number, NodeJS.Timeout>();
  return {
    now: () => clock.now(),
    mono: () => clock.mono(),
    setTimeout(fn, ms) {
      const id = nextId++;
      const t = setTimeout(() => {
        live.delete(id);
        fn();
      }, Math.max(0, ms));
      t.unref?.();
      live.set(id, t);
      return { id };
    },
    clearTimeout(handle) {
      if (handle === undefined) return;
      const t = live.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      live.delete(handle.id);
    },
  };
}

interface Scheduled {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Timers a test moves by hand. `advance(ms)` fires every timer due within `ms`, in order,
 * letting promise chains and in-memory message exchanges run between timers.
 */
export class ManualTimers implements Timers {
  private queue: Scheduled[] = [];
  private seq = 0;

  constructor(readonly clock: FakeClock = new FakeClock()) {}

  now(): number {
    return this.clock.now();
  }

  mono(): number {
    return this.clock.mono();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = nextId++;
    this.queue.push({ id, at: this.clock.mono() + Math.max(0, ms), seq: this.seq++, fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    this.queue = this.queue.filter((s) => s.id !== handle.id);
  }

  /** Timers still scheduled. */
  get pending(): number {
    return this.queue.length;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.mono() + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.at > end) break;
      this.queue = this.queue.filter((s) => s !== next);
      if (next.at > this.clock.mono()) this.clock.advance(next.at - this.clock.mono());
      next.fn();
      await settle();
    }
    if (end > this.clock.mono()) this.clock.advance(end - this.clock.mono());
    await settle();
  }

  private earliest(): Scheduled | undefined {
    let best: Scheduled | undefined;
    for (const s of this.queue) if (best === undefined || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  }
}

/** Lets pending promise chains and setImmediate callbacks run (in-memory I/O, no real time). */
export async function settle(turns = 40): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
