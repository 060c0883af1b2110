import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import type { HostMessage } from '../../api/transport';
import { createEngine, type Engine } from '../../engine/engine';
import { tempDir } from '../../engine/testing/tmp';
import { startServe, type ServeHandle } from './server';

let dir: ReturnType<typeof tempDir>;
let engine: Engine;
let server: ServeHandle;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  dir = tempDir();
  mkdirSync(dir.file('ui/assets'), { recursive: true });
  writeFileSync(dir.file('ui/index.html'), '<!doctype html><title>OCPP Bench</title>');
  writeFileSync(dir.file('ui/assets/app-1234.js'), 'console.log(1)');
  writeFileSync(dir.file('secret.txt'), 'outside the UI folder');
  engine = createEngine();
  server = await startServe({ api: engine, rendererDir: dir.file('ui'), batchMs: 10 });
});

afterEach(async () => {
  for (const ws of sockets) ws.terminate();
  sockets.length = 0;
  await server.close();
  await engine.close();
  dir.remove();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the api socket; resolves when open, rejects with the HTTP status when refused. */
function connect(url = server.apiUrl, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin !== undefined ? { origin } : {});
    sockets.push(ws);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Collects messages until `until` says enough. */
function messages(ws: WebSocket, until: (all: HostMessage[]) => boolean): Promise<HostMessage[]> {
  const all: HostMessage[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${JSON.stringify(all)}`)), 5000);
    ws.on('message', (data: Buffer) => {
      all.push(JSON.parse(data.toString()) as HostMessage);
      if (until(all)) {
        clearTimeout(timer);
        resolve(all);
      }
    });
  });
}

describe('static UI', () => {
  test('the page needs the token', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('OCPP Bench');
  });

  test('the page carries a strict CSP and never leaks the token in a Referer', async () => {
    const page = await get(`/?token=${server.token}`);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  test('hashed assets are served without the token, with long caching', async () => {
    const asset = await get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  test('nothing outside the UI folder is served', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets/%2e%2e%2f..%2fsecret.txt')).status).toBe(404);
  });

  test('a request for another host name is refused (DNS rebinding)', async () => {
    expect((await get(`/?token=${server.token}`, { Host: `attacker.example:${server.port}` })).status).toBe(421);
    expect((await get(`/?token=${server.token}`, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  test('the URL it prints opens the page', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
  });
});

describe('WebSocket api', () => {
  test('refuses a socket without the token or with a wrong one (401)', async () => {
    await expect(connect(`ws://127.0.0.1:${server.port}/api`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${server.port}/api?token=${server.token}x`)).rejects.toThrow('HTTP 401');
  });

  test('refuses a page of another origin (403) and accepts our own', async () => {
    await expect(connect(server.apiUrl, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(server.apiUrl, `http://localhost:${server.port + 1}`)).rejects.toThrow('HTTP 403');
    const ws = await connect(server.apiUrl, `http://127.0.0.1:${server.port}`);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  test('runs a command: {id, name, args} → {id, ok, result}', async () => {
    const ws = await connect();
    const got = messages(ws, (all) => all.length === 1);
    ws.send(JSON.stringify({ id: 1, name: 'engine.info', args: {} }));
    const [reply] = await got;
    expect(reply).toMatchObject({ id: 1, ok: true, result: { tool: 'ocpp-bench', ocppVersions: ['1.6', '2.0.1', '2.1'] } });
  });

  test('bad JSON and unknown commands are answered as error data, and the socket stays usable', async () => {
    const ws = await connect();
    const got = messages(ws, (all) => all.length === 3);
    ws.send('{not json');
    ws.send(JSON.stringify({ id: 2, name: 'no.such.command', args: {} }));
    ws.send(JSON.stringify({ id: 3, name: 'engine.info', args: {} }));
    const all = await got;
    expect(all).toContainEqual({ id: null, ok: false, error: { code: 'bad-args', message: expect.stringContaining('JSON') } });
    expect(all).toContainEqual({ id: 2, ok: false, error: { code: 'unknown-command', message: expect.stringContaining('no.such.command') } });
    expect(all).toContainEqual(expect.objectContaining({ id: 3, ok: true }));
  });

  test('events reach subscribers, batched', async () => {
    const ws = await connect();
    const subscribed = messages(ws, (all) => all.length === 1);
    ws.send(JSON.stringify({ id: 1, subscriptions: ['engine.alert'] }));
    await subscribed;
    const got = messages(ws, (all) => all.flatMap((m) => ('events' in m ? m.events : [])).length === 3);
    for (const n of [1, 2, 3]) engine.bus.alert('warning', 'test', `alert ${n}`);
    engine.bus.emit('traffic.reset', { reason: 'not subscribed to' });
    const all = await got;
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual({
      events: [1, 2, 3].map((n) => ({ event: 'engine.alert', payload: { severity: 'warning', source: 'test', message: `alert ${n}` } })),
    });
  });

  test('a socket that closes stops its subscriptions', async () => {
    const ws = await connect();
    const subscribed = messages(ws, (all) => all.length === 1);
    ws.send(JSON.stringify({ id: 1, subscriptions: ['engine.alert'] }));
    await subscribed;
    expect(server.clients()).toBe(1);
    ws.close();
    await expect.poll(() => server.clients()).toBe(0);
  });

  test('a page that stops reading is disconnected with 1013 rather than buffered without end', async () => {
    await server.close();
    server = await startServe({ api: engine, rendererDir: dir.file('ui'), batchMs: 1, maxBufferedBytes: 256 * 1024 });
    const ws = await connect();
    const subscribed = messages(ws, (all) => all.length === 1);
    ws.send(JSON.stringify({ id: 1, subscriptions: ['engine.alert'] }));
    await subscribed;
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(64 * 1024);
    const timer = setInterval(() => {
      for (let i = 0; i < 20; i++) engine.bus.alert('info', 'flood', big);
    }, 2);
    try {
      // Read again once the flood has long outgrown the limit (and the kernel's buffers).
      await new Promise((r) => setTimeout(r, 1000));
      (ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 8000))])).toBe(1013);
    } finally {
      clearInterval(timer);
    }
  });

  test('close() ends every client with 1001', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await server.close();
    expect(await closed).toBe(1001);
  });
});
