// `npm run build [-- PART...]`: bundles what each front end runs.
//   cli       cli/main.ts → dist/cli.mjs (esbuild; run by `npm install` via prepare)
//   electron  electron/main.ts → dist/electron/main.mjs, electron/preload.ts → dist/electron/preload.cjs
// Beside each engine bundle: load-worker.mjs, the worker thread that opens big captures
// (the engine looks for it next to the bundle it runs from).
//   renderer  renderer/ → dist/renderer (Vite)
// No part named: all of them.
import { build } from 'esbuild';

const PARTS = ['cli', 'electron', 'renderer'];
const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !PARTS.includes(p));
if (unknown.length > 0) {
  console.error(`build: unknown part ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  process.exit(2);
}
const parts = asked.length > 0 ? asked : PARTS;

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

if (parts.includes('cli')) {
  await build({ ...node, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.mjs' });
  await build({ ...node, entryPoints: ['engine/traffic/load-worker.ts'], outfile: 'dist/load-worker.mjs' });
}

if (parts.includes('electron')) {
  // The main process imports the engine and its dependencies from node_modules (packaged
  // with the app); 'electron' is provided by the runtime.
  await build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', target: 'node22', external: ['electron'] });
  await build({ ...node, entryPoints: ['engine/traffic/load-worker.ts'], outfile: 'dist/electron/load-worker.mjs', target: 'node22' });
  // A sandboxed preload may require only 'electron' (and no ESM): one self-contained CommonJS file.
  await build({
    ...node,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    target: 'node22',
    packages: undefined,
    external: ['electron'],
  });
}

if (parts.includes('renderer')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
