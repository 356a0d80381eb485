import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000, // tests that start the real CLI are slow on a busy 2-core machine
    hookTimeout: 30_000,
  },
});
