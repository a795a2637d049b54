// Research (fifteenth session): does the sentence network gain from the contrastive rewrites
// (corpus/silver/rewrites) as the n-gram model did? Out-of-fold tech-value and unquantified AP of
// the n-gram model alone and of its average with the network (its shipped share), on the ten outer
// folds `npm run eval` uses — the same training rows, order and seeds as eval's outer networks, so
// the reference networks (RW=0, fitted without the rewrites, as shipped before) come from its
// cache. RW=1 fits them with the rewrites (as the n-gram model is). About 10 networks per language:
// ~30 minutes for English on two idle cores when none is cached. SCORES=FILE writes the held-out
// scores (JSON lines: lang, reader, label and score of every row) to compute other figures from.
// Plain Node.
import { appendFileSync } from 'node:fs';
import { fitFolds, foldPlan, isRewrite, loadCore, numberItems, outerNetSeed, predictFolds } from '../tools/lib.mjs';
import { fitNets } from '../tools/net-pool.mjs';
import { NET } from '../tools/net.mjs';
import { languages, summary } from './oof.mjs';

const RW = process.env.RW === '1';
const SEED = 1; // as corpus/tools/eval.mjs
const core = await loadCore();
for (const { lang, t0, items, extra } of languages(core)) {
  const all = numberItems(items, extra);
  // eval's outer folds: the same training rows, in the same order (foldPlan), and seeds.
  const plan = foldPlan(items, 10, SEED, extra);
  // SEEDS=n also fits each fold's network with n − 1 other seeds, and scores the mean of the n
  // averages ("ensemble": what n networks per language would give).
  const seeds = Number(process.env.SEEDS ?? 1);
  const jobs = [];
  for (let s = 0; s < seeds; s++)
    plan.folds.forEach(({ train }, f) => jobs.push({ train: train.filter((it) => RW || !isRewrite(it.row)).map((it) => it.gi), seed: outerNetSeed(SEED, f) + 500 * s }));
  const nets = fitNets(lang, all.map((it) => ({ words: it.words, y: it.y })), jobs, NET);
  const cv = fitFolds(plan);
  console.error(lang, 'n-gram folds fitted', ((Date.now() - t0) / 1000).toFixed(0), 's');
  const networks = await nets;
  const runs = Array.from({ length: seeds }, (_, s) => predictFolds(core, items, cv, networks.slice(s * cv.k, (s + 1) * cv.k)));
  const read = (probs) => ({ tech: probs.map((p) => p.tech), vague: probs.map((p) => p.vague) });
  const mean = items.map((_, i) => ({ tech: runs.reduce((a, r) => a + r[i].tech, 0) / seeds, vague: runs.reduce((a, r) => a + r[i].vague, 0) / seeds }));
  const score = {
    ngram: read(runs[0].map((p) => p.at[0])),
    ...Object.fromEntries(runs.map((r, s) => [s ? `blend${s + 1}` : 'blend', read(r)])),
    ...(seeds > 1 && { ensemble: read(mean) }),
  };
  for (const [name, s] of Object.entries(score)) {
    console.log(`netsynth RW=${RW ? 1 : 0} ${lang} ${name}: ${summary(items, s)}`);
    if (process.env.SCORES) appendFileSync(process.env.SCORES, JSON.stringify({ lang, rw: RW, reader: name, label: items.map((it) => it.row.label), ...s }) + '\n');
  }
}
