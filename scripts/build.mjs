// Bundles the CLI (and, later, the Electron main and preload) with esbuild.
// Runs from `npm install` (prepare), so a fresh clone has a working `ocpp-bench`.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.mjs' });
