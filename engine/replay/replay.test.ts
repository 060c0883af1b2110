// Replay of sessions recorded in these tests, against the bench's own CSMS and simulator and
// against ocpp-rpc peers: matching and differing outcomes, the capture of the replay, and
// the timing modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameRecord } from '../capture/format';
import { readCapture } from '../capture/reader';
import type { SimulatedCharger } from '../charger/charger';
import type { StandaloneCsms } from '../csms/server';
import { until } from '../csms/testing';
import { rpcClient } from '../testing/ocpp-rpc';
import { tempDir } from '../testing/tmp';
import { DEFAULT_VOLATILE } from './compare';
import { runReplay } from './replay';
import { benchCsms, recordAgainstRpc, recordChargingSession, rpcCsms, rpcCsmsAnswers16, simulator, type Recorded } from './testing';

const tmp = tempDir('replay-');
afterAll(() => tmp.remove());

async function frames(path: string): Promise<FrameRecord[]> {
  const out: FrameRecord[] = [];
  for await (const { record } of readCapture(path)) if (record.type === 'frame') out.push(record);
  return out;
}

describe('replay as the charger against the bench CSMS (1.6)', () => {
  let recorded: Recorded;
  beforeAll(async () => {
    recorded = await recordChargingSession(tmp.file('charging-16.jsonl'), '1.6');
  });

  it('matches a CSMS that answers as it did, with ids rewritten and every frame recorded and marked', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } });
    try {
      const capture = tmp.file('replay-16.jsonl');
      const result = await runReplay({ path: recorded.path, as: 'charger', target: `${url}/`, timing: { mode: 'fast' }, capture });
      expect(result.reason).toBeUndefined();
      expect(result.exchanges.filter((e) => e.outcome !== 'match')).toEqual([]);
      expect(result.verdict).toBe('match');
      expect(result.exchanges.map((e) => e.action)).toEqual(expect.arrayContaining(['BootNotification', 'Authorize', 'StartTransaction', 'StopTransaction']));
      expect(result.target).toBe(`${url}/ocpp/${recorded.chargePointId}`);
      // The CSMS saw the transaction, under the id it issued.
      const state = csms.state(recorded.chargePointId)!;
      expect(state.transactions).toHaveLength(1);
      expect(state.transactions[0]!.state).not.toBe('active');
      // The replay's capture: the bench's frames marked replayed, the CSMS's not.
      const written = await frames(capture);
      const mine = written.filter((f) => f.dir === 'cp2csms');
      expect(mine.length).toBeGreaterThan(4);
      expect(mine.every((f) => f.marks?.includes('replayed') === true && /replayed from frame \d+ of session conn_/.test(f.why ?? ''))).toBe(true);
      expect(written.filter((f) => f.dir === 'csms2cp').every((f) => f.marks === undefined)).toBe(true);
      // Fresh message ids: none of the recorded ones.
      const recordedIds = new Set((await frames(recorded.path)).map((f) => JSON.parse(f.text!)[1] as string));
      expect(mine.some((f) => recordedIds.has(JSON.parse(f.text!)[1] as string))).toBe(false);
      expect(result.findings.error).toBe(0);
    } finally {
      await csms.stop();
    }
  });

  it('maps the transactionId the CSMS issues and sends it back in StopTransaction', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } });
    try {
      // Two replays against the same CSMS: the second gets transactionId 2 for the recorded 1.
      await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      const capture = tmp.file('replay-16-second.jsonl');
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' }, capture });
      expect(result.verdict).toBe('match');
      expect(result.ids['transactionId']).toEqual([{ recorded: 1, live: 2 }]);
      const stop = (await frames(capture)).find((f) => f.text?.includes('"StopTransaction"'))!;
      expect(JSON.parse(stop.text!)[3]).toMatchObject({ transactionId: 2 });
      expect(csms.state(recorded.chargePointId)!.transactions.map((t) => t.state)).not.toContain('active');
    } finally {
      await csms.stop();
    }
  });

  it('differs from a CSMS that answers otherwise, naming the path, recorded against live', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Blocked' } });
    try {
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      expect(result.verdict).toBe('differs');
      const authorize = result.exchanges.find((e) => e.action === 'Authorize')!;
      expect(authorize.outcome).toBe('differs');
      expect(authorize.changes).toContainEqual({ part: 'response', path: '/idTagInfo/status', change: 'changed', recorded: 'Accepted', live: 'Blocked' });
      expect(result.counts.differs).toBeGreaterThan(0);
    } finally {
      await csms.stop();
    }
  });

  it('fails with the reason when the CSMS refuses the connection', async () => {
    const { csms, url } = await benchCsms({ chargers: { [recorded.chargePointId]: { password: 'secret-password-01' } } });
    try {
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      expect(result.verdict).toBe('failed');
      expect(result.reason).toMatch(/401/);
    } finally {
      await csms.stop();
    }
  });
});

describe('replay as the charger against an ocpp-rpc CSMS', () => {
  let recorded: Recorded;
  beforeAll(async () => {
    recorded = await recordAgainstRpc(tmp.file('rpc-16.jsonl'));
  });

  it('matches an ocpp-rpc CSMS that answers the same way', async () => {
    const { server, url } = await rpcCsms('1.6', rpcCsmsAnswers16());
    try {
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      expect(result.exchanges.filter((e) => e.outcome !== 'match')).toEqual([]);
      expect(result.verdict).toBe('match');
    } finally {
      await server.close({ force: true });
    }
  });

  it('differs from an ocpp-rpc CSMS that refuses the card', async () => {
    const { server, url } = await rpcCsms('1.6', rpcCsmsAnswers16({ Authorize: () => ({ idTagInfo: { status: 'Invalid' } }) }));
    try {
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      expect(result.verdict).toBe('differs');
      expect(result.exchanges.find((e) => e.action === 'Authorize')!.changes).toEqual([
        { part: 'response', path: '/idTagInfo/status', change: 'changed', recorded: 'Accepted', live: 'Invalid' },
      ]);
    } finally {
      await server.close({ force: true });
    }
  });
});

describe('replay as the charger (2.0.1): the charger issues transaction ids', () => {
  it('gives each recorded transaction a fresh id and matches the bench CSMS', async () => {
    const recorded = await recordChargingSession(tmp.file('charging-201.jsonl'), '2.0.1');
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } });
    try {
      const capture = tmp.file('replay-201.jsonl');
      const result = await runReplay({ path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' }, capture });
      expect(result.exchanges.filter((e) => e.outcome !== 'match')).toEqual([]);
      const pairs = result.ids['transactionId']!;
      expect(pairs).toHaveLength(1);
      expect(pairs[0]!.live).not.toBe(pairs[0]!.recorded);
      const sent = (await frames(capture)).filter((f) => f.text?.includes('"TransactionEvent"')).map((f) => JSON.parse(f.text!)[3].transactionInfo.transactionId as string);
      expect(new Set(sent)).toEqual(new Set([pairs[0]!.live]));
      expect(csms.state(recorded.chargePointId)!.transactions.map((t) => t.transactionId)).toEqual([pairs[0]!.live]);
    } finally {
      await csms.stop();
    }
  });
});

describe('replay as the CSMS against the bench simulator', () => {
  const commands = async (csms: StandaloneCsms, id: string) => {
    expect((await csms.send(id, 'GetConfiguration', { key: ['HeartbeatInterval'] })).kind).toBe('result');
    expect((await csms.send(id, 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '30' })).kind).toBe('result');
    expect((await csms.send(id, 'ChangeConfiguration', { key: 'NoSuchKey', value: '1' })).kind).toBe('result');
    expect((await csms.send(id, 'TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 })).kind).toBe('result');
  };
  let recorded: Recorded;
  beforeAll(async () => {
    recorded = await recordChargingSession(tmp.file('commands-16.jsonl'), '1.6', (csms) => commands(csms, 'CMD-16'), { charge: false, chargePointId: 'CMD-16' });
  });

  const replayAgainstSimulator = async (behaviours: string[] = [], peerWaitMs = 3000) => {
    let cp: SimulatedCharger | undefined;
    try {
      return await runReplay(
        { path: recorded.path, as: 'csms', listen: { host: '127.0.0.1', port: 0 }, timing: { mode: 'fast' }, peerWaitMs, connectTimeoutMs: 5000 },
        {
          onProgress: (p) => {
            if (p.state === 'listening') cp = simulator({ id: 'CMD-16', version: '1.6', url: `${p.url}/ocpp`, behaviours });
          },
        },
      );
    } finally {
      await cp?.stop();
    }
  };

  it('answers the charger from the recording and matches a charger that behaves the same', async () => {
    const result = await replayAgainstSimulator();
    expect(result.exchanges.filter((e) => e.outcome !== 'match')).toEqual([]);
    expect(result.verdict).toBe('match');
    expect(result.exchanges.filter((e) => e.by === 'bench').map((e) => e.action)).toEqual(['GetConfiguration', 'ChangeConfiguration', 'ChangeConfiguration', 'TriggerMessage']);
    // The BootNotification came from the live charger and was answered from the recording.
    expect(result.exchanges.find((e) => e.action === 'BootNotification')).toMatchObject({ by: 'peer', outcome: 'match', live: { answer: 'CALLRESULT' } });
  });

  it('differs from a charger with a faulty behaviour, at the path where it differs', async () => {
    const result = await replayAgainstSimulator(['unknown-key-rejected']);
    expect(result.verdict).toBe('differs');
    const differing = result.exchanges.filter((e) => e.outcome !== 'match');
    expect(differing).toHaveLength(1);
    expect(differing[0]).toMatchObject({ action: 'ChangeConfiguration', by: 'bench', changes: [{ part: 'response', path: '/status', change: 'changed', recorded: 'NotSupported', live: 'Rejected' }] });
  });

  it('fails when no charger connects in time', async () => {
    const result = await runReplay({ path: recorded.path, as: 'csms', listen: { host: '127.0.0.1', port: 0 }, connectTimeoutMs: 200 });
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/No charger connected to ws:\/\/127\.0\.0\.1:\d+ within 200 ms/);
  });
});

describe('replay as the CSMS (2.0.1): the charger issues the transaction id the CSMS must use', () => {
  it('maps the recorded transactionId to the live charger\'s in RequestStopTransaction', async () => {
    const id = 'CMD-201';
    const recorded = await recordChargingSession(
      tmp.file('remote-201.jsonl'),
      '2.0.1',
      async (csms, cp) => {
        cp.operator.plugIn(1);
        await cp.idle();
        expect((await csms.send(id, 'RequestStartTransaction', { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 7, evseId: 1 })).kind).toBe('result');
        const tx = await until(() => csms.state(id)?.transactions.find((t) => t.state === 'active'), 5000, 'a transaction');
        await cp.idle();
        expect((await csms.send(id, 'RequestStopTransaction', { transactionId: tx.transactionId })).kind).toBe('result');
        await until(() => (csms.state(id)?.transactions.every((t) => t.state !== 'active') === true ? true : undefined), 5000, 'stopped');
        await cp.idle();
      },
      { charge: false, chargePointId: id },
    );
    let cp: SimulatedCharger | undefined;
    try {
      const result = await runReplay(
        // The simulated meter counts energy by the clock: its register is volatile here.
        { path: recorded.path, as: 'csms', listen: { host: '127.0.0.1', port: 0 }, timing: { mode: 'fast' }, peerWaitMs: 3000, volatile: [...DEFAULT_VOLATILE, '/meterValue/*/sampledValue/*/value'] },
        {
          onProgress: (p) => {
            if (p.state !== 'listening') return;
            const live = simulator({ id, version: '2.0.1', url: `${p.url}/ocpp` });
            cp = live;
            // The operator plugs in once the charger is up, as in the recording.
            void until(() => (live.summary().registration === 'accepted' ? true : undefined), 5000, 'accepted').then(async () => {
              await live.idle();
              live.operator.plugIn(1);
            });
          },
        },
      );
      expect(result.exchanges.filter((e) => e.outcome !== 'match')).toEqual([]);
      const pairs = result.ids['transactionId']!;
      expect(pairs).toHaveLength(1);
      expect(pairs[0]!.live).not.toEqual(pairs[0]!.recorded);
      expect(result.verdict).toBe('match');
    } finally {
      await cp?.stop();
    }
  });
});

describe('replay as the CSMS against an ocpp-rpc charger', () => {
  /** An ocpp-rpc charger: boots, reports a status, answers GetConfiguration with `value`, then heartbeats once. */
  async function rpcCharger(url: string, value: string): Promise<void> {
    const client = rpcClient({ endpoint: `${url}/ocpp`, identity: 'RPC-CP', protocols: ['ocpp1.6'] });
    let asked: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (asked = resolve));
    client.handle('GetConfiguration', () => {
      setTimeout(asked, 5);
      return { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value }] };
    });
    await client.connect();
    try {
      await client.call('BootNotification', { chargePointVendor: 'rpc', chargePointModel: 'peer' });
      await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
      await answered;
      await client.call('Heartbeat', {});
    } finally {
      await client.close({ awaitPending: true });
    }
  }

  let recordedPath: string;
  beforeAll(async () => {
    recordedPath = tmp.file('rpc-charger.jsonl');
    const { csms, url } = await benchCsms({}, { capture: recordedPath });
    try {
      const charger = rpcCharger(url, '300');
      await until(() => (csms.isConnected('RPC-CP') && (csms.state('RPC-CP')?.stats.received['StatusNotification'] ?? 0) > 0 ? true : undefined), 5000, 'the charger');
      expect((await csms.send('RPC-CP', 'GetConfiguration', { key: ['HeartbeatInterval'] })).kind).toBe('result');
      await charger;
      await csms.settled();
    } finally {
      await csms.stop();
    }
  });

  const replayWith = async (value: string) => {
    let charger: Promise<void> | undefined;
    const result = await runReplay(
      { path: recordedPath, as: 'csms', listen: { host: '127.0.0.1', port: 0 }, timing: { mode: 'fast' }, peerWaitMs: 3000 },
      { onProgress: (p) => void (p.state === 'listening' && (charger = rpcCharger(p.url!, value))) },
    );
    await charger;
    return result;
  };

  it('matches an ocpp-rpc charger that answers as recorded', async () => {
    const result = await replayWith('300');
    expect(result.exchanges.map((e) => [e.by, e.action, e.outcome])).toEqual([
      ['peer', 'BootNotification', 'match'],
      ['peer', 'StatusNotification', 'match'],
      ['bench', 'GetConfiguration', 'match'],
      ['peer', 'Heartbeat', 'match'],
    ]);
  });

  it('differs from one that answers otherwise', async () => {
    const result = await replayWith('60');
    expect(result.verdict).toBe('differs');
    expect(result.exchanges.find((e) => e.action === 'GetConfiguration')!.changes).toEqual([
      { part: 'response', path: '/configurationKey/0/value', change: 'changed', recorded: '300', live: '60' },
    ]);
  });
});
