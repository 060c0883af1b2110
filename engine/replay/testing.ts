// Test helpers for replay: sessions recorded in the tests themselves, through the same
// recording path as live traffic (a CaptureWriter under the LiveRecorder), between the
// bench's simulator and its CSMS or an ocpp-rpc CSMS.
import type { OcppVersion } from '../../api/model';
import { SimulatedCharger } from '../charger/charger';
import { CaptureWriter } from '../capture/writer';
import { StandaloneCsms } from '../csms/server';
import { defaultSettings, mergeSettings } from '../csms/settings';
import { until } from '../csms/testing';
import { rpcServer, type RpcClient, type RpcServer } from '../testing/ocpp-rpc';
import { LiveRecorder } from '../traffic/recorder';

export interface Recorded {
  path: string;
  chargePointId: string;
}

/** A CSMS of the bench on a free loopback port, optionally recording. */
export async function benchCsms(settings: unknown = {}, options: { capture?: string; behaviours?: string[] } = {}): Promise<{ csms: StandaloneCsms; url: string }> {
  const capture = options.capture === undefined ? undefined : await CaptureWriter.create(options.capture, { mode: 'csms' });
  const csms = new StandaloneCsms({
    host: '127.0.0.1',
    port: 0,
    settings: mergeSettings(defaultSettings(), { boot: { interval: 3600 }, ...(settings as Record<string, unknown>) }),
    changeBatchMs: 10,
    ...(capture !== undefined ? { capture } : {}),
    ...(options.behaviours !== undefined ? { behaviours: options.behaviours } : {}),
  });
  const { url } = await csms.start();
  return { csms, url };
}

export function simulator(options: { id: string; version: OcppVersion; url: string; recorder?: LiveRecorder; behaviours?: string[] }): SimulatedCharger {
  const cp = new SimulatedCharger({ timeScale: 0.01, rebootDelayS: 1, ...options, ...(options.behaviours !== undefined ? { behaviours: options.behaviours } : {}) });
  cp.start();
  return cp;
}

/**
 * The simulator charging once against the bench's CSMS, recorded by the CSMS: boot,
 * statuses, Authorize, a transaction with meter values, its stop; `more` adds steps.
 */
export async function recordChargingSession(
  path: string,
  version: OcppVersion,
  more?: (csms: StandaloneCsms, cp: SimulatedCharger) => Promise<void>,
  options: { charge?: boolean; chargePointId?: string } = {},
): Promise<Recorded> {
  const chargePointId = options.chargePointId ?? `REC-${version}`;
  const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } }, { capture: path });
  const cp = simulator({ id: chargePointId, version, url: `${url}/ocpp` });
  try {
    await csms.waitFor(chargePointId, (s) => s.boot.status === 'Accepted', 5000, 'boot');
    await until(() => (cp.summary().registration === 'accepted' ? true : undefined), 5000, 'the charger accepted');
    await cp.idle();
    if (options.charge !== false) {
      cp.operator.plugIn(1);
      cp.operator.presentIdToken('CARD', 1);
      await until(() => csms.state(chargePointId)?.transactions.find((t) => t.state === 'active'), 5000, 'a transaction');
      await cp.idle();
      cp.operator.presentIdToken('CARD', 1);
      await until(() => (csms.state(chargePointId)?.transactions.every((t) => t.state !== 'active') === true ? true : undefined), 5000, 'the transaction ended');
      await cp.idle();
      cp.operator.unplug(1);
      await cp.idle();
    }
    if (more !== undefined) await more(csms, cp);
    await cp.idle();
    await csms.settled();
  } finally {
    await cp.stop();
    await csms.stop();
  }
  return { path, chargePointId };
}

/** Answers of a simple ocpp-rpc CSMS (1.6), overridable per action. */
export function rpcCsmsAnswers16(overrides: Record<string, (params: Record<string, unknown>) => unknown> = {}): Record<string, (params: Record<string, unknown>) => unknown> {
  let nextTx = 100;
  return {
    BootNotification: () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 3600 }),
    Heartbeat: () => ({ currentTime: new Date().toISOString() }),
    StatusNotification: () => ({}),
    Authorize: () => ({ idTagInfo: { status: 'Accepted' } }),
    StartTransaction: () => ({ transactionId: nextTx++, idTagInfo: { status: 'Accepted' } }),
    StopTransaction: () => ({ idTagInfo: { status: 'Accepted' } }),
    MeterValues: () => ({}),
    DataTransfer: () => ({ status: 'Accepted' }),
    ...overrides,
  };
}

/** An ocpp-rpc CSMS on a free loopback port, answering with `answers`; `clients` fills as chargers connect. */
export async function rpcCsms(version: '1.6' | '2.0.1', answers: Record<string, (params: Record<string, unknown>) => unknown>): Promise<{ server: RpcServer; url: string; clients: RpcClient[] }> {
  const server = rpcServer({ protocols: [`ocpp${version}`] });
  const clients: RpcClient[] = [];
  server.on('client', (client) => {
    clients.push(client);
    for (const [action, answer] of Object.entries(answers)) client.handle(action, ({ params }) => answer(params));
  });
  const http = await server.listen(0, '127.0.0.1');
  return { server, url: `ws://127.0.0.1:${http.address().port}`, clients };
}

/** The simulator charging once against an ocpp-rpc CSMS, recorded on the simulator's side. */
export async function recordAgainstRpc(path: string, answers = rpcCsmsAnswers16()): Promise<Recorded> {
  const chargePointId = 'REC-RPC';
  const { server, url } = await rpcCsms('1.6', answers);
  const capture = await CaptureWriter.create(path, { mode: 'sim' });
  const recorder = new LiveRecorder({ source: 'sim', capture });
  const cp = simulator({ id: chargePointId, version: '1.6', url: `${url}/ocpp`, recorder });
  try {
    await until(() => (cp.summary().registration === 'accepted' ? true : undefined), 5000, 'the charger accepted');
    await cp.idle();
    cp.operator.plugIn(1);
    cp.operator.presentIdToken('CARD', 1);
    await until(() => (cp.model.connectors()[0]?.status === 'Charging' ? true : undefined), 5000, 'charging');
    await cp.idle();
    cp.operator.presentIdToken('CARD', 1);
    await until(() => (cp.model.connectors()[0]?.status === 'Finishing' ? true : undefined), 5000, 'finishing');
    await cp.idle();
  } finally {
    await cp.stop();
    await recorder.close();
    await server.close({ force: true });
  }
  return { path, chargePointId };
}
