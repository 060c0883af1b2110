import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { createFakeClient } from '../../api/fake-client';
import { syntheticFrame, syntheticPage } from '../testing/traffic-fixtures';
import { createFrameWindowStore } from './frame-window-store';
import { PAGE_SIZE, rowAt } from './pages';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('frame window store', () => {
  it('loads the first page and fetches only the pages the table shows', async () => {
    const client = createFakeClient({ 'frames.query': (q) => syntheticPage(1_000_000, q) });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({});
    expect(store.getState().total).toBe(1_000_000);
    store.getState().actions.showRange(500_000, 500_040);
    await settle();
    const offsets = (client.callsTo('frames.query') ).map((q) => q.offset);
    expect(offsets).toEqual([0, 499_800, 500_000]);
    expect(rowAt(store.getState().pages, 500_020)?.index).toBe(500_020);
    // Asking again for the same rows costs nothing.
    store.getState().actions.showRange(500_000, 500_040);
    expect(client.callsTo('frames.query')).toHaveLength(3);
  });

  it('appends live frames by index when unfiltered and links responses to requests', async () => {
    const client = createFakeClient({ 'frames.query': (q) => syntheticPage(4, q) });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({});
    const { pair: _p, ...request } = syntheticFrame(4);
    store.getState().actions.live([request]);
    expect(rowAt(store.getState().pages, 4)?.pair).toBeUndefined();
    store.getState().actions.live([syntheticFrame(5)]);
    expect(store.getState().total).toBe(6);
    expect(rowAt(store.getState().pages, 4)?.pair).toBe(5);
    expect(client.callsTo('frames.query')).toHaveLength(1);
  });

  it('replaces shown rows whose findings changed later (traffic.updated), leaving other pages alone', async () => {
    const client = createFakeClient({ 'frames.query': (q) => syntheticPage(1000, q) });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({});
    store.getState().actions.showRange(600, 620);
    await settle();
    const before = store.getState().pages;
    const late = { ...syntheticFrame(3), findings: { error: 1, warning: 0, info: 0 } };
    store.getState().actions.updated([late, { ...syntheticFrame(900), findings: { error: 2, warning: 0, info: 0 } }]);
    const after = store.getState().pages;
    expect(rowAt(after, 3)?.findings.error).toBe(1);
    // The page at 600 did not change, so it keeps its identity (no re-render of its rows).
    expect(after.get(3)).toBe(before.get(3));
    // Frames the view does not hold are ignored; nothing is fetched for them.
    expect(rowAt(after, 900)).toBeUndefined();
    expect(client.callsTo('frames.query')).toHaveLength(3);
  });

  it('asks the engine for the tail when a filtered view receives live frames', async () => {
    let total = 3;
    const client = createFakeClient({ 'frames.query': (q) => syntheticPage(total, q) });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({ filter: 'action:Heartbeat' });
    total = 5;
    store.getState().actions.live([syntheticFrame(10)]);
    await settle();
    expect(store.getState().total).toBe(5);
    expect((client.callsTo('frames.query') ).at(-1)).toMatchObject({ filter: 'action:Heartbeat', offset: 3 });
  });

  it('keeps the previous rows and reports the error when a filter is rejected', async () => {
    const client = createFakeClient({
      'frames.query': (q) => {
        if (q.filter === 'action:') throw new ApiError('bad-args', 'a value is missing after "action:"', { position: 7, length: 0 });
        return syntheticPage(10, q);
      },
    });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({});
    await store.getState().actions.setQuery({ filter: 'action:' });
    const state = store.getState();
    expect(state.total).toBe(10);
    expect(state.query.filter).toBe('');
    expect(state.error).toMatchObject({ code: 'bad-args', details: { position: 7 } });
  });

  it('drops answers to a query that was replaced while they were on the way', async () => {
    let release: () => void = () => {};
    const client = createFakeClient({
      'frames.query': async (q) => {
        if (q.filter === 'slow') await new Promise<void>((r) => (release = r));
        return syntheticPage(q.filter === 'slow' ? 99 : 7, q);
      },
    });
    const store = createFrameWindowStore(client);
    const slow = store.getState().actions.setQuery({ filter: 'slow' });
    await store.getState().actions.setQuery({ filter: 'fast' });
    release();
    await slow;
    expect(store.getState().query.filter).toBe('fast');
    expect(store.getState().total).toBe(7);
  });

  it('locates a frame in a filtered view by bisection', async () => {
    // The view holds every third frame.
    const client = createFakeClient({
      'frames.query': (q) => {
        const offset = q.offset ?? 0;
        const frames = Array.from({ length: Math.max(0, Math.min(q.limit ?? 0, 5000 - offset)) }, (_, i) => syntheticFrame((offset + i) * 3));
        return { total: 5000, offset, frames };
      },
    });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({ filter: 'x' });
    expect(await store.getState().actions.locate(3 * 4321)).toBe(4321);
    expect(await store.getState().actions.locate(3 * 4321 + 1)).toBeUndefined();
    expect(await store.getState().actions.locate(3 * 7)).toBe(7);
    expect(PAGE_SIZE).toBeGreaterThan(7);
  });
});

describe('frame window store, one session', () => {
  it('finds a frame by its seq', async () => {
    // Seqs with a gap: 0..9 then 20..29.
    const seqs = [...Array(10).keys(), ...Array.from({ length: 10 }, (_, i) => 20 + i)];
    const client = createFakeClient({
      'frames.query': (q) => {
        const offset = q.offset ?? 0;
        const frames = seqs.slice(offset, offset + (q.limit ?? 500)).map((seq, i) => ({ ...syntheticFrame(100 + offset + i), seq }));
        return { total: seqs.length, offset, frames };
      },
    });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({ session: 'ses_1' });
    expect(await store.getState().actions.locateSeq(3)).toEqual({ position: 3, index: 103 });
    expect(await store.getState().actions.locateSeq(25)).toEqual({ position: 15, index: 115 });
    expect(await store.getState().actions.locateSeq(15)).toBeUndefined();
  });
});

describe('frame window store, reset', () => {
  it('drops the session (gone with the store) and keeps the filter', async () => {
    const client = createFakeClient({ 'frames.query': (q) => syntheticPage(q.session === undefined ? 9 : 0, q) });
    const store = createFrameWindowStore(client);
    await store.getState().actions.setQuery({ session: 'conn_old', filter: 'has:error' });
    store.getState().actions.reset();
    await settle();
    expect(store.getState().query).toEqual({ filter: 'has:error' });
    expect(store.getState().total).toBe(9);
  });
});
