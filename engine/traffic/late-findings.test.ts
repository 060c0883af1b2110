import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { CaptureWriter } from '../capture/writer';
import { tempDir } from '../testing/tmp';
import { FakeClock } from '../util/clock';
import { LiveRecorder, type LateJudged } from './recorder';
import { openCapture } from './open-capture';
import { TrafficStore } from './store';
import type { FrameSummary } from '../../api/model';
import { parseProfile } from '../judge/profile';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

const connection = { chargePointId: 'CP1', path: '/ocpp/CP1', offeredSubprotocols: ['ocpp2.0.1'], subprotocol: 'ocpp2.0.1' };

function live() {
  const engine = createEngine({ eventBatchMs: 5 });
  cleanups.push(() => engine.close());
  const clock = new FakeClock();
  const late: LateJudged[] = [];
  const recorder = new LiveRecorder({ source: 'csms', store: engine.traffic, clock, tickMs: 0, onLate: (l) => late.push(l) });
  return { engine, clock, recorder, late, session: recorder.open(connection) };
}

describe('late findings in the live recorder', () => {
  it('puts a response timeout on the earlier request in the store, updates counts and tells the front ends', async () => {
    const { engine, clock, recorder, late, session } = live();
    const updated: FrameSummary[] = [];
    engine.on('traffic.updated', (e) => updated.push(...e.frames));
    session.frame('csms2cp', '[2,"r1","Reset",{"type":"Immediate"}]');
    clock.advance(1000);
    session.frame('cp2csms', '[2,"h1","Heartbeat",{}]');
    session.frame('csms2cp', '[3,"h1",{"currentTime":"2025-01-01T00:00:01Z"}]');
    await recorder.settled();
    expect(engine.traffic.frame(0)!.findings).toEqual([]);

    clock.advance(30_000);
    recorder.tick();
    await recorder.settled();
    const request = engine.traffic.frame(0)!;
    expect(request.findings.map((f) => f.rule)).toEqual(['correlation.response-timeout']);
    expect(request.summary.findings.error).toBe(1);
    expect(engine.traffic.session(session.id)!.summary.findings.error).toBe(1);
    expect(late).toMatchObject([{ late: { seq: 0, finding: { rule: 'correlation.response-timeout' } }, summary: { index: 0 } }]);
    engine.traffic.flushEvents();
    expect(updated).toMatchObject([{ index: 0, findings: { error: 1 } }]);
  });

  it('judges queued frames before a tick: an answer already received is no timeout', async () => {
    const { engine, clock, recorder, session } = live();
    session.frame('csms2cp', '[2,"r1","Reset",{"type":"Immediate"}]');
    clock.advance(29_000);
    session.frame('cp2csms', '[3,"r1",{"status":"Accepted"}]');
    clock.advance(5_000);
    recorder.tick();
    await recorder.settled();
    expect(engine.traffic.frame(0)!.findings).toEqual([]);
  });

  it('concludes time-driven rules when the session closes, and ticks by itself', async () => {
    const engine = createEngine({ eventBatchMs: 5 });
    cleanups.push(() => engine.close());
    const clock = new FakeClock();
    const recorder = new LiveRecorder({ source: 'proxy', store: engine.traffic, clock, tickMs: 5 });
    const session = recorder.open(connection);
    session.frame('csms2cp', '[2,"r1","Reset",{"type":"Immediate"}]');
    clock.advance(31_000);
    // The recorder's own timer ticks within a few milliseconds.
    await expect.poll(() => engine.traffic.frame(0)?.findings.length, { timeout: 2000, interval: 5 }).toBe(1);

    const other = recorder.open({ ...connection, chargePointId: 'CP2' });
    other.frame('cp2csms', '[2,"h1","Heartbeat",{}]');
    clock.advance(60_000);
    other.close('charger', 'clean', { code: 1000 });
    await recorder.close();
    const index = engine.traffic.indexOf(other.id, 0)!;
    expect(engine.traffic.frame(index)!.findings.map((f) => f.rule)).toEqual(['correlation.response-timeout']);
  });

  it('uses the store\'s deviation profile', async () => {
    const { engine, clock, recorder } = live();
    engine.traffic.judging.setProfile(parseProfile('name: Lab\ndeviations:\n  - rule: correlation.response-timeout\n    severity: silenced\n', 'lab.yaml'));
    const session = recorder.open({ ...connection, chargePointId: 'CP9' });
    session.frame('csms2cp', '[2,"r1","Reset",{"type":"Immediate"}]');
    clock.advance(31_000);
    recorder.tick();
    await recorder.settled();
    const frame = engine.traffic.frame(engine.traffic.indexOf(session.id, 0)!)!;
    expect(frame.findings).toMatchObject([{ severity: 'info', deviation: { profile: 'Lab', silenced: true } }]);
    expect(frame.summary.findings).toEqual({ error: 0, warning: 0, info: 1 });
  });
});

describe('late findings when a capture is opened', () => {
  it('land on the frames they concern', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const path = dir.file('c.jsonl');
    const clock = new FakeClock();
    const writer = await CaptureWriter.create(path, { mode: 'csms', clock });
    writer.append({ type: 'open', conn: 'conn_1', chargePointId: 'CP1', path: '/CP1', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6', ...writer.stamp() });
    writer.append({ type: 'frame', conn: 'conn_1', seq: 0, dir: 'csms2cp', text: '[2,"r1","Reset",{"type":"Soft"}]', ...writer.stamp() });
    clock.advance(40_000);
    writer.append({ type: 'frame', conn: 'conn_1', seq: 1, dir: 'cp2csms', text: '[2,"h1","Heartbeat",{}]', ...writer.stamp() });
    writer.append({ type: 'frame', conn: 'conn_1', seq: 2, dir: 'csms2cp', text: '[3,"h1",{"currentTime":"2025-01-01T00:00:40Z"}]', ...writer.stamp() });
    await writer.close();

    const store = new TrafficStore();
    await openCapture(store, path);
    expect(store.frame(0)!.findings.map((f) => f.rule)).toEqual(['correlation.response-timeout']);
    expect(store.frame(0)!.summary.findings.error).toBe(1);
    expect(store.sessionList()[0]!.findings.error).toBe(1);
  });
});
