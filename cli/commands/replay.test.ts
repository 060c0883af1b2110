// `ocpp-bench replay`, `diff` and `import` as a user runs them (the built bin: `npm run
// build` first): exit codes 0 (match / equal / all read), 1 (differs / some stream
// unreadable), 2 (bad input), and what they print.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDiff, ReplayResult } from '../../api/replay';
import { CLIENT_HELLO, Conversation, LINKTYPE, pcapFile, upgradeRequest, upgradeResponse, wsFrame } from '../../engine/capture/import/testing';
import { until } from '../../engine/csms/testing';
import { benchCsms, recordChargingSession, simulator, type Recorded } from '../../engine/replay/testing';
import { tempDir } from '../../engine/testing/tmp';
import { BIN, runCli } from '../testing/run-cli';

const tmp = tempDir('cli-replay-');
let charging: Recorded;
let commands: Recorded;
beforeAll(async () => {
  charging = await recordChargingSession(tmp.file('charging.jsonl'), '1.6');
  commands = await recordChargingSession(
    tmp.file('commands.jsonl'),
    '1.6',
    async (csms) => {
      await csms.send('CLI-CMD', 'GetConfiguration', { key: ['HeartbeatInterval'] });
      await csms.send('CLI-CMD', 'ChangeConfiguration', { key: 'NoSuchKey', value: '1' });
    },
    { charge: false, chargePointId: 'CLI-CMD' },
  );
});
afterAll(() => tmp.remove());

describe('ocpp-bench replay', () => {
  it('exit 0 against a CSMS that answers as recorded, with a line per exchange and an HTML report', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Accepted' } });
    try {
      const report = tmp.file('report.html');
      const r = await runCli(['replay', charging.path, '--as', 'charger', '--target', url, '--timing', 'fast', '--report', report]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/#1\s+bench → BootNotification\s+match/);
      expect(r.stdout).toContain(`MATCH: all`);
      const html = readFileSync(report, 'utf8');
      expect(html).toContain('Replay of REC-1.6 as the charger');
      expect(html).toContain("Content-Security-Policy");
    } finally {
      await csms.stop();
    }
  });

  it('exit 1 against a CSMS that answers otherwise, naming the path, recorded against live; --json gives the result', async () => {
    const { csms, url } = await benchCsms({ idTokens: { CARD: 'Invalid' } });
    try {
      const r = await runCli(['replay', charging.path, '--as', 'charger', '--target', url, '--timing', 'fixed:1']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/bench → Authorize\s+differs\n\s+response \/idTagInfo\/status: "Accepted" → "Invalid"/);
      expect(r.stdout).toMatch(/DIFFERS: \d+ differ/);
      const json = await runCli(['replay', charging.path, '--as', 'charger', '--target', url, '--timing', 'fast', '--json']);
      expect(json.code).toBe(1);
      const result = JSON.parse(json.stdout) as ReplayResult;
      expect(result.verdict).toBe('differs');
      expect(result.exchanges.find((e) => e.action === 'Authorize')!.changes).toEqual([{ part: 'response', path: '/idTagInfo/status', change: 'changed', recorded: 'Accepted', live: 'Invalid' }]);
    } finally {
      await csms.stop();
    }
  });

  it('--as csms listens, prints its URL, and plays the CSMS against the simulator (exit 0)', async () => {
    const child = spawn(process.execPath, [BIN, 'replay', commands.path, '--as', 'csms', '--listen', '127.0.0.1:0', '--timing', 'fast', '--peer-wait', '3000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await until(() => /listening on (ws:\/\/\S+)/.exec(stdout)?.[1], 10_000, `the URL (stderr: ${stderr})`);
    const cp = simulator({ id: 'CLI-CMD', version: '1.6', url: `${url}/ocpp` });
    try {
      expect(await exited).toBe(0);
    } finally {
      await cp.stop();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(stdout).toMatch(/bench ← ChangeConfiguration\s+match/);
    expect(stdout).toMatch(/peer {2}→ BootNotification\s+match/);
  });

  it('exit 2 on bad input: unreplayable session, bad options, unreadable file; --check says why', async () => {
    const noCalls = await runCli(['replay', charging.path, '--as', 'csms', '--listen', '127.0.0.1:0']);
    expect(noCalls.code).toBe(2);
    expect(noCalls.stderr).toContain('the CSMS sent no CALL');
    const check = await runCli(['replay', charging.path, '--as', 'csms', '--check']);
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('cannot be replayed as the csms');
    expect((await runCli(['replay', charging.path, '--as', 'charger', '--check'])).code).toBe(0);
    const timing = await runCli(['replay', charging.path, '--as', 'charger', '--target', 'ws://127.0.0.1:1', '--timing', 'slow']);
    expect(timing.code).toBe(2);
    expect(timing.stderr).toContain('must be recorded, fast or fixed:MS');
    expect((await runCli(['replay', charging.path, '--as', 'charger'])).stderr).toContain('--target');
    expect((await runCli(['replay', charging.path, '--as', 'charger', '--listen', '127.0.0.1:0'])).code).toBe(2);
    const missing = await runCli(['replay', tmp.file('nope.jsonl'), '--as', 'charger', '--target', 'ws://127.0.0.1:1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('exit 1 with the reason when the CSMS cannot be reached', async () => {
    const r = await runCli(['replay', charging.path, '--as', 'charger', '--target', 'ws://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILED: ws://127.0.0.1:1/ocpp/REC-1.6 refused the connection');
  });
});

describe('ocpp-bench diff', () => {
  it('exit 0 for a capture against itself, 1 against one that differs, 2 for an unreadable one', async () => {
    const same = await runCli(['diff', charging.path, charging.path]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No differences');
    // The same capture with the CSMS's answer to Authorize changed.
    const records = readFileSync(charging.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string });
    const authorizeId = (JSON.parse(records.find((r) => r.text?.includes('"Authorize"'))!.text!) as unknown[])[1];
    const answer = records.find((r) => r.text?.startsWith(`[3,${JSON.stringify(authorizeId)},`))!;
    answer.text = answer.text!.replace('"Accepted"', '"Blocked"');
    const other = tmp.file('changed.jsonl');
    writeFileSync(other, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const differs = await runCli(['diff', charging.path, other]);
    expect(differs.code).toBe(1);
    expect(differs.stdout).toMatch(/~ CP → CSMS Authorize {2}A #\d+\/#\d+ ↔ B #\d+\/#\d+\n\s+response \/idTagInfo\/status: "Accepted" → "Blocked"/);
    const json = await runCli(['diff', charging.path, other, '--json', '--also-volatile', '/idTagInfo/status']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as CaptureDiff).equal).toBe(true);
    const bad = await runCli(['diff', charging.path, tmp.file('nope.jsonl')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no such file');
  });
});

describe('ocpp-bench import', () => {
  const boot = '[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]';
  const ws = () => {
    const c = new Conversation({ ip: '10.1.1.2', port: 50000 }, { ip: '10.1.1.1', port: 9000 }).handshake(1_700_000_000_000);
    c.send('client', upgradeRequest('/ocpp/IMP1', ['ocpp1.6']), 1_700_000_000_001).send('server', upgradeResponse('ocpp1.6'), 1_700_000_000_002);
    c.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), 1_700_000_000_010);
    return c.packets;
  };

  it('exit 0 when everything was read, 1 when a stream was TLS, 2 for a file that is no capture', async () => {
    const ok = tmp.file('ok.pcap');
    writeFileSync(ok, pcapFile(ws(), { linkType: LINKTYPE.ethernet }));
    const good = await runCli(['import', ok, '-o', tmp.file('ok.jsonl')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('1 connection, 1 frames');
    expect(readFileSync(tmp.file('ok.jsonl'), 'utf8')).toContain(JSON.stringify(boot));
    const tls = new Conversation({ ip: '10.1.1.3', port: 50001 }, { ip: '10.1.1.1', port: 443 }).handshake(1_700_000_000_000).send('client', CLIENT_HELLO, 1_700_000_000_001);
    const mixed = tmp.file('mixed.pcap');
    writeFileSync(mixed, pcapFile([...ws(), ...tls.packets].sort((a, b) => a.time - b.time), { linkType: LINKTYPE.ethernet }));
    const partial = await runCli(['import', mixed, '-o', tmp.file('mixed.jsonl')]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('error: 10.1.1.3:50001 → 10.1.1.1:443: TLS');
    expect(partial.stdout).toContain('1 connection, 1 frames');
    const junk = tmp.file('junk.pcap');
    writeFileSync(junk, 'not a capture');
    const bad = await runCli(['import', junk, '-o', tmp.file('junk.jsonl')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a HAR, pcap or pcapng file');
  });
});
