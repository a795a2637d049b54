// `npm test`: every test file; the judgment runs on the rules-verdict fixture model unless a test
// loads the shipped one (test/setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
  },
});
