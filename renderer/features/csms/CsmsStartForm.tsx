// Start a standalone CSMS: where chargers connect, which versions it prefers, TLS, recording.
import { useState } from 'react';
import type { CsmsStartArgs, RegistrationStatus } from '../../../api/csms';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useStores } from '../../stores/context';
import { useCsms } from '../../stores/hooks';

const PROTOCOLS = ['ocpp2.0.1', 'ocpp1.6', 'ocpp2.1'];

export function CsmsStartForm() {
  const { csms } = useStores();
  const starting = useCsms((s) => s.starting);
  const error = useCsms((s) => s.startError);
  const [listen, setListen] = useState('0.0.0.0:9000');
  const [protocols, setProtocols] = useState<string[]>(PROTOCOLS);
  const [boot, setBoot] = useState<RegistrationStatus>('Accepted');
  const [interval, setInterval] = useState('300');
  const [capture, setCapture] = useState('');
  const [config, setConfig] = useState('');
  const [certFile, setCertFile] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const [clientCaFile, setClientCaFile] = useState('');
  const [tokens, setTokens] = useState('');
  const [otherTokens, setOtherTokens] = useState('Accepted');
  const [problem, setProblem] = useState<string>();

  const start = () => {
    const heartbeat = Number(interval);
    if (!Number.isInteger(heartbeat) || heartbeat < 1) return setProblem('The heartbeat interval is a whole number of seconds.');
    if (protocols.length === 0) return setProblem('Offer at least one OCPP version.');
    if ((certFile === '') !== (keyFile === '')) return setProblem('TLS needs both a certificate and its key.');
    setProblem(undefined);
    const idTokens = Object.fromEntries(
      tokens
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => [t, { status: 'Accepted' }]),
    );
    const args: CsmsStartArgs = {
      listen: listen.trim(),
      settings: { subprotocols: protocols, boot: { status: boot, interval: heartbeat, retryInterval: 30 }, idTokens, unknownIdToken: otherTokens },
    };
    if (capture.trim() !== '') args.capture = capture.trim();
    if (config.trim() !== '') args.config = config.trim();
    if (certFile !== '') args.tls = { certFile, keyFile, ...(clientCaFile !== '' ? { clientCaFile } : {}) };
    void csms.getState().actions.start(args);
  };
  const toggle = (p: string) => setProtocols((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));

  return (
    <form
      className="form-grid csms-start"
      data-testid="csms-start-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <Field label="Listen (HOST:PORT)" hint="Chargers connect to ws://HOST:PORT/…/chargePointId; port 0 picks one">
        <input className="input" data-testid="csms-listen" value={listen} onChange={(e) => setListen(e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Versions offered, in order of preference">
        <div className="csms-protocols">
          {PROTOCOLS.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={protocols.includes(p)} onChange={() => toggle(p)} /> {p}
            </label>
          ))}
        </div>
      </Field>
      <Field label="BootNotification answer">
        <select className="input" value={boot} onChange={(e) => setBoot(e.target.value as RegistrationStatus)}>
          <option>Accepted</option>
          <option>Pending</option>
          <option>Rejected</option>
        </select>
      </Field>
      <Field label="Heartbeat interval (s)">
        <input className="input" value={interval} onChange={(e) => setInterval(e.target.value)} />
      </Field>
      <Field label="Id tokens accepted" hint="Comma-separated; a settings file can say more">
        <input className="input" value={tokens} placeholder="TAG-0001, TAG-0002" onChange={(e) => setTokens(e.target.value)} data-testid="csms-tokens" />
      </Field>
      <Field label="Any other id token">
        <select className="input" value={otherTokens} onChange={(e) => setOtherTokens(e.target.value)} data-testid="csms-other-tokens">
          <option>Accepted</option>
          <option>Invalid</option>
          <option>Blocked</option>
          <option>Expired</option>
        </select>
      </Field>
      <Field label="Record to capture file" wide>
        <input className="input" value={capture} placeholder="/path/to/csms.jsonl (optional)" onChange={(e) => setCapture(e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Settings file (JSON or YAML)" wide hint="Id tokens, credentials per charger, responders…">
        <input className="input" value={config} placeholder="csms.yaml (optional)" onChange={(e) => setConfig(e.target.value)} spellCheck={false} />
      </Field>
      <div className="form-section">TLS (security profiles 2 and 3)</div>
      <Field label="Server certificate (PEM file)">
        <input className="input" value={certFile} onChange={(e) => setCertFile(e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Key (PEM file)">
        <input className="input" value={keyFile} onChange={(e) => setKeyFile(e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Client CA (PEM file)" wide hint="Requires client certificates (profile 3)">
        <input className="input" value={clientCaFile} onChange={(e) => setClientCaFile(e.target.value)} spellCheck={false} />
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={starting} data-testid="csms-start">
          {starting ? 'Starting…' : 'Start CSMS'}
        </Button>
        {(problem ?? error?.message) !== undefined && (
          <span className="form-error" role="alert" data-testid="csms-start-error">
            {problem ?? error?.message}
          </span>
        )}
      </div>
    </form>
  );
}
