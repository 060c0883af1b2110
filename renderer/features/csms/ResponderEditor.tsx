import { useState } from 'react';
import type { ResponderMode, ResponderSpec } from '../../../api/csms';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';

export interface ResponderEditorProps {
  action: string;
  chargePointId: string;
  current: ResponderSpec | undefined;
  currentScope: 'all' | 'charger';
  onSave(action: string, scope: 'all' | 'charger', responder: ResponderSpec | null): Promise<boolean>;
  onClose(): void;
}

/** Edits one action's responder. */
export function ResponderEditor({ action, chargePointId, current, currentScope, onSave, onClose }: ResponderEditorProps) {
  const [mode, setMode] = useState<ResponderMode>(current?.mode ?? 'default');
  const [scope, setScope] = useState(currentScope);
  const [payload, setPayload] = useState(JSON.stringify(current?.payload ?? {}, null, 2));
  const [allowInvalid, setAllowInvalid] = useState(current?.allowInvalid ?? false);
  const [code, setCode] = useState(current?.code ?? 'InternalError');
  const [description, setDescription] = useState(current?.description ?? '');
  const [delay, setDelay] = useState(String(current?.delayMs ?? ''));
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    const spec: ResponderSpec = { mode };
    if (mode === 'fixed') {
      try {
        const value: unknown = JSON.parse(payload);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a payload is a JSON object');
        spec.payload = value as Record<string, unknown>;
      } catch (err) {
        return setProblem(`Payload: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (allowInvalid) spec.allowInvalid = true;
    }
    if (mode === 'error') {
      if (code.trim() === '') return setProblem('Give the error code to answer with.');
      spec.code = code.trim();
      if (description.trim() !== '') spec.description = description.trim();
    }
    if (delay.trim() !== '') {
      const ms = Number(delay);
      if (!Number.isInteger(ms) || ms < 0) return setProblem('The delay is a whole number of milliseconds.');
      spec.delayMs = ms;
    }
    setProblem(undefined);
    if (await onSave(action, scope, spec)) onClose();
  };

  return (
    <div className="responder-editor" data-testid="responder-editor">
      <h3>
        Answer <span className="mono">{action}</span>
      </h3>
      <div className="form-grid">
        <Field label="Answer with" wide>
          <Segmented<ResponderMode>
            label="Answer with"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'default', label: 'Default' },
              { value: 'fixed', label: 'Fixed payload' },
              { value: 'error', label: 'CALLERROR' },
              { value: 'noAnswer', label: 'No answer' },
            ]}
          />
        </Field>
        {mode === 'fixed' && (
          <>
            <Field label="Payload (JSON)" wide>
              <textarea className="input" rows={5} value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} data-testid="responder-payload" />
            </Field>
            <label className="check field-wide">
              <input type="checkbox" checked={allowInvalid} onChange={(e) => setAllowInvalid(e.target.checked)} /> Answer even if the payload breaks the schema
            </label>
          </>
        )}
        {mode === 'error' && (
          <>
            <Field label="Error code">
              <input className="input" value={code} onChange={(e) => setCode(e.target.value)} data-testid="responder-code" />
            </Field>
            <Field label="Description">
              <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
            </Field>
          </>
        )}
        {mode !== 'noAnswer' && (
          <Field label="Delay (ms)">
            <input className="input" value={delay} placeholder="0" onChange={(e) => setDelay(e.target.value)} />
          </Field>
        )}
        <Field label="For">
          <Segmented<'all' | 'charger'>
            label="For"
            value={scope}
            onChange={setScope}
            options={[
              { value: 'all', label: 'Every charger' },
              { value: 'charger', label: chargePointId },
            ]}
          />
        </Field>
        <div className="form-actions">
          <Button variant="primary" onClick={() => void save()} data-testid="responder-save">
            Save
          </Button>
          {current !== undefined && (
            <Button onClick={() => void onSave(action, scope, null).then((ok) => ok && onClose())} title="Back to the default answer">
              Reset to default
            </Button>
          )}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          {problem !== undefined && <span className="form-error">{problem}</span>}
        </div>
      </div>
    </div>
  );
}
