// `npm run bench -- NAME [args]`: bundles bench/NAME.ts (or bench/NAME/index.ts) with
// esbuild and runs it in a fresh Node process, so figures are not skewed by a loader.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync('bench')
  .filter((f) => (f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')) || existsSync(`bench/${f}/index.ts`))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((f) => f !== 'tsconfig.json');
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [args]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const entry = existsSync(`bench/${name}.ts`) ? `bench/${name}.ts` : `bench/${name}/index.ts`;
mkdirSync('.tmp', { recursive: true });
const outfile = `.tmp/bench-${name}.mjs`;
const options = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning' };
await build({ ...options, entryPoints: [entry], outfile });
// The engine opens big captures with worker threads from load-worker.mjs beside its bundle.
await build({ ...options, entryPoints: ['engine/traffic/load-worker.ts'], outfile: '.tmp/load-worker.mjs' });
const result = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
