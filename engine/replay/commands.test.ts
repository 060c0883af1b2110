// The replay, diff and import commands through the engine's api, as the UI calls them.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayProgress } from '../../api/replay';
import { LINKTYPE, pcapFile } from '../capture/import/testing';
import { createEngine, type Engine } from '../engine';
import { tempDir } from '../testing/tmp';
import { DEFAULT_VOLATILE } from './compare';
import { benchCsms, recordChargingSession, type Recorded } from './testing';

const tmp = tempDir('replay-api-');
let engine: Engine;
let recorded: Recorded;
beforeAll(async () => {
  engine = createEngine({ eventBatchMs: 5 });
  recorded = await recordChargingSession(tmp.file('recorded.jsonl'), '1.6');
});
afterAll(async () => {
  await engine.close();
  tmp.remove();
});

function finishedOf(id: string): Promise<{ verdict: string; reason?: string }> {
  return new Promise((resolve) => {
    const off = engine.on('replay.finished', (e) => {
      if (e.id !== id) return;
      off();
      resolve(e);
    });
  });
}

describe('replay commands', () => {
  it('replay.check says why a session cannot be replayed', async () => {
    const check = await engine.call('replay.check', { path: recorded.path, as: 'csms' });
    expect(check).toMatchObject({ replayable: false, session: { chargePointId: recorded.chargePointId }, problems: [{ code: 'no-calls', severity: 'error' }] });
    expect((await engine.call('replay.check', { path: recorded.path, as: 'charger' })).replayable).toBe(true);
    await expect(engine.call('replay.check', { path: recorded.path, as: 'both' as never })).rejects.toMatchObject({ code: 'bad-args' });
  });

  it('replay.start runs in the background with progress events; replay.result and replay.render give the outcome', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } });
    try {
      const progress: ReplayProgress[] = [];
      const off = engine.on('replay.progress', (p) => progress.push(p));
      const started = await engine.call('replay.start', { path: recorded.path, as: 'charger', target: url, timing: { mode: 'fast' } });
      expect(started.session.chargePointId).toBe(recorded.chargePointId);
      const done = await finishedOf(started.id);
      off();
      expect(done.verdict).toBe('match');
      expect(progress.map((p) => p.state)).toEqual(expect.arrayContaining(['connecting', 'running', 'finished']));
      const last = progress.filter((p) => p.state === 'running').at(-1)!;
      expect(last.done).toBe(last.total);
      const result = await engine.call('replay.result', { id: started.id });
      expect(result).toMatchObject({ verdict: 'match', as: 'charger', counts: { match: result.exchanges.length } });
      // The live session is in the engine's traffic store, from the replay, its frames marked.
      const session = (await engine.call('sessions.list', {})).find((s) => s.id === result.liveSession)!;
      expect(session).toMatchObject({ source: 'replay', chargePointId: recorded.chargePointId });
      const page = await engine.call('frames.query', { session: session.id, filter: 'mark:replayed' });
      expect(page.total).toBe(result.exchanges.length);
      const html = (await engine.call('replay.render', { id: started.id, format: 'html' })).content;
      expect(html).toContain('<span class="badge match">MATCH</span>');
      expect(html).not.toMatch(/<(script|link|img)\b/);
      expect(JSON.parse((await engine.call('replay.render', { id: started.id, format: 'json' })).content)).toEqual(result);
    } finally {
      await csms.stop();
    }
  });

  it('refuses an unreplayable session at once, and cancels a replay waiting for its charger', async () => {
    await expect(engine.call('replay.start', { path: recorded.path, as: 'csms', listen: { host: '127.0.0.1', port: 0 } })).rejects.toMatchObject({ code: 'bad-args', details: { problems: [expect.objectContaining({ code: 'no-calls' })] } });
    await expect(engine.call('replay.start', { path: recorded.path, as: 'charger' })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining('--target') });
    const commands = await recordChargingSession(tmp.file('commands.jsonl'), '1.6', async (csms) => void (await csms.send('CMD', 'ClearCache', {})), { charge: false, chargePointId: 'CMD' });
    const started = await engine.call('replay.start', { path: commands.path, as: 'csms', listen: { host: '127.0.0.1', port: 0 } });
    await expect(engine.call('replay.result', { id: started.id })).rejects.toMatchObject({ code: 'conflict' });
    expect(await engine.call('replay.cancel', { id: started.id })).toEqual({ cancelled: true });
    expect(await finishedOf(started.id)).toMatchObject({ verdict: 'failed', reason: 'The replay was cancelled before a charger connected' });
  });
});

describe('diff and import commands', () => {
  it('diff.captures compares two captures; capture.import reads a pcap', async () => {
    const other = await recordChargingSession(tmp.file('other.jsonl'), '1.6');
    // Two runs of the same script: equal but for the energy the simulated meter counted meanwhile.
    const volatile = [...DEFAULT_VOLATILE, 'meterStop'];
    expect(await engine.call('diff.captures', { a: recorded.path, b: other.path, volatile })).toMatchObject({ equal: true, counts: { changed: 0, missing: 0, extra: 0 } });
    await expect(engine.call('diff.captures', { a: recorded.path, b: other.path, volatile: ['@nope'] })).rejects.toMatchObject({ code: 'bad-args' });
    const pcap = tmp.file('empty.pcap');
    writeFileSync(pcap, pcapFile([], { linkType: LINKTYPE.ethernet }));
    expect(await engine.call('capture.import', { path: pcap, out: tmp.file('empty.jsonl') })).toMatchObject({ format: 'pcap', connections: 0, read: 0, problems: [] });
    await expect(engine.call('capture.import', { path: pcap, out: tmp.file('x.jsonl'), chargerSide: 'left' as never })).rejects.toMatchObject({ code: 'bad-args' });
    await expect(engine.call('capture.import', { path: tmp.file('missing.pcap'), out: tmp.file('y.jsonl') })).rejects.toMatchObject({ code: 'io' });
  });
});
