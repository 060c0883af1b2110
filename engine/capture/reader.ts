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
  /**
   * Read only the records of some connections: those whose `conn` falls in this part of
   * `parts` (see partOf). Records without a connection, and the warnings about lines that
   * are not records, belong to part 0. Several readers of one file, one per part, see each
   * record exactly once between them — and skip the others' lines without parsing them.
   */
  partition?: { part: number; parts: number };
}

/** The part (of `parts`) that a connection's records belong to when a capture is read in parts. */
function partOf(conn: string, parts: number): number {
  return parts <= 1 ? 0 : hashBytes(Buffer.from(conn, 'utf8'), 0, Buffer.byteLength(conn, 'utf8'), parts);
}

/** FNV-1a over bytes, reduced to a part number. */
function hashBytes(buf: Buffer, start: number, end: number, parts: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return (h >>> 0) % parts;
}

/** Whether buf holds these bytes at start (a loop: Buffer.compare's native call costs more for a few bytes). */
function bytesAt(buf: Buffer, start: number, bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) return false;
  return true;
}

const TYPE_PREFIX = Buffer.from('{"type":"');
const CONN_KEY = Buffer.from(',"conn":"');

/**
 * The part of a record line as this tool writes it (`{"type":"…","conn":"…",…`), read from
 * its bytes; undefined when the line is laid out otherwise (hand-written, other key order,
 * an escaped id), and must be parsed to be placed.
 */
function linePart(buf: Buffer, start: number, end: number, parts: number): number | undefined {
  if (end - start < TYPE_PREFIX.length + CONN_KEY.length + 2 || !bytesAt(buf, start, TYPE_PREFIX)) return undefined;
  const typeEnd = buf.indexOf(0x22, start + TYPE_PREFIX.length) + 1;
  if (typeEnd === 0 || typeEnd + CONN_KEY.length >= end || !bytesAt(buf, typeEnd, CONN_KEY)) return undefined;
  const connStart = typeEnd + CONN_KEY.length;
  const connEnd = buf.indexOf(0x22, connStart);
  if (connEnd === -1 || connEnd >= end) return undefined;
  for (let i = connStart; i < connEnd; i++) if (buf[i] === 0x5c) return undefined;
  return hashBytes(buf, connStart, connEnd, parts);
}

/**
 * Reads every record of a capture, in order. Throws CaptureReadError for a file that is
 * not a capture or is of a newer format version. A torn last line and corrupt lines in the
 * middle are reported as warnings and skipped; unknown record types are skipped silently
 * (readers of older versions must tolerate newer record types).
 */
export async function* readCapture(path: string, options: ReadOptions = {}): AsyncGenerator<LocatedRecord> {
  const warn = options.onWarning ?? (() => undefined);
  const part = options.partition?.part ?? 0;
  const parts = Math.max(1, options.partition?.parts ?? 1);
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
    // In a partitioned read, another part's line is skipped unparsed when its layout tells whose it is.
    const placed = parts > 1 && header !== undefined ? linePart(buf, start, stop, parts) : undefined;
    if (placed !== undefined && placed !== part) return undefined;
    const text = buf.toString('utf8', start, stop);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (header === undefined && lineNo === 1) {
        throw new CaptureReadError(path, 'not an ocpp-bench capture: line 1 is not a JSON header', 1);
      }
      // A broken line is reported once: by its owner if its layout named one, else by part 0.
      if ((placed ?? 0) !== part) return undefined;
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
      if ((placed ?? 0) === part) warn({ line: lineNo, message: `line ${lineNo} is not a capture record and was skipped` });
      return undefined;
    }
    if (parts > 1 && placed === undefined) {
      const conn = (value as { conn?: unknown }).conn;
      if ((typeof conn === 'string' ? partOf(conn, parts) : 0) !== part) return undefined;
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
