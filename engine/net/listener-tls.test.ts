// The listener's options for security profile changes and TLS inspection: plain and TLS on
// one port, client certificates asked for but judged by the decision, several server
// certificates, and what a client offers in its ClientHello.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTestPki, type TestPki } from '../testing/certs';
import type { ClientHello } from './client-hello';
import { parseClientHello } from './client-hello';
import { ChargerListener, type OpeningRequest, type TlsServerOptions } from './listener';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-TLS');
});
afterAll(() => pki.remove());

const listeners: Array<ChargerListener<null>> = [];
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.stop();
});

async function listen(tls: Omit<TlsServerOptions, 'cert' | 'key'> & Partial<Pick<TlsServerOptions, 'cert' | 'key'>>) {
  const seen: OpeningRequest[] = [];
  const hellos: Array<ClientHello | undefined> = [];
  const listener = new ChargerListener<null>({
    host: '127.0.0.1',
    port: 0,
    tls: { cert: pki.serverCert, key: pki.serverKey, ...tls },
    decide: (req) => {
      seen.push(req);
      return { accept: true, subprotocol: 'ocpp1.6', context: null };
    },
    connected: () => undefined,
    onClientHello: (hello) => hellos.push(hello),
  });
  listeners.push(listener);
  const { port } = await listener.start();
  return { port, seen, hellos };
}

function open(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['ocpp1.6'], { ca: pki.caCert, ...options });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('ChargerListener TLS options', () => {
  it('acceptPlain: serves ws:// and wss:// on the same port, telling them apart', async () => {
    const { port, seen } = await listen({ acceptPlain: true });
    const plain = await open(`ws://127.0.0.1:${port}/ocpp/CP1`);
    const secure = await open(`wss://localhost:${port}/ocpp/CP1`);
    expect(seen.map((r) => r.tls === undefined)).toEqual([true, false]);
    expect(seen[1]!.tls?.version).toMatch(/TLSv1\.[23]/);
    plain.close();
    secure.close();
  });

  it('without acceptPlain, a plain connection to a TLS port is dropped', async () => {
    const { port } = await listen({ inspectClientHello: true });
    await expect(open(`ws://127.0.0.1:${port}/ocpp/CP1`)).rejects.toThrow();
  });

  it('inspectClientHello: reports the versions and cipher suites the client offered', async () => {
    const { port, seen, hellos } = await listen({ inspectClientHello: true });
    const ws = await open(`wss://localhost:${port}/ocpp/CP1`, { ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' });
    const hello = seen[0]!.clientHello!;
    expect(hello.versions).toEqual(['TLSv1.2']);
    expect(hello.cipherSuites).toContain('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256');
    expect(hello.cipherSuites).toContain('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384');
    expect(hello.cipherSuites).not.toContain('TLS_RSA_WITH_AES_128_GCM_SHA256');
    expect(hello.serverName).toBe('localhost');
    expect(hellos).toEqual([hello]);
    ws.close();
    const modern = await open(`wss://localhost:${port}/ocpp/CP1`);
    expect(seen[1]!.clientHello!.versions[0]).toBe('TLSv1.3');
    modern.close();
  });

  it('clientCertOptional: asks for a client certificate and lets the decision judge it', async () => {
    const { port, seen } = await listen({ clientCa: pki.caCert, clientCertOptional: true });
    const client = pki.clientCert('CP-TLS');
    const without = await open(`wss://localhost:${port}/ocpp/CP1`);
    const withCert = await open(`wss://localhost:${port}/ocpp/CP1`, { cert: client.cert, key: client.key });
    const untrusted = await open(`wss://localhost:${port}/ocpp/CP1`, { cert: pki.untrustedClient.cert, key: pki.untrustedClient.key });
    expect(seen.map((r) => r.tls?.authorized)).toEqual([false, true, false]);
    expect(seen[1]!.tls?.peerSubject).toContain('CN=CP-TLS');
    for (const ws of [without, withCert, untrusted]) ws.close();
  });
});

describe('parseClientHello', () => {
  it('reads nothing from what is not a ClientHello', () => {
    expect(parseClientHello(Buffer.from('GET / HTTP/1.1\r\n'))).toBeUndefined();
    expect(parseClientHello(Buffer.from([0x16, 0x03, 0x01, 0x00]))).toBeUndefined();
  });
});
