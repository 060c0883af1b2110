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
import { versionOfSubprotocol } from '../ocpp/versions';
import { SessionJudge } from './session-judge';

export interface ValidateOptions {
  /** Judge every session as this version instead of its negotiated subprotocol. */
  version?: OcppVersion;
}

interface SessionState {
  info: ValidationSession;
  judge?: SessionJudge;
}

export function emptyCounts(): FindingCounts {
  return { error: 0, warning: 0, info: 0 };
}

export async function validateCapture(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
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
        if (record.text === undefined) {
          add(state, {
            ...base,
            finding: {
              rule: 'framing.binary-frame',
              severity: 'error',
              group: 'framing',
              message: 'Binary WebSocket frame: OCPP-J messages are text frames',
              specRef: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2',
            },
          });
          break;
        }
        const verdict = state.judge.judge({ text: record.text, dir: record.dir, seq: record.seq, mono: record.mono });
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
