import { type CaptureRecord } from './format';
export declare class CaptureReadError extends Error {
    readonly path: string;
    readonly line?: number | undefined;
    constructor(path: string, message: string, line?: number | undefined);
}
export interface CaptureWarning {
    line: number;
    message: string;
}
export interface LocatedRecord {
    record: CaptureRecord;
    /** 1-based line number. */
    line: number;
    /** Byte offset of the line's start, and its length in bytes without the newline. */
    offset: number;
    length: number;
}
export interface ReadOptions {
    onWarning?: (warning: CaptureWarning) => void;
    /** Bytes per read; larger is faster, up to a point. */
    chunkSize?: number;
}
/**
 * Reads every record of a capture, in order. Throws CaptureReadError for a file that is
 * not a capture or is of a newer format version. A torn last line and corrupt lines in the
 * middle are reported as warnings and skipped; unknown record types are skipped silently
 * (readers of older versions must tolerate newer record types).
 */
export declare function readCapture(path: string, options?: ReadOptions): AsyncGenerator<LocatedRecord>;
/** Reads the line at a known byte range again (details on demand). */
export declare function readRecordAt(path: string, offset: number, length: number): Promise<CaptureRecord>;
