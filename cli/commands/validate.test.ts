import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, writeFileSync } from 'node:fs';
import { CaptureWriter } from '../../engine/capture/writer';
import { tempDir } from '../../engine/testing/tmp';
import { runCli } from '../testing/run-cli';
import type { ValidationReport } from '../../api/model';

const dir = tempDir();
afterAll(() => dir.remove());

const clean = dir.file('clean.jsonl');
const broken = dir.file('broken.jsonl');
const v201 = dir.file('v201.jsonl');

beforeAll(async () => {
  // A clean 1.6 session: boot, heartbeat, a CSMS-initiated call.
  const c = await CaptureWriter.create(clean, { mode: 'proxy' });
  c.append({ type: 'open', conn: 'conn_1', chargePointId: 'CP-1', path: '/ocpp/CP-1', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
  const frames16: Array<['cp2csms' | 'csms2cp', string]> = [
    ['cp2csms', '[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]'],
    ['csms2cp', '[3,"b1",{"status":"Accepted","currentTime":"2025-01-01T00:00:00Z","interval":300}]'],
    ['cp2csms', '[2,"h1","Heartbeat",{}]'],
    ['csms2cp', '[3,"h1",{"currentTime":"2025-01-01T00:00:01Z"}]'],
    ['csms2cp', '[2,"r1","Reset",{"type":"Soft"}]'],
    ['cp2csms', '[3,"r1",{"status":"Accepted"}]'],
  ];
  frames16.forEach(([dir, text], seq) => c.append({ type: 'frame', conn: 'conn_1', seq, dir, text }));
  await c.close();

  // A session with one of each problem, then a torn last line.
  const b = await CaptureWriter.create(broken, { mode: 'proxy' });
  b.append({ type: 'open', conn: 'conn_2', chargePointId: 'CP-2', path: '/CP-2', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
  const frames: Array<['cp2csms' | 'csms2cp', string]> = [
    ['cp2csms', '[2,"s1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]'],
    ['csms2cp', '[3,"s1",{}]'],
    ['cp2csms', '[2,"x1","Heartbeat"'],
    ['csms2cp', '[3,"nobody",{}]'],
    ['cp2csms', '[2,"a1","Authorize",{"idTag":"ABC"}]'],
    ['csms2cp', '[3,"a1",{"idTagInfo":{"status":"Maybe"}}]'],
  ];
  frames.forEach(([dir, text], seq) => b.append({ type: 'frame', conn: 'conn_2', seq, dir, text }));
  await b.close();
  appendFileSync(broken, '{"type":"frame","conn":"conn_2","se');

  // 2.0.1: the same StatusNotification mistake is judged by 2.0.1's schema.
  const w = await CaptureWriter.create(v201, { mode: 'csms' });
  w.append({ type: 'open', conn: 'conn_3', chargePointId: 'CS-3', path: '/CS-3', offeredSubprotocols: ['ocpp2.0.1'], subprotocol: 'ocpp2.0.1' });
  w.append({ type: 'frame', conn: 'conn_3', seq: 0, dir: 'cp2csms', text: '[2,"1","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"}}]' });
  await w.close();
});

describe('ocpp-bench validate', () => {
  it('exits 0 and reports no findings for a clean capture', async () => {
    const r = await runCli(['validate', clean]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 frames in 1 sessions, 0 findings \(0 errors\)/);
    expect(r.stdout).toMatch(/conn_1\s+CP-1\s+ocpp1\.6\s+6 frames/);
  });

  it('prints each finding with frame, time, direction, charge point, action, id, rule and path; exits 1', async () => {
    const r = await runCli(['validate', broken]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const enumLine = lines.find((l) => l.includes('schema.enum /status'));
    expect(enumLine).toMatch(/^#1 +\d{4}-\d\d-\d\dT[\d:.]+Z CP-2 +→ StatusNotification +id=s1 +error +schema\.enum \/status: "status" must be one of/);
    expect(lines.find((l) => l.includes('framing.not-json'))).toMatch(/^#3 /);
    expect(lines.find((l) => l.includes('correlation.unknown-id'))).toMatch(/^#4 .*← .*id=nobody/);
    // The response is judged against the schema of the action it answers.
    expect(lines.find((l) => l.includes('/idTagInfo/status'))).toMatch(/^#6 .*Authorize .*schema\.enum/);
    expect(r.stdout).toMatch(/warning: the last line .* incomplete/);
    expect(r.stdout).toMatch(/By rule:\n(.|\n)*schema\.enum +2/);
  });

  it('--json prints the report as data', async () => {
    const r = await runCli(['validate', broken, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ValidationReport;
    expect(report.frames).toBe(6);
    expect(report.findings.map((f) => [f.frame, f.finding.rule])).toEqual([
      [1, 'schema.enum'],
      [3, 'framing.not-json'],
      [4, 'correlation.unknown-id'],
      [6, 'schema.enum'],
    ]);
    expect(report.findings[0]).toMatchObject({ session: 'conn_2', chargePointId: 'CP-2', action: 'StatusNotification', messageId: 's1', dir: 'cp2csms' });
    expect(report.sessions[0]!.findings.error).toBe(4);
    expect(report.warnings).toHaveLength(1);
  });

  it('judges each session by its negotiated version, or the forced one', async () => {
    const own = JSON.parse((await runCli(['validate', v201, '--json'])).stdout) as ValidationReport;
    expect(own.findings.map((f) => `${f.finding.rule} ${f.finding.path}`)).toEqual(['schema.required /reason']);
    expect(own.findings[0]!.finding.errorCode).toBe('OccurrenceConstraintViolation');
    const forced = JSON.parse((await runCli(['validate', v201, '--json', '--version', '1.6'])).stdout) as ValidationReport;
    expect(forced.findings.some((f) => f.finding.rule === 'schema.required' && f.finding.path === '/chargePointVendor')).toBe(true);
    expect(forced.findings[0]!.finding.errorCode).toBe('OccurenceConstraintViolation');
  });

  it('exits 2 naming the file and the problem for unreadable input', async () => {
    const notCapture = dir.file('notes.txt');
    writeFileSync(notCapture, 'hello\n');
    const r = await runCli(['validate', notCapture]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.txt:1: not an ocpp-bench capture');
    const missing = await runCli(['validate', dir.file('nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl: no such file');
  });

  it('exits 2 on bad arguments', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    const r = await runCli(['validate', clean, '--version', '3.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be 1\.6, 2\.0\.1 or 2\.1/);
  });
});
