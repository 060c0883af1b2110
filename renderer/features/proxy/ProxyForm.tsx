// Start a proxy: where chargers connect, where the CSMS is, TLS on either leg, recording.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useStores } from '../../stores/context';
import { useProxy } from '../../stores/hooks';
import { DEFAULT_PROXY_DRAFT, settingsFromDraft, type ProxyDraft, type ProxyDraftErrors } from './proxy-draft';

export function ProxyForm() {
  const { proxy } = useStores();
  const starting = useProxy((s) => s.starting);
  const startError = useProxy((s) => s.startError);
  const [draft, setDraft] = useState<ProxyDraft>(DEFAULT_PROXY_DRAFT);
  const [errors, setErrors] = useState<ProxyDraftErrors>({});
  const [tlsOpen, setTlsOpen] = useState(false);

  const edit = <K extends keyof ProxyDraft>(key: K, value: ProxyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const text = (key: keyof ProxyDraft, label: string, props: { placeholder?: string; hint?: string; wide?: boolean } = {}) => (
    <Field label={label} error={errors[key]} hint={props.hint} wide={props.wide ?? false}>
      <input
        className="input"
        data-testid={`proxy-${key}`}
        value={String(draft[key])}
        placeholder={props.placeholder}
        spellCheck={false}
        aria-invalid={errors[key] !== undefined}
        onChange={(e) => edit(key, e.target.value as never)}
      />
    </Field>
  );

  const start = () => {
    const result = settingsFromDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      if (Object.keys(result.errors).some((k) => k.toLowerCase().includes('file'))) setTlsOpen(true);
      return;
    }
    void proxy.getState().actions.start(result.settings);
  };

  return (
    <form
      className="form-grid proxy-form"
      data-testid="proxy-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      {text('host', 'Listen address', { hint: '0.0.0.0: every interface' })}
      {text('port', 'Port', { hint: '0: any free port' })}
      {text('upstream', 'CSMS address (upstream)', { placeholder: 'ws://csms.example:8180/ocpp', wide: true })}
      <Field label="Upstream path" wide hint={draft.pathMode === 'id' ? 'upstream URL + / + the charge point id' : 'upstream URL path + the charger\u2019s whole path'}>
        <Segmented
          label="Upstream path"
          value={draft.pathMode}
          onChange={(v) => edit('pathMode', v)}
          options={[
            { value: 'id', label: 'Charge point id' },
            { value: 'full', label: 'Charger\u2019s full path' },
          ]}
        />
      </Field>
      {text('capture', 'Record to capture file', { placeholder: '/path/to/session.jsonl (optional)', wide: true })}
      <label className="check field-wide">
        <input type="checkbox" checked={draft.redact} onChange={(e) => edit('redact', e.target.checked)} /> Redact credentials in the capture (passwords, AuthorizationKey)
      </label>
      {text('rulesFile', 'Fault rules file', { placeholder: 'rules.yaml (optional; rules can also be added once running)', wide: true })}
      <button type="button" className="form-section disclosure" aria-expanded={tlsOpen} onClick={() => setTlsOpen(!tlsOpen)}>
        {tlsOpen ? '▾' : '▸'} TLS (security profiles 2 and 3)
      </button>
      {tlsOpen && (
        <>
          {text('certFile', 'Proxy certificate (PEM)', { hint: 'Toward chargers: wss://' })}
          {text('keyFile', 'Proxy key (PEM)')}
          {text('clientCaFile', 'Charger client CA (PEM)', { hint: 'Requires client certificates (profile 3)', wide: true })}
          {text('upstreamCaFile', 'CSMS CA (PEM)', { hint: 'Trust for a wss:// upstream', wide: true })}
          {text('upstreamCertFile', 'Client certificate to CSMS')}
          {text('upstreamKeyFile', 'Its key')}
        </>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={starting} data-testid="proxy-start">
          {starting ? 'Starting…' : 'Start proxy'}
        </Button>
        {startError !== undefined && (
          <span className="form-error" role="alert" data-testid="proxy-start-error">
            {startError.message}
          </span>
        )}
      </div>
    </form>
  );
}
