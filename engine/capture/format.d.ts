import type { Direction, FrameMark, TlsInfo } from '../../api/model';
export declare const CAPTURE_FORMAT = "ocpp-bench-capture";
export declare const CAPTURE_VERSION = 1;
export type CaptureMode = 'proxy' | 'csms' | 'sim' | 'replay' | 'run' | 'import' | 'export';
/** Line 1 of every capture. */
export interface HeaderRecord {
    type: 'header';
    format: typeof CAPTURE_FORMAT;
    version: number;
    tool: string;
    toolVersion: string;
    /** Wall-clock start, ISO 8601. `mono` in later records counts milliseconds from here. */
    started: string;
    mode: CaptureMode;
    /** Free-form description of the run (command line, settings file…). */
    description?: string;
}
/** A WebSocket connection was accepted (written before any frame that refers to it). */
export interface OpenRecord {
    type: 'open';
    conn: string;
    time: string;
    mono: number;
    chargePointId: string;
    path: string;
    offeredSubprotocols: string[];
    subprotocol?: string;
    remoteAddress?: string;
    /** TLS of the charger-facing leg (proxy, CSMS) or of the simulator's own connection. */
    tls?: TlsInfo;
    upstreamUrl?: string;
    upstreamTls?: TlsInfo;
    authUser?: string;
    /** Redacted ("<redacted>") unless recording was asked to keep credentials. */
    authPassword?: string;
}
/** A connection attempt that never opened (upstream refused, auth failed, TLS failed…). */
export interface FailRecord {
    type: 'fail';
    conn: string;
    time: string;
    mono: number;
    chargePointId: string;
    path: string;
    offeredSubprotocols: string[];
    remoteAddress?: string;
    upstreamUrl?: string;
    /** HTTP status answered to the charger, if any. */
    status?: number;
    reason: string;
}
export interface FrameRecord {
    type: 'frame';
    conn: string;
    /** Sequence number within the connection, from 0, in the order frames crossed the bench. */
    seq: number;
    dir: Direction;
    time: string;
    mono: number;
    /** Exact wire text of a text frame. */
    text?: string;
    /** Base64 of a binary frame (then marks contains "binary"). */
    binary?: string;
    marks?: FrameMark[];
    /** For marked frames: the rule or reason, in a sentence. */
    why?: string;
}
export type ClosedBy = 'charger' | 'csms' | 'bench';
export interface CloseRecord {
    type: 'close';
    conn: string;
    time: string;
    mono: number;
    code?: number;
    reason?: string;
    by: ClosedBy;
    /** `clean` for a close handshake, `abrupt` for a dropped socket, `error` for a failure. */
    how: 'clean' | 'abrupt' | 'error';
    error?: string;
}
/** A WebSocket-level event that is not an OCPP frame (ping/pong per hop). */
export interface EventRecord {
    type: 'event';
    conn: string;
    time: string;
    mono: number;
    dir: Direction;
    event: 'ping' | 'pong';
    /** Base64 of the ping/pong payload, if not empty. */
    data?: string;
}
/** An annotation by the operator or a conformance-case step. */
export interface NoteRecord {
    type: 'note';
    time: string;
    mono: number;
    conn?: string;
    text: string;
    source?: string;
}
export type CaptureRecord = HeaderRecord | OpenRecord | FailRecord | FrameRecord | CloseRecord | EventRecord | NoteRecord;
export declare const RECORD_TYPES: ReadonlySet<string>;
export declare const REDACTED = "<redacted>";
