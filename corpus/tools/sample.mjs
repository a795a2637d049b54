#!/usr/bin/env node
// Samples passages for the training-only ("silver") rows: whole runs of consecutive sentences
// from Markdown documents of fetched repository snapshots, with the section and the neighbouring
// sentences a labeler needs, written as blind chunks to label.
//
//   node corpus/tools/sample.mjs PLAN.json OUT_DIR [--chunk 350] [--seed 7] [--sections REGEX] [--prefix s] [--unseen]
//
// PLAN.json: [{"repo": "owner/name", "git": "/path/to/git/dir", "lang": "en"|"zh",
//              "max": 120, "include": "regex on paths (optional)", "license": "SPDX"}]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstCopy, loadCorpus, rng, ROOT, shuffle } from './lib.mjs';
import { passages } from './passages.mjs';

const [planFile, outDir] = process.argv.slice(2);
const opt = (name, def) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);
const CHUNK = opt('--chunk', 350);
// --sections REGEX: only windows that start at a section whose heading matches (e.g. goals,
// benefits, results), taken to the end of that section: a claim-dense sample.
const SECTIONS = process.argv.includes('--sections') ? new RegExp(process.argv[process.argv.indexOf('--sections') + 1], 'i') : null;
const PREFIX = process.argv.includes('--prefix') ? process.argv[process.argv.indexOf('--prefix') + 1] : 's';
const SEED = opt('--seed', 7);
// --unseen: leave out sentences already labeled (the corpus, the training-only rows) or already
// drawn (chunks in OUT_DIR, this run), by the copy test loadSilver applies: a new draw from a
// repository already used then brings only new sentences.
function drawn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
}
const unseen = process.argv.includes('--unseen')
  ? firstCopy([...loadCorpus(), ...loadCorpus(join(ROOT, 'corpus', 'silver', 'rows')), ...drawn(outDir)].map((r) => r.text))
  : () => true;
const WINDOW = 24;
const PER_DOC = 30;

const SKIP = /(^|\/)(node_modules|vendor|third_party|\.github|test|tests|fixtures|testdata|examples?)\//i;
const SKIP_NAME = /(CHANGELOG|CHANGES|LICEN[CS]E|CODE_OF_CONDUCT|SECURITY|NOTICE|AUTHORS|OWNERS|MAINTAINERS|release-notes?)[^/]*$/i;
const OTHER_LANG = /(^|[/_.-])(ja|ko|es|fr|de|pt|ru|it|tr|vi|id|uk|pl|fa|zh-tw|zh-hk|zh_tw)([/_.-]|$)/i;
const ZH_PATH = /(^|[/_.-])(zh|zh-cn|zh_cn|cn|zh-hans)([/_.-]|$)/i;
const HAN = /[\u4e00-\u9fff]/g;

const git = (dir, ...args) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const hanShare = (text) => (text.match(HAN)?.length ?? 0) / Math.max(1, text.replace(/\s/g, '').length);
const usable = (t) => t.length >= 12 && t.length <= 600 && !/^[\W\d_]+$/.test(t) && (t.match(/[`{}<>=;$]/g)?.length ?? 0) < 4;

const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const all = { en: [], zh: [] };
for (const p of plan) {
  const rand = rng(SEED + [...p.repo].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0));
  const include = p.include ? new RegExp(p.include) : null;
  // -z: paths verbatim and NUL-separated; without it git quotes and escapes non-ASCII names (Chinese
  // file names), which then fail the .md test and were silently skipped.
  let files = git(p.git, 'ls-tree', '-r', '-z', '--name-only', 'HEAD').split('\0').filter((f) => /\.(md|mdx|markdown)$/i.test(f) && !SKIP.test(f) && !SKIP_NAME.test(f) && (!include || include.test(f)));
  files = files.filter((f) => !OTHER_LANG.test(f) && (p.lang === 'zh' || !ZH_PATH.test(f)));
  const rows = [];
  for (const f of shuffle(files, rand)) {
    if (rows.length >= (p.max ?? 120)) break;
    let text;
    try {
      text = git(p.git, 'show', `HEAD:${f}`);
    } catch {
      continue;
    }
    if (text.length > 400_000) continue;
    const share = hanShare(text);
    if (p.lang === 'zh' ? share < 0.25 : share > 0.02) continue;
    const sents = passages(text).filter((s) => usable(s.text) && (p.lang === 'zh' ? hanShare(s.text) > 0.2 : hanShare(s.text) === 0));
    if (sents.length < 4) continue;
    // A window of consecutive sentences starting at a section start (or the top).
    const starts = sents.map((s, i) => (i === 0 || s.section !== sents[i - 1].section ? i : -1)).filter((i) => i >= 0 && (!SECTIONS || SECTIONS.test(sents[i].section)));
    if (starts.length === 0) continue;
    const from = starts[Math.floor(rand() * starts.length)];
    let take = sents.slice(from, from + Math.min(WINDOW, PER_DOC, (p.max ?? 120) - rows.length));
    if (SECTIONS) take = take.filter((s) => s.section === sents[from].section);
    take.forEach((s, k) => {
      if (unseen(s.text)) rows.push({ lang: p.lang, text: s.text, source: `${p.repo}:${f}`, section: s.section || null, prev: take[k - 1]?.text ?? sents[from - 1]?.text ?? null, next: take[k + 1]?.text ?? sents[from + take.length]?.text ?? null, license: p.license });
    });
  }
  console.log(`${p.repo} (${p.lang}): ${rows.length} sentences from ${new Set(rows.map((r) => r.source)).size} documents`);
  all[p.lang].push(...rows);
}
mkdirSync(outDir, { recursive: true });
for (const lang of ['en', 'zh']) {
  const rows = all[lang];
  const chunks = Math.max(1, Math.round(rows.length / CHUNK));
  const per = Math.ceil(rows.length / chunks);
  for (let k = 0; k < chunks && rows.length; k++) {
    const part = rows.slice(k * per, (k + 1) * per).map((r, i) => ({ id: `${PREFIX}-${lang}-${k + 1}-${String(i + 1).padStart(4, '0')}`, ...r }));
    writeFileSync(join(outDir, `${PREFIX}-${lang}-${k + 1}.jsonl`), part.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`${PREFIX}-${lang}-${k + 1}.jsonl: ${part.length}`);
  }
}
