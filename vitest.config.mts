import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    // Request logs from the code under test would bury the test output; LOG_LEVEL=info shows them.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    // Two cores on CI: more workers only contend for CPU and make the judge's timings noisy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['tests/setup/global-postgres.ts'],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/judge/fixtures/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Browser tests against the real stack (production build, `next start`, a judge worker),
        // which tests/e2e/setup/global-stack.ts boots once for all files; the files run one at a
        // time because they share that server.
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['tests/setup/global-postgres.ts', 'tests/e2e/setup/global-stack.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
