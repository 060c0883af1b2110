import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createEngine } from '../engine';
import { CaptureWriter } from '../capture/writer';
import { tempDir } from '../testing/tmp';
import { FakeClock } from '../util/clock';
import type { JudgeSettings } from '../../api/judge';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function setup() {
  const dir = tempDir();
  const engine = createEngine({ eventBatchMs: 5 });
  cleanups.push(() => engine.close(), () => dir.remove());
  return { engine, file: dir.file };
}

/** A 1.6 capture whose Reset is never answered (a response timeout, error). */
async function unansweredReset(path: string): Promise<void> {
  const clock = new FakeClock();
  const w = await CaptureWriter.create(path, { mode: 'proxy', clock });
  w.append({ type: 'open', conn: 'conn_1', chargePointId: 'CP1', path: '/CP1', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6', ...w.stamp() });
  w.append({ type: 'frame', conn: 'conn_1', seq: 0, dir: 'csms2cp', text: '[2,"r1","Reset",{"type":"Soft"}]', ...w.stamp() });
  clock.advance(45_000);
  w.append({ type: 'frame', conn: 'conn_1', seq: 1, dir: 'cp2csms', text: '[2,"h1","Heartbeat",{}]', ...w.stamp() });
  w.append({ type: 'frame', conn: 'conn_1', seq: 2, dir: 'csms2cp', text: '[3,"h1",{"currentTime":"2025-01-01T00:00:45Z"}]', ...w.stamp() });
  await w.close();
}

describe('judge api commands', () => {
  it('rules.list gives the catalogue, optionally for one version', async () => {
    const { engine } = setup();
    const all = await engine.call('rules.list', {});
    const v21 = await engine.call('rules.list', { version: '2.1' });
    expect(all.length).toBeGreaterThan(v21.length);
    expect(all.find((r) => r.id === 'correlation.response-timeout')).toMatchObject({ layer: 'behaviour', severity: 'error', group: 'correlation' });
    await expect(engine.call('rules.list', { version: '3.0' as '2.1' })).rejects.toMatchObject({ code: 'bad-args' });
  });

  it('loads a profile for capture.validate and capture.open, announces it, and clears it', async () => {
    const { engine, file } = setup();
    const capture = file('c.jsonl');
    await unansweredReset(capture);
    writeFileSync(file('p.yaml'), 'name: Lab\ndeviations:\n  - rule: correlation.response-timeout\n    severity: warning\n');
    const announced: JudgeSettings[] = [];
    engine.on('judge.settings', (s) => announced.push(s));

    expect((await engine.call('capture.validate', { path: capture })).errors).toBe(1);
    const settings = await engine.call('judge.profile.load', { path: file('p.yaml') });
    expect(settings.profile).toEqual({ name: 'Lab', path: file('p.yaml'), deviations: 1 });
    expect(announced).toHaveLength(1);

    const report = await engine.call('capture.validate', { path: capture });
    expect(report.errors).toBe(0);
    expect(report.findings.map((f) => [f.frame, f.finding.rule, f.finding.severity])).toEqual([[1, 'correlation.response-timeout', 'warning']]);

    await engine.call('capture.open', { path: capture });
    const request = await engine.call('frames.detail', { index: 0 });
    expect(request.findings).toMatchObject([{ rule: 'correlation.response-timeout', severity: 'warning', deviation: { profile: 'Lab', originalSeverity: 'error' } }]);
    expect(request.summary.findings).toEqual({ error: 0, warning: 1, info: 0 });

    expect((await engine.call('judge.profile.clear', {})).profile).toBeUndefined();
    expect((await engine.call('capture.validate', { path: capture })).errors).toBe(1);
  });

  it('says what is wrong with a profile, with file and line', async () => {
    const { engine, file } = setup();
    writeFileSync(file('bad.yaml'), 'name: X\ndeviations:\n  - rule: timing.heartbeat-lte\n    severity: info\n');
    const check = await engine.call('judge.profile.check', { path: file('bad.yaml') });
    expect(check).toEqual({ ok: false, problems: [`${file('bad.yaml')}:3: unknown rule "timing.heartbeat-lte" (see \`ocpp-bench rules\`)`] });
    await expect(engine.call('judge.profile.load', { path: file('bad.yaml') })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining(':3:') });
    await expect(engine.call('judge.profile.load', { path: file('missing.yaml') })).rejects.toMatchObject({ code: 'io' });
    expect((await engine.call('judge.settings', {})).profile).toBeUndefined();
  });

  it('judge.options.set changes the limits for what is judged next', async () => {
    const { engine, file } = setup();
    const capture = file('c.jsonl');
    await unansweredReset(capture);
    const settings = await engine.call('judge.options.set', { responseTimeoutMs: 60_000 });
    expect(settings.options.responseTimeoutMs).toBe(60_000);
    expect((await engine.call('capture.validate', { path: capture })).errors).toBe(0);
    await expect(engine.call('judge.options.set', { responseTimeout: 5 } as never)).rejects.toMatchObject({ code: 'bad-args' });
    await expect(engine.call('judge.options.set', { followUpTimeoutMs: -1 })).rejects.toMatchObject({ code: 'bad-args' });
  });
});
