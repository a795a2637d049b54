#!/usr/bin/env node
// Compares the first labels (corpus/data) with the blind second pass (corpus/agreement/second)
// and, once it exists, the third pass on the disagreements (corpus/agreement/third).
//   node corpus/tools/agree.mjs            agreement and Cohen's κ per language, confusions
//   node corpus/tools/agree.mjs --third    writes blind chunks of the disagreements to label again
//   node corpus/tools/agree.mjs --settle   applies the majority of three to corpus/data and writes
//                                          corpus/agreement/slice.jsonl (the reported 300-row slice)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, loadCorpus, rng, ROOT, shuffle } from './lib.mjs';
import { kappa } from './stats.mjs';

const dir = join(ROOT, 'corpus', 'agreement');
const readDir = (d) => (existsSync(d) ? readdirSync(d).filter((n) => n.endsWith('.jsonl')).flatMap((n) => readFileSync(join(d, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))) : []);
const rows = loadCorpus();
const second = new Map(readDir(join(dir, 'second')).map((r) => [r.id, r]));
const third = new Map(readDir(join(dir, 'third')).map((r) => [r.id, r]));
const both = rows.filter((r) => second.has(r.id));
// The first label as the first labeler gave it (settlement may have changed `label`).
const firstOf = (r) => r.firstLabel ?? r.label;

for (const lang of ['en', 'zh']) {
  const rs = both.filter((r) => r.lang === lang);
  const k = kappa(rs.map(firstOf), rs.map((r) => second.get(r.id).label));
  const conf = {};
  for (const r of rs) if (firstOf(r) !== second.get(r.id).label) conf[`${firstOf(r)}→${second.get(r.id).label}`] = (conf[`${firstOf(r)}→${second.get(r.id).label}`] ?? 0) + 1;
  console.log(`${lang}: ${rs.length} rows labeled twice; agreement ${(100 * k.agreement).toFixed(1)}%, κ ${k.kappa.toFixed(3)}; ${JSON.stringify(conf)}`);
}

if (process.argv.includes('--third')) {
  const out = join(dir, 'blind-third');
  mkdirSync(out, { recursive: true });
  for (const lang of ['en', 'zh']) {
    const all = rows.filter((r) => r.lang === lang);
    const idx = new Map(all.map((r, i) => [r.id, i]));
    const dis = all.filter((r) => second.has(r.id) && firstOf(r) !== second.get(r.id).label);
    const blind = dis.map((r) => {
      const i = idx.get(r.id);
      const same = (j) => (all[j] && all[j].source === r.source ? all[j].text : null);
      return { id: r.id, lang, text: r.text, source: r.source, section: r.section ?? null, prev: same(i - 1), next: same(i + 1) };
    });
    const per = 300;
    for (let c = 0; c * per < blind.length; c++) {
      writeFileSync(join(out, `t-${lang}-${c + 1}.jsonl`), blind.slice(c * per, (c + 1) * per).map((r) => JSON.stringify(r)).join('\n') + '\n');
      console.log(`t-${lang}-${c + 1}.jsonl: ${Math.min(per, blind.length - c * per)}`);
    }
  }
}

if (process.argv.includes('--settle')) {
  // Majority of three; when all three differ, the third (the adjudicating pass, which saw the
  // decided cases of the guide) decides, and the row is marked borderline.
  let changed = 0;
  let unresolved = 0;
  for (const name of readdirSync(CORPUS, { recursive: true }).filter((n) => String(n).endsWith('.jsonl'))) {
    const file = join(CORPUS, String(name));
    const list = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const r of list) {
      const s = second.get(r.id);
      if (!s) continue;
      const a = r.firstLabel ?? r.label;
      r.firstLabel = a;
      r.secondLabel = s.label;
      let settled = a;
      if (a !== s.label) {
        const t = third.get(r.id);
        if (!t) continue;
        r.thirdLabel = t.label;
        settled = t.label === a || t.label === s.label ? t.label : t.label;
        if (t.label !== a && t.label !== s.label) unresolved++;
      }
      if (settled !== r.label) changed++;
      r.label = settled;
    }
    writeFileSync(file, list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  console.log(`settled: ${changed} labels changed; ${unresolved} rows where all three passes differed (the third decided)`);
  // The reported slice: 150 sentences per language drawn with a fixed seed from the rows labeled twice.
  const rand = rng(20261130);
  const slice = [];
  for (const lang of ['en', 'zh']) {
    const pool = shuffle(loadCorpus().filter((r) => r.lang === lang && r.secondLabel), rand);
    for (const r of pool.slice(0, 150)) slice.push({ id: r.id, lang, first: r.firstLabel, second: r.secondLabel, third: r.thirdLabel ?? null, settled: r.label });
  }
  writeFileSync(join(dir, 'slice.jsonl'), slice.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`corpus/agreement/slice.jsonl: ${slice.length} rows`);
}
