import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    globalSetup: ['tests/setup/global-postgres.ts'],
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/judge/fixtures/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores on CI: more workers only contend for CPU and make the judge's timings noisy.
    maxWorkers: 2,
  },
});
