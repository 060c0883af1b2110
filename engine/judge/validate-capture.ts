// Validates a capture file: replays every session's frames through a SessionJudge and
// collects the findings with their place in the file. Findings are derived when read,
// never stored in the capture (DESIGN "Capture format").
import type {
  FindingCounts,
  LocatedFinding,
  OcppVersion,
  ValidationReport,
  ValidationSession,
} from '../../api/model';
import { readCapture } from '../capture/reader';
import { compileFilter } from '../filter/compile';
import { RecordFrameView } from '../filter/record-view';
import { versionOfSubprotocol } from '../ocpp/versions';
import { SessionJudge, type LateFinding, type Verdict } from './session-judge';
import { judgeRecord } from './judge-record';
import { connectionFacts, JudgeSettings } from './settings';

export interface ValidateOptions {
  /** Judge every session as this version instead of its negotiated subprotocol. */
  version?: OcppVersion;
  /**
   * Report only the findings of frames matching this filter expression (engine/filter).
   * Every frame is still judged, so correlation and latency stay right.
   */
  filter?: string;
  /** Deviation profile and behaviour options (default: built-in options, no profile). */
  judging?: JudgeSettings;
}

const NOT_JUDGED: Verdict = { findings: [] };

interface SessionState {
  info: ValidationSession;
  judge?: SessionJudge;
  /**
   * Capture frame number of each judged frame by seq, so a late finding lands on its frame;
   * negative when the frame did not match the filter.
   */
  frameNumbers: number[];
  lastMono: number;
  finished?: boolean;
}

export function emptyCounts(): FindingCounts {
  return { error: 0, warning: 0, info: 0 };
}

export async function validateCapture(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  // A bad expression fails here, before the file is read.
  const expression = options.filter?.trim();
  const filter = expression === undefined || expression === '' ? undefined : compileFilter(expression);
  const view = new RecordFrameView();
  const judging = options.judging ?? new JudgeSettings();
  let matched = 0;
  const report: ValidationReport = {
    file: path,
    frames: 0,
    sessions: [],
    findings: [],
    byRule: {},
    warnings: [],
    errors: 0,
  };
  const sessions = new Map<string, SessionState>();

  const sessionFor = (conn: string, chargePointId: string, subprotocol?: string, open?: { tls?: { version?: string }; authUser?: string; mono?: number }): SessionState => {
    let state = sessions.get(conn);
    if (state === undefined) {
      const version = options.version ?? versionOfSubprotocol(subprotocol);
      const info: ValidationSession = { id: conn, chargePointId, frames: 0, findings: emptyCounts() };
      if (subprotocol !== undefined) info.subprotocol = subprotocol;
      if (version !== undefined) info.version = version;
      state = { info, frameNumbers: [], lastMono: open?.mono ?? 0 };
      if (version !== undefined) {
        state.judge = new SessionJudge(version, { ...judging.sessionOptions({ chargePointId }), connection: connectionFacts(open ?? {}) });
      } else {
        report.warnings.push(
          `session ${conn} (${chargePointId}) negotiated ${subprotocol === undefined ? 'no subprotocol' : `"${subprotocol}"`}, which is not an OCPP version this tool knows; its frames were not judged (use --version to force one)`,
        );
      }
      sessions.set(conn, state);
      report.sessions.push(info);
    }
    return state;
  };

  const reader = readCapture(path, { onWarning: (w) => report.warnings.push(w.message) });
  /** Time of the capture's last record: sessions never closed end there. */
  let captureEnd = 0;
  for await (const { record, line } of reader) {
    if ('mono' in record && typeof record.mono === 'number' && record.mono > captureEnd) captureEnd = record.mono;
    switch (record.type) {
      case 'open':
        sessionFor(record.conn, record.chargePointId, record.subprotocol, record);
        break;
      case 'close': {
        const state = sessions.get(record.conn);
        if (state !== undefined) finish(state, record.mono);
        break;
      }
      case 'event': {
        const state = sessions.get(record.conn);
        if (state?.judge !== undefined && state.finished !== true) {
          state.lastMono = record.mono;
          addLate(state, state.judge.activity(record.dir, record.mono));
        }
        break;
      }
      case 'frame': {
        report.frames++;
        let state = sessions.get(record.conn);
        if (state === undefined) {
          report.warnings.push(`line ${line}: frame of connection ${record.conn}, which was never opened in this capture`);
          state = sessionFor(record.conn, '?');
        }
        const verdict = state.finished !== true ? judgeRecord(state.judge, record) : NOT_JUDGED;
        state.lastMono = record.mono;
        if (verdict.late !== undefined) addLate(state, verdict.late);
        const matches = filter === undefined || filter.matches(view.set(record, verdict, state.info.chargePointId));
        state.frameNumbers[record.seq] = matches ? report.frames : -report.frames;
        if (!matches) break;
        matched++;
        state.info.frames++;
        if (state.judge === undefined) break;
        const base = {
          frame: report.frames,
          session: record.conn,
          seq: record.seq,
          time: record.time,
          dir: record.dir,
          chargePointId: state.info.chargePointId,
        };
        for (const finding of verdict.findings) {
          const located: LocatedFinding = { ...base, finding };
          if (verdict.action !== undefined) located.action = verdict.action;
          if (verdict.messageId !== undefined) located.messageId = verdict.messageId;
          add(state, located);
        }
        break;
      }
      default:
        break;
    }
  }
  // Sessions still open when the capture ends end with its last record.
  for (const state of sessions.values()) finish(state, captureEnd);
  // Late findings were added when discovered; list everything in frame order.
  report.findings.sort((a, b) => a.frame - b.frame);
  const profile = judging.profile;
  if (profile !== undefined) {
    report.profile = { name: profile.name, ...(profile.path !== undefined ? { path: profile.path } : {}) };
    report.deviations = report.findings.filter((f) => f.finding.deviation !== undefined).length;
  }
  if (filter !== undefined) {
    report.filter = { expression: filter.expression, frames: matched };
    report.sessions = report.sessions.filter((s) => s.frames > 0);
  }
  return report;

  function finish(state: SessionState, mono: number): void {
    if (state.judge === undefined || state.finished === true) return;
    state.finished = true;
    addLate(state, state.judge.finish(Math.max(mono, state.lastMono)));
  }

  /** Places findings about earlier frames on those frames (if they matched the filter). */
  function addLate(state: SessionState, late: LateFinding[]): void {
    for (const l of late) {
      const frame = state.frameNumbers[l.seq];
      if (frame === undefined || frame < 0) continue;
      const located: LocatedFinding = {
        frame,
        session: state.info.id,
        seq: l.seq,
        time: l.time ?? '',
        dir: l.dir,
        chargePointId: state.info.chargePointId,
        finding: l.finding,
      };
      if (l.action !== undefined) located.action = l.action;
      if (l.messageId !== undefined) located.messageId = l.messageId;
      add(state, located);
    }
  }

  function add(state: SessionState, located: LocatedFinding): void {
    const { severity, rule } = located.finding;
    report.findings.push(located);
    state.info.findings[severity]++;
    const entry = (report.byRule[rule] ??= { severity, count: 0 });
    entry.count++;
    if (severity === 'error') report.errors++;
  }
}
