// ocpp-rpc's RPCServer in strict mode (an independent OCPP-J implementation validating both
// directions with its own schemas) as the CSMS in front of the simulator, over real sockets.
import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf } from '../ocpp/catalog';
import { payloadTemplate } from '../ocpp/templates';
import { rpcServer, type RpcClient } from '../testing/ocpp-rpc';
import { LiveRecorder } from '../traffic/recorder';
import { TrafficStore } from '../traffic/store';
import { SimulatedCharger } from './charger';
import { defaultCsmsAnswer } from './testing/test-csms';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function until<T>(fn: () => T | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the simulator against ocpp-rpc (strict mode) as CSMS', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: boot, heartbeats, a full transaction, and every CSMS-initiated action round-tripped`, async () => {
      const server = rpcServer({ protocols: [`ocpp${version}`], callTimeoutMs: 3000 });
      const received: Array<{ method: string; params: Record<string, unknown>; at: number }> = [];
      const clients: RpcClient[] = [];
      let txId = 100;
      server.on('client', (client) => {
        clients.push(client);
        client.handle(({ method, params }) => {
          received.push({ method, params, at: Date.now() });
          const answer = defaultCsmsAnswer(version, method, params, { tag: () => ({ status: 'Accepted' }), nextTransactionId: () => txId++ });
          // A short heartbeat interval so the test can watch a few.
          return method === 'BootNotification' ? { ...answer, interval: 2 } : answer;
        });
      });
      const http = await server.listen(0, '127.0.0.1');
      cleanups.push(() => server.close({ force: true }));
      const store = new TrafficStore();
      const recorder = new LiveRecorder({ source: 'sim', store });
      const cp = new SimulatedCharger({
        id: 'RPC-CP',
        version,
        url: `ws://127.0.0.1:${http.address().port}/ocpp`,
        timeScale: 0.05,
        connectors: 2,
        recorder,
        settings: version === '1.6' ? { MeterValueSampleInterval: '10' } : { 'SampledDataCtrlr.TxUpdatedInterval': '10' },
      });
      cleanups.push(() => cp.stop());
      cp.start();

      // Boot, statuses, heartbeats every 2 s × 0.05.
      await until(() => received.filter((r) => r.method === 'Heartbeat').length >= 3);
      expect(received[0]!.method).toBe('BootNotification');
      const beats = received.filter((r) => r.method === 'Heartbeat').map((r) => r.at);
      expect(beats[2]! - beats[1]!).toBeGreaterThanOrEqual(60);
      expect(beats[2]! - beats[1]!).toBeLessThan(400);

      // A full transaction driven by the operator.
      cp.operator.plugIn(1);
      cp.operator.presentIdToken('RPC-TAG');
      const txMessages = version === '1.6' ? ['StartTransaction', 'MeterValues', 'StopTransaction'] : ['TransactionEvent'];
      await until(() => received.some((r) => (version === '1.6' ? r.method === 'MeterValues' : r.method === 'TransactionEvent' && r.params['triggerReason'] === 'MeterValuePeriodic')));
      cp.operator.presentIdToken('RPC-TAG');
      cp.operator.unplug(1);
      await until(() => received.some((r) => (version === '1.6' ? r.method === 'StopTransaction' : r.params['eventType'] === 'Ended')));
      for (const m of txMessages) expect(received.some((r) => r.method === m)).toBe(true);

      // Every CSMS-initiated action from ocpp-rpc, validated by it in both directions.
      const client = clients[0]!;
      // UpdateFirmware would reboot the charger in the middle of the loop: let installation fail instead.
      cp.operator.firmwareInstallFailure();
      const skip = new Set(['Reset']);
      const actions = actionsOf(version).filter((a) => a.initiator !== 'charger' && !skip.has(a.action));
      const failures: string[] = [];
      for (const { action } of actions) {
        try {
          await client.call(action, payloadTemplate(version, action, 'request'));
        } catch (err) {
          failures.push(`${action}: ${(err as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
      // And a Reset: the charger reboots and boots again on a new connection.
      const resetAt = Date.now();
      expect(await client.call('Reset', version === '1.6' ? { type: 'Soft' } : { type: 'Immediate' })).toMatchObject({ status: 'Accepted' });
      await until(() => clients.length === 2 && received.some((r) => r.method === 'BootNotification' && r.at >= resetAt), 8000);

      await recorder.settled();
      const errors = store.query({}).frames.filter((f) => f.findings.error > 0 || f.kind === 'CALLERROR');
      expect(errors.map((f) => `${f.dir} ${f.action ?? ''} ${f.kind ?? ''}`)).toEqual([]);
      expect(cp.state().stats.errors).toEqual({});
    });
  }
});
