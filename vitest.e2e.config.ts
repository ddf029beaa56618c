import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // two journeys at a time, one per core: each has its own server, database folder and browser
    fileParallelism: true,
    // one module graph per worker, as in the integration suites (vitest.config.ts)
    isolate: false,
    maxWorkers: 2,
  },
});
