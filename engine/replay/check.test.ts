// check(): the reasons a session cannot be replayed (or what a replay skips), as data.
import { afterAll, describe, expect, it } from 'vitest';
import type { Direction } from '../../api/model';
import { CaptureWriter } from '../capture/writer';
import { tempDir } from '../testing/tmp';
import { FakeClock } from '../util/clock';
import { checkReplay, prepareReplay, replayUrl } from './replay';

const tmp = tempDir('replay-check-');
afterAll(() => tmp.remove());

type F = [Direction, string] | [Direction, { binary: string }];

async function capture(name: string, sessions: Array<{ conn: string; cp: string; subprotocol?: string; frames: F[] }>): Promise<string> {
  const path = tmp.file(name);
  const clock = new FakeClock();
  const w = await CaptureWriter.create(path, { mode: 'proxy', clock });
  for (const s of sessions) {
    w.append({ type: 'open', conn: s.conn, chargePointId: s.cp, path: `/ocpp/${s.cp}`, offeredSubprotocols: [s.subprotocol ?? 'ocpp1.6'], ...(s.subprotocol !== '' ? { subprotocol: s.subprotocol ?? 'ocpp1.6' } : {}) });
    s.frames.forEach(([dir, body], seq) => {
      clock.advance(10);
      w.append(typeof body === 'string' ? { type: 'frame', conn: s.conn, seq, dir, text: body } : { type: 'frame', conn: s.conn, seq, dir, binary: body.binary, marks: ['binary'] });
    });
  }
  await w.close();
  return path;
}

const hb: F[] = [
  ['cp2csms', '[2,"1","Heartbeat",{}]'],
  ['csms2cp', '[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]'],
];

describe('checkReplay', () => {
  it('a clean session is replayable from the side that sent CALLs', async () => {
    const path = await capture('clean.jsonl', [{ conn: 'conn_a', cp: 'CP1', frames: hb }]);
    const check = await checkReplay({ path, as: 'charger' });
    expect(check).toMatchObject({ replayable: true, problems: [], session: { id: 'conn_a', calls: { charger: 1, csms: 0 }, version: '1.6' } });
    const asCsms = await checkReplay({ path, as: 'csms' });
    expect(asCsms.replayable).toBe(false);
    expect(asCsms.problems).toEqual([expect.objectContaining({ code: 'no-calls', severity: 'error', message: expect.stringContaining('the CSMS sent no CALL') })]);
  });

  it('says which session to choose when there are several, and finds one by charge point id', async () => {
    const path = await capture('two.jsonl', [
      { conn: 'conn_a', cp: 'CP1', frames: hb },
      { conn: 'conn_b', cp: 'CP2', frames: hb },
    ]);
    const ambiguous = await checkReplay({ path, as: 'charger' });
    expect(ambiguous.problems[0]).toMatchObject({ code: 'ambiguous-session', message: expect.stringContaining('conn_a (CP1, 2 frames), conn_b (CP2, 2 frames)') });
    expect(ambiguous.sessions.map((s) => s.id)).toEqual(['conn_a', 'conn_b']);
    expect((await checkReplay({ path, as: 'charger', session: 'CP2' })).session?.id).toBe('conn_b');
    expect((await checkReplay({ path, as: 'charger', session: 'conn_a' })).session?.id).toBe('conn_a');
    expect((await checkReplay({ path, as: 'charger', session: 'CP9' })).problems[0]).toMatchObject({ code: 'session-not-found' });
  });

  it('refuses an unknown subprotocol unless a version is given, and an empty capture', async () => {
    const path = await capture('unknown.jsonl', [{ conn: 'conn_a', cp: 'CP1', subprotocol: 'ocpp2.0', frames: hb }]);
    expect((await checkReplay({ path, as: 'charger' })).problems).toEqual([expect.objectContaining({ code: 'unknown-subprotocol', message: expect.stringContaining('"ocpp2.0"') })]);
    expect((await checkReplay({ path, as: 'charger', version: '1.6' })).replayable).toBe(true);
    const empty = await capture('empty.jsonl', []);
    expect((await checkReplay({ path: empty, as: 'charger' })).problems[0]).toMatchObject({ code: 'no-session' });
  });

  it('binary frames, CALLs never answered, broken frames and stray answers', async () => {
    const path = await capture('problems.jsonl', [
      {
        conn: 'conn_a',
        cp: 'CP1',
        frames: [
          ['cp2csms', '[2,"1","Heartbeat",{}]'],
          ['cp2csms', { binary: 'AAEC' }],
          ['csms2cp', '[3,"zz",{}]'],
          ['cp2csms', '[2,"2","Heartbeat",'],
          ['csms2cp', '[2,"c1","Reset",{"type":"Soft"}]'],
          ['cp2csms', '[2,"3","Heartbeat",{}]'],
          ['csms2cp', '[3,"3",{"currentTime":"2025-01-01T00:00:00Z"}]'],
          ['csms2cp', '[2,"c2","ClearCache",{}]'],
        ],
      },
    ]);
    const check = await checkReplay({ path, as: 'charger' });
    expect(check.replayable).toBe(false);
    expect(check.problems.map((p) => [p.code, p.severity, p.seq])).toEqual([
      ['unanswered-call', 'error', 0],
      ['binary-frame', 'error', 1],
      ['orphan-answer', 'warning', 2],
      ['invalid-frame', 'warning', 3],
      ['unanswered-call', 'error', 4],
      // The recording ended while ClearCache was outstanding: skipped, not a reason to refuse.
      ['unanswered-call', 'warning', 7],
    ]);
    expect(check.problems[0]!.message).toBe('Heartbeat (frame 0) from the charger was never answered in the recording: there is no answer to compare the live one with');
    expect(check.problems[4]!.message).toContain('the bench would have nothing to answer it with');
    // As the CSMS the charger's binary frame is only a warning.
    expect((await checkReplay({ path, as: 'csms' })).problems.find((p) => p.code === 'binary-frame')?.severity).toBe('warning');
    await expect(prepareReplay({ path, as: 'charger', target: 'ws://127.0.0.1:1' })).rejects.toThrow(/Cannot replay .*never answered/);
  });

  it('settings are checked before anything connects', async () => {
    const path = await capture('ok.jsonl', [{ conn: 'conn_a', cp: 'CP1', frames: hb }]);
    await expect(prepareReplay({ path, as: 'charger' })).rejects.toThrow('Replaying as the charger needs the CSMS URL');
    await expect(prepareReplay({ path, as: 'charger', target: 'http://x' })).rejects.toThrow('ws:// or wss://');
    await expect(prepareReplay({ path, as: 'csms' })).rejects.toThrow('--listen');
    await expect(prepareReplay({ path, as: 'charger', target: 'ws://x', volatile: ['@bogus'] })).rejects.toThrow('@bogus');
    await expect(prepareReplay({ path: tmp.file('none.jsonl'), as: 'charger', target: 'ws://x' })).rejects.toThrow('no such file');
  });
});

describe('replayUrl', () => {
  it('keeps the recorded path under a bare target, or appends the charge point id to a target path', () => {
    expect(replayUrl('ws://h:9000', '/ocpp/CP%201?x=1')).toBe('ws://h:9000/ocpp/CP%201?x=1');
    expect(replayUrl('ws://h:9000/', '/ocpp/CP1')).toBe('ws://h:9000/ocpp/CP1');
    expect(replayUrl('wss://h/central/ocpp16/', '/ocpp/CP1?x=1')).toBe('wss://h/central/ocpp16/CP1?x=1');
    expect(replayUrl('ws://h/c?token=t', '/ocpp/CP1?x=1')).toBe('ws://h/c/CP1?token=t');
  });
});
