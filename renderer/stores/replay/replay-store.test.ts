import { describe, expect, it, vi } from 'vitest';
import type { RecordedSessionInfo, ReplayCheck, ReplayExchange, ReplayProgress, ReplayResult } from '../../../api/replay';
import { createFakeClient } from '../../api/fake-client';
import { createReplayStore, progressLines } from './replay-store';

const session: RecordedSessionInfo = { id: 'conn_1', chargePointId: 'CP1', path: '/ocpp/CP1', version: '1.6', opened: '2026-01-01T00:00:00.000Z', frames: 8, calls: { charger: 4, csms: 0 } };
const exchange = (n: number, patch: Partial<ReplayExchange> = {}): ReplayExchange => ({ n, dir: 'cp2csms', by: 'bench', action: 'Heartbeat', kind: 'CALL', outcome: 'match', changes: [], ...patch });
const progress = (patch: Partial<ReplayProgress>): ReplayProgress => ({ id: 'replay_1', state: 'running', done: 0, total: 4, ...patch });
const check = (patch: Partial<ReplayCheck> = {}): ReplayCheck => ({ file: '/c.jsonl', as: 'charger', session, sessions: [session], replayable: true, problems: [], ...patch });

describe('replay store', () => {
  it('logs each change of state and each exchange, counting those the throttled events skipped', () => {
    expect(progressLines(undefined, progress({ state: 'listening', url: 'ws://127.0.0.1:41000' }))).toEqual([{ kind: 'state', text: 'Listening at ws://127.0.0.1:41000: point the charger there' }]);
    const first = progress({ done: 1, exchange: exchange(1) });
    expect(progressLines(progress({ state: 'connecting' }), first).map((l) => l.kind)).toEqual(['state', 'exchange']);
    expect(progressLines(first, first)).toEqual([]);
    const fourth = progress({ done: 4, exchange: exchange(4, { action: 'Authorize', outcome: 'differs', changes: [{ part: 'response', path: '/idTagInfo/status', change: 'changed', recorded: 'Accepted', live: 'Blocked' }] }) });
    expect(progressLines(first, fourth)).toEqual([
      { kind: 'gap', text: '… 2 more exchanges concluded' },
      { kind: 'exchange', text: '#4 Authorize (replayed): differs — 1 change', outcome: 'differs' },
    ]);
  });

  it('checks the chosen capture, forgets the check for another file, checks again for another side', async () => {
    const client = createFakeClient({ 'replay.check': ({ as }) => check({ as, replayable: as === 'charger', problems: as === 'csms' ? [{ code: 'no-calls', severity: 'error', message: 'no CSMS CALL' }] : [] }) });
    const store = createReplayStore(client);
    expect(await store.getState().actions.check()).toBeUndefined();
    expect(store.getState().checkError?.message).toMatch(/path/);
    store.getState().actions.edit({ path: '/c.jsonl' });
    await store.getState().actions.check();
    expect(store.getState().check?.replayable).toBe(true);
    store.getState().actions.edit({ as: 'csms' });
    await vi.waitFor(() => expect(store.getState().check?.as).toBe('csms'));
    expect(client.callsTo('replay.check').at(-1)).toEqual({ path: '/c.jsonl', as: 'csms' });
    expect(store.getState().check?.problems[0]?.code).toBe('no-calls');
    store.getState().actions.edit({ path: '/other.jsonl' });
    expect(store.getState().check).toBeUndefined();
  });

  it('follows a replay from start to result, even when progress comes before the start answer', async () => {
    const result = { id: 'replay_1', verdict: 'match' } as ReplayResult;
    const client = createFakeClient({ 'replay.result': () => result });
    const store = createReplayStore(client);
    let answer: (v: { id: string; session: RecordedSessionInfo }) => void = () => {};
    client.handle({ 'replay.start': () => new Promise((resolve) => (answer = resolve)) });
    const started = store.getState().actions.start({ path: '/c.jsonl', as: 'charger', target: 'ws://x' });
    expect(store.getState().starting).toBe(true);
    store.getState().actions.progress(progress({ state: 'connecting', total: 0 }));
    answer({ id: 'replay_1', session });
    expect(await started).toBe(true);
    expect(store.getState().run?.session).toEqual(session);
    expect(store.getState().run?.log.map((l) => l.text)).toEqual(['Connecting to the CSMS…']);
    await store.getState().actions.finished('replay_1', 'match');
    expect(store.getState().run?.result).toEqual(result);
    expect(store.getState().run?.log.at(-1)?.text).toBe('Finished: match');
  });

  it('keeps the reason of a replay whose result cannot be read, and says why a start was refused', async () => {
    const client = createFakeClient({
      'replay.start': () => {
        throw new Error('Session conn_1 cannot be replayed: no-calls');
      },
      'replay.result': () => {
        throw new Error('The CSMS refused the connection (401)');
      },
    });
    const store = createReplayStore(client);
    expect(await store.getState().actions.start({ path: '/c.jsonl', as: 'charger' })).toBe(false);
    expect(store.getState().startError?.message).toMatch(/no-calls/);
    await store.getState().actions.finished('replay_9', 'failed', 'The CSMS refused the connection (401)');
    expect(store.getState().run).toMatchObject({ id: 'replay_9', finished: { verdict: 'failed', reason: 'The CSMS refused the connection (401)' } });
    expect(store.getState().run?.log.map((l) => l.kind)).toEqual(['error']);
    expect(store.getState().run?.resultError?.message).toMatch(/401/);
  });
});
