#!/usr/bin/env node
// Joins the sampled silver passages (corpus/silver/blind) with their labels
// (corpus/silver/labels) into corpus/silver/rows/<chunk>.jsonl: training-only rows, in the
// corpus's row format plus `section`. Chunks not labeled yet are skipped.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, ROOT } from './lib.mjs';
import { kappa, silverSecondPasses } from './stats.mjs';

const base = join(ROOT, 'corpus', 'silver');
const read = (p) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
mkdirSync(join(base, 'rows'), { recursive: true });
let total = 0;
for (const name of readdirSync(join(base, 'blind')).filter((n) => n.endsWith('.jsonl')).sort()) {
  const labelFile = join(base, 'labels', name);
  if (!existsSync(labelFile)) continue;
  const labels = new Map(read(labelFile).map((r) => [r.id, r]));
  const rows = [];
  for (const b of read(join(base, 'blind', name))) {
    const l = labels.get(b.id);
    if (!l || !LABELS.includes(l.label)) throw new Error(`${name}: ${b.id} has no valid label`);
    rows.push({ id: b.id, lang: b.lang, label: l.label, text: b.text, source: b.source, license: b.license, note: l.note ?? '', section: b.section });
  }
  writeFileSync(join(base, 'rows', name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  total += rows.length;
  console.log(`${name}: ${rows.length}`);
}
console.log(`silver rows: ${total}`);

// The blind second passes on slices of the silver rows: how far a second labeler agrees with the
// labels the model trains on.
const labelOf = new Map();
for (const name of readdirSync(join(base, 'labels')).filter((n) => n.endsWith('.jsonl'))) for (const r of read(join(base, 'labels', name))) labelOf.set(r.id, r.label);
const agreementLine = (rows) => {
  const k = kappa(rows.map((r) => labelOf.get(r.id)), rows.map((r) => r.label));
  return `${rows.length} rows labeled twice blind; agreement ${(100 * k.agreement).toFixed(1)}%, κ ${k.kappa.toFixed(3)}`;
};
for (const lang of ['en', 'zh']) {
  const passes = silverSecondPasses(lang).map((p) => ({ ...p, rows: p.rows.filter((r) => labelOf.has(r.id)) }));
  for (const p of passes) console.log(`silver ${lang} (${p.file}): ${agreementLine(p.rows)}`);
  if (passes.length > 1) console.log(`silver ${lang} (all slices): ${agreementLine(passes.flatMap((p) => p.rows))}`);
}
