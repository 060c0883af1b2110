// Loads a capture file into the traffic store: every session and frame, judged as it is
// read. Frames keep only their byte location; the text is read again on demand, so a
// million-frame capture fits in memory as summaries.
import type { CaptureOpened } from '../../api/engine';
import type { OcppVersion, SessionSummary } from '../../api/model';
import { readCapture } from '../capture/reader';
import { SessionJudge, type LateFinding } from '../judge/session-judge';
import { judgeRecord } from '../judge/judge-record';
import { connectionFacts, type JudgeSettings } from '../judge/settings';
import { versionOfSubprotocol } from '../ocpp/versions';
import { systemClock, type Clock } from '../util/clock';
import { frameSummary } from './frame-summary';
import type { TrafficStore } from './store';

/** Longest stretch of loading without letting other work (api calls) run, ms. */
const LOAD_SLICE_MS = 20;

interface OpenSession {
  summary: SessionSummary;
  judge?: SessionJudge;
  /** Monotonic time of its last record, where the session ends if the capture has no close. */
  lastMono: number;
  finished?: boolean;
}

export async function openCapture(
  store: TrafficStore,
  path: string,
  options: { version?: OcppVersion; clock?: Clock; judging?: JudgeSettings } = {},
): Promise<CaptureOpened> {
  const judging = options.judging ?? store.judging;
  const clock = options.clock ?? systemClock;
  const started = clock.mono();
  const warnings: string[] = [];
  const sessions = new Map<string, OpenSession>();
  let frames = 0;
  store.clear(`opened ${path}`);

  const ensure = (conn: string, init: Partial<SessionSummary> & { time: string; mono?: number; tls?: { version?: string }; authUser?: string }): OpenSession => {
    let s = sessions.get(conn);
    if (s === undefined) {
      const summary: SessionSummary = {
        id: conn,
        chargePointId: init.chargePointId ?? '?',
        source: 'capture',
        state: init.state ?? 'open',
        opened: init.time,
        frames: 0,
        findings: { error: 0, warning: 0, info: 0 },
      };
      if (init.path !== undefined) summary.path = init.path;
      if (init.subprotocol !== undefined) summary.subprotocol = init.subprotocol;
      if (init.remoteAddress !== undefined) summary.remoteAddress = init.remoteAddress;
      if (init.reason !== undefined) summary.reason = init.reason;
      const version = options.version ?? versionOfSubprotocol(init.subprotocol);
      if (version !== undefined) summary.version = version;
      s = { summary, lastMono: init.mono ?? 0 };
      if (version !== undefined) {
        s.judge = new SessionJudge(version, { ...judging.sessionOptions({ chargePointId: summary.chargePointId }), connection: connectionFacts(init) });
      }
      sessions.set(conn, s);
      store.addSession(summary);
    }
    return s;
  };

  const attach = (s: OpenSession, late: LateFinding[]): void => {
    for (const l of late) store.addLateFinding(s.summary.id, l.seq, l.finding, false);
  };
  const finish = (s: OpenSession, mono: number): void => {
    if (s.judge === undefined || s.finished === true) return;
    s.finished = true;
    attach(s, s.judge.finish(Math.max(mono, s.lastMono)));
  };

  // A long load must not starve the front ends: their queries are answered between slices,
  // so the first rows of a big capture show while the rest is still loading.
  let records = 0;
  let sliceStarted = performance.now();
  /** Time of the capture's last record: sessions never closed end there. */
  let captureEnd = 0;
  for await (const { record, offset, length, line } of readCapture(path, { onWarning: (w) => warnings.push(w.message) })) {
    if ('mono' in record && typeof record.mono === 'number' && record.mono > captureEnd) captureEnd = record.mono;
    if ((++records & 255) === 0 && performance.now() - sliceStarted > LOAD_SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
    switch (record.type) {
      case 'open':
        ensure(record.conn, {
          time: record.time,
          mono: record.mono,
          chargePointId: record.chargePointId,
          path: record.path,
          ...(record.subprotocol !== undefined ? { subprotocol: record.subprotocol } : {}),
          ...(record.remoteAddress !== undefined ? { remoteAddress: record.remoteAddress } : {}),
          ...(record.tls !== undefined ? { tls: record.tls } : {}),
          ...(record.authUser !== undefined ? { authUser: record.authUser } : {}),
        });
        break;
      case 'fail':
        ensure(record.conn, { time: record.time, chargePointId: record.chargePointId, path: record.path, state: 'failed', reason: record.reason });
        break;
      case 'close': {
        const s = sessions.get(record.conn);
        if (s !== undefined) {
          s.summary.state = 'closed';
          s.summary.closed = record.time;
          finish(s, record.mono);
        }
        break;
      }
      case 'event': {
        const s = sessions.get(record.conn);
        if (s?.judge !== undefined && !s.finished) {
          s.lastMono = record.mono;
          attach(s, s.judge.activity(record.dir, record.mono));
        }
        break;
      }
      case 'frame': {
        frames++;
        let s = sessions.get(record.conn);
        if (s === undefined) {
          warnings.push(`line ${line}: frame of connection ${record.conn}, which was never opened in this capture`);
          s = ensure(record.conn, { time: record.time });
        }
        const verdict = judgeRecord(s.judge, record);
        s.lastMono = record.mono;
        const summary = frameSummary(s.summary.id, record, verdict);
        const index = store.addFrame({ summary, findings: verdict.findings, source: path, offset, length }, false);
        if (verdict.requestSeq !== undefined) {
          const req = store.indexOf(record.conn, verdict.requestSeq);
          if (req !== undefined) store.linkPair(req, index);
        }
        if (verdict.late !== undefined) attach(s, verdict.late);
        break;
      }
      default:
        break;
    }
  }
  // Sessions still open when the capture ends end with its last record.
  for (const s of sessions.values()) finish(s, captureEnd);
  for (const s of sessions.values()) store.updateSession(s.summary.id, {});
  store.flushEvents();
  return { path, sessions: sessions.size, frames, warnings, millis: Math.round(clock.mono() - started) };
}
