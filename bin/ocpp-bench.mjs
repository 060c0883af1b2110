#!/usr/bin/env node
// The `ocpp-bench` command. The CLI is bundled into dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('ocpp-bench: dist/cli.mjs is missing; run `npm run build` in the ocpp-bench folder.\n');
  process.exit(2);
}
await import(bundle.href);
