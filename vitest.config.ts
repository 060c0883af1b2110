import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{api,engine,cli,electron,renderer,testcases,bench}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
