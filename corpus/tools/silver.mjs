#!/usr/bin/env node
// Joins the sampled silver passages (corpus/silver/blind) with their labels
// (corpus/silver/labels) into corpus/silver/rows/<chunk>.jsonl: training-only rows, in the
// corpus's row format plus `section`. Chunks not labeled yet are skipped.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, ROOT } from './lib.mjs';

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
