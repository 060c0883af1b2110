// TLS on both legs: the proxy's own server certificate toward chargers (security profile
// 2), client certificates required from chargers (profile 3), and a client certificate
// presented to the CSMS. Certificates are made per run with openssl (engine/testing/certs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../testing/certs';
import { rpcClient } from '../testing/ocpp-rpc';
import { framesOf, rpcCsms, runCleanups, startProxy, until, type Cleanup } from './testing';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-TLS');
});
afterAll(() => pki.remove());

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));

function tlsCharger(url: string, identity: string, tls: Record<string, unknown>, password?: string) {
  const client = rpcClient({ endpoint: url, identity, protocols: ['ocpp1.6'], wsOpts: { ca: pki.caCert, ...tls }, ...(password !== undefined ? { password } : {}) });
  cleanups.push(() => client.close({ force: true }));
  return client;
}

describe('TLS toward the charger', () => {
  it('serves wss with its own certificate (profile 2) and relays Basic auth; the capture holds the TLS facts', async () => {
    const csms = await rpcCsms('1.6', cleanups, { password: 'profile-2-secret' });
    csms.server.on('client', (c) => c.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() })));
    const p = await startProxy(csms.url, cleanups, { tls: { cert: pki.serverCert, key: pki.serverKey } });
    expect(p.url.startsWith('wss://')).toBe(true);
    const cp = tlsCharger(p.url, 'CP-TLS', {}, 'profile-2-secret');
    await cp.connect();
    await cp.call('Heartbeat', {});
    const records = await p.records();
    const open = records.find((r) => r.type === 'open') as { tls?: { version: string; cipher: string; peerSubject?: string }; upstreamTls?: unknown };
    expect(open.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(open.tls?.cipher).not.toBe('unknown');
    expect(open.tls?.peerSubject).toBeUndefined();
    expect(open.upstreamTls).toBeUndefined();
    expect(framesOf(records)).toHaveLength(2);
  });

  it('requires a trusted charger certificate with a client CA (profile 3) and refuses an untrusted one', async () => {
    const csms = await rpcCsms('1.6', cleanups);
    const p = await startProxy(csms.url, cleanups, { tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert } });
    const good = tlsCharger(p.url, 'CP-TLS', pki.clientCert('CP-TLS'));
    await good.connect();
    const open = (await p.records()).find((r) => r.type === 'open') as { tls?: { peerSubject?: string; authorized?: boolean } };
    expect(open.tls?.peerSubject).toContain('CN=CP-TLS');
    expect(open.tls?.authorized).toBe(true);

    const untrusted = tlsCharger(p.url, 'CP-TLS', pki.untrustedClient);
    await expect(untrusted.connect()).rejects.toThrow();
    const none = tlsCharger(p.url, 'CP-TLS', {});
    await expect(none.connect()).rejects.toThrow();
    // Neither reached the CSMS: the TLS handshake failed before any HTTP request.
    expect(csms.clients).toHaveLength(1);
    expect(p.proxy.info()).toMatchObject({ chargerTls: 'mtls', totalSessions: 1 });
    // Both refusals are in the capture as failed connections, with the TLS reason.
    await new Promise((r) => setTimeout(r, 100));
    const failed = (await p.records()).filter((r) => r.type === 'fail') as Array<{ reason: string; remoteAddress?: string }>;
    expect(failed).toHaveLength(2);
    for (const f of failed) expect(f.reason).toMatch(/^TLS handshake failed/);
  });
});

describe('TLS toward the CSMS', () => {
  it('presents a client certificate to a CSMS that requires one, and records the CSMS leg', async () => {
    const csms = await rpcCsms('1.6', cleanups, { tls: { cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert } });
    const proxyCert = pki.clientCert('OCPP-Bench-Proxy');
    const p = await startProxy(csms.url, cleanups, {
      tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert },
      upstreamTls: { ca: pki.caCert, cert: proxyCert.cert, key: proxyCert.key },
    });
    const cp = tlsCharger(p.url, 'CP-TLS', pki.clientCert('CP-TLS'));
    await cp.connect();
    await until(() => csms.clients[0]);
    expect(csms.peerSubjects).toEqual(['OCPP-Bench-Proxy']);
    const open = (await p.records()).find((r) => r.type === 'open') as { tls?: { peerSubject?: string }; upstreamTls?: { version: string; peerSubject?: string }; upstreamUrl: string };
    expect(open.tls?.peerSubject).toContain('CN=CP-TLS');
    expect(open.upstreamTls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(open.upstreamTls?.peerSubject).toContain('CN=localhost');
    expect(open.upstreamUrl).toBe(`${csms.url}/CP-TLS`);
  });

  it('answers 502 when TLS with the CSMS fails (its certificate is not trusted)', async () => {
    const csms = await rpcCsms('1.6', cleanups, { tls: { cert: pki.serverCert, key: pki.serverKey } });
    const p = await startProxy(csms.url, cleanups);
    const cp = rpcClient({ endpoint: p.url, identity: 'CP-X', protocols: ['ocpp1.6'] });
    cleanups.push(() => cp.close({ force: true }));
    await expect(cp.connect()).rejects.toMatchObject({ code: 502 });
    const fail = (await p.records()).find((r) => r.type === 'fail') as { status: number; reason: string };
    expect(fail.status).toBe(502);
    expect(fail.reason).toMatch(/TLS/);
  });
});
