// Compare two captures without a live peer (diff.captures): sessions paired by charge
// point id, or as given.
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useStores } from '../../stores/context';
import { CAPTURE_FILTERS } from '../../stores/host';
import { useDiff } from '../../stores/hooks';
import { PathInput } from './PathInput';

export function DiffForm() {
  const { diff } = useStores();
  const draft = useDiff((s) => s.draft);
  const running = useDiff((s) => s.running);
  const error = useDiff((s) => s.error);
  const { edit, run } = diff.getState().actions;
  const capture = (key: 'a' | 'b', label: string) => (
    <Field label={label} wide>
      <PathInput value={draft[key]} onChange={(path) => edit({ [key]: path })} onEnter={() => void run()} dialog={{ kind: 'open', title: label, filters: CAPTURE_FILTERS }} label={label} testId={`diff-${key}`} placeholder="/path/to/capture.jsonl" />
    </Field>
  );
  return (
    <form
      className="form-grid replay-setup"
      data-testid="diff-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <p className="dim field-wide form-intro">Compares two captures exchange by exchange, the way replay compares: volatile fields aside, correlated ids consistent. One extra Heartbeat does not shift everything after it.</p>
      {capture('a', 'Capture A (reference)')}
      {capture('b', 'Capture B')}
      <Field label="Sessions (optional)" wide hint="CONN_A=CONN_B pairs two sessions; a connection or charge point id keeps only those. Default: every session, paired by charge point id">
        <input className="input mono" value={draft.sessions} onChange={(e) => edit({ sessions: e.target.value })} spellCheck={false} placeholder="conn_a1=conn_b7, CP001" data-testid="diff-sessions" />
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={running} data-testid="diff-run">
          {running ? 'Comparing…' : 'Compare'}
        </Button>
        {error !== undefined && (
          <span className="form-error" role="alert" data-testid="diff-error">
            {error.message}
          </span>
        )}
      </div>
    </form>
  );
}
