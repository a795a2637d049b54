// Bundles the CLI (and, when present, the VS Code extension) with esbuild.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const common = { bundle: true, sourcemap: false, legalComments: 'none', logLevel: 'warning', target: 'node20' };

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  format: 'esm',
  banner: { js: "import { createRequire as __bizCreateRequire } from 'node:module'; const require = __bizCreateRequire(import.meta.url);" },
});

if (existsSync('scripts/build-extension.mjs')) {
  await import('./build-extension.mjs');
}
