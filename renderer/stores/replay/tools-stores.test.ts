import { describe, expect, it } from 'vitest';
import type { CaptureDiff } from '../../../api/replay';
import { createFakeClient } from '../../api/fake-client';
import { createDiffStore, diffArgsOf } from './diff-store';
import { createImportStore, defaultImportOut, importArgsOf } from './import-store';

describe('diff store', () => {
  it('needs both captures and sends the session pairing as a list', async () => {
    expect(diffArgsOf({ a: 'a.jsonl', b: ' ', sessions: '' })).toEqual({ ok: false, message: expect.stringMatching(/both captures/) });
    expect(diffArgsOf({ a: ' a.jsonl', b: 'b.jsonl ', sessions: 'conn_1=conn_7, CP2' })).toEqual({ ok: true, args: { a: 'a.jsonl', b: 'b.jsonl', sessions: ['conn_1=conn_7', 'CP2'] } });
    const client = createFakeClient({ 'diff.captures': () => ({ equal: true }) as CaptureDiff });
    const store = createDiffStore(client);
    expect(await store.getState().actions.run()).toBeUndefined();
    expect(store.getState().error?.message).toMatch(/both/);
    store.getState().actions.edit({ a: 'a.jsonl', b: 'b.jsonl' });
    await store.getState().actions.run();
    expect(client.callsTo('diff.captures')).toEqual([{ a: 'a.jsonl', b: 'b.jsonl' }]);
    expect(store.getState().result?.equal).toBe(true);
    expect(store.getState().error).toBeUndefined();
  });
});

describe('import store', () => {
  it('writes next to the source unless told otherwise, never over it', async () => {
    expect(defaultImportOut('/lab/charger.pcapng')).toBe('/lab/charger.jsonl');
    expect(defaultImportOut('/lab/session.HAR')).toBe('/lab/session.jsonl');
    expect(defaultImportOut('/lab/dump')).toBe('/lab/dump.jsonl');
    expect(importArgsOf({ path: '/lab/x.har', out: ' /lab/x.har', chargerSide: 'client', keepCredentials: false })).toMatchObject({ ok: false });
    expect(importArgsOf({ path: '/lab/x.har', out: '', chargerSide: 'server', keepCredentials: true })).toEqual({ ok: true, args: { path: '/lab/x.har', out: '/lab/x.jsonl', chargerSide: 'server', keepCredentials: true } });
    const client = createFakeClient({
      'capture.import': () => {
        throw new Error('/lab/x.bin is neither HAR, pcap nor pcapng');
      },
    });
    const store = createImportStore(client);
    store.getState().actions.edit({ path: '/lab/x.bin', out: '/lab/out.jsonl' });
    expect(await store.getState().actions.run()).toBeUndefined();
    expect(client.callsTo('capture.import')).toEqual([{ path: '/lab/x.bin', out: '/lab/out.jsonl' }]);
    expect(store.getState().error?.message).toMatch(/neither HAR/);
  });
});
