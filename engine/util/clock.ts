// Clocks sit at the edge: pure code takes times as numbers; tests pass a fake clock.
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** Monotonic milliseconds with sub-millisecond precision, arbitrary origin. */
  mono(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  mono: () => performance.now(),
};

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(
    private wall = Date.parse('2025-01-01T00:00:00.000Z'),
    private monotonic = 0,
  ) {}
  now(): number {
    return this.wall;
  }
  mono(): number {
    return this.monotonic;
  }
  advance(ms: number): void {
    this.wall += ms;
    this.monotonic += ms;
  }
}
