import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { isCompiled } from './scripts/compiled.mjs';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one fewer than the cores: a single file at a time on a 2-core machine. Most files
    // wait on SQLite files, child processes and threads, so two at a time finish the suite far sooner.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 120_000, // tests that start the real CLI are slow on a busy 2-core machine
    hookTimeout: 30_000,
    // Worker threads start from dist/ when it was compiled from these very sources (npm test compiles it
    // first): from TypeScript each thread start costs seconds of tsx compiling. Otherwise from source.
    env: { PENDOPO_DIST_WORKERS: isCompiled() ? '1' : '0' },
  },
});
