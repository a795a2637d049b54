#!/usr/bin/env node
// Does `npm run eval`'s decision path (featurize → predictRows → decideLevels) flag the same
// corpus rows as the shipped CLI does on the same rows fed as bare paragraphs? Research check.
//   node corpus/experiments/parity.mjs [--lang en] [--limit N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decideLevels, featurize, loadCore, loadCorpus, predictRows, ROOT, TARGETS } from '../tools/lib.mjs';

const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const core = await loadCore();
const stored = JSON.parse(readFileSync(join(ROOT, 'src/core/data/model.json'), 'utf8'));
const model = core.decodeModel(stored);
const dir = mkdtempSync(join(tmpdir(), 'parity-'));
for (const lang of opt('--lang', 'en,zh').split(',')) {
  const rows = loadCorpus().filter((r) => r.lang === lang).slice(0, Number(opt('--limit', 1e9)));
  const bin = new Uint8Array(readFileSync(join(ROOT, `src/core/data/net-${lang}.bin`)));
  const d = model.data.langs[lang];
  const netData = core.decodeNet(bin);
  const items = featurize(core, rows);
  const preds = predictRows(core, { ...d, net: netData }, items);
  const ths = netData.thresholds;
  const file = join(dir, `${lang}.md`);
  // One row per paragraph, as the independent evaluation feeds them.
  const lines = [];
  const at = [];
  for (const r of rows) {
    at.push(lines.length + 1);
    lines.push(r.text.replace(/\s+/g, ' ').trim(), '');
  }
  writeFileSync(file, lines.join('\n'));
  for (const level of Object.keys(TARGETS)) {
    const out = JSON.parse(execFileSync('node', [join(ROOT, 'bin/bizlang.js'), 'check', file, '--format', 'json', '--sensitivity', level], { maxBuffer: 1 << 28 }).toString());
    const msgs = (out.files ?? out)[0]?.messages ?? out[0]?.messages ?? [];
    const byLine = new Map();
    for (const m of msgs) {
      if (m.ruleId !== 'tech-value' && m.ruleId !== 'unquantified-impact') continue;
      const s = byLine.get(m.line) ?? new Set();
      s.add(m.ruleId);
      byLine.set(m.line, s);
    }
    let same = 0;
    const diff = [];
    rows.forEach((r, i) => {
      const dec = decideLevels(preds[i], ths)[level];
      const cli = byLine.get(at[i]) ?? new Set();
      const ok = dec.tech === cli.has('tech-value') && dec.vague === cli.has('unquantified-impact');
      if (ok) same++;
      else diff.push({ id: r.id, label: r.label, eval: dec, cli: [...cli], text: r.text.slice(0, 140) });
    });
    console.log(`${lang} ${level}: ${same}/${rows.length} rows flagged alike`);
    for (const x of diff.slice(0, 6)) console.log('  ', JSON.stringify(x));
  }
}
