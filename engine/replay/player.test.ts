// The player as playbooks: a recorded session, a scripted peer on an in-memory wire and
// timers moved by hand — no sockets, no real time.
import { describe, expect, it } from 'vitest';
import type { Direction, OcppVersion } from '../../api/model';
import type { ReplaySide, ReplayTiming } from '../../api/replay';
import { ManualTimers } from '../charger/timers';
import { parseFrame } from '../ocpp/frames';
import { FakeClock } from '../util/clock';
import { comparisonRules } from './compare';
import { play, type PlayResult, type ReplayWire } from './player';
import type { RecordedSession } from './recorded';

const START = Date.parse('2026-01-01T10:00:00.000Z');

/** A recorded session from [dir, mono, frame] triples. */
function recorded(version: OcppVersion, frames: Array<[Direction, number, unknown[]]>): RecordedSession {
  const info = { id: 'conn_rec', chargePointId: 'CP1', path: '/ocpp/CP1', subprotocol: `ocpp${version}`, version, opened: new Date(START).toISOString(), frames: frames.length, calls: { charger: 0, csms: 0 } };
  return {
    info,
    open: { type: 'open', conn: 'conn_rec', time: info.opened, mono: 0, chargePointId: 'CP1', path: '/ocpp/CP1', offeredSubprotocols: [info.subprotocol], subprotocol: info.subprotocol },
    frames: frames.map(([dir, mono, value], seq) => {
      const text = JSON.stringify(value);
      return { seq, dir, mono, time: new Date(START + mono).toISOString(), text, frame: parseFrame(text, version).frame! };
    }),
  };
}

/** An in-memory wire; `peer` answers what the bench sends, `later` schedules what the peer sends on its own. */
class FakeWire implements ReplayWire {
  readonly sent: Array<{ frame: unknown[]; at: number }> = [];
  private readonly frameListeners: Array<(text: string, seq: number | undefined) => void> = [];
  private readonly closeListeners: Array<(code: number, reason: string) => void> = [];
  private seq = 0;
  isOpen = true;

  constructor(
    private readonly timers: ManualTimers,
    private readonly peer: (frame: unknown[]) => unknown[] | undefined = () => undefined,
  ) {}

  send(text: string): number {
    const frame = JSON.parse(text) as unknown[];
    this.sent.push({ frame, at: this.timers.mono() });
    const reply = this.peer(frame);
    if (reply !== undefined) setImmediate(() => this.deliver(reply));
    return this.seq++;
  }

  deliver(frame: unknown[]): void {
    if (!this.isOpen) return;
    const seq = this.seq++;
    for (const l of this.frameListeners) l(JSON.stringify(frame), seq);
  }

  /** The peer sends `frame` after `ms`. */
  later(ms: number, frame: unknown[]): void {
    this.timers.setTimeout(() => this.deliver(frame), ms);
  }

  onFrame(listener: (text: string, seq: number | undefined) => void): void {
    this.frameListeners.push(listener);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    for (const l of this.closeListeners) l(code, reason);
  }
}

async function run(
  session: RecordedSession,
  wire: FakeWire,
  timers: ManualTimers,
  options: { as?: ReplaySide; timing?: ReplayTiming; peerWaitMs?: number; callTimeoutMs?: number; advanceMs?: number } = {},
): Promise<PlayResult> {
  let n = 0;
  const done = play({
    session,
    as: options.as ?? 'charger',
    version: session.info.version!,
    wire,
    timers,
    timing: options.timing ?? { mode: 'fast' },
    rules: comparisonRules(),
    callTimeoutMs: options.callTimeoutMs ?? 30_000,
    peerWaitMs: options.peerWaitMs ?? 10_000,
    newMessageId: () => `live-${++n}`,
  });
  await timers.advance(options.advanceMs ?? 60_000);
  return done;
}

const callsSent = (wire: FakeWire) => wire.sent.filter((s) => s.frame[0] === 2);

/** A CSMS that answers Heartbeat and StatusNotification like the recording. */
const csms16 = (frame: unknown[]) => (frame[0] === 2 ? [3, frame[1], frame[2] === 'Heartbeat' ? { currentTime: new Date().toISOString() } : {}] : undefined);

describe('timing', () => {
  const session = () =>
    recorded('1.6', [
      ['cp2csms', 0, [2, 'a', 'Heartbeat', {}]],
      ['csms2cp', 100, [3, 'a', { currentTime: '2026-01-01T10:00:00.100Z' }]],
      ['cp2csms', 5000, [2, 'b', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]],
      ['csms2cp', 5040, [3, 'b', {}]],
      ['cp2csms', 5300, [2, 'c', 'Heartbeat', {}]],
      ['csms2cp', 5400, [3, 'c', { currentTime: '2026-01-01T10:00:05.400Z' }]],
    ]);

  it('recorded: waits as long as the recording did between the previous frame and each CALL', async () => {
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, csms16);
    const result = await run(session(), wire, timers, { timing: { mode: 'recorded' } });
    expect(result.exchanges.map((e) => e.outcome)).toEqual(['match', 'match', 'match']);
    // The live CSMS answers at once: 4900 ms (5000 − 100) after the first answer, then 260 ms.
    expect(callsSent(wire).map((s) => s.at)).toEqual([0, 4900, 5160]);
  });

  it('fast: does not wait; fixed: waits the same time before every CALL', async () => {
    const fastTimers = new ManualTimers(new FakeClock(START));
    const fast = new FakeWire(fastTimers, csms16);
    await run(session(), fast, fastTimers, { timing: { mode: 'fast' } });
    expect(callsSent(fast).map((s) => s.at)).toEqual([0, 0, 0]);
    const fixedTimers = new ManualTimers(new FakeClock(START));
    const fixed = new FakeWire(fixedTimers, csms16);
    await run(session(), fixed, fixedTimers, { timing: { mode: 'fixed', ms: 250 } });
    expect(callsSent(fixed).map((s) => s.at)).toEqual([250, 500, 750]);
  });
});

describe('ids and times', () => {
  it('shifts every date-time by as much as its frame moved, keeping its distance to the send time', async () => {
    const session = recorded('1.6', [
      ['cp2csms', 0, [2, 'a', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: '2026-01-01T09:59:59Z', sampledValue: [{ value: '10' }] }] }]],
      ['csms2cp', 10, [3, 'a', {}]],
    ]);
    const timers = new ManualTimers(new FakeClock(Date.parse('2026-06-01T12:00:00.000Z')));
    const wire = new FakeWire(timers, csms16);
    await run(session, wire, timers);
    // Recorded one second before its frame; sent one second before now, with no fraction as recorded.
    expect((wire.sent[0]!.frame[3] as { meterValue: Array<{ timestamp: string }> }).meterValue[0]!.timestamp).toBe('2026-06-01T11:59:59Z');
    expect(wire.sent[0]!.frame[1]).toBe('live-1');
  });

  it('1.6: the transactionId the CSMS issues goes into the later frames, and its RemoteStopTransaction is recognised', async () => {
    const session = recorded('1.6', [
      ['cp2csms', 0, [2, 'a', 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: '2026-01-01T10:00:00Z' }]],
      ['csms2cp', 10, [3, 'a', { transactionId: 7, idTagInfo: { status: 'Accepted' } }]],
      ['csms2cp', 20, [2, 'r', 'RemoteStopTransaction', { transactionId: 7 }]],
      ['cp2csms', 30, [3, 'r', { status: 'Accepted' }]],
      ['cp2csms', 40, [2, 'b', 'StopTransaction', { transactionId: 7, meterStop: 10, timestamp: '2026-01-01T10:00:00Z' }]],
      ['csms2cp', 50, [3, 'b', { idTagInfo: { status: 'Accepted' } }]],
    ]);
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, (f) => {
      if (f[0] !== 2) return undefined;
      if (f[2] === 'StartTransaction') {
        wire.later(5, [2, 'live-stop', 'RemoteStopTransaction', { transactionId: 4242 }]);
        return [3, f[1], { transactionId: 4242, idTagInfo: { status: 'Accepted' } }];
      }
      return [3, f[1], { idTagInfo: { status: 'Accepted' } }];
    });
    const result = await run(session, wire, timers);
    expect(result.exchanges.map((e) => [e.action, e.outcome])).toEqual([
      ['StartTransaction', 'match'],
      ['RemoteStopTransaction', 'match'],
      ['StopTransaction', 'match'],
    ]);
    expect(wire.sent.find((s) => s.frame[2] === 'StopTransaction')!.frame[3]).toMatchObject({ transactionId: 4242 });
    expect(wire.sent.find((s) => s.frame[0] === 3)!.frame).toEqual([3, 'live-stop', { status: 'Accepted' }]);
    expect(result.ids.remapped()).toEqual({ transactionId: [{ recorded: 7, live: 4242 }] });
  });

  it('2.0.1: a requestId the CSMS gives is echoed in the charger\'s later report', async () => {
    const session = recorded('2.0.1', [
      ['csms2cp', 0, [2, 'g', 'GetBaseReport', { requestId: 7, reportBase: 'FullInventory' }]],
      ['cp2csms', 5, [3, 'g', { status: 'Accepted' }]],
      ['cp2csms', 10, [2, 'n', 'NotifyReport', { requestId: 7, generatedAt: '2026-01-01T10:00:00.010Z', seqNo: 0 }]],
      ['csms2cp', 15, [3, 'n', {}]],
    ]);
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, (f) => (f[0] === 2 ? [3, f[1], {}] : undefined));
    wire.later(100, [2, 'live-g', 'GetBaseReport', { requestId: 99, reportBase: 'FullInventory' }]);
    const result = await run(session, wire, timers);
    expect(result.exchanges.every((e) => e.outcome === 'match')).toBe(true);
    const report = wire.sent.find((s) => s.frame[2] === 'NotifyReport')!;
    expect(report.frame[3]).toMatchObject({ requestId: 99 });
    // It waited for the GetBaseReport that came first in the recording.
    expect(report.at).toBe(100);
  });
});

describe("the peer's CALLs", () => {
  const twoChanges = () =>
    recorded('1.6', [
      ['csms2cp', 0, [2, 'x', 'ChangeConfiguration', { key: 'A', value: '1' }]],
      ['cp2csms', 5, [3, 'x', { status: 'Accepted' }]],
      ['csms2cp', 10, [2, 'y', 'ChangeConfiguration', { key: 'B', value: '2' }]],
      ['cp2csms', 15, [3, 'y', { status: 'NotSupported' }]],
      ['cp2csms', 20, [2, 'h', 'Heartbeat', {}]],
      ['csms2cp', 25, [3, 'h', { currentTime: '2026-01-01T10:00:00.025Z' }]],
    ]);

  it('matches each by its payload, whatever order they come in, and answers with its own recorded answer', async () => {
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, csms16);
    wire.later(10, [2, 'l1', 'ChangeConfiguration', { key: 'B', value: '2' }]);
    wire.later(20, [2, 'l2', 'ChangeConfiguration', { key: 'A', value: '1' }]);
    const result = await run(twoChanges(), wire, timers);
    expect(wire.sent.filter((s) => s.frame[0] === 3).map((s) => s.frame)).toEqual([
      [3, 'l1', { status: 'NotSupported' }],
      [3, 'l2', { status: 'Accepted' }],
    ]);
    expect(result.exchanges.map((e) => e.outcome)).toEqual(['match', 'match', 'match']);
    expect(callsSent(wire)[0]!.at).toBe(20);
  });

  it('reports a changed request at its path, a CALL never sent as missing, and one not recorded as unexpected', async () => {
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, csms16);
    wire.later(10, [2, 'l1', 'ChangeConfiguration', { key: 'A', value: '5' }]);
    wire.later(30, [2, 'l2', 'Reset', { type: 'Soft' }]);
    const result = await run(twoChanges(), wire, timers, { peerWaitMs: 1000 });
    const byAction = (a: string) => result.exchanges.filter((e) => e.action === a);
    expect(byAction('ChangeConfiguration').map((e) => [e.outcome, e.changes])).toEqual([
      ['differs', [{ part: 'request', path: '/value', change: 'changed', recorded: '1', live: '5' }]],
      ['missing', []],
    ]);
    expect(byAction('Reset')[0]).toMatchObject({ outcome: 'unexpected', by: 'peer' });
    expect(wire.sent.find((s) => s.frame[1] === 'l2')!.frame.slice(0, 3)).toEqual([4, 'l2', 'NotImplemented']);
    // The Heartbeat went out once the wait for the second ChangeConfiguration ran out.
    expect(callsSent(wire)[0]!.at).toBe(1010);
  });
});

describe('answers that do not come', () => {
  const session = () =>
    recorded('1.6', [
      ['cp2csms', 0, [2, 'a', 'Heartbeat', {}]],
      ['csms2cp', 10, [3, 'a', { currentTime: '2026-01-01T10:00:00.010Z' }]],
      ['cp2csms', 20, [2, 'b', 'Heartbeat', {}]],
      ['csms2cp', 30, [3, 'b', { currentTime: '2026-01-01T10:00:00.030Z' }]],
    ]);

  it('a CALL without answer times out; a CALLERROR instead of a CALLRESULT is a change of kind', async () => {
    const timers = new ManualTimers(new FakeClock(START));
    let n = 0;
    const wire = new FakeWire(timers, (f) => (f[0] !== 2 ? undefined : ++n === 1 ? undefined : [4, f[1], 'InternalError', 'boom', {}]));
    const result = await run(session(), wire, timers, { callTimeoutMs: 500 });
    expect(result.exchanges.map((e) => e.outcome)).toEqual(['timeout', 'differs']);
    expect(result.exchanges[1]!.changes).toEqual([{ part: 'response', path: '', change: 'kind', recorded: 'CALLRESULT', live: 'CALLERROR InternalError' }]);
  });

  it('a connection closed by the peer ends the replay: what was not sent is reported as closed', async () => {
    const timers = new ManualTimers(new FakeClock(START));
    const wire = new FakeWire(timers, (f) => {
      if (f[0] === 2) setImmediate(() => wire.close(1001, 'going away'));
      return undefined;
    });
    const result = await run(session(), wire, timers);
    expect(result.exchanges.map((e) => e.outcome)).toEqual(['closed', 'closed']);
    expect(result.closed).toBe('the connection closed (code 1001, "going away")');
  });
});
