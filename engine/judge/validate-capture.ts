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
import type { FrameRecord } from '../capture/format';
import { readCapture } from '../capture/reader';
import { compileFilter } from '../filter/compile';
import { RecordFrameView } from '../filter/record-view';
import { versionOfSubprotocol } from '../ocpp/versions';
import { SessionJudge, type Verdict } from './session-judge';

export interface ValidateOptions {
  /** Judge every session as this version instead of its negotiated subprotocol. */
  version?: OcppVersion;
  /**
   * Report only the findings of frames matching this filter expression (engine/filter).
   * Every frame is still judged, so correlation and latency stay right.
   */
  filter?: string;
}

/** Judges one frame record; a binary frame is a framing error (OCPP-J frames are text). */
export function judgeRecord(judge: SessionJudge, record: FrameRecord): Verdict {
  if (record.text === undefined) {
    return {
      findings: [
        {
          rule: 'framing.binary-frame',
          severity: 'error',
          group: 'framing',
          message: 'Binary WebSocket frame: OCPP-J messages are text frames',
          specRef: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2',
        },
      ],
    };
  }
  return judge.judge({ text: record.text, dir: record.dir, seq: record.seq, mono: record.mono });
}

const NOT_JUDGED: Verdict = { findings: [] };

interface SessionState {
  info: ValidationSession;
  judge?: SessionJudge;
}

export function emptyCounts(): FindingCounts {
  return { error: 0, warning: 0, info: 0 };
}

export async function validateCapture(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  // A bad expression fails here, before the file is read.
  const expression = options.filter?.trim();
  const filter = expression === undefined || expression === '' ? undefined : compileFilter(expression);
  const view = new RecordFrameView();
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

  const sessionFor = (conn: string, chargePointId: string, subprotocol?: string): SessionState => {
    let state = sessions.get(conn);
    if (state === undefined) {
      const version = options.version ?? versionOfSubprotocol(subprotocol);
      const info: ValidationSession = { id: conn, chargePointId, frames: 0, findings: emptyCounts() };
      if (subprotocol !== undefined) info.subprotocol = subprotocol;
      if (version !== undefined) info.version = version;
      state = { info };
      if (version !== undefined) {
        state.judge = new SessionJudge(version);
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
  for await (const { record, line } of reader) {
    switch (record.type) {
      case 'open':
        sessionFor(record.conn, record.chargePointId, record.subprotocol);
        break;
      case 'frame': {
        report.frames++;
        let state = sessions.get(record.conn);
        if (state === undefined) {
          report.warnings.push(`line ${line}: frame of connection ${record.conn}, which was never opened in this capture`);
          state = sessionFor(record.conn, '?');
        }
        const verdict = state.judge !== undefined ? judgeRecord(state.judge, record) : NOT_JUDGED;
        if (filter !== undefined && !filter.matches(view.set(record, verdict, state.info.chargePointId))) break;
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
  if (filter !== undefined) {
    report.filter = { expression: filter.expression, frames: matched };
    report.sessions = report.sessions.filter((s) => s.frames > 0);
  }
  return report;

  function add(state: SessionState, located: LocatedFinding): void {
    const { severity, rule } = located.finding;
    report.findings.push(located);
    state.info.findings[severity]++;
    const entry = (report.byRule[rule] ??= { severity, count: 0 });
    entry.count++;
    if (severity === 'error') report.errors++;
  }
}
