#!/usr/bin/env node
// Draws training-only rows for helper sessions to write from (rewrites, translations): gathered
// rows of one language (no rewrites, none with a borderline note, 20–280 characters), in a given
// class mix, seeded, split into chunks of JSONL for one helper each.
//
//   node corpus/tools/draw.mjs --lang en --n 4000 --mix TECH:.45,OTHER:.40,BIZ_VAGUE:.12,BIZ_QUANT:.03 \
//     --seed 17 --chunks 8 --out DIR [--skip DIR]
//
// --skip DIR: rows named in the JSONL files of DIR (their `from`) are not drawn again.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRewrite, loadSilver, rng, shuffle, SILVER_IN_TRAINING } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const lang = opt('--lang', 'en');
const n = Number(opt('--n', 1000));
const chunks = Number(opt('--chunks', 1));
const out = opt('--out', '.');
const rand = rng(Number(opt('--seed', 1)));
const mix = Object.fromEntries(opt('--mix', 'TECH:.45,OTHER:.40,BIZ_VAGUE:.12,BIZ_QUANT:.03').split(',').map((p) => p.split(':')).map(([k, v]) => [k, Number(v)]));

const skipDir = opt('--skip', null);
const skip = new Set(skipDir ? readdirSync(skipDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
  readFileSync(join(skipDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).from)) : []);
const pool = loadSilver().filter((r) => r.lang === lang && !skip.has(r.id) && SILVER_IN_TRAINING.test(r.id) && !isRewrite(r)
  && !/borderline/i.test(r.note ?? '') && r.text.length >= 20 && r.text.length <= 280);
let drawn = [];
for (const [label, share] of Object.entries(mix)) {
  const rows = shuffle(pool.filter((r) => r.label === label), rand);
  drawn.push(...rows.slice(0, Math.round(n * share)));
}
drawn = shuffle(drawn, rand).map(({ id, label, text, source, license }) => ({ id, label, text, source, license }));
mkdirSync(out, { recursive: true });
const size = Math.ceil(drawn.length / chunks);
for (let c = 0; c < chunks; c++) {
  const part = drawn.slice(c * size, (c + 1) * size);
  writeFileSync(join(out, `${lang}-${c + 1}.jsonl`), part.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
console.log(`${drawn.length} rows of ${pool.length} in ${chunks} chunks → ${out}`);
