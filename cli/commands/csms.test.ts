// `ocpp-bench csms` end to end: the built command, a charger connecting to it, the summary
// after --duration, --script, exit codes; and the interactive prompt's line interpreter.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Engine } from '../../engine/engine';
import { ownCharger } from '../../engine/csms/testing';
import { tempDir } from '../../engine/testing/tmp';
import { BIN, runCli } from '../testing/run-cli';
import { interpretLine, parseLine } from './csms-prompt';

const dir = tempDir();
afterAll(() => dir.remove());
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Running {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the built CLI and resolves its URL from the first line it prints. */
function startCli(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, 'csms', '--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let resolveUrl: (u: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (resolveUrl = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    const m = /listening on (ws\S+)/.exec(stdout);
    if (m !== null) resolveUrl(m[1]!);
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  cleanups.push(() => {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, url, exit };
}

describe('ocpp-bench csms', () => {
  it('serves chargers, prints a line per frame, records, and prints the summary after --duration', async () => {
    const capture = dir.file('cli-csms.jsonl');
    const config = dir.file('cli-csms.yaml');
    writeFileSync(config, 'boot: { interval: 30 }\nidTokens: { CARD: Accepted }\n');
    const cli = startCli(['--duration', '2.5', '--capture', capture, '--config', config]);
    const cp = await ownCharger(await cli.url, 'CLI-CP', '1.6');
    cleanups.push(() => cp.close());
    expect(await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject({ payload: { interval: 30 } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'CARD' })).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });
    await cp.endpoint.call('Heartbeat', {});
    const r = await cli.exit;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CLI-CP\s+connected with ocpp1\.6/);
    expect(r.stdout).toMatch(/CLI-CP\s+→ CALL\s+BootNotification\s+\[2,/);
    expect(r.stdout).toMatch(/CLI-CP\s+← CALLRESULT\s+Authorize\s+\[3,"[^"]+",\{"idTagInfo":\{"status":"Accepted"\}\}\]/);
    expect(r.stdout).toContain('Stopped: 2.5 s elapsed.');
    expect(r.stdout).toMatch(/CLI-CP {2}OCPP 1\.6, boot Accepted, 1 connection, 3 CALLs received, 0 sent, 0 transactions \(0 running\), no findings/);
    expect(r.stdout).toMatch(/ {2}BootNotification\s+1\s+0/);
    const records = readFileSync(capture, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(records.filter((x) => x.type === 'frame')).toHaveLength(6);
  });

  it('runs a --script against a charger and stops when it ends; a failed expectation exits 1', async () => {
    const script = dir.file('script.yaml');
    writeFileSync(
      script,
      ['- waitFor: { chargePointId: SCRIPT-CP, booted: true, timeout: 10 }', '- send: { to: SCRIPT-CP, action: Reset, payload: { type: Soft }, expect: { status: Accepted } }', '- state: SCRIPT-CP'].join('\n'),
    );
    const cli = startCli(['--quiet', '--script', script]);
    const cp = await ownCharger(await cli.url, 'SCRIPT-CP', '1.6');
    cleanups.push(() => cp.close());
    await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    const r = await cli.exit;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/script 2\/3 ok: send Reset to SCRIPT-CP \{"type":"Soft"\}, expecting \{"status":"Accepted"\}: \{"status":"Accepted"\}/);
    expect(r.stdout).toContain('Stopped: the script finished.');
    expect(r.stdout).not.toMatch(/→ CALL/);
    expect(cp.calls.map((c) => c.action)).toEqual(['Reset']);

    const failing = dir.file('failing.yaml');
    writeFileSync(failing, '- waitFor: { chargePointId: NOBODY, timeout: 0.2 }\n- note: not reached\n');
    const f = await runCli(['csms', '--listen', '127.0.0.1:0', '--quiet', '--script', failing]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain('script 1/2 FAILED: wait up to 0.2 s for NOBODY to connect: NOBODY did not connect within 0.2 s');
    expect(f.stdout).not.toContain('not reached');
  });

  it('exits 1 when a charger sends a frame with an error finding', async () => {
    const cli = startCli(['--duration', '2', '--quiet']);
    const cp = await ownCharger(await cli.url, 'SLOPPY', '2.0.1');
    cleanups.push(() => cp.close());
    await cp.endpoint.call('Heartbeat', { unexpected: true }, { allowInvalid: true });
    const r = await cli.exit;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/SLOPPY {2}OCPP 2\.0\.1, .*1 error/);
    expect(r.stdout).toContain('finding schema.additionalProperties ×1');
  });

  it('refuses bad arguments with exit 2 and a clear message', async () => {
    const badScript = dir.file('bad-script.yaml');
    writeFileSync(badScript, '- send: { action: Reset }\n');
    const cases: Array<[string[], RegExp]> = [
      [['csms'], /required option '--listen/],
      [['csms', '--listen', 'localhost'], /must be HOST:PORT/],
      [['csms', '--listen', '127.0.0.1:0', '--duration', '-3'], /positive number of seconds/],
      [['csms', '--listen', '127.0.0.1:0', '--tls-cert', 'c.pem'], /--tls-cert and --tls-key go together/],
      [['csms', '--listen', '127.0.0.1:0', '--script', badScript], /step 1 \(send\): "to" must be a non-empty string/],
      [['csms', '--listen', '127.0.0.1:0', '--config', dir.file('missing.yaml')], /Cannot read the CSMS config/],
      [['csms', '--listen', '127.0.0.1:0', '--behaviour', 'rejects-boot+grumpy'], /no faulty behaviour "grumpy"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('the interactive prompt', () => {
  it('parses lines into steps and prompt commands', () => {
    expect(parseLine('send CP1 Reset {"type": "Soft"}')).toEqual({ kind: 'send', chargePointId: 'CP1', action: 'Reset', payload: { type: 'Soft' }, allowInvalid: false });
    expect(parseLine('send! CP1 Reset {}')).toMatchObject({ allowInvalid: true, payload: {} });
    expect(parseLine('respond Heartbeat {"mode":"error","code":"InternalError"} for CP1')).toEqual({
      kind: 'respond',
      action: 'Heartbeat',
      chargePointId: 'CP1',
      responder: { mode: 'error', code: 'InternalError' },
    });
    expect(parseLine('respond Heartbeat default')).toEqual({ kind: 'respond', action: 'Heartbeat', responder: null });
    expect(parseLine('waitFor CP1 booted')).toEqual({ kind: 'waitFor', chargePointId: 'CP1', booted: true, timeoutSeconds: 60 });
    expect(parseLine('   ')).toBeUndefined();
    expect(() => parseLine('send CP1 Reset {oops')).toThrow(/The payload is not valid JSON/);
    expect(() => parseLine('dance')).toThrow(/Unknown command "dance"/);
  });

  it('runs commands against a CSMS: send, state, chargers, template, help', async () => {
    const engine = new Engine({ eventBatchMs: 10 });
    cleanups.push(() => engine.close());
    const { id, url } = await engine.call('csms.start', { listen: '127.0.0.1:0' });
    const cp = await ownCharger(url, 'TTY-CP', '2.0.1');
    cleanups.push(() => cp.close());
    await cp.endpoint.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } });
    const printed: string[] = [];
    const ctx = { client: engine, csmsId: id, print: (l: string) => printed.push(l) };
    await interpretLine('send TTY-CP Reset {"type":"Immediate"}', ctx);
    expect(printed.at(-1)).toMatch(/^ok: send Reset to TTY-CP \{"type":"Immediate"\}: \{"status":"Accepted"\}/);
    await interpretLine('send TTY-CP Reset {"type":"Later"}', ctx);
    expect(printed.at(-1)).toMatch(/^failed: .*\/type.*Immediate, OnIdle/);
    await interpretLine('chargers', ctx);
    expect(printed.at(-1)).toBe('TTY-CP  2.0.1  connected  boot Accepted  0 transaction(s) running');
    await interpretLine('template TTY-CP UnlockConnector', ctx);
    expect(JSON.parse(printed.at(-1)!)).toEqual({ evseId: 0, connectorId: 0 });
    await interpretLine('state TTY-CP', ctx);
    expect(JSON.parse(printed.at(-1)!)).toMatchObject({ chargePointId: 'TTY-CP', stats: { sent: { Reset: 1 } } });
    await interpretLine('help', ctx);
    expect(printed.at(-1)).toContain('send CP ACTION [JSON]');
    expect(await interpretLine('quit', ctx)).toBe('quit');
  });
});
