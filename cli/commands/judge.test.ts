// ocpp-bench rules, and validate with behaviour rules and deviation profiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { CaptureWriter } from '../../engine/capture/writer';
import { tempDir } from '../../engine/testing/tmp';
import { FakeClock } from '../../engine/util/clock';
import { runCli } from '../testing/run-cli';
import type { RuleInfo } from '../../api/judge';
import type { ValidationReport } from '../../api/model';

const dir = tempDir();
afterAll(() => dir.remove());

const capture = dir.file('behaviour.jsonl');
const T = (s: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + s * 1000).toISOString();

beforeAll(async () => {
  // A 1.6 session, schema-valid throughout, that breaks behaviour rules:
  //  #5 StatusNotification Available → Finishing (state.connector-transition, warning)
  //  #7 Reset never answered (correlation.response-timeout, error, found 40 s later)
  //  #8 MeterValues for a transactionId never issued (state.transaction-id-unknown, warning)
  //  #10 StartTransaction on the connector last reported Finishing (state.start-connector-unavailable, warning)
  //  #12 StopTransaction with meterStop < meterStart (state.meter-stop-below-start, error)
  const clock = new FakeClock();
  const w = await CaptureWriter.create(capture, { mode: 'proxy', clock });
  w.append({ type: 'open', conn: 'conn_1', chargePointId: 'ACME-7', path: '/ocpp/ACME-7', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6', ...w.stamp() });
  let seq = 0;
  const frame = (dir: 'cp2csms' | 'csms2cp', text: unknown[], advance = 0.1) => {
    clock.advance(advance * 1000);
    w.append({ type: 'frame', conn: 'conn_1', seq: seq++, dir, text: JSON.stringify(text), ...w.stamp() });
  };
  frame('cp2csms', [2, 'b1', 'BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'Wallbox' }]);
  frame('csms2cp', [3, 'b1', { status: 'Accepted', currentTime: T(0), interval: 300 }]);
  frame('cp2csms', [2, 's1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]);
  frame('csms2cp', [3, 's1', {}]);
  frame('cp2csms', [2, 's2', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing' }]);
  frame('csms2cp', [3, 's2', {}]);
  frame('csms2cp', [2, 'r1', 'Reset', { type: 'Soft' }]);
  frame('cp2csms', [2, 'm1', 'MeterValues', { connectorId: 1, transactionId: 99, meterValue: [{ timestamp: T(1), sampledValue: [{ value: '10' }] }] }], 40);
  frame('csms2cp', [3, 'm1', {}]);
  frame('cp2csms', [2, 't1', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 500, timestamp: T(41) }]);
  frame('csms2cp', [3, 't1', { transactionId: 7, idTagInfo: { status: 'Accepted' } }]);
  frame('cp2csms', [2, 't2', 'StopTransaction', { transactionId: 7, meterStop: 400, timestamp: T(42) }]);
  frame('csms2cp', [3, 't2', {}]);
  frame('cp2csms', [2, 'e1', 'SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: T(43) }]);
  frame('csms2cp', [3, 'e1', {}]);
  w.append({ type: 'close', conn: 'conn_1', by: 'charger', how: 'clean', code: 1000, ...w.stamp() });
  await w.close();
});

describe('ocpp-bench rules', () => {
  it('lists the catalogue with severity, group, versions and spec references', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sequence\.boot-first +error +sequence +1\.6, 2\.0\.1, 2\.1$/m);
    expect(r.stdout).toMatch(/^correlation\.outstanding-call +error \(warning in 1\.6\)/m);
    expect(r.stdout).toContain('OCPP 1.6 §4.2');
  });

  it('--json gives the catalogue as data, --version filters it', async () => {
    const r = await runCli(['rules', '--json', '--version', '1.6']);
    const rules = JSON.parse(r.stdout) as RuleInfo[];
    expect(rules.map((x) => x.id)).toContain('state.connector-transition');
    expect(rules.map((x) => x.id)).not.toContain('sequence.tx-seqno-gap');
    expect(rules.every((x) => x.versions.includes('1.6'))).toBe(true);
  });
});

describe('ocpp-bench validate: behaviour rules', () => {
  it('reports behaviour findings with frame numbers, a late one on the request it concerns; exits 1', async () => {
    const r = await runCli(['validate', capture]);
    expect(r.code).toBe(1);
    const line = (rule: string) => r.stdout.split('\n').find((l) => l.includes(` ${rule}`));
    expect(line('state.connector-transition')).toMatch(/^#5 .*StatusNotification +id=s2 +warning/);
    expect(line('correlation.response-timeout')).toMatch(/^#7 .*← Reset +id=r1 +error .*No answer to Reset/);
    expect(line('state.transaction-id-unknown')).toMatch(/^#8 .*MeterValues .*warning/);
    expect(line('state.start-connector-unavailable')).toMatch(/^#10 .*StartTransaction .*warning/);
    expect(line('state.meter-stop-below-start')).toMatch(/^#12 .*StopTransaction .*error/);
    expect(r.stdout).toMatch(/15 frames in 1 sessions, 5 findings \(2 errors\)/);
  });

  it('--response-timeout changes when a request counts as unanswered', async () => {
    const r = await runCli(['validate', capture, '--response-timeout', '60', '--json']);
    const report = JSON.parse(r.stdout) as ValidationReport;
    expect(report.findings.map((f) => f.finding.rule)).not.toContain('correlation.response-timeout');
  });

  it('with a profile downgrading the errors: deviations are shown, nothing else is hidden, exit 0', async () => {
    const profile = dir.file('acme.yaml');
    writeFileSync(
      profile,
      [
        'name: ACME Wallbox',
        'match:',
        '  vendor: ACME',
        'deviations:',
        '  - rule: correlation.response-timeout',
        '    actions: Reset',
        '    severity: silenced',
        '    reason: reboots before answering',
        '  - rule: state.meter-stop-below-start',
        '    severity: warning',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', capture, '--profile', profile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = (rule: string) => r.stdout.split('\n').find((l) => l.includes(` ${rule}`));
    expect(line('correlation.response-timeout')).toMatch(/^#7 .* info +correlation\.response-timeout: .*\[deviation "ACME Wallbox": silenced; reboots before answering\]/);
    expect(line('state.meter-stop-below-start')).toMatch(/^#12 .* warning +state\.meter-stop-below-start \/meterStop: .*\[deviation "ACME Wallbox": error → warning\]/);
    // The rest is judged as usual.
    expect(line('state.connector-transition')).toMatch(/warning +state\.connector-transition \/status: [^[]*$/);
    expect(r.stdout).toMatch(/5 findings \(0 errors\); 2 known deviations \(profile "ACME Wallbox"\)/);

    const json = JSON.parse((await runCli(['validate', capture, '--profile', profile, '--json'])).stdout) as ValidationReport;
    expect(json.profile).toEqual({ name: 'ACME Wallbox', path: profile });
    expect(json.deviations).toBe(2);
    expect(json.findings.find((f) => f.finding.rule === 'correlation.response-timeout')!.finding.deviation).toEqual({
      profile: 'ACME Wallbox',
      originalSeverity: 'error',
      silenced: true,
      reason: 'reboots before answering',
    });
  });

  it('refuses a bad profile naming file and line; exit 2', async () => {
    const bad = dir.file('bad.yaml');
    writeFileSync(bad, 'name: X\ndeviations:\n  - rule: correlation.response-timeot\n    severity: info\n');
    const r = await runCli(['validate', capture, '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3: unknown rule "correlation.response-timeot"`);
    const broken = dir.file('broken.yaml');
    writeFileSync(broken, 'name: [X\n');
    const b = await runCli(['validate', capture, '--profile', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });
});
