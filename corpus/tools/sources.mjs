#!/usr/bin/env node
// Writes corpus/SOURCES.md from corpus/licences.json (the licence of each source repository and
// where it was read) and the corpus rows (how many sentences each repository gives), and sets
// every row's `license` to its repository's SPDX id. Fails on a repository with no licence entry.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT, repoOf } from './lib.mjs';

const licences = JSON.parse(readFileSync(join(ROOT, 'corpus', 'licences.json'), 'utf8'));
const counts = new Map();
const missing = new Set();
for (const name of readdirSync(CORPUS, { recursive: true }).filter((n) => String(n).endsWith('.jsonl')).sort()) {
  const file = join(CORPUS, String(name));
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const r of rows) {
    const repo = repoOf(r);
    const entry = licences[repo];
    if (!entry) {
      missing.add(repo);
      continue;
    }
    r.license = entry.spdx;
    const c = counts.get(repo) ?? { en: 0, zh: 0 };
    c[r.lang]++;
    counts.set(repo, c);
  }
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
if (missing.size) {
  console.error(`no licence entry in corpus/licences.json for: ${[...missing].join(', ')}`);
  process.exit(1);
}
const lines = [
  '# Sources of the corpus',
  '',
  'Every sentence in `corpus/data/` is quoted from a public repository under a permissive or Creative',
  'Commons licence (no NC/ND, no copyleft code licences). The licence was read from the file named',
  'below; rows from repositories with no licence, or a non-permissive one, were removed (see',
  '`corpus/README.md`). Rows keep the licence of their source: CC-BY-SA rows stay CC-BY-SA.',
  '',
  '| repository | licence | en | zh | where the licence was read |',
  '|---|---|---|---|---|',
];
for (const [repo, c] of [...counts].sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()))) {
  const e = licences[repo];
  lines.push(`| ${repo} | ${e.spdx} | ${c.en || ''} | ${c.zh || ''} | ${String(e.evidence).replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`);
}
writeFileSync(join(ROOT, 'corpus', 'SOURCES.md'), lines.join('\n') + '\n');
console.log(`corpus/SOURCES.md: ${counts.size} repositories`);
