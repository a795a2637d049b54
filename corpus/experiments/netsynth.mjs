// Research (fifteenth session): does the sentence network gain from the contrastive rewrites
// (corpus/silver/rewrites) as the n-gram model did? Out-of-fold tech-value and unquantified AP of
// the n-gram model alone and of its average with the network (its shipped share), on the ten outer
// folds `npm run eval` uses — the same training rows, order and seeds as eval's outer networks, so
// the reference networks (RW=0, fitted without the rewrites, as shipped before) come from its
// cache. RW=1 fits them with the rewrites (as the n-gram model is). About 10 networks per language:
// ~30 minutes for English on two idle cores when none is cached. Plain Node.
import { featurize, fit, FIT, groupFolds, isRewrite, loadCore, loadCorpus, loadSilver, numberItems, outerNetSeed, predictRows, SILVER_IN_TRAINING, withContext } from '../tools/lib.mjs';
import { fitNets } from '../tools/net-pool.mjs';
import { NET } from '../tools/net.mjs';
import { ap, recallAt } from './oof.mjs';

const RW = process.env.RW === '1';
const SEED = 1; // as corpus/tools/eval.mjs
const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const t0 = Date.now();
  const items = featurize(core, rows.filter((r) => r.lang === lang));
  const extra = featurize(core, silver.filter((r) => r.lang === lang));
  const all = numberItems(items, extra);
  const { k, fold } = groupFolds(items.map((i) => i.row), 10, SEED);
  const folds = [];
  for (let f = 0; f < k; f++) {
    const test = [];
    const train = [];
    items.forEach((it, i) => (fold[i] === f ? test : train).push(i));
    const held = new Set(test.map((i) => items[i].repo));
    folds.push({ test, train: [...train.map((i) => items[i]), ...extra.filter((it) => !held.has(it.repo))] });
  }
  const jobs = folds.map(({ train }, f) => ({ train: train.filter((it) => RW || !isRewrite(it.row)).map((it) => it.gi), seed: outerNetSeed(SEED, f) }));
  const nets = fitNets(lang, all.map((it) => ({ words: it.words, y: it.y })), jobs, NET);
  const fitted = folds.map(({ train }) => fit(withContext(train), FIT));
  console.error(lang, 'n-gram folds fitted', ((Date.now() - t0) / 1000).toFixed(0), 's');
  const networks = await nets;
  const score = { ngram: { tech: [], vague: [] }, blend: { tech: [], vague: [] } };
  const pos = { tech: [], vague: [] };
  folds.forEach(({ test }, f) => {
    const preds = predictRows(core, { ...fitted[f], net: networks[f] }, test.map((i) => items[i]));
    test.forEach((i, j) => {
      const p = preds[j];
      score.ngram.tech.push(p.at[0].tech);
      score.ngram.vague.push(p.at[0].vague);
      score.blend.tech.push(p.tech);
      score.blend.vague.push(p.vague);
      pos.tech.push(items[i].row.label === 'TECH');
      pos.vague.push(items[i].row.label === 'BIZ_VAGUE');
    });
  });
  for (const [name, s] of Object.entries(score))
    console.log(`netsynth RW=${RW ? 1 : 0} ${lang} ${name}: techAP ${ap(s.tech, pos.tech).toFixed(3)} R@.88 ${recallAt(s.tech, pos.tech, 0.88).toFixed(2)} R@.75 ${recallAt(s.tech, pos.tech, 0.75).toFixed(2)} | vagueAP ${ap(s.vague, pos.vague).toFixed(3)} R@.85 ${recallAt(s.vague, pos.vague, 0.85).toFixed(2)}`);
}
