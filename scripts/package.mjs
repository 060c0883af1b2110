// `npm run package [-- --e2e] [-- --linux|--mac|--win] [-- --dir]`: builds the app and its
// installers with electron-builder (config: build/electron-builder.config.mjs, output:
// out/packages/). It downloads Electron for the target platform from GitHub, so it needs
// network access (or a filled electron cache, ~/.cache/electron).
//   --e2e   the build Playwright can drive: keeps the inspector fuse on (see the config)
//   --dir   an unpacked app folder only, no installer (quicker)
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const rest = args.filter((a) => a !== '--e2e');

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const platform = rest.some((a) => ['--linux', '--mac', '--win', '-l', '-m', '-w'].includes(a)) ? [] : [{ linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform] ?? '--linux'];
const target = rest.includes('--dir') ? ['--dir'] : [];
const passOn = rest.filter((a) => a !== '--dir');
const result = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['electron-builder', '--config', 'build/electron-builder.config.mjs', '--publish', 'never', ...platform, ...target, ...passOn],
  { stdio: 'inherit', env: { ...process.env, ...(e2e ? { OCPP_BENCH_E2E_PACKAGE: '1' } : {}) } },
);
if (result.status !== 0) {
  process.stderr.write('\nnpm run package: electron-builder failed. It needs network access to download Electron (github.com) unless ~/.cache/electron holds it.\n');
}
process.exit(result.status ?? 1);
