import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, ruleFromDraft } from './rule-draft';

describe('fault rule drafts', () => {
  it('builds a matched delay with a count and probability', () => {
    const result = ruleFromDraft({ ...EMPTY_DRAFT, direction: 'csms2cp', action: 'Heartbeat, Boot*', delayMs: '250', count: '3', probability: '0.5', seed: '7' });
    expect(result).toEqual({
      ok: true,
      rule: { match: { direction: 'csms2cp', action: ['Heartbeat', 'Boot*'] }, effect: { type: 'delay', ms: 250 }, count: 3, probability: 0.5, seed: 7 },
    });
  });

  it('builds answers, merges and closes', () => {
    expect(ruleFromDraft({ ...EMPTY_DRAFT, effect: 'answer', answerKind: 'error', errorCode: 'NotSupported', errorDescription: 'no' })).toMatchObject({
      ok: true,
      rule: { effect: { type: 'answer', error: { code: 'NotSupported', description: 'no' } } },
    });
    expect(ruleFromDraft({ ...EMPTY_DRAFT, effect: 'merge', fields: '{"/idTagInfo/status":"Blocked"}' })).toMatchObject({
      ok: true,
      rule: { effect: { type: 'merge', fields: { '/idTagInfo/status': 'Blocked' } } },
    });
    expect(ruleFromDraft({ ...EMPTY_DRAFT, effect: 'close', closeCode: '4000', closeReason: 'bye' })).toMatchObject({ ok: true, rule: { effect: { type: 'close', code: 4000, reason: 'bye' } } });
  });

  it('names every field it cannot convert', () => {
    const result = ruleFromDraft({ ...EMPTY_DRAFT, effect: 'merge', fields: '[1]', count: '0', probability: '2' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['count', 'fields', 'probability']);
    const delay = ruleFromDraft({ ...EMPTY_DRAFT, delayMs: '' });
    expect(delay.ok === false && delay.errors.delayMs).toBe('required');
  });
});
