// Research (nineteenth session): writes what seq.py needs to compare sentence readers on the ten
// outer folds of `npm run eval` — per scored row its fold, label, and every sentence the core would
// judge (its networkWords, the n-gram model's out-of-fold TECH and BIZ probabilities, whether it
// has a number, a business phrase, or is a Value Map "how" label); per training-only row its
// networkWords, class, repository and whether it is a contrastive rewrite. The n-gram model is
// fitted as eval fits its outer folds (foldPlan, fitFolds). Plain Node; ~10 minutes for English.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { fitFolds, foldPlan, isRewrite, loadCore, predictFolds } from '../tools/lib.mjs';
import { languages } from './oof.mjs';

const DIR = process.env.EXP_DIR ?? '.cache/exp';
mkdirSync(DIR, { recursive: true });
const core = await loadCore();
// FRAC: keep the training-only rows of this share of their repositories (a learning curve; seq.py
// takes the same FRAC and draws the same repositories).
const FRAC = Number(process.env.FRAC ?? 1);
for (const { lang, t0, items, extra: all } of languages(core)) {
  const extra = FRAC < 1 ? all.filter((it) => crc32(it.repo) % 1000 < FRAC * 1000) : all;
  const plan = foldPlan(items, 10, 1, extra);
  const preds = predictFolds(core, items, fitFolds(plan), []);
  const scored = items.map((it, i) => JSON.stringify({
    fold: plan.fold[i], label: it.row.label, y: it.y, repo: it.repo, words: it.words,
    parts: it.parts.map((p, j) => ({ w: p.words, ng: preds[i].raw[j].slice(0, 2), q: p.quantified ? 1 : 0, o: p.outcome ? 1 : 0, mh: p.mapHow ? 1 : 0 })),
  }));
  writeFileSync(`${DIR}/${lang}-seq-scored.jsonl`, scored.join('\n') + '\n');
  writeFileSync(`${DIR}/${lang}-ids.txt`, items.map((it) => it.row.id).join('\n') + '\n'); // the rows' ids, same order (bare-model.py)
  writeFileSync(`${DIR}/${lang}-seq-train.jsonl`, extra.map((it) => JSON.stringify({ words: it.words, y: it.y, repo: it.repo, rw: isRewrite(it.row) ? 1 : 0 })).join('\n') + '\n');
  console.log(lang, items.length, 'scored', extra.length, 'training-only', ((Date.now() - t0) / 1000).toFixed(0), 's');
}
