import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpointCsms, type EndpointCsms } from '../../engine/charger/testing/endpoint-csms';
import { tempDir } from '../../engine/testing/tmp';
import { runCli } from '../testing/run-cli';

const dir = tempDir();
let csms: EndpointCsms;
beforeAll(async () => {
  csms = await startEndpointCsms('1.6');
});
afterAll(async () => {
  await csms.stop();
  dir.remove();
});

const boots = (id: string) => csms.received.filter((r) => r.action === 'BootNotification').length && csms.requests.filter((r) => r.chargePointId === id).length;

describe('ocpp-bench sim', () => {
  it('--list-behaviours lists every behaviour with its targets', async () => {
    const r = await runCli(['sim', '--list-behaviours']);
    expect(r.code).toBe(0);
    for (const name of ['skip-boot', 'meter-goes-backwards', 'stacks-profiles-wrongly', 'ignores-trigger-message', 'tx-seqno-gap']) expect(r.stdout).toContain(name);
    const v16 = await runCli(['sim', '--list-behaviours', '--version', '1.6']);
    expect(v16.stdout).not.toContain('tx-seqno-gap');
  });

  it('bad arguments exit 2 with a message naming the problem', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['sim', '--url', csms.url, '--version', '1.6'], /needs --id/],
      [['sim', '--url', csms.url, '--id', 'X', '--version', '9'], /must be 1.6, 2.0.1 or 2.1/],
      [['sim', '--url', csms.url, '--id', 'X', '--version', '1.6', '--behaviour', 'nonsense'], /Unknown behaviour "nonsense"/],
      [['sim', '--url', csms.url, '--id', 'X', '--version', '1.6', '--count', '0'], /integer from 1/],
      [['sim', '--url', 'http://nope', '--id', 'X', '--version', '1.6'], /ws:\/\/ or wss:\/\//],
      [['sim', '--url', csms.url, '--id', 'X', '--version', '1.6', '--cert', 'a.pem'], /--cert and --key go together/],
    ];
    writeFileSync(dir.file('bad.yaml'), '- action: fly\n');
    cases.push([['sim', '--url', csms.url, '--id', 'X', '--version', '1.6', '--script', dir.file('bad.yaml')], /step 1: unknown action "fly"/]);
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('--duration disconnects cleanly and prints a per-action summary; --capture records it', async () => {
    const capture = dir.file('sim.jsonl');
    const r = await runCli(['sim', '--url', csms.url, '--id', 'CLI-D', '--version', '1.6', '--duration', '1', '--time-scale', '0.001', '--capture', capture]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Simulating CLI-D \(OCPP 1\.6\)/);
    expect(r.stdout).toMatch(/BootNotification/);
    expect(r.stdout).toMatch(/Summary after 1\.\d s: 1 charger/);
    expect(r.stdout, r.stdout).toMatch(/CLI-D\s+OCPP 1\.6, accepted, \d+ CALLs sent/);
    expect(r.stdout).toMatch(/\n\s+Heartbeat\s+\d+\s+0\s+0\s+0/);
    const lines = readFileSync(capture, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'header', mode: 'sim' });
    expect(lines.at(-1)).toMatchObject({ type: 'close', by: 'charger', how: 'clean', code: 1000 });
  });

  it('--count runs several chargers from an id pattern', async () => {
    const r = await runCli(['sim', '--url', csms.url, '--id', 'LOAD{n:2}', '--count', '3', '--version', '1.6', '--duration', '1', '--time-scale', '0.01', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/→/);
    expect(r.stdout).toMatch(/Summary after .*: 3 chargers/);
    for (const id of ['LOAD01', 'LOAD02', 'LOAD03']) {
      expect(r.stdout).toMatch(new RegExp(`${id}\\s+OCPP 1\\.6, accepted`));
      expect(boots(id)).toBeGreaterThan(0);
    }
  });

  it('--script plays operator actions and waits, then stops', async () => {
    writeFileSync(
      dir.file('drive.yaml'),
      ['- action: plugIn', '- action: presentIdToken', '  idToken: CLI-TAG', '- waitFor: { status: Charging, timeout: 60 }', '- wait: 30', '- action: presentIdToken', '  idToken: CLI-TAG', '- action: unplug', '- waitFor: { status: Available }'].join('\n'),
    );
    const before = csms.received.length;
    const r = await runCli(['sim', '--url', csms.url, '--id', 'CLI-S', '--version', '1.6', '--time-scale', '0.02', '--script', dir.file('drive.yaml'), '--quiet']);
    expect(r.stdout, r.stdout).toMatch(/script finished/);
    expect(r.code).toBe(0);
    const mine = csms.received.slice(before).map((x) => x.action);
    expect(mine).toEqual(expect.arrayContaining(['StartTransaction', 'StopTransaction']));
    expect(r.stdout).toMatch(/StartTransaction\s+1\s+0/);
  });

  it('a faulty behaviour the judge sees makes the run exit 1 with the finding in the summary', async () => {
    const r = await runCli(['sim', '--url', csms.url, '--id', 'CLI-F', '--version', '1.6', '--behaviour', 'omits-required-field', '--duration', '1', '--time-scale', '0.01', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/finding schema\.required ×\d+/);
  });
});
