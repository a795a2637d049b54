#!/usr/bin/env node
// `bizlang-language-server --stdio`: the same language server as `bizlang lsp --stdio`.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/node/lsp.js', import.meta.url))) {
  process.stderr.write('bizlang-language-server: dist/node/lsp.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
if (!process.argv.includes('--stdio')) {
  process.stderr.write('usage: bizlang-language-server --stdio\n');
  process.exit(2);
}
const { startLanguageServer } = await import('../dist/node/lsp.js');
startLanguageServer();
