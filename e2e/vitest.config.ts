// The end-to-end suite (`npm run test:e2e`, part of `npm test`): the built app driven through
// Debian's Chromium in browser mode, and through Electron where its binary exists. Each test
// starts its own `ocpp-bench serve` (port from the OS, own data folder); see e2e/README.md.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A Chromium per file; more in parallel than cores only makes each slower.
    maxWorkers: 4,
    globalSetup: ['e2e/fixtures/global-setup.ts'],
  },
});
