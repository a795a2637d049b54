#!/usr/bin/env node
// A reader of the bare sentence: how well can a careful labeler do with what the judgment sees?
// The corpus's labels were given with the document at hand (the section, the sentences around);
// the evaluation, like the independent one, feeds each sentence alone. A blind pass that sees only
// the sentence (corpus/BARE_PASS_BRIEF.md) measures how much of each label the sentence itself
// carries: the ceiling for any judgment of a bare paragraph on these labels.
//   node corpus/tools/bare.mjs --draw 400   seeded random rows per language (natural class mix),
//                                           corpus/agreement/bare/in/<lang>-<k>.jsonl, 100 a chunk
//   node corpus/tools/bare.mjs [--json]     the bare pass (corpus/agreement/bare/out) against the
//                                           labels, and the second pass with context on the same rows
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figures, loadCorpus, rng, ROOT, shuffle } from './lib.mjs';
import { barePass, kappa } from './stats.mjs';

const dir = join(ROOT, 'corpus', 'agreement');
const argv = process.argv.slice(2);
const rows = loadCorpus();

if (argv.includes('--draw')) {
  const n = Number(argv[argv.indexOf('--draw') + 1]);
  const out = join(dir, 'bare', 'in');
  mkdirSync(out, { recursive: true });
  for (const lang of ['en', 'zh']) {
    const pick = shuffle(rows.filter((r) => r.lang === lang), rng(2020)).slice(0, n);
    for (let k = 0; k * 100 < pick.length; k++) {
      const part = pick.slice(k * 100, (k + 1) * 100).map((r) => ({ id: r.id, lang, text: r.text }));
      writeFileSync(join(out, `${lang}-${k + 1}.jsonl`), part.map((r) => JSON.stringify(r)).join('\n') + '\n');
      console.log(`${lang}-${k + 1}.jsonl`, part.length);
    }
  }
  process.exit(0);
}

// A reader scored as if it were the system, as eval scores the judgment (lib.mjs `figures`).
const asSystem = (rs, label) => figures(rs.map((r) => ({ row: r })), rs.map((r) => ({ tech: label(r) === 'TECH', vague: label(r) === 'BIZ_VAGUE' })));

const bare = barePass();
const report = {};
for (const lang of ['en', 'zh']) {
  const rs = rows.filter((r) => r.lang === lang && bare.has(r.id));
  if (!rs.length) continue;
  const gold = rs.map((r) => r.label);
  const readBare = rs.map((r) => bare.get(r.id).label);
  const withSecond = rs.filter((r) => r.secondLabel); // the blind second pass, kept on each row
  const conf = {};
  for (const r of rs) if (r.label !== bare.get(r.id).label) conf[`${r.label}→${bare.get(r.id).label}`] = (conf[`${r.label}→${bare.get(r.id).label}`] ?? 0) + 1;
  report[lang] = {
    rows: rs.length,
    labels: Object.fromEntries(['TECH', 'BIZ_VAGUE', 'BIZ_QUANT', 'OTHER'].map((l) => [l, gold.filter((g) => g === l).length])),
    bare: { ...kappa(gold, readBare), ...asSystem(rs, (r) => bare.get(r.id).label), confusions: conf },
    context: withSecond.length
      ? { ...kappa(withSecond.map((r) => r.label), withSecond.map((r) => r.secondLabel)), ...asSystem(withSecond, (r) => r.secondLabel) }
      : null,
  };
}
if (argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  const f = (x) => (x == null ? '—' : x.toFixed(2));
  const pc = (x) => (x == null ? '—' : `${(100 * x).toFixed(1)}%`);
  for (const [lang, r] of Object.entries(report)) {
    console.log(`${lang}: ${r.rows} rows ${JSON.stringify(r.labels)}`);
    for (const [name, s] of [['bare sentence', r.bare], ['with context (second pass)', r.context]]) {
      if (!s) continue;
      console.log(`  ${name.padEnd(27)} agreement ${pc(s.agreement)} κ ${s.kappa.toFixed(3)} | tech-value P ${f(s['tech.precision'])} R ${f(s['tech.recall'])} | unquantified P ${f(s['vague.precision'])} R ${f(s['vague.recall'])} | OTHER flagged ${pc(s['noise.other'])} | BIZ_QUANT flagged ${pc(s['noise.quant'])}`);
    }
    console.log(`  bare confusions (label→bare): ${JSON.stringify(r.bare.confusions)}`);
  }
}
