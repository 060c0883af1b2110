import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { ChargerListener } from '../net/listener';
import { connect } from '../net/connect';
import { OcppEndpoint, CallTimeoutError, InvalidPayloadError, type EndpointOptions } from './endpoint';
import { rpcClient } from '../testing/ocpp-rpc';
import { LiveRecorder } from '../traffic/recorder';
import { TrafficStore } from '../traffic/store';
import type { OcppVersion } from '../../api/model';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A CSMS-side endpoint behind a real listener; returns its URL and the endpoints it made. */
async function csmsSide(version: OcppVersion, options: Partial<EndpointOptions> = {}) {
  const endpoints: OcppEndpoint[] = [];
  const listener = new ChargerListener<null>({
    host: '127.0.0.1',
    port: 0,
    decide: () => ({ accept: true, subprotocol: `ocpp${version}`, context: null }),
    connected: (ws: WebSocket) => endpoints.push(new OcppEndpoint({ ws, version, side: 'csms', ...options })),
  });
  const { url } = await listener.start();
  cleanups.push(() => listener.stop());
  return { url, endpoints };
}

async function until<T>(fn: () => T | undefined, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('OcppEndpoint against ocpp-rpc (independent peer, strict mode)', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: answers the peer's CALLs and gets answers to its own`, async () => {
      const { url, endpoints } = await csmsSide(version, {
        onCall: (call) =>
          call.action === 'Heartbeat' ? { result: { currentTime: new Date().toISOString() } } : { error: { code: 'NotSupported', description: 'not here' } },
      });
      const client = rpcClient({ endpoint: url, identity: 'CP1', protocols: [`ocpp${version}`] });
      client.handle('Reset', () => ({ status: 'Accepted' }));
      await client.connect();
      cleanups.push(() => client.close({ force: true }));
      const hb = await client.call('Heartbeat', {});
      expect(typeof hb['currentTime']).toBe('string');
      const endpoint = await until(() => endpoints[0]);
      const outcome = await endpoint.call('Reset', version === '1.6' ? { type: 'Soft' } : { type: 'Immediate' });
      expect(outcome).toMatchObject({ kind: 'result', payload: { status: 'Accepted' }, findings: [] });
    });
  }

  it('answers broken input with the CALLERROR each version requires, and keeps the session', async () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      const { url, endpoints } = await csmsSide(version, { onCall: () => ({ result: { currentTime: new Date().toISOString() } }) });
      const c = await connect(`${url}/CP9`, { subprotocols: [`ocpp${version}`] });
      cleanups.push(() => c.ws.terminate());
      await until(() => endpoints[0]);
      const replies: unknown[] = [];
      c.ws.on('message', (d: Buffer) => replies.push(JSON.parse(d.toString())));
      const send = async (text: string) => {
        const before = replies.length;
        c.ws.send(text);
        await until(() => (replies.length > before ? true : undefined));
        return replies.at(-1) as unknown[];
      };
      const fmt = version === '1.6' ? 'FormationViolation' : 'FormatViolation';
      const occ = version === '1.6' ? 'OccurenceConstraintViolation' : 'OccurrenceConstraintViolation';
      expect((await send('[2,"a","MakeCoffee",{}]')).slice(0, 3)).toEqual([4, 'a', 'NotImplemented']);
      expect((await send('[2,"b","Reset",{}]')).slice(0, 3)).toEqual([4, 'b', 'NotSupported']);
      expect((await send('[2,"c","Heartbeat",{"x":1}]')).slice(0, 3)).toEqual([4, 'c', fmt]);
      const boot = version === '1.6' ? '{"chargePointVendor":"V"}' : '{"reason":"PowerUp"}';
      expect((await send(`[2,"d","BootNotification",${boot}]`)).slice(0, 3)).toEqual([4, 'd', occ]);
      expect((await send('[2,"e","Heartbeat",[]]')).slice(0, 3)).toEqual([4, 'e', fmt]);
      expect((await send('not json')).slice(0, 3)).toEqual([4, '-1', version === '1.6' ? 'FormationViolation' : 'RpcFrameworkError']);
      if (version === '2.0.1') expect((await send('[9,"f",{}]')).slice(0, 3)).toEqual([4, 'f', 'MessageTypeNotSupported']);
      // Still alive after all of that.
      expect((await send('[2,"g","Heartbeat",{}]')).slice(0, 2)).toEqual([3, 'g']);
    }
  });
});

describe('OcppEndpoint between two of its own', () => {
  async function pair(version: OcppVersion, csms: Partial<EndpointOptions>, charger: Partial<EndpointOptions> = {}) {
    const { url, endpoints } = await csmsSide(version, csms);
    const c = await connect(`${url}/CP`, { subprotocols: [`ocpp${version}`] });
    const cp = new OcppEndpoint({ ws: c.ws, version, side: 'charger', ...charger });
    cleanups.push(() => c.ws.terminate());
    return { cp, csms: await until(() => endpoints[0]) };
  }

  it('keeps one outstanding CALL per direction, times out and moves on', async () => {
    const seen: string[] = [];
    const { cp } = await pair('1.6', {
      onCall: async (call) => {
        seen.push(`start ${call.messageId}`);
        await new Promise((r) => setTimeout(r, call.messageId === 'slow' ? 400 : 20));
        seen.push(`end ${call.messageId}`);
        return call.messageId === 'mute' ? { noAnswer: true } : { result: { currentTime: new Date().toISOString() } };
      },
    });
    const a = cp.call('Heartbeat', {}, { messageId: 'slow' });
    const b = cp.call('Heartbeat', {}, { messageId: 'next' });
    await Promise.all([a, b]);
    expect(seen).toEqual(['start slow', 'end slow', 'start next', 'end next']);
    await expect(cp.call('Heartbeat', {}, { messageId: 'mute', timeoutMs: 150 })).rejects.toBeInstanceOf(CallTimeoutError);
    await expect(cp.call('Heartbeat', {}, { messageId: 'after' })).resolves.toMatchObject({ kind: 'result' });
  });

  it('refuses to send an invalid payload unless told to, and records both directions', async () => {
    const store = new TrafficStore();
    const recorder = new LiveRecorder({ source: 'sim', store });
    const session = recorder.open({ chargePointId: 'CP', path: '/CP', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
    const { cp } = await pair('1.6', { onCall: () => ({ error: { code: 'GenericError', description: 'nope' } }) }, { session });
    await expect(cp.call('StatusNotification', { connectorId: 1 })).rejects.toBeInstanceOf(InvalidPayloadError);
    const outcome = await cp.call('StatusNotification', { connectorId: 1 }, { allowInvalid: true });
    expect(outcome).toMatchObject({ kind: 'error', code: 'OccurenceConstraintViolation' });
    await recorder.settled();
    const frames = store.query({}).frames;
    expect(frames.map((f) => [f.dir, f.kind])).toEqual([['cp2csms', 'CALL'], ['csms2cp', 'CALLERROR']]);
    expect(frames[0]!.findings.error).toBeGreaterThan(0);
  });
});
