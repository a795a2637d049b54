// Bundles the CLI (and, when present, the VS Code extension) with esbuild.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

mkdirSync('dist', { recursive: true });
const common = { bundle: true, sourcemap: false, legalComments: 'none', logLevel: 'warning', target: 'node20' };

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  format: 'esm',
  banner: { js: "import { createRequire as __bizCreateRequire } from 'node:module'; const require = __bizCreateRequire(import.meta.url);" },
  // The language server is its own bundle, imported only by `bizlang lsp`.
  external: ['./node/lsp.js'],
});

// The sentence networks' data stays out of the bundles (every thread that loads one would hold
// it): the files beside them are read where sentences are judged (src/node/networks.ts,
// src/vscode/networks.ts). A model without networks leaves none.
for (const lang of ['en', 'zh']) {
  const from = `src/core/data/net-${lang}.bin`;
  if (existsSync(from)) copyFileSync(from, `dist/net-${lang}.bin`);
  else rmSync(`dist/net-${lang}.bin`, { force: true });
}

// `bizlang lsp` / `bizlang-language-server`: unified-language-server and remark stay in node_modules.
await build({ ...common, entryPoints: ['src/node/lsp.ts'], outfile: 'dist/node/lsp.js', platform: 'node', format: 'esm', packages: 'external' });

// The unified plugins (`bizlang/remark`, `bizlang/retext`): the core bundled in, no dependencies.
await build({ ...common, entryPoints: { remark: 'src/unified/remark.ts', retext: 'src/unified/retext.ts' }, outdir: 'dist', platform: 'neutral', mainFields: ['module', 'main'], format: 'esm' });

// Their types (dist/types/unified/*.d.ts), from the sources, where TypeScript is installed.
const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  tsc = undefined;
}
if (tsc) {
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`type declarations failed:\n${r.stdout}${r.stderr}`);
}

if (existsSync('scripts/build-extension.mjs')) {
  await import('./build-extension.mjs');
}
