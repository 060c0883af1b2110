// `npm start`: builds everything, then launches the desktop app. Where Electron cannot run
// (its binary was never downloaded, or there is no display), it says why and how to fix it,
// and serves the same UI to a browser instead (`ocpp-bench serve --open`).
// `npm start -- --browser` asks for browser mode; other arguments go to `serve` then.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const browser = args.includes('--browser') || process.env.OCPP_BENCH_BROWSER === '1';
const serveArgs = args.filter((a) => a !== '--browser');

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/** The Electron binary, or the reason it cannot be used here. */
function electron() {
  let path;
  try {
    path = createRequire(import.meta.url)('electron');
  } catch {
    return { reason: 'the Electron binary is not installed' };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { reason: 'the Electron binary is not installed' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { path };
}

const found = browser ? { reason: 'browser mode was asked for' } : electron();
if (found.reason === undefined) {
  // Chromium refuses to run as root with its sandbox; the page keeps Electron's own sandbox.
  const extra = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(found.path, ['.', ...extra], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  if (!browser) {
    process.stderr.write(
      `\nOCPP Bench: cannot start the desktop app: ${found.reason}.\n` +
        (found.path === undefined
          ? '  Electron downloads its binary from GitHub when installed; this install skipped it\n' +
            '  (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or npm blocked install scripts). With network access run:\n' +
            '    node node_modules/electron/install.js\n'
          : '  Run it from a desktop session, or under a virtual display: xvfb-run npm start\n') +
        '  Meanwhile, the same UI runs in your browser:\n\n',
    );
  }
  const child = spawn(process.execPath, ['bin/ocpp-bench.mjs', 'serve', '--open', ...serveArgs], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
