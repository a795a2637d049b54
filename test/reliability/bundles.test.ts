// Nothing from a workspace is ever executed: the shipped bundles contain no eval, no Function
// constructor and no require/import of a computed module name.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

// dist/cli.js is also the batch worker's script (it re-enters itself in a worker thread).
const BUNDLES = ['dist/cli.js', 'dist/extension.cjs', 'dist/web/extension.js', 'bin/bizlang.js', 'media/report.js', 'dist/remark.js', 'dist/retext.js', 'dist/node/lsp.js', 'bin/bizlang-language-server.js'];
const FORBIDDEN: Array<[string, RegExp]> = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor call', /(?<![.\w])Function\s*\(\s*["'`]/],
  ['dynamic require', /\brequire\s*\(\s*[^'"`\s)]/],
  ['dynamic import', /\bimport\s*\(\s*[^'"`\s)]/],
];

describe('shipped bundles', () => {
  beforeAll(() => {
    // `npm install`/`npm ci` build them (prepare); build here only when one is missing.
    if (BUNDLES.some((f) => !existsSync(f))) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'pipe' });
  }, 120_000);

  it.each(BUNDLES)('should not evaluate code or load computed modules in %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const found = FORBIDDEN.filter(([, re]) => re.test(text)).map(([name, re]) => `${name}: …${text.slice(Math.max(0, text.search(re) - 40), text.search(re) + 40)}…`);
    expect(found).toEqual([]);
  });
});
