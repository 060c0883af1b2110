import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { tempDir } from '../../engine/testing/tmp';
import { BIN } from '../testing/run-cli';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no output from serve within 10 s: ${out} ${err}`)), 10_000);
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

test('ocpp-bench serve prints a working URL with a token, and stops on SIGTERM', async () => {
  const data = tempDir();
  try {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--data-dir', data.file('data')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const info = JSON.parse(await firstLine(child)) as { url: string; apiUrl: string; port: number; token: string; dataDir: string };
    expect(info.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${info.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(info.dataDir).toBe(data.file('data'));
    expect((await fetch(info.url.replace(/\?token=.*/, ''))).status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    data.remove();
  }
});

test('ocpp-bench serve refuses a bad port', async () => {
  const { runCli } = await import('../testing/run-cli');
  const result = await runCli(['serve', '--port', 'http']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--port');
});
