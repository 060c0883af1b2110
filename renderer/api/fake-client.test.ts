import { expect, test } from 'vitest';
import { ApiError } from '../../api/errors';
import { createFakeClient } from './fake-client';

test('answers scripted commands and records every call', async () => {
  const client = createFakeClient({ 'engine.info': () => ({ tool: 'ocpp-bench', version: '9', ocppVersions: ['2.1'] }) });
  await expect(client.call('engine.info', {})).resolves.toEqual({ tool: 'ocpp-bench', version: '9', ocppVersions: ['2.1'] });
  expect(client.calls).toEqual([{ name: 'engine.info', args: {} }]);
});

test('an unscripted command rejects with unknown-command; a thrown Error becomes internal', async () => {
  const client = createFakeClient({
    'sessions.list': () => {
      throw new Error('broken');
    },
  });
  await expect(client.call('engine.info', {})).rejects.toMatchObject({ code: 'unknown-command' });
  const err = await client.call('sessions.list', {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ code: 'internal', message: 'broken' });
});

test('results are copied as a transport would: no shared objects, no undefined fields', async () => {
  const list = [{ id: 'conn_1', chargePointId: 'CP1', source: 'capture' as const, state: 'open' as const, opened: 't', frames: 0, findings: { error: 0, warning: 0, info: 0 }, reason: undefined }];
  const client = createFakeClient({ 'sessions.list': () => list });
  const got = await client.call('sessions.list', {});
  expect(got).toEqual(list);
  expect(got[0]).not.toBe(list[0]);
  expect('reason' in got[0]!).toBe(false);
});

test('emit reaches listeners until they unsubscribe', () => {
  const client = createFakeClient();
  const got: string[] = [];
  const off = client.on('traffic.reset', (r) => got.push(r.reason));
  client.emit('traffic.reset', { reason: 'a' });
  off();
  client.emit('traffic.reset', { reason: 'b' });
  expect(got).toEqual(['a']);
  expect(client.listenerCount('traffic.reset')).toBe(0);
});

test('connection state can be driven by the test', () => {
  const client = createFakeClient();
  const seen: string[] = [];
  client.onConnection((s) => seen.push(s));
  client.setConnection('reconnecting');
  client.setConnection('open');
  expect(seen).toEqual(['reconnecting', 'open']);
  expect(client.connection()).toBe('open');
});
