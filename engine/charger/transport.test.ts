// The simulator over real sockets: security profiles 1–3 against the bench's own listener,
// a 2.1 CSMS built from OcppEndpoint, and the capture it records.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaptureWriter } from '../capture/writer';
import { actionsOf } from '../ocpp/catalog';
import { payloadTemplate } from '../ocpp/templates';
import { makeTestPki, type TestPki } from '../testing/certs';
import { tempDir } from '../testing/tmp';
import { LiveRecorder } from '../traffic/recorder';
import { TrafficStore } from '../traffic/store';
import { SimulatedCharger } from './charger';
import { startEndpointCsms, until, type EndpointCsms } from './testing/endpoint-csms';
import { chargerUrl } from './transport';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-TLS');
});
afterAll(() => pki.remove());

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function csms(...args: Parameters<typeof startEndpointCsms>): Promise<EndpointCsms> {
  const c = await startEndpointCsms(...args);
  cleanups.push(() => c.stop());
  return c;
}

function charger(options: ConstructorParameters<typeof SimulatedCharger>[0]): SimulatedCharger {
  const cp = new SimulatedCharger({ timeScale: 0.05, settings: { RetryBackOffRandomRange: '0', RetryBackOffWaitMinimum: '1' }, ...options });
  cleanups.push(() => cp.stop());
  cp.start();
  return cp;
}

describe('security profiles (1.6 security whitepaper §2, 2.0.1 Part 2 A00)', () => {
  it('builds the URL from the base and the id; wss from profile 2', () => {
    expect(chargerUrl('ws://host:9000/ocpp/', 'CP 1', 1)).toBe('ws://host:9000/ocpp/CP%201');
    expect(chargerUrl('ws://host:9000/ocpp', 'CP1', 2)).toBe('wss://host:9000/ocpp/CP1');
  });

  it('profile 1: HTTP Basic with the charge point id; a wrong password is refused with 401 and retried', async () => {
    const server = await csms('1.6', {
      decide: (req) => (req.credentials?.user === req.chargePointId && req.credentials.password === 'correct-horse-battery' ? undefined : { accept: false, status: 401, reason: 'bad credentials' }),
    });
    const good = charger({ id: 'CP-B1', version: '1.6', url: server.url, password: 'correct-horse-battery' });
    await until(() => server.received.some((r) => r.action === 'BootNotification'));
    expect(good.summary().securityProfile).toBe(1);
    expect(server.requests[0]!.credentials).toMatchObject({ user: 'CP-B1', password: 'correct-horse-battery' });

    const bad = charger({ id: 'CP-B2', version: '1.6', url: server.url, password: 'wrong-password-123' });
    await until(() => server.requests.filter((r) => r.chargePointId === 'CP-B2').length >= 2);
    expect(bad.summary().registration).toBe('none');
    expect(bad.summary().lastError).toMatch(/HTTP 401/);
  });

  it('profile 2: TLS with the CSMS certificate checked against the CA, plus HTTP Basic', async () => {
    const server = await csms('2.0.1', { tls: { cert: pki.serverCert, key: pki.serverKey } });
    const url = server.url.replace('wss://', 'ws://'); // profile 2 upgrades the scheme itself
    const cp = charger({ id: 'CP-T2', version: '2.0.1', url, password: 'tls-password-1234', securityProfile: 2, tls: { ca: pki.caCert } });
    await until(() => server.received.some((r) => r.action === 'StatusNotification'));
    expect(server.requests[0]!.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(server.requests[0]!.credentials?.password).toBe('tls-password-1234');
    expect(cp.summary().registration).toBe('accepted');

    const untrusting = charger({ id: 'CP-T3', version: '2.0.1', url, password: 'tls-password-1234', securityProfile: 2 });
    await until(() => untrusting.summary().lastError !== undefined);
    expect(untrusting.summary().lastError).toMatch(/TLS|certificate/i);
    expect(server.requests.some((r) => r.chargePointId === 'CP-T3')).toBe(false);
  });

  it('profile 3: TLS client certificate, no HTTP Basic; an untrusted certificate is refused', async () => {
    const server = await csms('1.6', { tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert } });
    const client = pki.clientCert('CP-TLS');
    const cp = charger({ id: 'CP-TLS', version: '1.6', url: server.url, password: 'not-sent-in-profile-3', tls: { ca: pki.caCert, ...client } });
    await until(() => server.received.some((r) => r.action === 'BootNotification'));
    expect(cp.summary().securityProfile).toBe(3);
    expect(server.requests[0]!.tls?.peerSubject).toContain('CN=CP-TLS');
    expect(server.requests[0]!.credentials).toBeUndefined();

    const rogue = charger({ id: 'CP-ROGUE', version: '1.6', url: server.url, tls: { ca: pki.caCert, ...pki.untrustedClient } });
    await until(() => rogue.summary().lastError !== undefined);
    expect(rogue.summary().registration).toBe('none');
    expect(server.requests.some((r) => r.chargePointId === 'CP-ROGUE')).toBe(false);
  });
});

describe('OCPP 2.1 against a CSMS built from OcppEndpoint', () => {
  it('boots, charges, and answers every CSMS-initiated 2.1 action with a valid result', async () => {
    const server = await csms('2.1');
    const store = new TrafficStore();
    const recorder = new LiveRecorder({ source: 'sim', store });
    const cp = charger({ id: 'CP-21', version: '2.1', url: server.url, connectors: 2, recorder });
    await until(() => server.endpoints.length === 1 && server.received.some((r) => r.action === 'StatusNotification'));
    cp.operator.plugIn(1);
    cp.operator.presentIdToken('TAG21');
    await until(() => server.received.some((r) => r.action === 'TransactionEvent' && r.payload['eventType'] === 'Started'));
    cp.operator.unplug(1);
    await until(() => server.received.some((r) => r.action === 'TransactionEvent' && r.payload['eventType'] === 'Ended'));
    const endpoint = server.endpoints[0]!;
    // UpdateFirmware would reboot the charger in the middle of the loop: let installation fail instead.
    cp.operator.firmwareInstallFailure();
    const failures: string[] = [];
    for (const { action } of actionsOf('2.1').filter((a) => a.initiator !== 'charger' && a.unconfirmed !== true && a.action !== 'Reset')) {
      const outcome = await endpoint.call(action, payloadTemplate('2.1', action, 'request')!, { timeoutMs: 3000 });
      if (outcome.kind !== 'result') failures.push(`${action}: ${outcome.code} ${outcome.description}`);
      else if (outcome.findings.length > 0) failures.push(`${action}: ${outcome.findings.map((f) => f.message).join('; ')}`);
      if (!endpoint.isOpen) break;
    }
    expect(failures).toEqual([]);
    await recorder.settled();
    expect(store.query({}).frames.filter((f) => f.findings.error > 0)).toEqual([]);
  });
});

describe('recording', () => {
  it('writes the simulator session to a capture: open, frames both ways, a clean close by the charger', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const server = await csms('1.6');
    const capture = await CaptureWriter.create(dir.file('sim.jsonl'), { mode: 'sim' });
    const recorder = new LiveRecorder({ source: 'sim', capture });
    const cp = new SimulatedCharger({ id: 'CP-CAP', version: '1.6', url: server.url, recorder, timeScale: 0.05 });
    cp.start();
    await until(() => server.received.filter((r) => r.action === 'StatusNotification').length >= 2);
    await cp.stop();
    await recorder.close();
    const records = readFileSync(dir.file('sim.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ type: 'header', mode: 'sim' });
    expect(records[1]).toMatchObject({ type: 'open', chargePointId: 'CP-CAP', subprotocol: 'ocpp1.6' });
    const frames = records.filter((r) => r['type'] === 'frame');
    expect(frames[0]).toMatchObject({ dir: 'cp2csms' });
    expect(String(frames[0]!['text'])).toContain('BootNotification');
    expect(frames.some((f) => f['dir'] === 'csms2cp')).toBe(true);
    expect(records.at(-1), JSON.stringify(records.slice(-3))).toMatchObject({ type: 'close', by: 'charger', how: 'clean', code: 1000 });
  });
});
