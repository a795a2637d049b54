// `npm run test:fuzz`: the property-based tests with a few thousand cases per property, and the
// pathological inputs at their full sizes. Seed and runs can be overridden from the environment:
//   BIZLANG_FUZZ_SEED=123 BIZLANG_FUZZ_RUNS=20000 npm run test:fuzz
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts', 'test/core/pathological.test.ts'],
    setupFiles: ['test/setup.ts'],
    env: {
      BIZLANG_FUZZ_RUNS: process.env.BIZLANG_FUZZ_RUNS ?? '3000',
      BIZLANG_FUZZ_FULL: process.env.BIZLANG_FUZZ_FULL ?? '1',
      ...(process.env.BIZLANG_FUZZ_SEED ? { BIZLANG_FUZZ_SEED: process.env.BIZLANG_FUZZ_SEED } : {}),
    },
    // Long runs: no per-test time limit worth the name; each test sets its own where it matters.
    testTimeout: 6 * 60 * 60 * 1000,
    hookTimeout: 10 * 60 * 1000,
  },
});
