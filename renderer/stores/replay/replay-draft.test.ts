import { describe, expect, it } from 'vitest';
import { DEFAULT_REPLAY_DRAFT, listOf, settingsFromDraft } from './replay-draft';

describe('replay form', () => {
  it('turns the form into settings: side, peer, timing; defaults of the comparison left to the engine', () => {
    expect(settingsFromDraft({ ...DEFAULT_REPLAY_DRAFT, path: ' /c/a.jsonl ', target: 'ws://csms:9000', timing: 'fast' })).toEqual({
      ok: true,
      settings: { path: '/c/a.jsonl', as: 'charger', target: 'ws://csms:9000', timing: { mode: 'fast' } },
    });
    const asCsms = settingsFromDraft({ ...DEFAULT_REPLAY_DRAFT, path: 'a.jsonl', session: 'conn_2', as: 'csms', listen: '127.0.0.1:0', timing: 'fixed', fixedMs: '250', connectTimeoutS: '5', password: 'ignored as CSMS' });
    expect(asCsms).toEqual({
      ok: true,
      settings: { path: 'a.jsonl', session: 'conn_2', as: 'csms', listen: { host: '127.0.0.1', port: 0 }, timing: { mode: 'fixed', ms: 250 }, connectTimeoutMs: 5000 },
    });
  });

  it('sends the volatile and correlated lists only when edited', () => {
    const edited = settingsFromDraft({ ...DEFAULT_REPLAY_DRAFT, path: 'a.jsonl', volatile: '@date-time,\ncurrentTime  /meterValue/*/sampledValue/*/value', correlated: 'transactionId' });
    expect(edited.ok && edited.settings.volatile).toEqual(['@date-time', 'currentTime', '/meterValue/*/sampledValue/*/value']);
    expect(edited.ok && edited.settings.correlated).toEqual(['transactionId']);
    expect(listOf(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('says what is missing or wrong, field by field', () => {
    const charger = settingsFromDraft({ ...DEFAULT_REPLAY_DRAFT, target: 'http://x', timing: 'fixed', fixedMs: '-1', callTimeoutS: 'soon' });
    expect(charger.ok).toBe(false);
    if (!charger.ok) expect(Object.keys(charger.errors).sort()).toEqual(['callTimeoutS', 'fixedMs', 'path', 'target']);
    const csms = settingsFromDraft({ ...DEFAULT_REPLAY_DRAFT, path: 'a', as: 'csms', listen: 'localhost:99999' });
    expect(!csms.ok && csms.errors.listen).toMatch(/HOST:PORT/);
  });
});
