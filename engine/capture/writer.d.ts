import { type Clock } from '../util/clock';
import { type CaptureMode, type CaptureRecord, type HeaderRecord } from './format';
/** Records as callers hand them in: the writer stamps `time` and `mono`. */
export type Unstamped<R> = R extends CaptureRecord ? Omit<R, 'time' | 'mono'> & {
    time?: string;
    mono?: number;
} : never;
export interface CaptureWriterOptions {
    mode: CaptureMode;
    description?: string;
    /** Flush at least this often; DESIGN requires ≤ 100 ms. */
    flushIntervalMs?: number;
    clock?: Clock;
}
export declare class CaptureWriteError extends Error {
    readonly path: string;
    constructor(path: string, cause: unknown);
}
export declare class CaptureWriter {
    readonly path: string;
    private readonly handle;
    private readonly flushIntervalMs;
    private pending;
    private pendingBytes;
    private timer;
    private writing;
    private error;
    private closed;
    private readonly errorListeners;
    readonly header: HeaderRecord;
    private readonly monoOrigin;
    private readonly clock;
    private recordCount;
    private constructor();
    /**
     * Creates (or truncates) the file and writes the header before returning, so an
     * unwritable path fails here, before any traffic flows.
     */
    static create(path: string, options: CaptureWriterOptions): Promise<CaptureWriter>;
    /** Milliseconds since the capture started (monotonic). */
    mono(): number;
    /** The time stamps a record made now would carry. */
    stamp(): {
        time: string;
        mono: number;
    };
    get failed(): CaptureWriteError | undefined;
    get records(): number;
    onError(listener: (err: CaptureWriteError) => void): () => void;
    /**
     * Appends a record, stamping time and mono when absent. Throws once the writer has
     * failed or closed: callers must not believe a frame is recorded when it is not.
     */
    append<R extends CaptureRecord>(record: Unstamped<R>): R;
    /** Writes everything appended so far. Resolves when it is on its way to the disk. */
    flush(): Promise<void>;
    close(): Promise<void>;
    private fail;
}
