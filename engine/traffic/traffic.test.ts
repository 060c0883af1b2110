import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine, type Engine } from '../engine';
import { CaptureWriter } from '../capture/writer';
import { LiveRecorder, type JudgedFrame } from './recorder';
import { TrafficStore } from './store';
import { tempDir } from '../testing/tmp';
import type { FrameSummary } from '../../api/model';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function setup(): { engine: Engine; file: (n: string) => string } {
  const dir = tempDir();
  const engine = createEngine({ eventBatchMs: 10 });
  cleanups.push(() => engine.close(), () => dir.remove());
  return { engine, file: dir.file };
}

const connection = { chargePointId: 'CP1', path: '/ocpp/CP1', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' };

describe('live recording', () => {
  it('records to the capture at once but judges later, off the hot path', async () => {
    const { engine, file } = setup();
    const capture = await CaptureWriter.create(file('live.jsonl'), { mode: 'proxy' });
    const judged: JudgedFrame[] = [];
    const recorder = new LiveRecorder({ source: 'proxy', capture, store: engine.traffic, onJudged: (f) => judged.push(f) });
    const session = recorder.open(connection);
    session.frame('cp2csms', '[2,"1","Heartbeat",{}]');
    session.frame('csms2cp', '[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]');
    // Nothing judged synchronously: the relay's caller never waits on judging.
    expect(judged).toHaveLength(0);
    expect(engine.traffic.frameCount).toBe(0);
    await recorder.settled();
    expect(judged.map((j) => j.summary.kind)).toEqual(['CALL', 'CALLRESULT']);
    expect(judged[1]!.summary).toMatchObject({ action: 'Heartbeat', pair: 0 });
    expect(judged[1]!.summary.latencyMs).toBeGreaterThanOrEqual(0);
    session.close('charger', 'clean', { code: 1000 });
    await recorder.close();
    const lines = readFileSync(file('live.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(['header', 'open', 'frame', 'frame', 'close']);
    expect(engine.traffic.sessionList()[0]).toMatchObject({ state: 'closed', frames: 2, chargePointId: 'CP1' });
  });

  it('redacts credentials in the capture and store unless asked to keep them', async () => {
    const { file } = setup();
    const capture = await CaptureWriter.create(file('r.jsonl'), { mode: 'proxy' });
    const store = new TrafficStore();
    const recorder = new LiveRecorder({ source: 'proxy', capture, store, redact: (t) => t.replace('secret', '<redacted>') });
    const session = recorder.open({ ...connection, authUser: 'CP1', authPassword: 'hunter2' });
    session.frame('csms2cp', '[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"secret"}]');
    await recorder.close();
    const text = readFileSync(file('r.jsonl'), 'utf8');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('"authPassword":"<redacted>"');
    expect((await store.detail(0)).text).toContain('<redacted>');
  });

  it('tells the caller once when the capture cannot be written', async () => {
    const { file } = setup();
    const capture = await CaptureWriter.create(file('f.jsonl'), { mode: 'proxy' });
    const errors: Error[] = [];
    const recorder = new LiveRecorder({ source: 'proxy', capture, onCaptureError: (e) => errors.push(e) });
    const session = recorder.open(connection);
    await (capture as unknown as { handle: { close(): Promise<void> } }).handle.close();
    session.frame('cp2csms', '[2,"1","Heartbeat",{}]');
    await capture.flush();
    session.frame('cp2csms', '[2,"2","Heartbeat",{}]');
    await capture.flush();
    expect(errors).toHaveLength(1);
  });
});

describe('engine api', () => {
  it('rejects unknown commands and bad arguments as data', async () => {
    const { engine } = setup();
    await expect(engine.call('no.such' as 'engine.info', {})).rejects.toMatchObject({ code: 'unknown-command' });
    await expect(engine.call('frames.detail', { index: -1 })).rejects.toMatchObject({ code: 'bad-args' });
    await expect(engine.call('frames.detail', { index: 5 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(engine.call('capture.open', { path: '/nope/x.jsonl' })).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('/nope/x.jsonl') });
  });

  it('opens a capture, pages its frames, reads details from the file and links pairs', async () => {
    const { engine, file } = setup();
    const path = file('c.jsonl');
    const w = await CaptureWriter.create(path, { mode: 'proxy' });
    w.append({ type: 'open', conn: 'conn_1', ...connection });
    for (let i = 0; i < 50; i++) {
      w.append({ type: 'frame', conn: 'conn_1', seq: 2 * i, dir: 'cp2csms', text: `[2,"h${i}","Heartbeat",{}]` });
      w.append({ type: 'frame', conn: 'conn_1', seq: 2 * i + 1, dir: 'csms2cp', text: `[3,"h${i}",{"currentTime":"bad"}]` });
    }
    await w.close();
    const batches: FrameSummary[][] = [];
    engine.on('traffic.frames', (e) => batches.push(e.frames));
    const opened = await engine.call('capture.open', { path });
    expect(opened).toMatchObject({ sessions: 1, frames: 100, warnings: [] });
    const page = await engine.call('frames.query', { offset: 10, limit: 5 });
    expect(page.total).toBe(100);
    expect(page.frames.map((f) => f.seq)).toEqual([10, 11, 12, 13, 14]);
    const detail = await engine.call('frames.detail', { index: 11 });
    expect(detail.text).toBe('[3,"h5",{"currentTime":"bad"}]');
    expect(detail.findings[0]).toMatchObject({ rule: 'schema.format', path: '/currentTime' });
    expect(detail.pair?.messageId).toBe('h5');
    expect(detail.pair?.index).toBe(10);
    const [session] = await engine.call('sessions.list', {});
    expect(session).toMatchObject({ frames: 100, findings: { error: 50 } });
    const filtered = await engine.call('frames.query', { filter: 'Heartbeat', limit: 3 });
    expect(filtered.total).toBe(100);
    // Opening a capture does not push a million frames through events.
    expect(batches.flat()).toHaveLength(0);
  });

  it('summarises a frame alike live and reopened from its capture, binary frames at their decoded size', async () => {
    const { engine, file } = setup();
    const path = file('both.jsonl');
    const capture = await CaptureWriter.create(path, { mode: 'proxy' });
    const recorder = new LiveRecorder({ source: 'proxy', capture, store: engine.traffic });
    const session = recorder.open(connection);
    session.frame('cp2csms', '[2,"1","Heartbeat",{}]');
    session.frame('csms2cp', '[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]');
    // 1 and 2 bytes: base64 pads both to 4 characters.
    session.frame('cp2csms', Buffer.from([0x01]));
    session.frame('cp2csms', Buffer.from([0x01, 0x02]));
    await recorder.settled();
    session.close('charger', 'clean', { code: 1000 });
    await recorder.close();
    const live = (await engine.call('frames.query', {})).frames;
    expect(live.map((f) => f.size)).toEqual([22, 46, 1, 2]);
    await engine.call('capture.open', { path });
    const reopened = (await engine.call('frames.query', {})).frames;
    const comparable = (f: FrameSummary) => ({ ...f, session: undefined, time: undefined, mono: undefined, latencyMs: f.latencyMs === undefined ? 'none' : 'some' });
    expect(reopened.map(comparable)).toEqual(live.map(comparable));
    expect(reopened[1]).toMatchObject({ kind: 'CALLRESULT', action: 'Heartbeat', pair: 0 });
  });

  it('batches live frame events instead of one event per frame', async () => {
    const { engine } = setup();
    const batches: FrameSummary[][] = [];
    engine.on('traffic.frames', (e) => batches.push(e.frames));
    const recorder = new LiveRecorder({ source: 'csms', store: engine.traffic });
    const session = recorder.open(connection);
    for (let i = 0; i < 200; i++) session.frame('cp2csms', `[2,"${i}","Heartbeat",{}]`);
    await recorder.settled();
    await new Promise((r) => setTimeout(r, 40));
    expect(batches.flat()).toHaveLength(200);
    expect(batches.length).toBeLessThanOrEqual(3);
  });
});
