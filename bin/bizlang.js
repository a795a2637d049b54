#!/usr/bin/env node
// The `bizlang` command: runs the bundled CLI.
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('bizlang: dist/cli.js is missing; run `npm run build` (npm install does it).');
    process.exit(2);
  }
  throw error;
});
