// Test runner: choose the cases and the system under test, watch the run, answer the
// operator, read the results down to the frames, export the report.
import { EmptyState, Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useRunner } from '../../stores/hooks';
import { ExportBar } from './ExportBar';
import { PromptDialog } from './PromptDialog';
import { Results } from './Results';
import { RunProgressBar } from './RunProgressBar';
import { RunSetup } from './RunSetup';
import { StepLog } from './StepLog';
import './runner.css';

export function RunnerView() {
  const run = useRunner((s) => s.run);
  return (
    <div className="runner-view" data-testid="runner-view">
      <SplitPane direction="row" initial={460} min={320} label="Resize the run setup">
        <Panel title="Run setup">
          <RunSetup />
        </Panel>
        <div className="run-panel">
          {run === undefined ? (
            <EmptyState title="No run yet">Choose the cases on the left and press Run. Against the built-in simulator a run shows what passing looks like.</EmptyState>
          ) : (
            <>
              <RunProgressBar run={run} />
              {run.report !== undefined && <ExportBar runId={run.runId} />}
              {run.report !== undefined ? (
                <SplitPane direction="column" fixed="second" initial={160} min={60} label="Resize the step log">
                  <Results report={run.report} />
                  <StepLog log={run.log} />
                </SplitPane>
              ) : (
                <StepLog log={run.log} />
              )}
            </>
          )}
        </div>
      </SplitPane>
      <PromptDialog />
    </div>
  );
}
