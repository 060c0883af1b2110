import type { RunSummary } from '../../../api/conformance';
import type { RunView } from '../../stores/runner/runner-store';

/** Case n of N, the step now running, and the verdicts so far. */
export function RunProgressBar({ run }: { run: RunView }) {
  const p = run.progress;
  const summary: RunSummary = run.finished?.summary ?? p?.summary ?? { total: run.caseCount, pass: 0, fail: 0, inconclusive: 0, notApplicable: 0 };
  const done = summary.pass + summary.fail + summary.inconclusive + summary.notApplicable;
  const fraction = run.caseCount === 0 ? 1 : done / run.caseCount;
  const state = run.finished === undefined ? 'running' : run.finished.error !== undefined ? 'failed' : 'finished';
  return (
    <div className="run-progress" data-testid="run-progress" data-state={state}>
      <div className="run-progress-line">
        <b>{state === 'running' ? (p !== undefined ? `Case ${p.caseIndex + 1} of ${p.caseCount}: ${p.caseId}` : 'Starting…') : state === 'failed' ? 'The run stopped' : `Finished: ${run.caseCount} case${run.caseCount === 1 ? '' : 's'}`}</b>
        <span className="run-counts" data-testid="run-counts">
          <span className="ok-text">{summary.pass} passed</span>
          <span className="error-text">{summary.fail} failed</span>
          <span className="warn-text">{summary.inconclusive} inconclusive</span>
          <span className="dim">{summary.notApplicable} not applicable</span>
        </span>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={run.caseCount} aria-valuenow={done}>
        <div className={`bar-fill${summary.fail > 0 ? ' bar-bad' : ''}`} style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      {state === 'running' && p?.step !== undefined && <div className="dim run-step">{p.step}</div>}
      {run.finished?.error !== undefined && <div className="error-text">{run.finished.error}</div>}
    </div>
  );
}
