// Compose a fault rule; the engine explains it in a sentence as you type (proxy.rules.check),
// so what you add is what you read.
import { useEffect, useState } from 'react';
import { FAULT_EFFECT_TYPES, type FaultEffectType, type FaultRule } from '../../../api/proxy';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { errorInfo } from '../../stores/errors';
import { EMPTY_DRAFT, ruleFromDraft, type RuleDraft } from './rule-draft';

const EFFECT_LABEL: Record<FaultEffectType, string> = {
  delay: 'Delay',
  drop: 'Drop',
  duplicate: 'Duplicate',
  merge: 'Merge into payload',
  replace: 'Replace in payload',
  answer: 'Answer on the peer\u2019s behalf',
  close: 'Close the connection',
};

export interface RuleFormProps {
  check(rule: FaultRule): Promise<string>;
  onAdd(rule: FaultRule): Promise<boolean>;
}

export function RuleForm({ check, onAdd }: RuleFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const [preview, setPreview] = useState<{ sentence?: string; problem?: string }>({});
  const result = ruleFromDraft(draft);
  const errors = result.ok ? {} : result.errors;

  // Ask the engine for the rule's sentence a moment after each change.
  const ruleKey = result.ok ? JSON.stringify(result.rule) : '';
  useEffect(() => {
    if (ruleKey === '') {
      setPreview({});
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      check(JSON.parse(ruleKey) as FaultRule).then(
        (sentence) => live && setPreview({ sentence }),
        (err: unknown) => live && setPreview({ problem: errorInfo(err).message }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ruleKey, check]);

  const edit = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const input = (key: keyof RuleDraft, label: string, placeholder = '', wide = false) => (
    <Field label={label} error={errors[key]} wide={wide}>
      <input className="input" data-testid={`rule-${key}`} value={String(draft[key])} placeholder={placeholder} spellCheck={false} onChange={(e) => edit(key, e.target.value as never)} />
    </Field>
  );
  const json = (key: 'fields' | 'answerResult', label: string) => (
    <Field label={label} error={errors[key]} wide>
      <textarea className="input" rows={4} data-testid={`rule-${key}`} value={draft[key]} spellCheck={false} onChange={(e) => edit(key, e.target.value)} />
    </Field>
  );

  const add = async () => {
    if (!result.ok || preview.problem !== undefined) return;
    if (await onAdd(result.rule)) setDraft(EMPTY_DRAFT);
  };

  return (
    <form
      className="form-grid rule-form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <div className="form-section">Match (empty matches everything)</div>
      <Field label="Direction">
        <select className="input" data-testid="rule-direction" value={draft.direction} onChange={(e) => edit('direction', e.target.value as RuleDraft['direction'])}>
          <option value="">Both</option>
          <option value="cp2csms">Charger → CSMS</option>
          <option value="csms2cp">CSMS → charger</option>
        </select>
      </Field>
      <Field label="Message type">
        <select className="input" data-testid="rule-messageType" value={draft.messageType} onChange={(e) => edit('messageType', e.target.value as RuleDraft['messageType'])}>
          <option value="">Any</option>
          <option value="CALL">CALL</option>
          <option value="CALLRESULT">CALLRESULT</option>
          <option value="CALLERROR">CALLERROR</option>
        </select>
      </Field>
      {input('action', 'Action(s)', 'Heartbeat, Meter*')}
      {input('chargePointId', 'Charge point', 'CP-00*')}
      <div className="form-section">Effect</div>
      <Field label="Do" wide>
        <select className="input" data-testid="rule-effect" value={draft.effect} onChange={(e) => edit('effect', e.target.value as FaultEffectType)}>
          {FAULT_EFFECT_TYPES.map((t) => (
            <option key={t} value={t}>
              {EFFECT_LABEL[t]}
            </option>
          ))}
        </select>
      </Field>
      {draft.effect === 'delay' && input('delayMs', 'Delay (ms)')}
      {draft.effect === 'duplicate' && input('copies', 'Extra copies')}
      {(draft.effect === 'merge' || draft.effect === 'replace') && json('fields', 'Fields: JSON Pointer (or dotted path) → value')}
      {draft.effect === 'answer' && (
        <>
          <Field label="Answer with">
            <select className="input" value={draft.answerKind} onChange={(e) => edit('answerKind', e.target.value as RuleDraft['answerKind'])}>
              <option value="error">CALLERROR</option>
              <option value="result">CALLRESULT</option>
            </select>
          </Field>
          {draft.answerKind === 'error' ? (
            <>
              {input('errorCode', 'Error code', 'InternalError')}
              {input('errorDescription', 'Description', '', true)}
            </>
          ) : (
            json('answerResult', 'Result payload (JSON)')
          )}
        </>
      )}
      {draft.effect === 'close' && (
        <>
          {input('closeCode', 'Close code')}
          {input('closeReason', 'Reason')}
        </>
      )}
      <div className="form-section">How often</div>
      {input('count', 'At most (times)', 'always')}
      {input('probability', 'Probability (0–1]', '1')}
      <div className="rule-preview field-wide" data-testid="rule-preview" role="status">
        {preview.problem !== undefined ? <span className="error-text">{preview.problem}</span> : preview.sentence !== undefined ? <span>{preview.sentence}</span> : <span className="faint">The rule, in a sentence, appears here.</span>}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!result.ok || preview.problem !== undefined} data-testid="rule-add">
          Add rule
        </Button>
        <Button variant="ghost" onClick={() => setDraft(EMPTY_DRAFT)}>
          Reset
        </Button>
      </div>
    </form>
  );
}
