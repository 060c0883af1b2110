// `ocpp-bench proxy` as a user runs it (the built bin, `npm run build` first): arguments,
// terminal lines, a clean stop on SIGTERM, and a capture that survives kill -9.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, writeFileSync } from 'node:fs';
import type { CaptureRecord } from '../../engine/capture/format';
import { readCapture } from '../../engine/capture/reader';
import { rpcClient, type RpcClient } from '../../engine/testing/ocpp-rpc';
import { tempDir } from '../../engine/testing/tmp';
import { rpcCsms, runCleanups, until, type Cleanup } from '../../engine/proxy/testing';
import { BIN, runCli } from '../testing/run-cli';

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));
let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('ocpp-bench-cli-proxy-');
});
afterAll(() => dir.remove());

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'proxy', '--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = await until(() => /listening on (\S+)/.exec(stdout)?.[1], 10_000, `the proxy's URL (stderr: ${stderr})`);
  return { child, url, stdout: () => stdout, stderr: () => stderr, exited };
}

function charger(url: string, identity: string): RpcClient {
  const client = rpcClient({ endpoint: url, identity, protocols: ['ocpp1.6'] });
  cleanups.push(() => client.close({ force: true }));
  return client;
}

async function records(path: string): Promise<{ records: CaptureRecord[]; warnings: string[] }> {
  const out: CaptureRecord[] = [];
  const warnings: string[] = [];
  for await (const { record } of readCapture(path, { onWarning: (w) => warnings.push(w.message) })) out.push(record);
  return { records: out, warnings };
}

describe('ocpp-bench proxy arguments', () => {
  it('exits 2 on bad arguments and names unreadable files', async () => {
    const bad = await runCli(['proxy', '--listen', 'nowhere', '--upstream', 'ws://127.0.0.1:1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be HOST:PORT');
    const noUpstream = await runCli(['proxy', '--listen', '127.0.0.1:0']);
    expect(noUpstream.code).toBe(2);
    expect(noUpstream.stderr).toContain("required option '--upstream <url>'");
    const halfTls = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', 'ws://127.0.0.1:1', '--tls-cert', 'x.pem']);
    expect(halfTls.code).toBe(2);
    expect(halfTls.stderr).toContain('--tls-cert and --tls-key go together');
    const missing = dir.file('missing-cert.pem');
    const unreadable = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', 'ws://127.0.0.1:1', '--tls-cert', missing, '--tls-key', missing]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`TLS certificate (--tls-cert) file ${missing}`);
    writeFileSync(dir.file('bad-rules.yaml'), '- effect: { type: warp }\n');
    const rules = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', 'ws://127.0.0.1:1', '--rules', dir.file('bad-rules.yaml')]);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain(`${dir.file('bad-rules.yaml')}: rule 1: effect.type must be one of`);
    const full = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', 'ws://127.0.0.1:1', '--capture', '/dev/full']);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('Cannot record to /dev/full');
  });
});

describe('ocpp-bench proxy running', () => {
  it('prints the URL, each rule, a line per frame, and stops cleanly on SIGTERM with a complete capture', async () => {
    const csms = await rpcCsms('1.6', cleanups, {
      setup: (c) => {
        c.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
        c.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
      },
    });
    const capture = dir.file('sigterm.jsonl');
    writeFileSync(dir.file('rules.yaml'), 'rules:\n  - id: dup-hb\n    match: { action: Heartbeat, messageType: CALL }\n    effect: { type: duplicate }\n    count: 1\n');
    const cli = await startCli(['--upstream', csms.url, '--capture', capture, '--rules', dir.file('rules.yaml')]);
    expect(cli.stdout()).toContain('rule dup-hb: Sends Heartbeat CALLs in either direction twice, at most once.');
    expect(cli.stdout()).toContain(`recording to ${capture} (credentials redacted)`);
    const cp = charger(cli.url, 'CP-CLI');
    await cp.connect();
    await cp.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    // The CSMS gets the same Heartbeat twice; which of its two answers reaches the charger
    // first depends on timing (the second may be "already processing"), so accept either.
    await cp.call('Heartbeat', {}).catch(() => undefined);
    const frameLines = () => cli.stdout().split('\n').filter((l) => /[→←] CALL/.test(l)).length;
    await until(() => frameLines() >= 6, 5000, 'six frame lines');
    const lines = cli.stdout().split('\n');
    expect(lines.find((l) => l.includes('CP-CLI') && l.includes('connected'))).toContain('(ocpp1.6)');
    expect(lines.find((l) => /→ CALL\s+BootNotification/.test(l))).toMatch(/CP-CLI .* 0 findings$/);
    expect(lines.find((l) => /← CALLRESULT\s+BootNotification/.test(l))).toMatch(/\d+\.\d ms +0 findings$/);
    expect(lines.filter((l) => /→ CALL\s+Heartbeat/.test(l))).toHaveLength(2);
    expect(lines.find((l) => l.includes('[duplicated]'))).toBeDefined();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain(`capture ${capture} is complete`);
    const { records: recs, warnings } = await records(capture);
    expect(warnings).toEqual([]);
    // Boot and its answer, the Heartbeat, its copy, and the CSMS's answers to both.
    expect(recs.filter((r) => r.type === 'frame')).toHaveLength(6);
    expect(recs.at(-1)).toMatchObject({ type: 'close', by: 'bench', how: 'clean', code: 1001 });
  });

  it('kill -9 while recording: the capture opens and holds every frame up to the last flush', async () => {
    const csms = await rpcCsms('1.6', cleanups, { setup: (c) => c.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() })) });
    const capture = dir.file('killed.jsonl');
    const cli = await startCli(['--upstream', csms.url, '--capture', capture, '--quiet']);
    const cp = charger(cli.url, 'CP-KILL');
    await cp.connect();
    const sent: string[] = [];
    cp.on('message', (...args: unknown[]) => sent.push(String((args[0] as { message: string }).message)));
    for (let i = 0; i < 20; i++) await cp.call('Heartbeat', {});
    // Longer than the flush interval (≤ 100 ms): all of these are on disk now.
    await new Promise((r) => setTimeout(r, 300));
    const flushed = sent.length;
    // Keep traffic flowing while the process dies.
    const more = (async () => {
      for (let i = 0; i < 200; i++) await cp.call('Heartbeat', {}).catch(() => undefined);
    })();
    await until(() => sent.length > flushed + 20);
    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    await more;
    const { records: recs } = await records(capture);
    const texts = recs.filter((r): r is Extract<CaptureRecord, { type: 'frame' }> => r.type === 'frame').map((f) => f.text);
    expect(recs.find((r) => r.type === 'open')).toMatchObject({ chargePointId: 'CP-KILL' });
    expect(texts.length).toBeGreaterThanOrEqual(flushed);
    // What is there is exactly the start of what crossed, in order: nothing lost before the last flush.
    expect(texts).toEqual(sent.slice(0, texts.length));
  });

  it('stops loudly and exits 1 when the capture can no longer be written', async () => {
    const csms = await rpcCsms('1.6', cleanups, { setup: (c) => c.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() })) });
    // A capture "file" that is a pipe whose reader goes away after the header: the next write fails (EPIPE).
    const fifo = dir.file('capture.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = createReadStream(fifo);
    const readerGone = new Promise<void>((r) => reader.once('close', () => r()));
    reader.once('data', () => reader.destroy());
    const cli = await startCli(['--upstream', csms.url, '--capture', fifo, '--quiet']);
    await readerGone;
    const cp = charger(cli.url, 'CP-PIPE');
    const closed = new Promise<unknown>((r) => cp.on('close', (...args: unknown[]) => r(args[0])));
    await cp.connect();
    await cp.call('Heartbeat', {}).catch(() => undefined);
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    expect(cli.stderr()).toMatch(/RECORDING FAILED\. Recording to .*capture\.fifo failed: .*The proxy stopped: no traffic passes unrecorded\./);
    expect(await closed).toMatchObject({ code: 1011 });
  });
});
