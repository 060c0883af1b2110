import type { FramePage } from '../../api/engine';
import type { Finding, FrameDetail, FrameSummary, SessionSummary } from '../../api/model';
import type { EventBus } from '../events';
export interface StoredFrame {
    summary: FrameSummary;
    /** Live frames keep their text; frames loaded from a file have a location instead. */
    text?: string;
    binary?: string;
    findings: Finding[];
    location?: {
        path: string;
        offset: number;
        length: number;
    };
}
export interface StoredSession {
    summary: SessionSummary;
    /** Store indexes of the session's frames, by seq. */
    frames: number[];
}
export type FramePredicate = (frame: StoredFrame, session: StoredSession | undefined) => boolean;
export declare class TrafficStore {
    private readonly bus?;
    private readonly batchMs;
    private frames;
    private readonly sessions;
    private pendingFrames;
    private readonly pendingSessions;
    private timer;
    private cache;
    constructor(bus?: EventBus | undefined, batchMs?: number);
    get frameCount(): number;
    addSession(summary: SessionSummary): StoredSession;
    session(id: string): StoredSession | undefined;
    sessionList(): SessionSummary[];
    updateSession(id: string, patch: Partial<SessionSummary>): void;
    /** Appends a frame; assigns and returns its store index. */
    addFrame(frame: StoredFrame, emit?: boolean): number;
    /** Links a response to its request, both ways. */
    linkPair(requestIndex: number, responseIndex: number): void;
    /** Store index of a session's frame by its seq. */
    indexOf(sessionId: string, seq: number): number | undefined;
    frame(index: number): StoredFrame | undefined;
    /**
     * A page of summaries matching the query. The last query's matches are cached and
     * extended as frames arrive, so paging through a filtered million-frame store does
     * not re-run the filter.
     */
    query(options: {
        session?: string;
        predicate?: FramePredicate;
        key?: string;
        offset?: number;
        limit?: number;
    }): FramePage;
    detail(index: number): Promise<FrameDetail>;
    clear(reason: string): number;
    /** Pushes pending changes now (tests, and before a capture-open result returns). */
    flushEvents(): void;
    private touchSession;
    private schedule;
}
