// What `replay.check` says about the chosen session: which session, whether it can be
// replayed, and every problem (code, severity, frame) before anything starts.
import type { RecordedSessionInfo, ReplayCheck } from '../../../api/replay';
import { SeverityBadge } from '../../components/Badge';
import { useReplay } from '../../stores/hooks';

export function sessionLabel(s: RecordedSessionInfo): string {
  return `${s.chargePointId} · ${s.version ?? s.subprotocol ?? 'no version'} · ${s.frames} frames · CALLs: charger ${s.calls.charger}, CSMS ${s.calls.csms}`;
}

export function CheckResult() {
  const check = useReplay((s) => s.check);
  const checking = useReplay((s) => s.checking);
  const error = useReplay((s) => s.checkError);
  if (error !== undefined) {
    return (
      <p className="error-text field-wide" role="alert" data-testid="replay-check-error">
        {error.message}
      </p>
    );
  }
  if (check === undefined) return <p className="faint field-wide">{checking ? 'Checking…' : 'Check the capture to see its sessions and whether they can be replayed.'}</p>;
  return <CheckSummary check={check} />;
}

function CheckSummary({ check }: { check: ReplayCheck }) {
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="replay-check field-wide" data-testid="replay-check" data-replayable={check.replayable}>
      <div className="replay-check-head">
        <span className={`pill pill-${check.replayable ? 'ok' : 'bad'}`}>{check.replayable ? 'Replayable' : 'Cannot be replayed'}</span>
        <span className="dim">
          {check.session !== undefined ? `${check.session.id}: ${sessionLabel(check.session)}` : `${check.sessions.length} session${check.sessions.length === 1 ? '' : 's'} in the capture`}
        </span>
      </div>
      {check.problems.length === 0 ? (
        <p className="dim replay-check-none">No problems: every CALL of this side has its answer.</p>
      ) : (
        <table className="data-table problems" data-testid="replay-problems">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Problem</th>
              <th>Frame</th>
              <th>{errors > 0 ? 'Why it cannot be replayed' : 'What the replay skips'}</th>
            </tr>
          </thead>
          <tbody>
            {check.problems.map((p, i) => (
              <tr key={i} data-testid="replay-problem" data-code={p.code} data-severity={p.severity}>
                <td>
                  <SeverityBadge severity={p.severity} />
                </td>
                <td className="mono nowrap">{p.code}</td>
                <td className="mono">{p.seq !== undefined ? `#${p.seq}` : ''}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
