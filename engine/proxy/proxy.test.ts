// The proxy between two independent OCPP-J peers (ocpp-rpc in strict mode): transparency
// of the handshake and the frames, refusals, and what the capture keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { OcppVersion } from '../../api/model';
import { redactCredentials } from '../capture/redaction';
import { rpcClient, type RpcClient } from '../testing/ocpp-rpc';
import { framesOf, rpcCsms, runCleanups, startProxy, transcriptOf, until, type Cleanup } from './testing';

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));

function charger(url: string, identity: string, version: OcppVersion | string, extra: Partial<Parameters<typeof rpcClient>[0]> = {}): RpcClient {
  const protocols = version.startsWith('ocpp') ? [version] : [`ocpp${version}`];
  const client = rpcClient({ endpoint: `${url}/ocpp`, identity, protocols, ...extra });
  cleanups.push(() => client.close({ force: true }));
  return client;
}

/** A full exchange each way, with frames that test byte fidelity (spacing, non-ASCII). */
const EXCHANGES = {
  '1.6': {
    fromCharger: async (cp: RpcClient) => {
      await cp.call('BootNotification', { chargePointVendor: 'Vendør ⚡', chargePointModel: 'M1' });
      await cp.call('Heartbeat', {});
      await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
      await cp.call('MeterValues', { connectorId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '12.5' }] }] });
      // Odd but valid JSON spacing must arrive exactly as sent.
      cp.sendRaw('[2 , "raw-1",\t"DataTransfer", {"vendorId" : "Ünïcode", "data": "  spaced  "} ]');
    },
    fromCsms: async (cs: RpcClient) => {
      await cs.call('GetConfiguration', { key: ['HeartbeatInterval'] });
      await cs.call('ChangeConfiguration', { key: 'AuthorizationKey', value: '0102030405060708090a0b0c0d0e0f10' });
      await cs.call('Reset', { type: 'Soft' });
    },
    chargerHandlers: (cp: RpcClient) => {
      cp.handle('GetConfiguration', () => ({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }] }));
      cp.handle('ChangeConfiguration', () => ({ status: 'Accepted' }));
      cp.handle('Reset', () => ({ status: 'Accepted' }));
    },
    csmsHandlers: (cs: RpcClient) => {
      cs.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
      cs.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
      cs.handle('StatusNotification', () => ({}));
      cs.handle('MeterValues', () => ({}));
      cs.handle('DataTransfer', () => ({ status: 'Accepted', data: 'ök' }));
    },
    secret: '0102030405060708090a0b0c0d0e0f10',
  },
  '2.0.1': {
    fromCharger: async (cp: RpcClient) => {
      await cp.call('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Vendør ⚡', model: 'M1' } });
      await cp.call('Heartbeat', {});
      await cp.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
      await cp.call('MeterValues', { evseId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: 12.5 }] }] });
      cp.sendRaw('[2 , "raw-1",\t"DataTransfer", {"vendorId" : "Ünïcode", "data": "  spaced  "} ]');
    },
    fromCsms: async (cs: RpcClient) => {
      await cs.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
      await cs.call('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'n3w-Secret-Passw0rd' }] });
      await cs.call('Reset', { type: 'Immediate' });
    },
    chargerHandlers: (cp: RpcClient) => {
      cp.handle('GetVariables', () => ({ getVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' }] }));
      cp.handle('SetVariables', () => ({ setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }));
      cp.handle('Reset', () => ({ status: 'Accepted' }));
    },
    csmsHandlers: (cs: RpcClient) => {
      cs.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
      cs.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
      cs.handle('StatusNotification', () => ({}));
      cs.handle('MeterValues', () => ({}));
      cs.handle('DataTransfer', () => ({ status: 'Accepted', data: 'ök' }));
    },
    secret: 'n3w-Secret-Passw0rd',
  },
} as const;

describe('transparency between two ocpp-rpc peers', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: both sides complete a full exchange and receive byte-identical frames; the capture holds every frame in order`, async () => {
      const x = EXCHANGES[version];
      const csms = await rpcCsms(version, cleanups, { password: 'right-password', setup: x.csmsHandlers });
      const p = await startProxy(csms.url, cleanups);
      const cp = charger(p.url, 'CP-1', version, { password: 'right-password' });
      const cpSeen = transcriptOf(cp);
      x.chargerHandlers(cp);
      await cp.connect();
      expect(cp.protocol).toBe(`ocpp${version}`);
      await x.fromCharger(cp);
      const cs = await until(() => csms.clients[0]);
      await x.fromCsms(cs);
      const csSeen = csms.transcripts[0]!;
      await until(() => csSeen.sent.length === 8 && cpSeen.received.length === 8, 3000, 'all answers');

      // Each side received exactly what the other sent, in order.
      expect(csSeen.received).toEqual(cpSeen.sent);
      expect(cpSeen.received).toEqual(csSeen.sent);
      expect(csSeen.received).toContain('[2 , "raw-1",\t"DataTransfer", {"vendorId" : "Ünïcode", "data": "  spaced  "} ]');
      // The wire carries the secret; only the record is redacted.
      expect(cpSeen.received.some((t) => t.includes(x.secret))).toBe(true);

      await cp.close({ code: 1000, reason: 'done' });
      await until(() => p.proxy.info().openSessions === 0, 3000, 'session closed');
      const records = await p.records();
      const open = records.find((r) => r.type === 'open');
      expect(open).toMatchObject({ chargePointId: 'CP-1', path: '/ocpp/CP-1', offeredSubprotocols: [`ocpp${version}`], subprotocol: `ocpp${version}`, upstreamUrl: `${csms.url}/CP-1`, authUser: 'CP-1', authPassword: '<redacted>' });
      const frames = framesOf(records);
      expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i));
      expect(frames.filter((f) => f.dir === 'cp2csms').map((f) => f.text)).toEqual(cpSeen.sent.map((t) => redactCredentials(t)));
      expect(frames.filter((f) => f.dir === 'csms2cp').map((f) => f.text)).toEqual(csSeen.sent.map((t) => redactCredentials(t)));
      expect(frames.every((f) => f.marks === undefined)).toBe(true);
      const text = JSON.stringify(records);
      expect(text).not.toContain(x.secret);
      expect(text).not.toContain('right-password');
      expect(records.at(-1)).toMatchObject({ type: 'close', by: 'charger', how: 'clean', code: 1000, reason: 'done' });
      // Judged off the hot path: responses carry their action and latency.
      const stored = p.store.query({}).frames;
      expect(stored).toHaveLength(frames.length);
      const bootAnswer = stored.find((f) => f.kind === 'CALLRESULT' && f.action === 'BootNotification');
      expect(bootAnswer?.latencyMs).toBeGreaterThanOrEqual(0);
      expect(stored.filter((f) => f.findings.error > 0)).toEqual([]);
    });
  }
});

describe('handshake relay: refusals reach the charger and the capture', () => {
  it('passes the CSMS\'s 401 for a wrong password through, and records the failed attempt', async () => {
    const csms = await rpcCsms('1.6', cleanups, { password: 'right-password' });
    const p = await startProxy(csms.url, cleanups);
    const cp = charger(p.url, 'CP-2', '1.6', { password: 'wrong-password' });
    await expect(cp.connect()).rejects.toMatchObject({ code: 401 });
    expect(csms.clients).toHaveLength(0);
    const fail = (await p.records()).find((r) => r.type === 'fail');
    expect(fail).toMatchObject({ chargePointId: 'CP-2', path: '/ocpp/CP-2', status: 401, upstreamUrl: `${csms.url}/CP-2` });
    expect((fail as { reason: string }).reason).toMatch(/refused the connection with HTTP 401/);
    expect(p.proxy.sessions()[0]).toMatchObject({ state: 'failed', chargePointId: 'CP-2' });
  });

  it('offers upstream exactly the charger\'s subprotocols, and answers 400 when the CSMS takes none of them', async () => {
    const csms = await rpcCsms('2.0.1', cleanups);
    const p = await startProxy(csms.url, cleanups);
    const both = charger(p.url, 'CP-3', '2.0.1', { protocols: ['ocpp1.6', 'ocpp2.0.1'] });
    await both.connect();
    expect(both.protocol).toBe('ocpp2.0.1');
    const open = (await p.records()).find((r) => r.type === 'open');
    expect(open).toMatchObject({ offeredSubprotocols: ['ocpp1.6', 'ocpp2.0.1'], subprotocol: 'ocpp2.0.1' });
    const unknown = charger(p.url, 'CP-4', 'ocpp9.9', { strictMode: false });
    await expect(unknown.connect()).rejects.toMatchObject({ code: 400 });
    const fail = (await p.records()).find((r) => r.type === 'fail');
    expect(fail).toMatchObject({ chargePointId: 'CP-4', status: 400, offeredSubprotocols: ['ocpp9.9'] });
  });

  it('answers 502 when the CSMS is down and 504 when it does not answer in time', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const downPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = await startProxy(`ws://127.0.0.1:${downPort}/base`, cleanups);
    await expect(charger(down.url, 'CP-5', '1.6').connect()).rejects.toMatchObject({ code: 502 });
    const fail = (await down.records()).find((r) => r.type === 'fail');
    expect(fail).toMatchObject({ status: 502, upstreamUrl: `ws://127.0.0.1:${downPort}/base/CP-5` });
    expect((fail as { reason: string }).reason).toMatch(/refused the TCP connection/);

    const held: Socket[] = [];
    const silent: Server = createServer((socket) => held.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => silent.close(r)));
    cleanups.push(() => held.forEach((s) => s.destroy()));
    const slow = await startProxy(`ws://127.0.0.1:${(silent.address() as AddressInfo).port}`, cleanups, { connectTimeoutMs: 200 });
    await expect(charger(slow.url, 'CP-6', '1.6').connect()).rejects.toMatchObject({ code: 504 });
    expect((await slow.records()).find((r) => r.type === 'fail')).toMatchObject({ status: 504 });
  });

  it('keeps the charger\'s full path in path mode "full"', async () => {
    const csms = await rpcCsms('1.6', cleanups);
    const seen: string[] = [];
    csms.server.on('client', (c) => seen.push((c as unknown as { session: unknown; handshake: { endpoint: string; identity: string } }).handshake.identity));
    const p = await startProxy(`${csms.url}/csms`, cleanups, { pathMode: 'full' });
    const cp = charger(p.url, 'CP-7', '1.6');
    await cp.connect();
    const open = (await p.records()).find((r) => r.type === 'open');
    expect(open).toMatchObject({ path: '/ocpp/CP-7', upstreamUrl: `${csms.url}/csms/ocpp/CP-7` });
    expect(seen).toEqual(['CP-7']);
  });
});
