// Start simulated chargers against a CSMS, optionally with named faulty behaviours.
import { useEffect, useState } from 'react';
import { OCPP_VERSIONS, type OcppVersion } from '../../../api/model';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useStores } from '../../stores/context';
import { useSim } from '../../stores/hooks';
import { DEFAULT_SIM_DRAFT, simArgsFromDraft, type SimDraft, type SimDraftErrors } from './sim-draft';

export function SimStartForm() {
  const { sim } = useStores();
  const starting = useSim((s) => s.starting);
  const startError = useSim((s) => s.startError);
  const behaviours = useSim((s) => s.behaviours);
  const [draft, setDraft] = useState<SimDraft>(DEFAULT_SIM_DRAFT);
  const [errors, setErrors] = useState<SimDraftErrors>({});
  const [more, setMore] = useState(false);

  useEffect(() => void sim.getState().actions.loadBehaviours(draft.version), [sim, draft.version]);

  const edit = <K extends keyof SimDraft>(key: K, value: SimDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const text = (key: 'url' | 'id' | 'connectors' | 'count' | 'password' | 'timeScale' | 'powerW' | 'caFile' | 'certFile' | 'keyFile' | 'capture', label: string, hint?: string, wide = false) => (
    <Field label={label} error={errors[key]} hint={hint} wide={wide}>
      <input className="input" data-testid={`sim-${key}`} value={draft[key]} spellCheck={false} onChange={(e) => edit(key, e.target.value)} type={key === 'password' ? 'password' : 'text'} />
    </Field>
  );
  const toggleBehaviour = (name: string) => edit('behaviours', draft.behaviours.includes(name) ? draft.behaviours.filter((b) => b !== name) : [...draft.behaviours, name]);

  const start = () => {
    const result = simArgsFromDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    void sim.getState().actions.start(result.args);
  };

  return (
    <form
      className="form-grid"
      data-testid="sim-start-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      {text('url', 'CSMS address', 'The charge point id is appended: URL/ID', true)}
      {text('id', 'Charge point id', 'Several chargers: a pattern, SIM-{n:3} → SIM-001…')}
      <Field label="OCPP version">
        <select className="input" data-testid="sim-version" value={draft.version} onChange={(e) => edit('version', e.target.value as OcppVersion)}>
          {OCPP_VERSIONS.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </Field>
      {text('connectors', draft.version === '1.6' ? 'Connectors' : 'EVSEs')}
      {text('count', 'Chargers')}
      {text('password', 'Basic auth password', 'Security profile 1 or 2')}
      {text('timeScale', 'Time scale', '0.1: timers run ten times faster')}
      <Field label="Faulty behaviours" wide hint={draft.behaviours.length === 0 ? 'None: the charger behaves as the spec says' : `${draft.behaviours.length} chosen`}>
        <div className="behaviours" data-testid="sim-behaviours">
          {behaviours === undefined && <span className="dim">Loading…</span>}
          {behaviours?.length === 0 && <span className="dim">The engine lists no behaviours for this version.</span>}
          {behaviours?.map((b) => (
            <label key={b.name} className="check behaviour" title={`${b.description}\nCaught by: ${b.rule}`}>
              <input type="checkbox" checked={draft.behaviours.includes(b.name)} onChange={() => toggleBehaviour(b.name)} />
              <span className="mono">{b.name}</span>
              <span className="dim">{b.description}</span>
            </label>
          ))}
        </div>
      </Field>
      <button type="button" className="form-section disclosure" aria-expanded={more} onClick={() => setMore(!more)}>
        {more ? '▾' : '▸'} Power, TLS, recording
      </button>
      {more && (
        <>
          {text('powerW', 'Max power per connector (W)')}
          {text('capture', 'Record to capture file')}
          {text('caFile', 'CSMS CA (PEM file)', 'For wss://', true)}
          {text('certFile', 'Client certificate (PEM)', 'Security profile 3')}
          {text('keyFile', 'Client key (PEM)')}
          <label className="check field-wide">
            <input type="checkbox" checked={draft.insecure} onChange={(e) => edit('insecure', e.target.checked)} /> Accept any CSMS certificate (testing only)
          </label>
        </>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={starting} data-testid="sim-start">
          {starting ? 'Starting…' : 'Start'}
        </Button>
        {startError !== undefined && (
          <span className="form-error" role="alert" data-testid="sim-start-error">
            {startError.message}
          </span>
        )}
      </div>
    </form>
  );
}
