// Capture export: a new capture holding the frames of another that match a filter (and/or
// belong to chosen sessions), with the records of their sessions — `open` before the
// frames, then `close`, `event` and `note` records — in their original order and with
// their original times, so the result opens, validates and replays like a recording.
//
// Two passes over the source: the first judges frames and tests the filter (a session is
// kept only if one of its frames matches, and its `open` comes before that frame); the
// second writes. Frame texts are the strings the reader decoded, so each is byte for byte
// what the source recorded.
import { resolve } from 'node:path';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import { compileFilter, type FrameFilter } from '../filter/compile';
import { RecordFrameView } from '../filter/record-view';
import { judgeRecord } from '../judge/judge-record';
import { SessionJudge, type Verdict } from '../judge/session-judge';
import { versionOfSubprotocol } from '../ocpp/versions';
import type { Clock } from '../util/clock';
import type { HeaderRecord } from './format';
import { readCapture } from './reader';
import { CaptureWriteError, CaptureWriter } from './writer';

export interface ExportOptions {
  /** A filter expression (engine/filter); absent or empty keeps every frame. */
  filter?: string;
  /** Keep only these sessions (connection ids). */
  sessions?: readonly string[];
  /** Judge every session as this version instead of its negotiated subprotocol. */
  version?: OcppVersion;
}

export interface ExportResult {
  out: string;
  frames: number;
  sessions: number;
  warnings: string[];
}

/** Flush the writer this often, so a large export never piles up in memory. */
const FLUSH_EVERY = 10_000;

export async function exportCapture(inPath: string, outPath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const expression = options.filter?.trim();
  // A bad expression fails before any file is touched.
  const filter = expression === undefined || expression === '' ? undefined : compileFilter(expression);
  if (resolve(inPath) === resolve(outPath)) {
    throw new ApiError('bad-args', `The export would overwrite its source ${inPath}: write it to another file`);
  }
  const wanted = options.sessions !== undefined && options.sessions.length > 0 ? new Set(options.sessions) : undefined;
  const warnings: string[] = [];

  const selection = await selectFrames(inPath, filter, wanted, options.version, warnings);
  const keepSession = (conn: string): boolean =>
    filter !== undefined ? selection.sessions.has(conn) : wanted === undefined || wanted.has(conn);

  const header = selection.header;
  const description = [`exported from ${inPath}`, filter !== undefined ? `filter: ${filter.expression}` : undefined, wanted !== undefined ? `sessions: ${[...wanted].join(', ')}` : undefined]
    .filter((part) => part !== undefined)
    .join('; ');
  // The header keeps the source's start, so every record's `mono` still counts from it.
  const started = Date.parse(header.started);
  const sourceClock: Clock = { now: () => (Number.isFinite(started) ? started : Date.now()), mono: () => 0 };

  let writer: CaptureWriter;
  try {
    writer = await CaptureWriter.create(outPath, { mode: 'export', description, clock: sourceClock });
  } catch (err) {
    throw toIoError(err);
  }
  const written = new Set<string>();
  let frames = 0;
  let ordinal = 0;
  let records = 0;
  try {
    for await (const { record } of readCapture(inPath)) {
      let keep: boolean;
      switch (record.type) {
        case 'header':
          keep = false;
          break;
        case 'frame':
          keep = filter !== undefined ? selection.frames.has(ordinal) : keepSession(record.conn);
          ordinal++;
          if (keep) frames++;
          break;
        case 'note':
          // A note about the whole capture (no connection) is kept as context.
          keep = record.conn === undefined || keepSession(record.conn);
          break;
        default:
          keep = keepSession(record.conn);
      }
      if (!keep) continue;
      if ('conn' in record && record.conn !== undefined) written.add(record.conn);
      writer.append(record);
      if (++records % FLUSH_EVERY === 0) await writer.flush();
    }
    await writer.close();
  } catch (err) {
    await writer.close().catch(() => undefined);
    throw toIoError(err);
  }
  return { out: outPath, frames, sessions: written.size, warnings };
}

interface Selection {
  header: HeaderRecord;
  /** Ordinals (0-based, counting frame records) of the frames to keep; filled only with a filter. */
  frames: BitSet;
  /** Sessions with at least one matching frame. */
  sessions: Set<string>;
}

/** Pass 1: judges each wanted session's frames and tests the filter. */
async function selectFrames(
  path: string,
  filter: FrameFilter | undefined,
  wanted: Set<string> | undefined,
  version: OcppVersion | undefined,
  warnings: string[],
): Promise<Selection> {
  const sessions = new Map<string, { chargePointId: string; judge?: SessionJudge }>();
  const selection: Selection = { header: undefined as unknown as HeaderRecord, frames: new BitSet(), sessions: new Set() };
  const view = new RecordFrameView();
  let ordinal = 0;
  for await (const { record, line } of readCapture(path, { onWarning: (w) => warnings.push(w.message) })) {
    switch (record.type) {
      case 'header':
        selection.header = record;
        break;
      case 'open':
      case 'fail': {
        const v = version ?? (record.type === 'open' ? versionOfSubprotocol(record.subprotocol) : undefined);
        sessions.set(record.conn, { chargePointId: record.chargePointId, ...(v !== undefined ? { judge: new SessionJudge(v) } : {}) });
        break;
      }
      case 'frame': {
        const index = ordinal++;
        if (filter === undefined || (wanted !== undefined && !wanted.has(record.conn))) break;
        let session = sessions.get(record.conn);
        if (session === undefined) {
          warnings.push(`line ${line}: frame of connection ${record.conn}, which was never opened in this capture`);
          session = { chargePointId: '?', ...(version !== undefined ? { judge: new SessionJudge(version) } : {}) };
          sessions.set(record.conn, session);
        }
        const verdict: Verdict = judgeRecord(session.judge, record);
        if (filter.matches(view.set(record, verdict, session.chargePointId))) {
          selection.frames.add(index);
          selection.sessions.add(record.conn);
        }
        break;
      }
      default:
        break;
    }
  }
  return selection;
}

function toIoError(err: unknown): unknown {
  if (err instanceof CaptureWriteError) return new ApiError('io', err.message);
  return err;
}

/** A growable set of small non-negative integers, one bit each (a million frames: 125 KB). */
class BitSet {
  private words = new Uint32Array(1024);

  add(n: number): void {
    const w = n >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(this.words.length * 2, w + 1));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[w]! |= 1 << (n & 31);
  }

  has(n: number): boolean {
    const w = n >>> 5;
    return w < this.words.length && (this.words[w]! & (1 << (n & 31))) !== 0;
  }
}
