// The fault-rule form's state as strings, and its conversion to a FaultRule (api/proxy.ts)
// with a reason per field when it cannot be converted. Pure, so the form stays thin.
import type { Direction, MessageKind } from '../../../api/model';
import type { FaultEffectType, FaultRule } from '../../../api/proxy';

export interface RuleDraft {
  direction: '' | Direction;
  /** Comma-separated actions, wildcards allowed. */
  action: string;
  messageType: '' | MessageKind;
  chargePointId: string;
  effect: FaultEffectType;
  delayMs: string;
  copies: string;
  /** merge / replace: a JSON object of path → value. */
  fields: string;
  /** answer: `result` with a JSON payload, or `error` with a code. */
  answerKind: 'result' | 'error';
  answerResult: string;
  errorCode: string;
  errorDescription: string;
  closeCode: string;
  closeReason: string;
  count: string;
  probability: string;
  seed: string;
}

export const EMPTY_DRAFT: RuleDraft = {
  direction: '',
  action: '',
  messageType: '',
  chargePointId: '',
  effect: 'delay',
  delayMs: '1000',
  copies: '1',
  fields: '{\n  "/status": "Rejected"\n}',
  answerKind: 'error',
  answerResult: '{}',
  errorCode: 'InternalError',
  errorDescription: '',
  closeCode: '1000',
  closeReason: '',
  count: '',
  probability: '',
  seed: '',
};

export type DraftErrors = Partial<Record<keyof RuleDraft, string>>;

export type DraftResult = { ok: true; rule: FaultRule } | { ok: false; errors: DraftErrors };

export function ruleFromDraft(d: RuleDraft): DraftResult {
  const errors: DraftErrors = {};
  const int = (key: keyof RuleDraft, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    const text = String(d[key]).trim();
    if (text === '') return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) errors[key] = `a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`;
    return n;
  };
  const object = (key: keyof RuleDraft): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(String(d[key]));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      errors[key] = 'a JSON object, e.g. {"/status": "Rejected"}';
    } catch (err) {
      errors[key] = `not JSON: ${err instanceof Error ? err.message : String(err)}`;
    }
    return undefined;
  };

  const rule: FaultRule = { effect: { type: 'drop' } };
  const match: NonNullable<FaultRule['match']> = {};
  if (d.direction !== '') match.direction = d.direction;
  const actions = d.action
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (actions.length === 1) match.action = actions[0]!;
  else if (actions.length > 1) match.action = actions;
  if (d.messageType !== '') match.messageType = d.messageType;
  if (d.chargePointId.trim() !== '') match.chargePointId = d.chargePointId.trim();
  if (Object.keys(match).length > 0) rule.match = match;

  switch (d.effect) {
    case 'delay':
      rule.effect = { type: 'delay', ms: int('delayMs', 0) ?? requireValue(errors, 'delayMs') };
      break;
    case 'drop':
      rule.effect = { type: 'drop' };
      break;
    case 'duplicate': {
      const copies = int('copies', 1, 100);
      rule.effect = copies === undefined ? { type: 'duplicate' } : { type: 'duplicate', copies };
      break;
    }
    case 'merge':
    case 'replace':
      rule.effect = { type: d.effect, fields: object('fields') ?? {} };
      break;
    case 'answer':
      if (d.answerKind === 'result') rule.effect = { type: 'answer', result: object('answerResult') ?? {} };
      else {
        if (d.errorCode.trim() === '') errors.errorCode = 'the RPC error code to answer with';
        const error: { code: string; description?: string } = { code: d.errorCode.trim() };
        if (d.errorDescription.trim() !== '') error.description = d.errorDescription.trim();
        rule.effect = { type: 'answer', error };
      }
      break;
    case 'close': {
      const code = int('closeCode', 1000, 4999);
      rule.effect = { type: 'close', ...(code !== undefined ? { code } : {}), ...(d.closeReason.trim() !== '' ? { reason: d.closeReason.trim() } : {}) };
      break;
    }
  }

  const count = int('count', 1);
  if (count !== undefined) rule.count = count;
  if (d.probability.trim() !== '') {
    const p = Number(d.probability);
    if (!(p > 0 && p <= 1)) errors.probability = 'a number above 0 and at most 1';
    else rule.probability = p;
  }
  const seed = int('seed', 0);
  if (seed !== undefined) rule.seed = seed;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rule };
}

function requireValue(errors: DraftErrors, key: keyof RuleDraft): number {
  errors[key] ??= 'required';
  return 0;
}
