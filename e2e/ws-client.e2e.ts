// The renderer's WebSocket client against a real `ocpp-bench serve` (in Node, with the `ws`
// package standing in for the browser's WebSocket).
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { ApiError } from '../api/errors';
import { createWsClient, type SocketLike } from '../renderer/api/ws-client';
import { startServe } from './fixtures/serve';
import { expect, test } from './fixtures/test';

const nodeSocket = (url: string) => new WebSocket(url) as unknown as SocketLike;

test('calls commands, gets error data as ApiErrors, and receives events', async ({ serve }) => {
  const client = createWsClient({ url: serve.apiUrl, socket: nodeSocket });
  try {
    await expect(client.call('engine.info', {})).resolves.toMatchObject({ tool: 'ocpp-bench' });
    const err = await client.call('frames.detail', { index: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not-found' });
    const reset = new Promise<string>((resolve) => client.on('traffic.reset', (r) => resolve(r.reason)));
    await client.call('traffic.clear', {});
    expect(await reset).toMatch(/cleared/);
  } finally {
    client.close();
  }
});

test('a wrong token never connects: calls are rejected as unreachable', async ({ serve }) => {
  const client = createWsClient({ url: serve.apiUrl.replace(/token=[^&]+/, 'token=wrong'), socket: nodeSocket, reconnect: { minMs: 50, maxMs: 50 } });
  try {
    await expect(client.call('engine.info', {})).rejects.toMatchObject({ code: 'unreachable' });
  } finally {
    client.close();
  }
});

test('when the server goes away, calls in flight fail and the client says it is reconnecting', async ({ dataDir }) => {
  const serve = await startServe({ dataDir: join(dataDir, 'data') });
  const client = createWsClient({ url: serve.apiUrl, socket: nodeSocket, reconnect: { minMs: 50, maxMs: 200 } });
  try {
    await client.call('engine.info', {});
    const states: string[] = [];
    const reconnecting = new Promise<void>((resolve) =>
      client.onConnection((s) => {
        states.push(s);
        if (s === 'reconnecting') resolve();
      }),
    );
    await serve.stop();
    await reconnecting;
    expect(states[0]).toBe('reconnecting');
    await expect(client.call('engine.info', {})).rejects.toMatchObject({ code: 'unreachable' });
  } finally {
    client.close();
    await serve.stop();
  }
});
