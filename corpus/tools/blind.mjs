#!/usr/bin/env node
// Prepares the blind second labeling pass: the corpus's rows without their labels or notes, with
// the sentence before and after (same source file) for the role a sentence plays, in chunks of
// about N rows per language. Writes corpus/agreement/blind/<lang>-<k>.jsonl.
//   node corpus/tools/blind.mjs [--size 350] [--files data/new/en-1.jsonl,...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, ROOT } from './lib.mjs';

const argv = process.argv.slice(2);
const size = Number(argv.includes('--size') ? argv[argv.indexOf('--size') + 1] : 350);
const files = argv.includes('--files') ? argv[argv.indexOf('--files') + 1].split(',').map((f) => `corpus/${f}`) : null;
const prefix = argv.includes('--prefix') ? argv[argv.indexOf('--prefix') + 1] : '';
const rows = loadCorpus().filter((r) => !files || files.includes(r.file));
const out = join(ROOT, 'corpus', 'agreement', 'blind');
mkdirSync(out, { recursive: true });
for (const lang of ['en', 'zh']) {
  const rs = rows.filter((r) => r.lang === lang);
  const blind = rs.map((r, i) => {
    const same = (j) => rs[j] && rs[j].source === r.source ? rs[j].text : null;
    return { id: r.id, lang, text: r.text, source: r.source, section: r.section ?? null, prev: same(i - 1), next: same(i + 1) };
  });
  const chunks = Math.max(1, Math.round(blind.length / size));
  const per = Math.ceil(blind.length / chunks);
  for (let k = 0; k < chunks; k++) {
    const part = blind.slice(k * per, (k + 1) * per);
    const name = `${prefix}${lang}-${k + 1}.jsonl`;
    writeFileSync(join(out, name), part.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(name, part.length);
  }
}
