// The proxy between two independent OCPP-J peers (ocpp-rpc in strict mode): transparency
// of the handshake and the frames, refusals, and what the capture keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
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
