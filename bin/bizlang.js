#!/usr/bin/env node
// The `bizlang` command. `--version` is answered here from package.json, without loading the
// bundled analyzer; everything else runs the bundled CLI (dist/cli.js).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  import('../dist/cli.js').then(
    (cli) => cli.main(),
    (error) => {
      if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
        console.error('bizlang: dist/cli.js is missing; run `npm run build` (npm install does it).');
        process.exitCode = 2;
        return;
      }
      throw error;
    },
  );
}
