// The 1.6 security whitepaper (ed. 3) flows of the simulator, following TC_073–TC_084_CS.
// Certificates come from openssl (engine/testing/certs.ts); hash data is checked against
// openssl's own OCSP CertID, an independent implementation.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../testing/certs';
import { bootedRig, callResult as result, type RigOptions } from '../testing/calls';
import type { Rig } from '../testing/rig';

let pki: TestPki;
let server: Server;
let baseUrl = '';
const firmware = Buffer.from('simulated firmware image\n'.repeat(100));

beforeAll(async () => {
  pki = makeTestPki('CP1');
  server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/fw.bin') {
      res.writeHead(200).end(firmware);
    } else if (req.method === 'PUT') {
      req.resume();
      req.on('end', () => res.writeHead(201).end());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  pki.remove();
  await new Promise((r) => server.close(r));
});

const booted = (options: RigOptions = {}) => bootedRig('1.6', options);

/** Advances simulated time while real I/O (HTTP, TCP) completes. */
async function until(rig: Rig, done: () => boolean, step = 1, limit = 200): Promise<void> {
  for (let i = 0; i < limit && !done(); i++) {
    await rig.advance(step);
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(done()).toBe(true);
}

const events = (rig: Rig) => rig.csms.calls('SecurityEventNotification').map((c) => c.payload['type']);

describe('1.6 security extension', () => {
  it('TC_074 / TC_077: CSR with O = CpoName, signed certificate accepted; an invalid one rejected with a security event', async () => {
    const rig = await booted({ settings: { CpoName: 'Bench CPO' } });
    expect(await result(rig, 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    const csr = rig.csms.calls('SignCertificate')[0]!.payload['csr'] as string;
    const csrFile = `${pki.dir}/sim.csr`;
    writeFileSync(csrFile, csr);
    // openssl verifies the CSR's signature and reads its subject.
    const subject = execFileSync('openssl', ['req', '-in', csrFile, '-noout', '-verify', '-subject'], { stdio: 'pipe' }).toString();
    expect(subject).toMatch(/O\s*=\s*Bench CPO/);
    expect(subject).toMatch(/CN\s*=\s*CP1/);
    execFileSync('openssl', ['x509', '-req', '-in', csrFile, '-CA', pki.files.caCert, '-CAkey', `${pki.dir}/ca.key`, '-CAcreateserial', '-days', '1', '-out', `${pki.dir}/sim.pem`], { cwd: pki.dir, stdio: 'pipe' });
    const signed = readFileSync(`${pki.dir}/sim.pem`, 'utf8');
    // The certificate is valid from the (whole) second it was signed: catch the manual clock up.
    await rig.advance(Math.max(0, (Date.now() - rig.timers.now()) / 1000 + 2));
    expect(await result(rig, 'CertificateSigned', { certificateChain: signed })).toEqual({ status: 'Accepted' });
    expect(rig.cp.state().log.some((l) => /new charge point certificate/.test(l.text))).toBe(true);

    await result(rig, 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' });
    await rig.advance(0);
    // A certificate for another key (the test CA's own) is not ours.
    expect(await result(rig, 'CertificateSigned', { certificateChain: pki.caCert })).toEqual({ status: 'Rejected' });
    await rig.advance(0);
    expect(events(rig)).toContain('InvalidChargePointCertificate');
  });

  it('TC_075 / TC_076 / TC_078: install, list with OCSP hash data, delete; an invalid root raises a security event', async () => {
    const rig = await booted();
    expect(await result(rig, 'GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' })).toEqual({ status: 'NotFound' });
    expect(await result(rig, 'InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pki.caCert })).toEqual({ status: 'Accepted' });
    const listed = await result(rig, 'GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' });
    const hash = (listed['certificateHashData'] as Array<Record<string, string>>)[0]!;
    // openssl's OCSP request for the same certificate carries the same CertID.
    const req = `${pki.dir}/ocsp.der`;
    execFileSync('openssl', ['ocsp', '-sha256', '-issuer', pki.files.caCert, '-cert', pki.files.caCert, '-reqout', req, '-no_nonce'], { stdio: 'pipe' });
    const text = execFileSync('openssl', ['ocsp', '-reqin', req, '-req_text'], { stdio: 'pipe' }).toString();
    expect(text).toContain(`Issuer Name Hash: ${hash['issuerNameHash']!.toUpperCase()}`);
    expect(text).toContain(`Issuer Key Hash: ${hash['issuerKeyHash']!.toUpperCase()}`);
    const serial = /Serial Number: ([0-9A-F]+)/.exec(text)?.[1]?.replace(/^0+/, '');
    expect(hash['serialNumber']!.toUpperCase()).toBe(serial);
    expect(await result(rig, 'DeleteCertificate', { certificateHashData: hash })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'DeleteCertificate', { certificateHashData: hash })).toEqual({ status: 'NotFound' });
    expect(await result(rig, 'InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: 'not a certificate' })).toEqual({ status: 'Rejected' });
    await rig.advance(0);
    expect(events(rig)).toContain('InvalidCentralSystemCertificate');
  });

  it('TC_079: GetLog uploads the security log with the requestId on every status', async () => {
    const rig = await booted();
    const conf = await result(rig, 'GetLog', { logType: 'SecurityLog', requestId: 42, log: { remoteLocation: `${baseUrl}/upload` } });
    expect(conf).toMatchObject({ status: 'Accepted' });
    await until(rig, () => rig.csms.calls('LogStatusNotification').length >= 2);
    expect(rig.csms.calls('LogStatusNotification').map((c) => c.payload)).toEqual([
      { status: 'Uploading', requestId: 42 },
      { status: 'Uploaded', requestId: 42 },
    ]);
  });

  it('TC_080 / TC_081: signed firmware, verified over the downloaded bytes; a bad signature stops at InvalidSignature', async () => {
    const key = createPrivateKey(readFileSync(`${pki.dir}/ca.key`));
    const signature = sign('sha256', firmware, key).toString('base64');
    const rig = await booted();
    const request = (sig: string, requestId: number, on: Rig = rig) => ({
      requestId,
      firmware: { location: `${baseUrl}/fw.bin`, retrieveDateTime: new Date(on.timers.now()).toISOString(), signingCertificate: pki.caCert, signature: sig },
    });
    expect(await result(rig, 'SignedUpdateFirmware', request(signature, 5))).toEqual({ status: 'Accepted' });
    await until(rig, () => rig.csms.calls('SignedFirmwareStatusNotification').some((c) => c.payload['status'] === 'Installed'));
    expect(rig.csms.calls('SignedFirmwareStatusNotification').map((c) => c.payload['status'])).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting', 'Installed']);
    expect(rig.csms.calls('SignedFirmwareStatusNotification').every((c) => c.payload['requestId'] === 5)).toBe(true);
    expect(rig.csms.calls('BootNotification')).toHaveLength(2);
    expect(events(rig)).toContain('FirmwareUpdated');

    const bad = await booted();
    const wrong = sign('sha256', Buffer.from('another image'), key).toString('base64');
    await result(bad, 'SignedUpdateFirmware', request(wrong, 6, bad));
    await until(bad, () => bad.csms.calls('SignedFirmwareStatusNotification').some((c) => c.payload['status'] === 'InvalidSignature'));
    expect(bad.csms.calls('SignedFirmwareStatusNotification').map((c) => c.payload['status'])).toEqual(['Downloading', 'Downloaded', 'InvalidSignature']);
    await bad.advance(0);
    expect(events(bad)).toContain('InvalidFirmwareSignature');
    expect(await result(bad, 'SignedUpdateFirmware', { ...request(signature, 7, bad), firmware: { ...request(signature, 7, bad).firmware, signingCertificate: 'garbage' } })).toEqual({ status: 'InvalidCertificate' });
  });

  it('TC_073 / TC_083 / TC_084: a new AuthorizationKey and a higher profile reconnect; a lower profile is rejected', async () => {
    const rig = await booted({ password: 'initial-password-16', securityProfile: 1 });
    expect(rig.csms.lastSecurity?.password).toBe('initial-password-16');
    expect(await result(rig, 'ChangeConfiguration', { key: 'AuthorizationKey', value: '4F43415F4F4354545F61646D696E5F74657374' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.csms.connections).toBe(2);
    expect(rig.csms.lastSecurity?.password).toBe('4F43415F4F4354545F61646D696E5F74657374');
    expect(await result(rig, 'ChangeConfiguration', { key: 'SecurityProfile', value: '0' })).toEqual({ status: 'Rejected' });
    // Profile 2 needs a trusted Central System root first (A05.FR.03).
    expect(await result(rig, 'ChangeConfiguration', { key: 'SecurityProfile', value: '2' })).toEqual({ status: 'Rejected' });
    await result(rig, 'InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pki.caCert });
    expect(await result(rig, 'ChangeConfiguration', { key: 'SecurityProfile', value: '2' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.csms.lastSecurity).toMatchObject({ profile: 2, password: '4F43415F4F4354545F61646D696E5F74657374' });
    expect(rig.csms.lastSecurity?.ca).toContain('BEGIN CERTIFICATE');
    expect(events(rig)).toContain('ReconfigurationOfSecurityParameters');
  });
});
