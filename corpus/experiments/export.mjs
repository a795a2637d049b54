// Writes, per language, the scored rows (tokens, label, repository, fold of the 10-fold split by
// repository that npm run eval uses, and the n-gram model's out-of-fold prediction) and the
// training-only rows, for cnn.py.
import { writeFileSync } from 'node:fs';
import { loadCore, loadCorpus, loadSilver, featurize, crossValidate, FIT, SILVER_IN_TRAINING, repoOf } from '../tools/lib.mjs';
const DIR = process.env.EXP_DIR ?? '.cache/exp';
const core = await loadCore();
const rows = loadCorpus();
writeFileSync(`${DIR}/scored-repos.txt`, [...new Set(rows.map((r) => repoOf(r).toLowerCase()))].join('\n') + '\n');
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
const toks = (t, lang) => lang === 'en' ? (t.toLowerCase().match(/[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]|\d+|[^\sa-z\d]/g) ?? []) : [...seg.segment(t.toLowerCase())].filter((s) => s.segment.trim()).map((s) => s.segment);
const Y = { OTHER: 0, TECH: 1, BIZ_VAGUE: 2, BIZ_QUANT: 2 };
for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const sc = rows.filter((r) => r.lang === lang);
  const items = featurize(core, sc);
  const extra = featurize(core, silver.filter((r) => r.lang === lang));
  const { preds, fold } = await crossValidate(core, items, 10, 1, FIT, extra, { net: null });
  const out = sc.map((r, i) => JSON.stringify({ t: toks(r.text, lang), y: Y[r.label], label: r.label, repo: repoOf(r), fold: fold[i], lr: preds[i] }));
  writeFileSync(`${DIR}/${lang}-scored.jsonl`, out.join('\n') + '\n');
  writeFileSync(`${DIR}/${lang}-train.jsonl`, silver.filter((r) => r.lang === lang).map((r) => JSON.stringify({ t: toks(r.text, lang), y: Y[r.label], repo: repoOf(r) })).join('\n') + '\n');
  console.log(lang, sc.length);
}
