// Research (fourteenth session): do contrastive rewrites written by helper sessions — a minimal
// edit of a training-only sentence that changes its label, and the same role carried to another
// technical domain — teach the n-gram model the sentence's role rather than its topic? Out-of-fold
// tech-value AP on the folds `npm run eval` uses (oof.mjs), the rewrites joining every fold's
// training rows at weight SW (their sources are training-only repositories, never scored).
// The rewrites are corpus/silver/rewrites (isRewrite), and extra JSONL files named in SYNTH
// (comma-separated; used while they were being written); KINDS: flip,transfer (which to use;
// an empty KINDS is the reference, no rewrites).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCore, loadCorpus, loadSilver, featurize, isRewrite, SILVER_IN_TRAINING, classOf } from '../tools/lib.mjs';
import { outOfFold, summary } from './oof.mjs';

const kinds = new Set((process.env.KINDS ?? 'flip,transfer').split(','));
const SW = Number(process.env.SW ?? 1);
const core = await loadCore();
const rows = loadCorpus();
const all = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const silver = all.filter((r) => !isRewrite(r));
const synth = all.filter(isRewrite).concat((process.env.SYNTH ?? '').split(',').filter(Boolean)
  .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))))
  .filter((r) => kinds.has(r.kind));
for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const t0 = Date.now();
  const items = featurize(core, rows.filter((r) => r.lang === lang));
  const extra = featurize(core, silver.filter((r) => r.lang === lang));
  const syn = featurize(core, synth.filter((r) => r.lang === lang)).map((it) => ({ ...it, weight: SW }));
  for (const it of items.concat(extra, syn)) it.k = classOf(it.row.label);
  // GW: the weight of the scored rows of the other folds in training (research; 1 as shipped).
  if (process.env.GW) for (const it of items) it.weight = Number(process.env.GW);
  console.error(lang, 'featurized', ((Date.now() - t0) / 1000).toFixed(0), 's; rewrites', syn.length);
  const scores = outOfFold(items, extra.concat(syn), 3, (p) => p, { seed: Number(process.env.SEED ?? 1), log: (what) => console.error(lang, what, ((Date.now() - t0) / 1000).toFixed(0), 's') });
  if (process.env.DUMP) writeFileSync(`${process.env.DUMP}-${lang}.json`, JSON.stringify(items.map((it, i) => ({ id: it.row.id, label: it.row.label, tech: scores.tech[i], vague: scores.vague[i] }))));
  console.log(`synth ${[...kinds]} SW=${SW} n=${syn.length} ${lang}: ${summary(items, scores)}`);
}
