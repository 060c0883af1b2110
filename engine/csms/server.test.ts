// The CSMS on the wire: security profiles, bad input, responder overrides, follow-ups,
// reconnection and timeouts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { OcppVersion } from '../../api/model';
import { connect, ConnectRefusal } from '../net/connect';
import { basicAuthHeader } from '../net/handshake';
import type { TlsServerOptions } from '../net/listener';
import { CaptureWriter } from '../capture/writer';
import { makeTestPki, type TestPki } from '../testing/certs';
import { tempDir } from '../testing/tmp';
import { StandaloneCsms } from './server';
import { rpcClient } from '../testing/ocpp-rpc';
import { ownCharger, startTestCsms, until, type TestCsms } from './testing';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-TLS');
});
afterAll(() => pki.remove());

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function csms(settings: unknown = {}, tls?: TlsServerOptions): Promise<TestCsms> {
  const t = await startTestCsms(settings, tls === undefined ? {} : { tls });
  cleanups.push(() => t.stop());
  return t;
}

async function refusal(p: Promise<unknown>): Promise<ConnectRefusal> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectRefusal);
  return err as ConnectRefusal;
}

describe('security profiles', () => {
  const chargers = { CP1: { password: 'raw-password-0001' }, CP2: { passwordHex: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } };

  it('profile 1: Basic auth in raw and hex form; a wrong or missing password and an unknown charger get 401', async () => {
    const t = await csms({ chargers });
    expect(t.csms.profile).toBe(1);
    const ok = await connect(`${t.url}/ocpp/CP1`, { subprotocols: ['ocpp1.6'], headers: { Authorization: basicAuthHeader('CP1', 'raw-password-0001') } });
    expect(ok.subprotocol).toBe('ocpp1.6');
    ok.ws.close();
    const hex = await connect(`${t.url}/ocpp/CP2`, { subprotocols: ['ocpp1.6'], headers: { Authorization: basicAuthHeader('CP2', Buffer.from('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'hex')) } });
    hex.ws.close();
    // ocpp-rpc sends the password as given: the hex digits as text are accepted too.
    const rpc = rpcClient({ endpoint: `${t.url}/ocpp`, identity: 'CP2', protocols: ['ocpp1.6'], password: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' });
    await rpc.connect();
    await rpc.close({ force: true });

    const wrong = await refusal(connect(`${t.url}/ocpp/CP1`, { subprotocols: ['ocpp1.6'], headers: { Authorization: basicAuthHeader('CP1', 'guess') } }));
    expect(wrong).toMatchObject({ kind: 'http', status: 401 });
    expect(wrong.body).toContain('Wrong password');
    expect(await refusal(connect(`${t.url}/ocpp/CP1`, { subprotocols: ['ocpp1.6'] }))).toMatchObject({ status: 401 });
    expect(await refusal(connect(`${t.url}/ocpp/CP9`, { subprotocols: ['ocpp1.6'], headers: { Authorization: basicAuthHeader('CP9', 'x') } }))).toMatchObject({ status: 401 });
    // Refusals are recorded as failed sessions.
    await t.csms.settled();
    expect(t.store.sessionList().filter((s) => s.state === 'failed').map((s) => s.chargePointId)).toEqual(['CP1', 'CP1', 'CP9']);
  });

  it('switches to a new password once the charger accepts it (A01.FR.03), and masks it in what it records', async () => {
    const t = await csms({ chargers: { CP1: { password: 'raw-password-0001' }, CS2: { password: 'old-password-0002' } } });
    const auth = (id: string, password: string | Buffer) => ({ Authorization: basicAuthHeader(id, password) });
    const cp = await ownCharger(t.url, 'CP1', '1.6', { headers: auth('CP1', 'raw-password-0001') });
    cleanups.push(() => cp.close());
    // Rejected: the old key stays (A01.FR.04).
    const noChange = await ownCharger(t.url, 'CS2', '2.0.1', {
      headers: auth('CS2', 'old-password-0002'),
      answers: (call) => (call.action === 'SetVariables' ? { result: { setVariableResult: [{ attributeStatus: 'Rejected', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] } } : undefined),
    });
    cleanups.push(() => noChange.close());
    const newKey = '00112233445566778899aabbccddeeff';
    expect(await t.csms.send('CP1', 'ChangeConfiguration', { key: 'AuthorizationKey', value: newKey })).toMatchObject({ kind: 'result', payload: { status: 'Accepted' } });
    expect(await t.csms.send('CS2', 'SetVariables', { setVariableData: [{ attributeValue: 'new-password-0002', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] })).toMatchObject({ kind: 'result' });
    expect(t.csms.getSettings().chargers['CP1']).toEqual({ passwordHex: newKey });
    expect(await refusal(connect(`${t.url}/CP1`, { subprotocols: ['ocpp1.6'], headers: auth('CP1', 'raw-password-0001') }))).toMatchObject({ status: 401 });
    const again = await connect(`${t.url}/CP1`, { subprotocols: ['ocpp1.6'], headers: auth('CP1', Buffer.from(newKey, 'hex')) });
    again.ws.close();
    const cs2 = await connect(`${t.url}/CS2`, { subprotocols: ['ocpp2.0.1'], headers: auth('CS2', 'old-password-0002') });
    cs2.ws.close();
    const texts = (await t.csms.settled(), t.store.query({ limit: 100 }).frames.map((f) => t.store.frame(f.index)!.text ?? ''));
    expect(texts.find((x) => x.includes('AuthorizationKey'))).toContain('"value":"<redacted>"');
    expect(texts.join('\n')).not.toContain(newKey);
    expect(texts.join('\n')).not.toContain('new-password-0002');
  });

  it('404 for a charger off the allow-list; 400 with the reason when no subprotocol fits', async () => {
    const t = await csms({ allowUnknownChargers: false, chargers: { CP1: {} }, subprotocols: ['ocpp2.0.1'] });
    expect(await refusal(connect(`${t.url}/ocpp/CPX`, { subprotocols: ['ocpp2.0.1'] }))).toMatchObject({ status: 404 });
    const r = await refusal(connect(`${t.url}/ocpp/CP1`, { subprotocols: ['ocpp1.6'] }));
    expect(r).toMatchObject({ status: 400 });
    expect(r.body).toMatch(/offered ocpp1\.6; this CSMS speaks ocpp2\.0\.1/);
    const ok = await connect(`${t.url}/ocpp/CP1`, { subprotocols: ['ocpp1.6', 'ocpp2.0.1'] });
    expect(ok.subprotocol).toBe('ocpp2.0.1');
    ok.ws.close();
  });

  it('profile 2: TLS with Basic auth', async () => {
    const t = await csms({ chargers }, { cert: pki.serverCert, key: pki.serverKey });
    expect(t.csms.profile).toBe(2);
    expect(t.url).toMatch(/^wss:/);
    const ok = await connect(`${t.url}/CP1`, { subprotocols: ['ocpp2.0.1'], tls: { ca: pki.caCert }, headers: { Authorization: basicAuthHeader('CP1', 'raw-password-0001') } });
    expect(ok.tls?.version).toMatch(/^TLSv1\.[23]$/);
    ok.ws.close();
    expect(await refusal(connect(`${t.url}/CP1`, { subprotocols: ['ocpp2.0.1'], tls: { ca: pki.caCert }, headers: { Authorization: basicAuthHeader('CP1', 'nope') } }))).toMatchObject({ status: 401 });
    // A charger that does not trust the CSMS certificate never gets to HTTP.
    expect(await refusal(connect(`${t.url}/CP1`, { subprotocols: ['ocpp2.0.1'] }))).toMatchObject({ kind: 'tls' });
  });

  it('profile 3: a trusted client certificate is required, and its CN must be the charge point id when asked', async () => {
    const t = await csms({ requireCertificateCn: true }, { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert });
    expect(t.csms.profile).toBe(3);
    const good = pki.clientCert('CP-TLS');
    const ok = await connect(`${t.url}/ocpp/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, ...good } });
    ok.ws.close();
    await until(() => t.csms.state('CP-TLS')?.connection.tlsSubject);
    expect(t.csms.state('CP-TLS')!.connection).toMatchObject({ securityProfile: 3, tlsSubject: expect.stringContaining('CN=CP-TLS') });
    const otherCn = await refusal(connect(`${t.url}/ocpp/CP-OTHER`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, ...good } }));
    expect(otherCn).toMatchObject({ status: 401 });
    expect(otherCn.body).toContain('CN "CP-TLS"');
    expect(await refusal(connect(`${t.url}/ocpp/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, ...pki.untrustedClient } }))).toMatchObject({ kind: 'tls' });
    expect(await refusal(connect(`${t.url}/ocpp/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert } }))).toMatchObject({ kind: 'tls' });
  });
});

describe('bad input', () => {
  const cases: Record<'1.6' | '2.0.1' | '2.1', { fmt: string; occ: string; rpc: string }> = {
    '1.6': { fmt: 'FormationViolation', occ: 'OccurenceConstraintViolation', rpc: 'FormationViolation' },
    '2.0.1': { fmt: 'FormatViolation', occ: 'OccurrenceConstraintViolation', rpc: 'RpcFrameworkError' },
    '2.1': { fmt: 'FormatViolation', occ: 'OccurrenceConstraintViolation', rpc: 'RpcFrameworkError' },
  };
  for (const [version, codes] of Object.entries(cases) as Array<[OcppVersion, (typeof cases)['1.6']]>) {
    it(`${version}: malformed frames, unknown actions and invalid payloads get the version's CALLERROR; the session survives`, async () => {
      const t = await csms();
      const c = await connect(`${t.url}/BAD`, { subprotocols: [`ocpp${version}`] });
      cleanups.push(() => c.ws.terminate());
      const replies: unknown[][] = [];
      c.ws.on('message', (d: Buffer) => replies.push(JSON.parse(d.toString()) as unknown[]));
      const send = async (text: string) => {
        const before = replies.length;
        c.ws.send(text);
        await until(() => (replies.length > before ? true : undefined));
        return replies.at(-1)!.slice(0, 3);
      };
      expect(await send('[2,"a","MakeCoffee",{}]')).toEqual([4, 'a', 'NotImplemented']);
      expect(await send('[2,"b","Reset",{}]')).toEqual([4, 'b', 'NotSupported']);
      expect(await send('[2,"c","Heartbeat",{"extra":1}]')).toEqual([4, 'c', codes.fmt]);
      const boot = version === '1.6' ? '{"chargePointVendor":"V"}' : '{"reason":"PowerUp"}';
      expect(await send(`[2,"d","BootNotification",${boot}]`)).toEqual([4, 'd', codes.occ]);
      expect(await send('not json')).toEqual([4, '-1', codes.rpc]);
      expect(await send('[2,"e","Heartbeat"]')).toEqual([4, 'e', codes.fmt]);
      if (version === '2.0.1') expect(await send('[9,"f",{}]')).toEqual([4, 'f', 'MessageTypeNotSupported']);
      // Alive: a valid CALL still gets its answer, and nothing of that counted as a boot.
      expect(await send('[2,"g","Heartbeat",{}]')).toEqual([3, 'g', expect.objectContaining({ currentTime: expect.any(String) })]);
      expect(t.csms.state('BAD')!.boot.status).toBe('None');
      expect(t.csms.isConnected('BAD')).toBe(true);
      // And the judge flagged what the charger sent.
      const findings = await t.findings();
      expect(findings.length).toBeGreaterThan(4);
    });
  }
});

describe('responder overrides', () => {
  it('fixed, error, noAnswer and delay from the config, per charger before global', async () => {
    const t = await csms({
      timeScale: 0.05,
      responders: {
        Heartbeat: { mode: 'fixed', payload: { currentTime: '2031-01-01T00:00:00.000Z' } },
        Authorize: { mode: 'error', code: 'SecurityError', description: 'not today', delayMs: 2000 },
        StatusNotification: 'noAnswer',
      },
      chargers: { SPECIAL: { responders: { Heartbeat: 'default' } } },
    });
    const cp = await ownCharger(t.url, 'PLAIN', '1.6');
    cleanups.push(() => cp.close());
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'result', payload: { currentTime: '2031-01-01T00:00:00.000Z' } });
    const started = Date.now();
    const auth = await cp.endpoint.call('Authorize', { idTag: 'X' });
    const waited = Date.now() - started;
    expect(auth).toMatchObject({ kind: 'error', code: 'SecurityError', description: 'not today' });
    // 2000 ms × timeScale 0.05.
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(1500);
    await expect(cp.endpoint.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }, { timeoutMs: 200 })).rejects.toThrow(/No answer/);
    // An unanswered StatusNotification was received (counted) but not applied.
    expect(t.csms.state('PLAIN')!.stats.received['StatusNotification']).toBe(1);
    expect(t.csms.state('PLAIN')!.connectors).toEqual([]);

    const special = await ownCharger(t.url, 'SPECIAL', '1.6');
    cleanups.push(() => special.close());
    const hb = await special.endpoint.call('Heartbeat', {});
    expect(hb.kind === 'result' && hb.payload['currentTime']).not.toBe('2031-01-01T00:00:00.000Z');
  });

  it('changed at run time; a fixed payload updates the state; an invalid one is sent only when allowed', async () => {
    const t = await csms();
    const cp = await ownCharger(t.url, 'RT', '1.6');
    cleanups.push(() => cp.close());
    t.csms.setResponder('StartTransaction', { mode: 'fixed', payload: { idTagInfo: { status: 'Accepted' }, transactionId: 4242 } });
    expect(await cp.endpoint.call('StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: new Date().toISOString() })).toMatchObject({ payload: { transactionId: 4242 } });
    expect(t.csms.state('RT')!.transactions[0]).toMatchObject({ transactionId: '4242', state: 'active' });
    t.csms.setResponder('Heartbeat', { mode: 'fixed', payload: { when: 'now' } }, 'RT');
    // Our own answer would break the schema: the endpoint reports that rather than send it.
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'error', code: 'InternalError' });
    t.csms.setResponder('Heartbeat', { mode: 'fixed', payload: { when: 'now' }, allowInvalid: true }, 'RT');
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'result', payload: { when: 'now' }, findings: expect.arrayContaining([expect.objectContaining({ rule: 'schema.required' })]) });
    t.csms.setResponder('Heartbeat', null, 'RT');
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'result', findings: [] });
    t.csms.setResponder('Heartbeat', { mode: 'noAnswer', delayMs: 50 });
    await expect(cp.endpoint.call('Heartbeat', {}, { timeoutMs: 300 })).rejects.toThrow(/No answer/);
  });
});

describe('recording failure', () => {
  it('stops the CSMS loudly and closes every charger rather than go on unrecorded', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const capture = await CaptureWriter.create(dir.file('csms.jsonl'), { mode: 'csms' });
    const alerts: string[] = [];
    const stopped: string[] = [];
    const csms = new StandaloneCsms({ host: '127.0.0.1', port: 0, capture, onAlert: (severity, message) => alerts.push(`${severity}: ${message}`) });
    csms.onStopped((reason) => stopped.push(reason));
    const { url } = await csms.start();
    cleanups.push(() => csms.stop());
    const cp = await ownCharger(url, 'DISK', '1.6');
    cleanups.push(() => cp.close());
    const closes: number[] = [];
    cp.endpoint.onClose((code) => closes.push(code));
    // The disk goes away under the writer.
    await (capture as unknown as { handle: { close(): Promise<void> } }).handle.close();
    await cp.endpoint.call('Heartbeat', {}).catch(() => undefined);
    await until(() => stopped[0], 3000, 'CSMS stopped');
    expect(stopped[0]).toMatch(/^recording failed: Recording to .* failed/);
    expect(alerts[0]).toMatch(/^error: Recording to .* failed.*The CSMS stops rather than pass traffic unrecorded/);
    await until(() => closes[0]);
    expect(closes[0]).toBe(1011);
    expect(csms.running).toBe(false);
    await expect(connect(`${url}/LATE`, { subprotocols: ['ocpp1.6'] })).rejects.toThrow();
  });
});

describe('ConcurrentTx', () => {
  it('counts a token busy on other connectors and chargers, not on the connector a new start is on', async () => {
    const t = await csms({ idTokens: { TAG: 'Accepted' } });
    const a = await ownCharger(t.url, 'A16', '1.6');
    const b = await ownCharger(t.url, 'B201', '2.0.1');
    cleanups.push(() => a.close(), () => b.close());
    const start = (connectorId: number) => a.endpoint.call('StartTransaction', { connectorId, idTag: 'TAG', meterStart: 0, timestamp: new Date().toISOString() });
    expect(await start(1)).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });
    // The first transaction's stop was lost (power cut): a new start on the same connector is fine.
    expect(await start(1)).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });
    expect(await start(2)).toMatchObject({ payload: { idTagInfo: { status: 'ConcurrentTx' } } });
    // 2.x: busy on another charger, so Authorize and a start both say ConcurrentTx.
    expect(await b.endpoint.call('Authorize', { idToken: { idToken: 'TAG', type: 'ISO14443' } })).toMatchObject({ payload: { idTokenInfo: { status: 'ConcurrentTx' } } });
    const event = { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'Authorized', seqNo: 0, transactionInfo: { transactionId: 'X1' }, idToken: { idToken: 'TAG', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 } };
    expect(await b.endpoint.call('TransactionEvent', event)).toMatchObject({ payload: { idTokenInfo: { status: 'ConcurrentTx' } } });
  });
});

describe('sending and follow-ups', () => {
  it('follows SignCertificate with CertificateSigned after the scaled delay', async () => {
    const dir = pki.dir;
    execFileSync('openssl', ['req', '-new', '-key', 'client.key', '-subj', '/CN=CP-TLS', '-out', 'sign.csr'], { cwd: dir, stdio: 'pipe' });
    const csr = readFileSync(`${dir}/sign.csr`, 'utf8');
    const chain = pki.clientCert('CP-TLS').cert;
    const t = await csms({ signCertificate: { certificateChain: chain, delayMs: 10_000 }, timeScale: 0.005 });
    const cp = await ownCharger(t.url, 'SIGN', '2.0.1');
    cleanups.push(() => cp.close());
    expect(await cp.endpoint.call('SignCertificate', { csr, certificateType: 'ChargingStationCertificate' })).toMatchObject({ payload: { status: 'Accepted' } });
    const signed = await until(() => cp.calls.find((c) => c.action === 'CertificateSigned'), 2000);
    expect(signed.payload).toEqual({ certificateChain: chain, certificateType: 'ChargingStationCertificate' });
    expect(t.csms.state('SIGN')!.stats.sent['CertificateSigned']).toBe(1);
    expect(await t.findings()).toEqual([]);
  });

  it('signs the CSR with its local CA; the charger then connects with the new certificate (1.6 TC_074_CSMS)', async () => {
    const dir = pki.dir;
    execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'renewed.key'], { cwd: dir, stdio: 'pipe' });
    execFileSync('openssl', ['req', '-new', '-key', 'renewed.key', '-subj', '/CN=CP-TLS/O=Bench CPO', '-out', 'renewed.csr'], { cwd: dir, stdio: 'pipe' });
    const ca = { cert: pki.caCert, key: readFileSync(`${dir}/ca.key`, 'utf8') };
    const t = await csms(
      { requireCertificateCn: true, signCertificate: { ca, delayMs: 1000 }, timeScale: 0.01 },
      { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert },
    );
    const cp = await ownCharger(t.url, 'CP-TLS', '1.6', { tls: { ca: pki.caCert, ...pki.clientCert('CP-TLS') } });
    cleanups.push(() => cp.close());
    const csr = readFileSync(`${dir}/renewed.csr`, 'utf8');
    expect(await cp.endpoint.call('SignCertificate', { csr })).toMatchObject({ payload: { status: 'Accepted' } });
    const signed = await until(() => cp.calls.find((c) => c.action === 'CertificateSigned'), 5000);
    const chain = String(signed.payload['certificateChain']);
    expect(chain.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    // A CSR that is not PEM: Accepted was already said; the CSMS says why no certificate follows.
    await cp.endpoint.call('SignCertificate', { csr: 'not a csr' });
    await until(() => (t.alerts.some((a) => a.includes('the CSR is not PEM')) ? true : undefined), 2000);
    // The charger switches to its new certificate: the CSMS's TLS trusts it.
    const leaf = chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25);
    const renewed = await connect(`${t.url}/CP-TLS`, { subprotocols: ['ocpp1.6'], tls: { ca: pki.caCert, cert: leaf, key: readFileSync(`${dir}/renewed.key`, 'utf8') } });
    await until(() => t.csms.state('CP-TLS')?.connection.tlsSubject?.includes('Bench CPO'));
    renewed.ws.close();
  });

  it('returns a timeout or closed outcome, notes Pending, and lets a reconnect replace the old connection', async () => {
    const t = await csms({ boot: { status: 'Pending' } });
    const cp = await ownCharger(t.url, 'SLOW', '1.6', { answers: (call) => (call.action === 'Reset' ? { noAnswer: true } : undefined) });
    cleanups.push(() => cp.close());
    await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    expect(await t.csms.send('SLOW', 'Reset', { type: 'Hard' }, { timeoutMs: 100 })).toMatchObject({ kind: 'timeout', timeoutMs: 100 });
    const remote = await t.csms.send('SLOW', 'RemoteStartTransaction', { idTag: 'A' });
    expect(remote.notes[0]).toMatch(/Pending: RemoteStartTransaction is not allowed/);

    const again = await ownCharger(t.url, 'SLOW', '2.0.1');
    cleanups.push(() => again.close());
    await until(() => (cp.endpoint.isOpen ? undefined : true));
    const state = t.csms.state('SLOW')!;
    expect(state).toMatchObject({ version: '2.0.1', connection: { connected: true, connects: 2 } });
    // The 1.6 boot no longer describes a 2.0.1 charger.
    expect(state.boot.status).toBe('None');
    const sessions = () => t.store.sessionList().filter((s) => s.chargePointId === 'SLOW');
    await until(() => (sessions()[0]?.state === 'closed' ? true : undefined));
    expect(sessions().map((s) => [s.state, s.reason])).toEqual([['closed', expect.stringContaining('closed by the bench (code 1000')], ['open', undefined]]);

    const pending = t.csms.send('SLOW', 'Reset', { type: 'Immediate' }, { timeoutMs: 2000 });
    again.close();
    expect(await pending).toMatchObject({ kind: 'closed' });
    await until(() => (t.csms.isConnected('SLOW') ? undefined : true));
    expect(t.csms.state('SLOW')!.connection.connected).toBe(false);
    await expect(t.csms.waitFor('SLOW', (_s, connected) => connected, 50, 'a connection')).rejects.toThrow(/did not meet a connection within 50 ms/);
  });
});
