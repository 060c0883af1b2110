export interface Clock {
    /** Wall-clock milliseconds since the epoch. */
    now(): number;
    /** Monotonic milliseconds with sub-millisecond precision, arbitrary origin. */
    mono(): number;
}
export declare const systemClock: Clock;
/** A clock tests move by hand. */
export declare class FakeClock implements Clock {
    private wall;
    private monotonic;
    constructor(wall?: number, monotonic?: number);
    now(): number;
    mono(): number;
    advance(ms: number): void;
}
