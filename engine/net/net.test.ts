import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { ChargerListener, type OpeningRequest } from './listener';
import { connect, ConnectRefusal } from './connect';
import { basicAuthHeader, chargePointIdFromPath, parseBasicAuth } from './handshake';
import { makeTestPki, type TestPki } from '../testing/certs';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-TLS');
});
afterAll(() => pki.remove());

const listeners: Array<ChargerListener<unknown>> = [];
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.stop();
});

async function listen(options: Partial<ConstructorParameters<typeof ChargerListener<string>>[0]> = {}) {
  const seen: OpeningRequest[] = [];
  const connected: Array<{ ws: WebSocket; request: OpeningRequest; context: string }> = [];
  const listener = new ChargerListener<string>({
    host: '127.0.0.1',
    port: 0,
    decide: (req) => {
      seen.push(req);
      return req.offeredSubprotocols.includes('ocpp1.6')
        ? { accept: true, subprotocol: 'ocpp1.6', context: 'ctx' }
        : { accept: false, status: 400, reason: 'no supported subprotocol' };
    },
    connected: (ws, request, context) => connected.push({ ws, request, context }),
    ...options,
  });
  listeners.push(listener as ChargerListener<unknown>);
  const { url } = await listener.start();
  return { url, seen, connected, listener };
}

describe('handshake helpers', () => {
  it('takes the charge point id from the last path segment, decoded', () => {
    expect(chargePointIdFromPath('/ocpp/CP001')).toBe('CP001');
    expect(chargePointIdFromPath('/a/b/CP%20X/?x=1')).toBe('CP X');
    expect(chargePointIdFromPath('/')).toBe('');
  });
  it('parses HTTP Basic credentials in both password forms', () => {
    const creds = parseBasicAuth(basicAuthHeader('CP1', Buffer.from([0xde, 0xad, 0xbe, 0xef])));
    expect(creds?.user).toBe('CP1');
    expect(creds?.passwordHex).toBe('deadbeef');
    expect(parseBasicAuth('Bearer x')).toBeUndefined();
  });
});

describe('listener and connect', () => {
  it('accepts with the decided subprotocol and reports what the charger sent', async () => {
    const { url, seen, connected } = await listen();
    const c = await connect(`${url}/ocpp/CP1`, { subprotocols: ['ocpp2.0.1', 'ocpp1.6'], headers: { Authorization: basicAuthHeader('CP1', 'secret') } });
    expect(c.subprotocol).toBe('ocpp1.6');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]).toMatchObject({ path: '/ocpp/CP1', chargePointId: 'CP1', offeredSubprotocols: ['ocpp2.0.1', 'ocpp1.6'] });
    expect(seen[0]!.credentials?.password).toBe('secret');
    expect(connected[0]!.context).toBe('ctx');
    c.ws.close();
  });

  it('refuses with the decided HTTP status, which the client sees', async () => {
    const { url } = await listen();
    const err = await connect(`${url}/CP2`, { subprotocols: ['ocpp9'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectRefusal);
    expect(err).toMatchObject({ kind: 'http', status: 400, body: 'no supported subprotocol' });
  });

  it('can take its time to decide (the proxy asks upstream first)', async () => {
    const { url } = await listen({ decide: async () => { await new Promise((r) => setTimeout(r, 100)); return { accept: false, status: 401, reason: 'upstream said no' }; } });
    await expect(connect(`${url}/CP3`, { subprotocols: ['ocpp1.6'] })).rejects.toMatchObject({ status: 401 });
  });

  it('reports a refused connection and a timeout', async () => {
    const { listener } = await listen();
    const port = listener.port!;
    await listener.stop();
    await expect(connect(`ws://127.0.0.1:${port}/CP`, { subprotocols: ['ocpp1.6'] })).rejects.toMatchObject({ kind: 'refused' });
    const { url } = await listen({ decide: () => new Promise(() => undefined) });
    await expect(connect(`${url}/CP`, { subprotocols: ['ocpp1.6'], timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('serves wss (profile 2) and records TLS facts on both ends', async () => {
    const { url, seen } = await listen({ tls: { cert: pki.serverCert, key: pki.serverKey } });
    expect(url.startsWith('wss://')).toBe(true);
    const c = await connect(`${url}/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert } });
    expect(c.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(c.tls?.peerSubject).toContain('CN=localhost');
    expect(seen[0]!.tls?.version).toMatch(/^TLSv1\.[23]$/);
    c.ws.close();
    await expect(connect(`${url}/CP-TLS`, { subprotocols: ['ocpp1.6'] })).rejects.toMatchObject({ kind: 'tls' });
  });

  it('requires a trusted client certificate with a client CA (profile 3)', async () => {
    const { url, seen } = await listen({ tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert } });
    const good = pki.clientCert('CP-TLS');
    const c = await connect(`${url}/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, ...good } });
    expect(seen[0]!.tls?.peerSubject).toContain('CN=CP-TLS');
    c.ws.close();
    const bad = await connect(`${url}/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, ...pki.untrustedClient } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConnectRefusal);
    expect((bad as ConnectRefusal).kind).toBe('tls');
    const none = await connect(`${url}/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert } }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(ConnectRefusal);
    expect(seen).toHaveLength(1);
  });
});

describe('connect keeps what the server sends at once', () => {
  it('delivers frames sent right after the 101 to a caller that listens after the promise resolves', async () => {
    const { listener } = await listen({
      connected: (ws) => {
        ws.send('first');
        ws.send('second');
      },
    });
    const url = `ws://127.0.0.1:${listener.port!}/CP`;
    const c = await connect(url, { subprotocols: ['ocpp1.6'] });
    const got: string[] = [];
    c.ws.on('message', (d: Buffer) => got.push(d.toString()));
    // With holdPaused the socket stays paused until the caller resumes it, however late.
    const held = await connect(url, { subprotocols: ['ocpp1.6'], holdPaused: true });
    await new Promise((r) => setTimeout(r, 30));
    const late: string[] = [];
    held.ws.on('message', (d: Buffer) => late.push(d.toString()));
    held.ws.resume();
    await new Promise((r) => setTimeout(r, 30));
    expect(got).toEqual(['first', 'second']);
    expect(late).toEqual(['first', 'second']);
    c.ws.close();
    held.ws.close();
  });
});
