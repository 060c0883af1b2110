// What to replay and how: the capture and its session (checked by the engine first), the
// side the bench plays, where the peer is, timing, and what the comparison leaves out.
import { useState } from 'react';
import type { ReplaySide } from '../../../api/replay';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useStores } from '../../stores/context';
import { CAPTURE_FILTERS } from '../../stores/host';
import { useReplay } from '../../stores/hooks';
import { DEFAULT_CORRELATED, DEFAULT_VOLATILE, settingsFromDraft, type ReplayDraft, type ReplayDraftErrors, type TimingMode } from '../../stores/replay/replay-draft';
import { CheckResult, sessionLabel } from './CheckResult';
import { PathInput } from './PathInput';

export function ReplaySetup() {
  const { replay } = useStores();
  const draft = useReplay((s) => s.draft);
  const check = useReplay((s) => s.check);
  const checking = useReplay((s) => s.checking);
  const starting = useReplay((s) => s.starting);
  const startError = useReplay((s) => s.startError);
  const running = useReplay((s) => s.run !== undefined && s.run.finished === undefined);
  const [errors, setErrors] = useState<ReplayDraftErrors>({});
  const [more, setMore] = useState(false);
  const { edit, check: runCheck } = replay.getState().actions;
  const several = check !== undefined && check.sessions.length > 1;

  const set = (patch: Partial<ReplayDraft>) => {
    edit(patch);
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const start = () => {
    const made = settingsFromDraft(draft);
    if (!made.ok) {
      setErrors(made.errors);
      if (made.errors.password !== undefined || made.errors.callTimeoutS !== undefined || made.errors.peerWaitS !== undefined || made.errors.connectTimeoutS !== undefined) setMore(true);
      return;
    }
    void replay.getState().actions.start(made.settings);
  };
  const text = (key: keyof ReplayDraft, label: string, props: { placeholder?: string; hint?: string; wide?: boolean; type?: string } = {}) => (
    <Field label={label} error={errors[key]} hint={props.hint} wide={props.wide ?? false}>
      <input
        className="input"
        type={props.type ?? 'text'}
        value={String(draft[key])}
        placeholder={props.placeholder}
        spellCheck={false}
        aria-invalid={errors[key] !== undefined}
        data-testid={`replay-${key}`}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Field>
  );

  return (
    <form
      className="form-grid replay-setup"
      data-testid="replay-setup"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <Field label="Capture" wide error={errors.path} hint="The path as the engine sees it">
        <span className="path-row">
          <PathInput
            value={draft.path}
            onChange={(path) => set({ path })}
            onChosen={() => void runCheck()}
            onEnter={() => void runCheck()}
            dialog={{ kind: 'open', title: 'Replay a capture', filters: CAPTURE_FILTERS }}
            label="Capture to replay"
            testId="replay-path"
            placeholder="/path/to/capture.jsonl"
            invalid={errors.path !== undefined}
          />
          <Button onClick={() => void runCheck()} disabled={checking || draft.path.trim() === ''} data-testid="replay-check-run">
            {checking ? 'Checking…' : 'Check'}
          </Button>
        </span>
      </Field>
      <Field label="Replay as" wide={!several} hint={draft.as === 'charger' ? 'The bench plays the recorded charger against a live CSMS.' : 'The bench plays the recorded CSMS; a live charger connects to it.'}>
        <Segmented<ReplaySide>
          label="Replay as"
          testId="replay-as"
          value={draft.as}
          onChange={(as) => set({ as })}
          options={[
            { value: 'charger', label: 'Charger' },
            { value: 'csms', label: 'CSMS' },
          ]}
        />
      </Field>
      {several && (
        <Field label="Session">
          <select className="input" value={draft.session} onChange={(e) => set({ session: e.target.value })} data-testid="replay-session">
            <option value="">Choose one of {check.sessions.length}</option>
            {check.sessions.map((s) => (
              <option key={s.id} value={s.id} title={`${s.id} opened ${s.opened} at ${s.path}`}>
                {sessionLabel(s)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <CheckResult />
      <div className="form-section">Peer and timing</div>
      {draft.as === 'charger'
        ? text('target', 'CSMS address', { wide: true, hint: 'ws:// or wss://; a URL without a path gets the recorded path, one with a path gets the charge point id' })
        : text('listen', 'Listen (HOST:PORT)', { wide: true, hint: 'The charger connects here; port 0 picks a free one (shown once listening)' })}
      <Field label="Timing" wide={draft.timing !== 'fixed'} hint={draft.timing === 'recorded' ? 'Waits as long as the recording did before each CALL' : draft.timing === 'fast' ? 'No wait between exchanges' : 'The same wait before each CALL'}>
        <Segmented<TimingMode>
          label="Timing"
          testId="replay-timing"
          value={draft.timing}
          onChange={(timing) => set({ timing })}
          options={[
            { value: 'recorded', label: 'Recorded' },
            { value: 'fast', label: 'Fast' },
            { value: 'fixed', label: 'Fixed' },
          ]}
        />
      </Field>
      {draft.timing === 'fixed' && text('fixedMs', 'Wait before each CALL (ms)')}
      <div className="form-section with-tools">
        Comparison
        <Button small variant="ghost" onClick={() => set({ volatile: DEFAULT_VOLATILE.join(', '), correlated: DEFAULT_CORRELATED.join(', ') })} data-testid="replay-defaults">
          Defaults
        </Button>
      </div>
      {text('volatile', 'Volatile fields (ignored)', { wide: true, hint: 'A field name anywhere, a JSON Pointer (/meterValue/*/sampledValue/*/value), or @date-time for every date-time' })}
      {text('correlated', 'Correlated ids', { wide: true, hint: 'Ids one side issues: a live value may differ from the recorded one, as long as it does so consistently' })}
      <Field label="Record the replay to" wide hint="A capture of mode replay (optional); the session is in the traffic view either way">
        <PathInput value={draft.capture} onChange={(capture) => set({ capture })} dialog={{ kind: 'save', title: 'Record the replay to', filters: CAPTURE_FILTERS }} label="Record the replay to" testId="replay-capture" placeholder="/path/to/replay.jsonl (optional)" />
      </Field>
      <button type="button" className="form-section disclosure" aria-expanded={more} onClick={() => setMore(!more)}>
        {more ? '▾' : '▸'} Timeouts{draft.as === 'charger' ? ' and credentials' : ''}
      </button>
      {more && (
        <>
          {draft.as === 'charger' && text('password', 'Basic-auth password', { type: 'password', hint: 'Captures keep it redacted', wide: true })}
          {text('callTimeoutS', 'Answer timeout (s)', { placeholder: '30' })}
          {text('peerWaitS', 'Wait for the peer\u2019s CALLs (s)', { placeholder: '10' })}
          {draft.as === 'csms' && text('connectTimeoutS', 'Wait for the charger (s)', { placeholder: '60' })}
        </>
      )}
      <div className="form-actions replay-actions">
        <Button type="submit" variant="primary" disabled={running || starting || check?.replayable !== true} data-testid="replay-start" title={check === undefined ? 'Check the capture first' : undefined}>
          {starting ? 'Starting…' : running ? 'Replaying…' : 'Start replay'}
        </Button>
        {running && (
          <Button variant="danger" onClick={() => void replay.getState().actions.cancel()} data-testid="replay-cancel">
            Cancel
          </Button>
        )}
        {startError !== undefined && (
          <span className="form-error" role="alert" data-testid="replay-start-error">
            {startError.message}
          </span>
        )}
      </div>
    </form>
  );
}
