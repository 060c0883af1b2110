// Recorded sessions as replay and diff need them: each connection's open record and its
// frames, parsed, and the frames grouped into exchanges (a CALL with its answer). Reading
// streams the capture; `listSessions` keeps no frames, `readSessions` keeps only the
// frames of the sessions asked for.
import type { Direction, OcppVersion } from '../../api/model';
import type { RecordedSessionInfo } from '../../api/replay';
import type { CloseRecord, FrameRecord, OpenRecord } from '../capture/format';
import { readCapture } from '../capture/reader';
import { parseFrame, type Frame } from '../ocpp/frames';
import { versionOfSubprotocol } from '../ocpp/versions';

export interface RecordedFrame {
  seq: number;
  dir: Direction;
  time: string;
  mono: number;
  text?: string;
  binary?: string;
  /** The frame when it is valid OCPP-J. */
  frame?: Frame;
  /** Why it is not, when it is not (the first framing finding). */
  invalid?: string;
}

export interface RecordedSession {
  info: RecordedSessionInfo;
  open: OpenRecord;
  close?: CloseRecord;
  frames: RecordedFrame[];
}

export interface ReadOptions {
  /** Keep frames of these connection ids only (all when absent). */
  only?: ReadonlySet<string>;
  /** Parse every session as this version. */
  version?: OcppVersion;
}

export interface ReadSessions {
  sessions: RecordedSession[];
  warnings: string[];
}

/** Every session of a capture with its counts, without keeping frames. */
export async function listSessions(path: string, options: { version?: OcppVersion } = {}): Promise<ReadSessions> {
  return read(path, { ...options, only: new Set() });
}

/** Sessions with their frames (those in `only`, or all). */
export async function readSessions(path: string, options: ReadOptions = {}): Promise<ReadSessions> {
  return read(path, options);
}

async function read(path: string, options: ReadOptions): Promise<ReadSessions> {
  const sessions = new Map<string, RecordedSession>();
  const warnings: string[] = [];
  for await (const { record } of readCapture(path, { onWarning: (w) => warnings.push(w.message) })) {
    if (record.type === 'open') {
      const version = options.version ?? versionOfSubprotocol(record.subprotocol);
      const info: RecordedSessionInfo = {
        id: record.conn,
        chargePointId: record.chargePointId,
        path: record.path,
        opened: record.time,
        frames: 0,
        calls: { charger: 0, csms: 0 },
      };
      if (record.subprotocol !== undefined) info.subprotocol = record.subprotocol;
      if (version !== undefined) info.version = version;
      sessions.set(record.conn, { info, open: record, frames: [] });
    } else if (record.type === 'frame') {
      const session = sessions.get(record.conn);
      if (session === undefined) continue; // The reader warns about records out of place.
      session.info.frames++;
      const frame = recordedFrame(record, session.info.version);
      if (frame.frame !== undefined && (frame.frame.kind === 'CALL' || frame.frame.kind === 'SEND')) {
        session.info.calls[frame.dir === 'cp2csms' ? 'charger' : 'csms']++;
      }
      if (options.only === undefined || options.only.has(record.conn)) session.frames.push(frame);
    } else if (record.type === 'close') {
      const session = sessions.get(record.conn);
      if (session !== undefined) session.close = record;
    }
  }
  return { sessions: [...sessions.values()], warnings };
}

function recordedFrame(record: FrameRecord, version: OcppVersion | undefined): RecordedFrame {
  const frame: RecordedFrame = { seq: record.seq, dir: record.dir, time: record.time, mono: record.mono };
  if (record.text !== undefined) {
    frame.text = record.text;
    const parsed = parseFrame(record.text, version ?? '2.0.1');
    if (parsed.frame !== undefined) frame.frame = parsed.frame;
    else frame.invalid = parsed.findings[0]?.message ?? 'not an OCPP-J frame';
  } else {
    frame.binary = record.binary ?? '';
    frame.invalid = 'a binary frame (OCPP-J messages are text)';
  }
  return frame;
}

/**
 * Finds a session by connection id or charge point id. Returns the session, or a sentence
 * saying why none could be chosen.
 */
export function selectSession<S extends { info: RecordedSessionInfo }>(sessions: readonly S[], wanted: string | undefined): { session: S } | { problem: 'no-session' | 'session-not-found' | 'ambiguous-session'; message: string } {
  const list = (ss: readonly S[]) => ss.map((s) => `${s.info.id} (${s.info.chargePointId}, ${s.info.frames} frames)`).join(', ');
  if (wanted === undefined || wanted === '') {
    const withFrames = sessions.filter((s) => s.info.frames > 0);
    if (withFrames.length === 1) return { session: withFrames[0]! };
    if (withFrames.length === 0) return { problem: 'no-session', message: 'The capture holds no session with frames' };
    return { problem: 'ambiguous-session', message: `The capture holds ${withFrames.length} sessions with frames; choose one with --session: ${list(withFrames)}` };
  }
  const byId = sessions.find((s) => s.info.id === wanted);
  if (byId !== undefined) return { session: byId };
  const byCp = sessions.filter((s) => s.info.chargePointId === wanted && s.info.frames > 0);
  if (byCp.length === 1) return { session: byCp[0]! };
  if (byCp.length > 1) return { problem: 'ambiguous-session', message: `Charge point ${wanted} has ${byCp.length} sessions in the capture; choose one by connection id: ${list(byCp)}` };
  return {
    problem: 'session-not-found',
    message: `No session "${wanted}" in the capture (neither a connection id nor a charge point id with frames)${sessions.length > 0 ? `; it holds ${list(sessions)}` : ''}`,
  };
}

/** A CALL (or 2.1 SEND) with its answer, an answer whose CALL is not there, or a frame that is not OCPP-J. */
export interface Exchange {
  /** Direction of the first frame (the CALL's). */
  dir: Direction;
  kind: 'CALL' | 'SEND' | 'orphan' | 'invalid';
  action?: string;
  request: RecordedFrame;
  response?: RecordedFrame;
}

/** Groups a session's frames into exchanges, in the order their first frames crossed the wire. */
export function exchangesOf(frames: readonly RecordedFrame[]): Exchange[] {
  const out: Exchange[] = [];
  const open = new Map<string, Exchange[]>();
  for (const f of frames) {
    const frame = f.frame;
    if (frame === undefined) {
      out.push({ dir: f.dir, kind: 'invalid', request: f });
      continue;
    }
    if (frame.kind === 'CALL' || frame.kind === 'SEND') {
      const exchange: Exchange = { dir: f.dir, kind: frame.kind, action: frame.action, request: f };
      out.push(exchange);
      if (frame.kind === 'CALL') {
        const key = `${f.dir}|${frame.id}`;
        const waiting = open.get(key) ?? [];
        waiting.push(exchange);
        open.set(key, waiting);
      }
      continue;
    }
    // An answer travels the other way from its CALL; a reused id answers the latest one.
    const callDir: Direction = f.dir === 'cp2csms' ? 'csms2cp' : 'cp2csms';
    const waiting = open.get(`${callDir}|${frame.id}`);
    const exchange = waiting?.pop();
    if (exchange !== undefined) exchange.response = f;
    else out.push({ dir: f.dir, kind: 'orphan', request: f });
  }
  return out;
}

/** The message id of a frame, when it has one. */
export function messageIdOf(frame: RecordedFrame | undefined): string | undefined {
  return frame?.frame?.id;
}
