// Send any CSMS-initiated action to the selected charger: a form generated from the
// action's schema or a JSON editor, both checked by the engine as you type.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OcppVersion } from '../../../api/model';
import { Button } from '../../components/Button';
import { Segmented } from '../../components/Segmented';
import { SchemaForm } from '../../components/schema-form/SchemaForm';
import { removeAt, setAt, type Path } from '../../components/schema-form/values';
import { useStores } from '../../stores/context';
import type { ComposerMode } from '../../stores/csms/composer-store';
import { useComposer } from '../../stores/hooks';
import { ComposerFindings } from './ComposerFindings';
import { SentList } from './SentList';

const CHECK_DELAY_MS = 200;

export function Composer({ csmsId, chargePointId, version, connected }: { csmsId: string; chargePointId: string; version: OcppVersion; connected: boolean }) {
  const { composer, csms } = useStores();
  const available = useComposer((s) => s.available);
  const action = useComposer((s) => s.action);
  const schema = useComposer((s) => s.schema);
  const payload = useComposer((s) => s.payload);
  const text = useComposer((s) => s.text);
  const textError = useComposer((s) => s.textError);
  const findings = useComposer((s) => s.findings);
  const checked = useComposer((s) => s.checked);
  const mode = useComposer((s) => s.mode);
  const error = useComposer((s) => s.error);
  const [allowInvalid, setAllowInvalid] = useState(false);
  const [sending, setSending] = useState(false);
  const actions = composer.getState().actions;

  useEffect(() => void composer.getState().actions.setVersion(version), [composer, version]);
  // Check the payload a moment after each edit.
  const payloadKey = JSON.stringify(payload);
  useEffect(() => {
    if (action === undefined) return;
    const timer = setTimeout(() => void composer.getState().actions.check(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [payloadKey, action, composer]);

  const onSet = useCallback((path: Path, value: unknown) => composer.getState().actions.setPayload(setAt(composer.getState().payload, path, value)), [composer]);
  const onRemove = useCallback((path: Path) => composer.getState().actions.setPayload(removeAt(composer.getState().payload, path)), [composer]);
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const f of findings) {
      const key = f.path ?? '';
      map.set(key, [...(map.get(key) ?? []), f.message]);
    }
    return map;
  }, [findings]);

  const upToDate = checked === payloadKey;
  const invalid = findings.length > 0 || textError !== undefined;
  const send = async () => {
    if (action === undefined) return;
    setSending(true);
    await csms.getState().actions.send({ id: csmsId, chargePointId, action, payload: payload as Record<string, unknown>, ...(allowInvalid ? { allowInvalid: true } : {}) });
    setSending(false);
  };

  return (
    <div className="composer" data-testid="composer">
      <div className="composer-bar">
        <select
          className="input"
          data-testid="composer-action"
          aria-label="Action"
          value={action ?? ''}
          onChange={(e) => void actions.choose(e.target.value)}
          disabled={available === undefined}
        >
          <option value="" disabled>
            {available === undefined ? 'Loading actions…' : `Choose an OCPP ${version} action…`}
          </option>
          {available?.map((a) => (
            <option key={a.action} value={a.action}>
              {a.action}
            </option>
          ))}
        </select>
        <Segmented<ComposerMode>
          label="Editor"
          value={mode}
          onChange={(m) => actions.setMode(m)}
          options={[
            { value: 'form', label: 'Form' },
            { value: 'json', label: 'JSON' },
          ]}
        />
        <Button small variant="ghost" disabled={action === undefined} onClick={() => void actions.resetToTemplate()} title="Start again from the schema template">
          Template
        </Button>
      </div>
      {error !== undefined && <p className="error-text">{error.message}</p>}
      {action !== undefined && schema !== undefined && (
        <>
          <div className="composer-editor">
            {mode === 'form' ? (
              <SchemaForm schema={schema} value={payload} problems={problems} onSet={onSet} onRemove={onRemove} />
            ) : (
              <>
                <textarea className="input composer-json" data-testid="composer-json" aria-label="Payload JSON" rows={14} value={text} spellCheck={false} onChange={(e) => actions.setText(e.target.value)} aria-invalid={textError !== undefined} />
                {textError !== undefined && <div className="error-text">JSON: {textError}</div>}
              </>
            )}
          </div>
          <ComposerFindings findings={findings} upToDate={upToDate} />
          <div className="composer-send">
            <Button variant="primary" data-testid="composer-send" disabled={sending || !connected || textError !== undefined || (invalid && !allowInvalid)} onClick={() => void send()}>
              {sending ? 'Waiting for the answer…' : `Send ${action} to ${chargePointId}`}
            </Button>
            <label className="check">
              <input type="checkbox" checked={allowInvalid} onChange={(e) => setAllowInvalid(e.target.checked)} data-testid="composer-allow-invalid" /> Send even if invalid (on purpose)
            </label>
            {!connected && <span className="dim">The charger is not connected.</span>}
          </div>
        </>
      )}
      <SentList chargePointId={chargePointId} />
    </div>
  );
}
