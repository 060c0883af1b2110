// Capture diff on crafted pairs, and the alignment underneath it.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Direction } from '../../../api/model';
import { CaptureWriter } from '../../capture/writer';
import { tempDir } from '../../testing/tmp';
import { FakeClock } from '../../util/clock';
import { align } from './align';
import { diffCaptures } from './capture-diff';

const tmp = tempDir('diff-');
afterAll(() => tmp.remove());

type Frames = Array<[Direction, unknown[]]>;

let n = 0;
async function capture(sessions: Array<{ cp: string; frames: Frames }>, start = Date.UTC(2026, 0, 1)): Promise<string> {
  const path = tmp.file(`c${++n}.jsonl`);
  const clock = new FakeClock(start);
  const w = await CaptureWriter.create(path, { mode: 'proxy', clock });
  for (const [i, s] of sessions.entries()) {
    const conn = `conn_${n}_${i}`;
    w.append({ type: 'open', conn, chargePointId: s.cp, path: `/ocpp/${s.cp}`, offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
    s.frames.forEach(([dir, value], seq) => {
      clock.advance(100);
      w.append({ type: 'frame', conn, seq, dir, text: JSON.stringify(value) });
    });
  }
  await w.close();
  return path;
}

/** A charging session as a CSMS would record it, with its own ids and times. */
function charging(o: { idPrefix: string; time: string; tx: number; authStatus?: string; heartbeats?: number }): Frames {
  const id = (s: string) => `${o.idPrefix}-${s}`;
  const frames: Frames = [
    ['cp2csms', [2, id('b'), 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }]],
    ['csms2cp', [3, id('b'), { status: 'Accepted', currentTime: o.time, interval: 300 }]],
    ['cp2csms', [2, id('a'), 'Authorize', { idTag: 'CARD' }]],
    ['csms2cp', [3, id('a'), { idTagInfo: { status: o.authStatus ?? 'Accepted', expiryDate: o.time } }]],
    ['cp2csms', [2, id('s'), 'StartTransaction', { connectorId: 1, idTag: 'CARD', meterStart: 0, timestamp: o.time }]],
    ['csms2cp', [3, id('s'), { transactionId: o.tx, idTagInfo: { status: 'Accepted' } }]],
  ];
  for (let h = 0; h < (o.heartbeats ?? 1); h++) {
    frames.push(['cp2csms', [2, id(`h${h}`), 'Heartbeat', {}]], ['csms2cp', [3, id(`h${h}`), { currentTime: o.time }]]);
  }
  frames.push(
    ['cp2csms', [2, id('t'), 'StopTransaction', { transactionId: o.tx, meterStop: 500, timestamp: o.time }]],
    ['csms2cp', [3, id('t'), { idTagInfo: { status: 'Accepted' } }]],
  );
  return frames;
}

describe('diffCaptures', () => {
  it('two recordings equal but for message ids, times and a consistently different transactionId are equal', async () => {
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    const b = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'y', time: '2026-03-03T11:11:11.111Z', tx: 57 }) }]);
    const diff = await diffCaptures({ a, b });
    expect(diff.sessions[0]!.differences).toEqual([]);
    expect(diff).toMatchObject({ equal: true, counts: { same: 5, changed: 0, missing: 0, extra: 0 } });
    expect(diff.sessions[0]!.pairedBy).toBe('chargePointId');
  });

  it('a changed status is one change, at its path, A against B', async () => {
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    const b = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'y', time: '2026-01-01T10:00:00Z', tx: 1, authStatus: 'Blocked' }) }]);
    const diff = await diffCaptures({ a, b });
    expect(diff.equal).toBe(false);
    expect(diff.counts).toEqual({ same: 4, changed: 1, missing: 0, extra: 0 });
    expect(diff.sessions[0]!.differences).toEqual([
      {
        status: 'changed',
        dir: 'cp2csms',
        kind: 'CALL',
        action: 'Authorize',
        a: { requestSeq: 2, responseSeq: 3, messageId: 'x-a' },
        b: { requestSeq: 2, responseSeq: 3, messageId: 'y-a' },
        changes: [{ part: 'response', path: '/idTagInfo/status', change: 'changed', a: 'Accepted', b: 'Blocked' }],
      },
    ]);
  });

  it('an extra exchange in B is extra, one only in A is missing; the rest stays aligned', async () => {
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1, heartbeats: 1 }) }]);
    const b = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'y', time: '2026-01-01T10:00:00Z', tx: 1, heartbeats: 2 }) }]);
    const diff = await diffCaptures({ a, b });
    expect(diff.counts).toEqual({ same: 5, changed: 0, missing: 0, extra: 1 });
    expect(diff.sessions[0]!.differences).toEqual([{ status: 'extra', dir: 'cp2csms', kind: 'CALL', action: 'Heartbeat', b: { requestSeq: 8, responseSeq: 9, messageId: 'y-h1' }, changes: [] }]);
    const reverse = await diffCaptures({ a: b, b: a });
    expect(reverse.sessions[0]!.differences.map((d) => [d.status, d.action])).toEqual([['missing', 'Heartbeat']]);
  });

  it('a transactionId that changes within the session is a change (not a consistent renaming)', async () => {
    const frames = charging({ idPrefix: 'y', time: '2026-01-01T10:00:00Z', tx: 5 });
    (frames[frames.length - 2]![1][3] as { transactionId: number }).transactionId = 6;
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    const b = await capture([{ cp: 'CP1', frames }]);
    const diff = await diffCaptures({ a, b });
    expect(diff.sessions[0]!.differences.flatMap((d) => d.changes)).toEqual([{ part: 'request', path: '/transactionId', change: 'changed', a: 1, b: 6 }]);
  });

  it('pairs sessions by charge point id, reports unpaired ones, and pairs explicitly on request', async () => {
    const hb = (p: string): Frames => [
      ['cp2csms', [2, `${p}1`, 'Heartbeat', {}]],
      ['csms2cp', [3, `${p}1`, { currentTime: '2026-01-01T00:00:00Z' }]],
    ];
    const a = await capture([
      { cp: 'CP1', frames: hb('a') },
      { cp: 'CP2', frames: hb('b') },
    ]);
    const b = await capture([
      { cp: 'CP2', frames: hb('c') },
      { cp: 'CP3', frames: hb('d') },
    ]);
    const byCp = await diffCaptures({ a, b });
    expect(byCp.sessions.map((s) => [s.a.chargePointId, s.b.chargePointId, s.equal])).toEqual([['CP2', 'CP2', true]]);
    expect(byCp.unpaired).toEqual({ a: [expect.objectContaining({ chargePointId: 'CP1' })], b: [expect.objectContaining({ chargePointId: 'CP3' })] });
    expect(byCp.equal).toBe(false);
    const explicit = await diffCaptures({ a, b, sessions: ['CP1=CP3'] });
    expect(explicit).toMatchObject({ equal: true, unpaired: { a: [], b: [] }, sessions: [{ pairedBy: 'explicit', a: { chargePointId: 'CP1' }, b: { chargePointId: 'CP3' } }] });
    const filtered = await diffCaptures({ a, b, sessions: ['CP2'] });
    expect(filtered).toMatchObject({ equal: true, sessions: [{ a: { chargePointId: 'CP2' } }] });
    await expect(diffCaptures({ a, b, sessions: ['CP9=CP2'] })).rejects.toThrow('No session "CP9" in capture A');
    await expect(diffCaptures({ a, b, sessions: ['CP9'] })).rejects.toThrow('No session with frames matches "CP9"');
  });

  it('one session each, of different chargers, are compared with each other', async () => {
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    const b = await capture([{ cp: 'OTHER', frames: charging({ idPrefix: 'y', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    expect(await diffCaptures({ a, b })).toMatchObject({ equal: true, sessions: [{ pairedBy: 'only' }] });
  });

  it('volatile and correlated lists can be replaced', async () => {
    const a = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'x', time: '2026-01-01T10:00:00Z', tx: 1 }) }]);
    const b = await capture([{ cp: 'CP1', frames: charging({ idPrefix: 'y', time: '2026-01-01T10:00:00Z', tx: 2 }) }]);
    const strict = await diffCaptures({ a, b, correlated: [] });
    expect(strict.sessions[0]!.differences.flatMap((d) => d.changes.map((c) => `${d.action} ${c.part} ${c.path}`))).toEqual([
      'StartTransaction response /transactionId',
      'StopTransaction request /transactionId',
    ]);
  });
});

describe('align', () => {
  const lcsLength = (a: string[], b: string[]) => {
    const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    return dp[a.length]![b.length]!;
  };

  it('is a longest common subsequence that walks both sequences in order', () => {
    const seq = fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 30 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { ops, truncated } = align(a, b);
        expect(truncated).toBeUndefined();
        const left = ops.filter((o) => o.op !== 'insert').map((o) => (o as { a: number }).a);
        const right = ops.filter((o) => o.op !== 'delete').map((o) => (o as { b: number }).b);
        expect(left).toEqual(a.map((_, i) => i));
        expect(right).toEqual(b.map((_, j) => j));
        const equal = ops.filter((o) => o.op === 'equal');
        for (const o of equal) expect(a[o.a]).toBe(b[o.b]);
        expect(equal.length).toBe(lcsLength(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up aligning beyond the edit limit, and says so', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    const { ops, truncated } = align(['x', ...a, 'y'], ['x', ...b, 'y'], 10);
    expect(truncated).toBe(true);
    expect(ops.filter((o) => o.op === 'equal')).toHaveLength(2);
    expect(ops).toHaveLength(102);
  });

  it('aligns 20,000 exchanges with a few differences quickly', () => {
    const a: string[] = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 'H' : i % 3 === 0 ? 'S' : 'M'));
    const b = [...a];
    b.splice(500, 1);
    b.splice(10_000, 0, 'X', 'Y');
    b[15_000] = 'Z';
    const t = performance.now();
    const { ops } = align(a, b);
    expect(performance.now() - t).toBeLessThan(500);
    expect(ops.filter((o) => o.op !== 'equal')).toHaveLength(5);
  });
});
