import { defineConfig } from 'vitest/config';

// Real-browser tests: one browser at a time, since the machine has two cores and each browser wants both.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
