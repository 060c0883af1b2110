import { expect, test } from 'vitest';
import type { HostBridge } from '../../api/host';
import { apiUrlOf, chooseClient, MissingTokenError } from './choose-client';

const page = (search: string, protocol = 'http:') => ({ protocol, host: '127.0.0.1:4321', search });

test('in a browser, the api URL is built from the page address and its token', () => {
  expect(apiUrlOf(page('?token=abc_-1'))).toBe('ws://127.0.0.1:4321/api?token=abc_-1');
  expect(apiUrlOf(page('?x=1&token=a%2Bb', 'https:'))).toBe('wss://127.0.0.1:4321/api?token=a%2Bb');
});

test('without a token the page says how to get one', () => {
  expect(() => apiUrlOf(page(''))).toThrow(MissingTokenError);
  expect(() => apiUrlOf(page('?token='))).toThrow(/ocpp-bench serve/);
});

test('inside Electron the preload bridge is used and its error data becomes ApiErrors', async () => {
  const bridge: Pick<HostBridge, 'call' | 'on'> = {
    call: async (name) => (name === 'engine.info' ? { ok: true, result: { tool: 't' } } : { ok: false, error: { code: 'unknown-command', message: `no ${name}` } }),
    on: () => () => undefined,
  };
  const client = chooseClient({ location: page(''), ocppBench: bridge });
  expect(client.transport).toBe('ipc');
  await expect(client.call('engine.info', {})).resolves.toEqual({ tool: 't' });
  await expect(client.call('sessions.list', {})).rejects.toMatchObject({ name: 'ApiError', code: 'unknown-command' });
});

test('IPC listeners are the bridge listeners, with their unsubscribe', () => {
  const listeners = new Map<string, (p: unknown) => void>();
  const bridge: Pick<HostBridge, 'call' | 'on'> = {
    call: async () => ({ ok: true, result: null }),
    on: (name, listener) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
  };
  const client = chooseClient({ location: page(''), ocppBench: bridge });
  const got: string[] = [];
  const off = client.on('traffic.reset', (r) => got.push(r.reason));
  listeners.get('traffic.reset')!({ reason: 'opened x' });
  off();
  expect(got).toEqual(['opened x']);
  expect(listeners.size).toBe(0);
});
