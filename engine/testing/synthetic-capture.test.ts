import { afterEach, expect, test } from 'vitest';
import { createEngine, type Engine } from '../engine';
import { writeSyntheticCapture } from './synthetic-capture';
import { tempDir } from './tmp';

let engine: Engine | undefined;
const dir = tempDir();
afterEach(async () => {
  await engine?.close();
  dir.remove();
});

test('writes a capture the engine opens, with the promised frames, sessions and schema findings', async () => {
  const capture = await writeSyntheticCapture(dir.file('s.jsonl'), { frames: 400, chargers: 3, errorEvery: 50 });
  expect(capture).toMatchObject({ frames: 400, chargers: 3, invalid: 3 });
  engine = createEngine();
  const opened = await engine.call('capture.open', { path: capture.path });
  expect(opened).toMatchObject({ frames: 400, sessions: 3, warnings: [] });
  const invalid = await engine.call('frames.query', { filter: 'rule:schema.* & action:StatusNotification', limit: 100 });
  const sessions = await engine.call('sessions.list', {});
  expect(sessions.map((s) => s.chargePointId).sort()).toEqual(['CP001', 'CP002', 'CP003']);
  expect(invalid.total).toBe(3);
  expect(invalid.frames.every((f) => f.dir === 'cp2csms' && f.findings.error > 0)).toBe(true);
  const first = await engine.call('frames.query', { limit: 2 });
  expect(first.frames.map((f) => [f.kind, f.action])).toEqual([
    ['CALL', 'BootNotification'],
    ['CALLRESULT', 'BootNotification'],
  ]);
});
