import type { ConnectionInfo, Direction, Finding, FindingCounts, FrameMark, FrameSummary, OcppVersion, SessionSource, SessionSummary } from '../../api/model';
import type { CaptureWriter, CaptureWriteError } from '../capture/writer';
import type { ClosedBy, CloseRecord, FrameRecord } from '../capture/format';
import { type Verdict } from '../judge/session-judge';
import { type Clock } from '../util/clock';
import type { TrafficStore } from './store';
export interface JudgedFrame {
    session: LiveSession;
    summary: FrameSummary;
    verdict: Verdict;
    text?: string;
}
export interface LiveRecorderOptions {
    source: SessionSource;
    capture?: CaptureWriter;
    store?: TrafficStore;
    clock?: Clock;
    /** Called once per frame after judging (terminal lines, behaviour hooks). */
    onJudged?: (frame: JudgedFrame) => void;
    /** Called once if the capture cannot be written; the caller must stop passing traffic. */
    onCaptureError?: (err: CaptureWriteError) => void;
    /** Rewrites a frame's text for the record only (credential redaction); never the wire. */
    redact?: (text: string, dir: Direction) => string;
    /** Keep credentials in the capture (`--no-redact`). */
    keepCredentials?: boolean;
}
declare function counts(findings: readonly Finding[]): FindingCounts;
export declare class LiveRecorder {
    readonly options: LiveRecorderOptions;
    private queue;
    private scheduled;
    private readonly clock;
    private readonly monoOrigin;
    private readonly sessions;
    private drained;
    constructor(options: LiveRecorderOptions);
    /** Time stamps for a record made now, on the capture's clock when there is one. */
    stamp(): {
        time: string;
        mono: number;
    };
    /** Records an accepted connection and returns its session. */
    open(info: ConnectionInfo, options?: {
        version?: OcppVersion;
        id?: string;
    }): LiveSession;
    /** Records a connection attempt that never opened. */
    fail(info: ConnectionInfo, reason: string, status?: number): string;
    note(text: string, options?: {
        conn?: string;
        source?: string;
    }): void;
    /** @internal the hot path: called by LiveSession.frame. */
    enqueue(session: LiveSession, record: FrameRecord): void;
    /** @internal */
    appendRecord(fn: (capture: CaptureWriter) => void): void;
    /** @internal */
    forget(session: LiveSession): void;
    /** Resolves when every queued frame has been judged and stored. */
    settled(): Promise<void>;
    /** Judges what is queued, flushes and closes the capture. */
    close(): Promise<void>;
    private drain;
    private safeAppend;
}
export declare class LiveSession {
    private readonly recorder;
    readonly id: string;
    readonly info: ConnectionInfo;
    readonly version: OcppVersion | undefined;
    readonly summary: SessionSummary;
    private seq;
    private readonly judge;
    closed: boolean;
    constructor(recorder: LiveRecorder, id: string, info: ConnectionInfo, version: OcppVersion | undefined, summary: SessionSummary);
    /**
     * Records one frame that has just crossed (or been injected into) the wire. Cheap:
     * judging happens later. Returns the frame's seq in the session.
     */
    frame(dir: Direction, data: string | Buffer, options?: {
        marks?: FrameMark[];
        why?: string;
    }): number;
    /** Records a WebSocket ping or pong seen on one leg. */
    event(dir: Direction, event: 'ping' | 'pong', data?: Buffer): void;
    close(by: ClosedBy, how: CloseRecord['how'], details?: {
        code?: number;
        reason?: string;
        error?: string;
    }): void;
    note(text: string, source?: string): void;
    /** @internal judging, off the hot path. */
    judgeRecord(record: FrameRecord): void;
}
/** Exported for the open-capture loader, which builds summaries the same way. */
export { counts as countFindings };
