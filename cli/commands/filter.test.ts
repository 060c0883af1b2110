// `validate --filter`, `export` and `filter-help`, run as a user would (the built bin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { ValidationReport } from '../../api/model';
import type { CaptureRecord, FrameRecord, HeaderRecord } from '../../engine/capture/format';
import { readCapture } from '../../engine/capture/reader';
import { FIELDS } from '../../engine/filter/fields';
import { recordSample, SESSION_A } from '../../engine/filter/testing/traffic';
import { tempDir } from '../../engine/testing/tmp';
import { runCli } from '../testing/run-cli';

const dir = tempDir();
const sample = dir.file('sample.jsonl');

beforeAll(async () => {
  await recordSample(sample);
});
afterAll(() => dir.remove());

async function records(path: string): Promise<CaptureRecord[]> {
  const out: CaptureRecord[] = [];
  for await (const { record } of readCapture(path)) out.push(record);
  return out;
}

describe('ocpp-bench validate --filter', () => {
  it('reports only the findings of matching frames, with counts to match, and names the filter', async () => {
    const r = await runCli(['validate', sample, '--filter', 'cp:CP001 rule:schema.*,framing.*']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const findingLines = r.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(findingLines).toHaveLength(2);
    expect(findingLines[0]).toMatch(/^#5 .*StatusNotification .*schema\.enum \/status/);
    expect(findingLines[1]).toMatch(/^#11 .*framing\.not-json/);
    expect(r.stdout).toContain(`${sample}: 2 of 14 frames in 1 sessions match the filter "cp:CP001 rule:schema.*,framing.*", 2 findings (2 errors)`);
    expect(r.stdout).not.toContain('correlation.unknown-id');
    expect(r.stdout).toMatch(/conn_a +CP001 +ocpp1\.6 +2 frames +2 errors/);
    expect(r.stdout).not.toContain('conn_b');
  });

  it('exits 0 when the matching frames have no error findings', async () => {
    const r = await runCli(['validate', sample, '--filter', 'cp:CS002 | action:MeterValues']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 of 14 frames in 2 sessions match the filter "cp:CS002 | action:MeterValues", 0 findings (0 errors)');
  });

  it('--json carries the filter and the adjusted counts', async () => {
    const r = await runCli(['validate', sample, '--json', '--filter', 'has:error !group:framing']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ValidationReport;
    expect(report.filter).toEqual({ expression: 'has:error !group:framing', frames: 2 });
    expect(report.frames).toBe(14);
    expect(report.errors).toBe(2);
    expect(Object.keys(report.byRule).sort()).toEqual(['correlation.unknown-id', 'schema.enum']);
    expect(report.sessions).toEqual([expect.objectContaining({ id: 'conn_a', frames: 2, findings: { error: 2, warning: 0, info: 0 } })]);
  });

  it('exits 2 on a bad expression, pointing at the place', async () => {
    const r = await runCli(['validate', sample, '--filter', 'action:Heartbeat & action:']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ocpp-bench validate: Filter error at 26: expected a value after "action:"\n  action:Heartbeat & action:\n                            ^\n');
    const unknown = await runCli(['validate', sample, '--filter', 'actoin:Heartbeat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown field "actoin" (did you mean "action"?)');
    expect(unknown.stderr).toContain('\n  ^^^^^^\n');
  });
});

describe('ocpp-bench export', () => {
  it('writes the matching frames, byte for byte, with their sessions', async () => {
    const out = dir.file('meter.jsonl');
    const r = await runCli(['export', sample, '-o', out, '--filter', 'action:MeterValues,StatusNotification from:charger']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${sample} → ${out}: 3 frames matching "action:MeterValues,StatusNotification from:charger" in 1 sessions\n`);
    const written = await records(out);
    expect((written[0] as HeaderRecord).mode).toBe('export');
    expect(written.map((w) => w.type)).toEqual(['header', 'open', 'frame', 'frame', 'frame', 'note', 'close']);
    const frames = written.filter((w): w is FrameRecord => w.type === 'frame');
    expect(frames.map((f) => f.text)).toEqual([SESSION_A[2]!.text, SESSION_A[4]!.text, SESSION_A[6]!.text]);
    // The export is a capture like any other (its requests lost their answers: behaviour
    // rules add warnings about the calls left outstanding, but only the one schema error).
    const check = await runCli(['validate', out]);
    expect(check.stdout).toMatch(/3 frames in 1 sessions, \d+ findings \(1 errors\)/);
  });

  it('takes sessions by id, repeatedly', async () => {
    const out = dir.file('sessions.jsonl');
    const r = await runCli(['export', sample, '--out', out, '--session', 'conn_b', '--session', 'conn_a', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out, frames: 14, sessions: 2, warnings: [] });
  });

  it('exits 2 naming the problem: bad filter, unreadable file, missing output', async () => {
    const out = dir.file('never.jsonl');
    const bad = await runCli(['export', sample, '-o', out, '--filter', '(dir:up | has:error']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ocpp-bench export: Filter error at 0: this "(" is never closed\n  (dir:up | has:error\n  ^\n');
    const missing = await runCli(['export', dir.file('nope.jsonl'), '-o', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ocpp-bench export: .*nope\.jsonl: no such file/);
    const noOut = await runCli(['export', sample]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    const same = await runCli(['export', sample, '-o', sample]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('overwrite its source');
    expect(existsSync(out)).toBe(false);
  });
});

describe('ocpp-bench filter-help', () => {
  it('prints every field and operator from the engine\'s lists', async () => {
    const r = await runCli(['filter-help']);
    expect(r.code).toBe(0);
    for (const f of FIELDS) expect(r.stdout).toContain(f.syntax);
    expect(r.stdout).toMatch(/Operators:\n {2}! /);
    const help = await runCli(['validate', '--help']);
    expect(help.stdout).toContain('--filter <expression>');
    expect(help.stdout).toContain('ocpp-bench filter-help');
  });
});
