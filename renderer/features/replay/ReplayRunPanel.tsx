// The right-hand side of the replay tab: progress and the live log while it runs; the
// result, its export and the log once it is over.
import { EmptyState } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useReplay } from '../../stores/hooks';
import { ReplayExportBar } from './ReplayExportBar';
import { ReplayLog } from './ReplayLog';
import { ReplayProgressBar } from './ReplayProgressBar';
import { ReplayResultView } from './ReplayResultView';

export function ReplayRunPanel() {
  const run = useReplay((s) => s.run);
  if (run === undefined) {
    return (
      <div className="run-panel">
        <EmptyState title="No replay yet">
          Check a capture, choose the side the bench plays and press Start replay. Each exchange is compared with the recording, path by path.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="run-panel" data-testid="replay-run">
      <ReplayProgressBar run={run} />
      {run.result !== undefined && <ReplayExportBar id={run.id} />}
      {run.resultError !== undefined && run.finished?.reason === undefined && <p className="error-text pad">{run.resultError.message}</p>}
      {run.result !== undefined ? (
        <SplitPane direction="column" fixed="second" initial={140} min={60} label="Resize the replay log">
          <ReplayResultView result={run.result} />
          <ReplayLog log={run.log} />
        </SplitPane>
      ) : (
        <ReplayLog log={run.log} />
      )}
    </div>
  );
}
