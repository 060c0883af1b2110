// Streaming capture reader. Never holds the whole file as one string: lines are cut from
// byte chunks (a newline byte never occurs inside a UTF-8 sequence), so a million-frame
// capture opens in bounded memory, and every record knows its byte offset for reading
// details again on demand.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CAPTURE_FORMAT, CAPTURE_VERSION, RECORD_TYPES, type CaptureRecord, type HeaderRecord } from './format';
import { migrateRecord } from './migrations';

export class CaptureReadError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${path}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'CaptureReadError';
  }
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
export async function* readCapture(path: string, options: ReadOptions = {}): AsyncGenerator<LocatedRecord> {
  const warn = options.onWarning ?? (() => undefined);
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  } catch (err) {
    throw new CaptureReadError(path, describeFsError(err));
  }

  let header: HeaderRecord | undefined;
  let lineNo = 0;
  let carry: Buffer | undefined;
  let carryOffset = 0;
  let position = 0;

  const handle = (buf: Buffer, start: number, end: number, offset: number, torn: boolean): LocatedRecord | undefined => {
    lineNo++;
    // Tolerate CRLF files written by hand on other systems.
    let stop = end;
    if (stop > start && buf[stop - 1] === 0x0d) stop--;
    if (stop === start) return undefined;
    const text = buf.toString('utf8', start, stop);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (header === undefined && lineNo === 1) {
        throw new CaptureReadError(path, 'not an ocpp-bench capture: line 1 is not a JSON header', 1);
      }
      warn({
        line: lineNo,
        message: torn
          ? `the last line (line ${lineNo}) is incomplete; the recording was probably interrupted, and it was skipped`
          : `line ${lineNo} is not valid JSON and was skipped`,
      });
      return undefined;
    }
    if (header === undefined) {
      header = checkHeader(path, value);
      return { record: header, line: lineNo, offset, length: stop - start };
    }
    if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') {
      warn({ line: lineNo, message: `line ${lineNo} is not a capture record and was skipped` });
      return undefined;
    }
    const record = migrateRecord(header.version, value as CaptureRecord);
    if (record === undefined || !RECORD_TYPES.has(record.type)) return undefined;
    return { record, line: lineNo, offset, length: stop - start };
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf: Buffer = chunk;
      let bufOffset = position;
      if (carry !== undefined) {
        buf = Buffer.concat([carry, chunk]);
        bufOffset = carryOffset;
        carry = undefined;
      }
      position += chunk.length;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl === -1) break;
        const located = handle(buf, start, nl, bufOffset + start, false);
        if (located !== undefined) yield located;
        start = nl + 1;
      }
      if (start < buf.length) {
        carry = buf.subarray(start);
        carryOffset = bufOffset + start;
      }
    }
  } catch (err) {
    if (err instanceof CaptureReadError) throw err;
    throw new CaptureReadError(path, describeFsError(err));
  }
  if (carry !== undefined && carry.length > 0) {
    const located = handle(carry, 0, carry.length, carryOffset, true);
    if (located !== undefined) yield located;
  }
  if (header === undefined) {
    throw new CaptureReadError(path, 'the file is empty: no capture header');
  }
}

function checkHeader(path: string, value: unknown): HeaderRecord {
  const h = value as Partial<HeaderRecord> | null;
  if (typeof h !== 'object' || h === null || h.type !== 'header' || h.format !== CAPTURE_FORMAT) {
    throw new CaptureReadError(path, `not an ocpp-bench capture: line 1 is not a "${CAPTURE_FORMAT}" header`, 1);
  }
  if (typeof h.version !== 'number' || !Number.isInteger(h.version) || h.version < 1) {
    throw new CaptureReadError(path, `the header has no valid format version (${JSON.stringify(h.version)})`, 1);
  }
  if (h.version > CAPTURE_VERSION) {
    throw new CaptureReadError(
      path,
      `written in capture format version ${h.version} (by ${h.tool ?? 'unknown'} ${h.toolVersion ?? ''}); this ocpp-bench reads versions up to ${CAPTURE_VERSION}. Update ocpp-bench to open it.`,
      1,
    );
  }
  return h as HeaderRecord;
}

/** Reads the line at a known byte range again (details on demand). */
export async function readRecordAt(path: string, offset: number, length: number): Promise<CaptureRecord> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, offset);
    return JSON.parse(buf.toString('utf8')) as CaptureRecord;
  } finally {
    await handle.close();
  }
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a capture file';
    default:
      return e instanceof Error ? e.message : String(err);
  }
}
