// The bench's in-memory PKI: openssl (an independent implementation) reads and verifies
// what it issues, and Node's TLS uses it for real handshakes (ECDSA and RSA suites, client
// certificates).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignedChain, createCsr } from '../charger/certificates';
import { tempDir } from '../testing/tmp';
import { BenchPki } from './pki';
import { CertificateRequestError } from './x509';

let pki: BenchPki;
const tmp = tempDir('ocpp-bench-pki-test-');
const file = (name: string, text: string) => {
  writeFileSync(tmp.file(name), text);
  return tmp.file(name);
};
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' }).toString();

beforeAll(async () => {
  pki = await BenchPki.create();
});
afterAll(() => tmp.remove());

describe('BenchPki', () => {
  it('issues certificates openssl verifies against their roots, with the extensions their use needs', () => {
    const root = file('root.pem', pki.centralSystemRoot.cert);
    for (const [name, pem] of [
      ['ec', pki.serverEc.cert],
      ['rsa', pki.serverRsa.cert],
    ] as const) {
      expect(openssl(['verify', '-CAfile', root, '-purpose', 'sslserver', file(`${name}.pem`, pem)])).toContain(': OK');
    }
    const client = pki.clientCertificate('CP-42');
    expect(openssl(['verify', '-CAfile', root, '-purpose', 'sslclient', file('client.pem', client.cert)])).toContain(': OK');
    expect(client.x509.subject).toContain('CN=CP-42');
    const manufacturer = file('manufacturer.pem', pki.manufacturerRoot.cert);
    expect(openssl(['verify', '-CAfile', manufacturer, file('signer.pem', pki.firmwareSigner.cert)])).toContain(': OK');
    const text = openssl(['x509', '-in', file('rsa-text.pem', pki.serverRsa.cert), '-noout', '-text']);
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(text).toContain('IP Address:127.0.0.1');
    expect(text).toContain('DNS:localhost');
    expect(text).toContain('CN = 127.0.0.1');
    expect(openssl(['x509', '-in', root, '-noout', '-text'])).toMatch(/CA:TRUE/);
    expect(pki.serverEc.x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('signs a CSR as the charger made it; refuses one whose signature does not verify', () => {
    const csr = createCsr({ commonName: 'SERIAL-1', organization: 'Bench CPO' });
    const chain = pki.signCsr(csr.pem);
    const checked = checkSignedChain(chain, csr.privateKey, Date.now());
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.leaf.subject).toContain('CN=SERIAL-1');
      expect(checked.leaf.subject).toContain('O=Bench CPO');
      expect(checked.leaf.checkIssued(pki.centralSystemRoot.x509)).toBe(true);
    }
    const der = Buffer.from(csr.pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der.writeUInt8(der[der.length - 5]! ^ 0xff, der.length - 5);
    const broken = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => pki.signCsr(broken)).toThrow(CertificateRequestError);
    expect(() => pki.signCsr('not a csr')).toThrow(/not PEM/);
  });

  it('makes an expired root', () => {
    const expired = pki.expiredRoot();
    const dates = openssl(['x509', '-in', file('expired.pem', expired), '-noout', '-enddate']);
    expect(Date.parse(dates.replace('notAfter=', '').trim())).toBeLessThan(Date.now());
  });

  describe('in TLS handshakes', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      server = createServer({
        cert: [pki.serverEc.cert, pki.serverRsa.cert],
        key: [pki.serverEc.key, pki.serverRsa.key],
        ca: pki.centralSystemRoot.cert,
        requestCert: true,
        rejectUnauthorized: false,
      });
      server.on('request', (req, res) => res.end((req.socket as TLSSocket).authorized ? 'client certificate verified' : 'no client certificate'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    const handshake = (options: { ciphers?: string; cert?: string; key?: string }) =>
      new Promise<{ cipher: string; keyType: string | undefined; authorizedByServer: string }>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, ca: pki.centralSystemRoot.cert, maxVersion: 'TLSv1.2', ...options }, () => {
          const cipher = socket.getCipher().standardName;
          const keyType = socket.getPeerX509Certificate()?.publicKey.asymmetricKeyType;
          socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
          let body = '';
          socket.on('data', (d: Buffer) => (body += d.toString()));
          socket.on('end', () => resolve({ cipher, keyType, authorizedByServer: body }));
        });
        socket.on('error', reject);
      });

    it('negotiates the ECDSA and the RSA suites of the whitepaper, each with its certificate', async () => {
      expect(await handshake({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' })).toMatchObject({ cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', keyType: 'ec' });
      expect(await handshake({ ciphers: 'AES256-GCM-SHA384' })).toMatchObject({ cipher: 'TLS_RSA_WITH_AES_256_GCM_SHA384', keyType: 'rsa' });
    });

    it('verifies a client certificate it issued', async () => {
      const client = pki.clientCertificate('CP-9');
      expect((await handshake({ cert: client.cert, key: client.key })).authorizedByServer).toContain('client certificate verified');
      expect((await handshake({})).authorizedByServer).toContain('no client certificate');
    });
  });
});
