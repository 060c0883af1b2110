import type { ReplayRun } from '../../stores/replay/replay-store';
import { OUTCOME_LABEL, OUTCOME_ORDER } from './outcomes';

/** Where the replay is (listening, connecting, exchange n of N, finished) and how it went. */
export function ReplayProgressBar({ run }: { run: ReplayRun }) {
  const p = run.progress;
  const result = run.result;
  const state = run.finished === undefined ? (p?.state ?? 'starting') : run.finished.verdict === 'failed' ? 'failed' : 'finished';
  const total = result?.exchanges.length ?? p?.total ?? 0;
  const done = result?.exchanges.length ?? p?.done ?? 0;
  const bad = result !== undefined ? result.verdict !== 'match' : run.log.some((l) => l.outcome !== undefined && l.outcome !== 'match');
  const who = run.session !== undefined ? `${run.session.chargePointId} (${run.session.id})` : run.id;
  const headline: Record<string, string> = {
    starting: 'Starting…',
    listening: p?.url !== undefined ? `Listening at ${p.url}: point the charger there` : 'Listening…',
    connecting: 'Connecting…',
    running: total > 0 ? `Replaying ${who}: exchange ${done} of ${total}` : `Replaying ${who}`,
    finished: `Finished: ${run.finished?.verdict === 'match' ? 'every exchange matched' : 'the live peer answered differently'}`,
    failed: 'The replay could not run to its end',
  };
  return (
    <div className="run-progress" data-testid="replay-progress" data-state={state}>
      <div className="run-progress-line">
        <b data-testid="replay-headline">{headline[state]}</b>
        {result !== undefined && (
          <span className="run-counts" data-testid="replay-counts">
            {OUTCOME_ORDER.filter((o) => o === 'match' || o === 'differs' || result.counts[o] > 0).map((o) => (
              <span key={o} className={o === 'match' ? 'ok-text' : o === 'differs' ? 'error-text' : 'warn-text'}>
                {result.counts[o]} {OUTCOME_LABEL[o]}
              </span>
            ))}
          </span>
        )}
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className={`bar-fill${bad ? ' bar-bad' : ''}`} style={{ width: `${total === 0 ? (state === 'finished' ? 100 : 0) : Math.round((done / total) * 100)}%` }} />
      </div>
      {run.finished?.reason !== undefined && (
        <div className="error-text" data-testid="replay-reason">
          {run.finished.reason}
        </div>
      )}
    </div>
  );
}
