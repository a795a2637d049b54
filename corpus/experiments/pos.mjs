// Research: do part-of-speech n-grams (wink-nlp's English tagger, installed outside the project:
// POS_DIR) help the n-gram model rank technical claims across sources? Out-of-fold tech-value AP,
// the same folds and fitting code as subclass.mjs (oof.mjs; SUB=0 there is the reference).
import { createRequire } from 'node:module';
import { loadCore, loadCorpus, loadSilver, featurize, SILVER_IN_TRAINING, classOf } from '../tools/lib.mjs';
import { outOfFold, summary } from './oof.mjs';
const require = createRequire(`${process.env.POS_DIR ?? '/tmp/postest'}/x.js`);
const winkNLP = require('wink-nlp');
const nlp = winkNLP(require('wink-eng-lite-web-model'));
const its = nlp.its;
const MODE = process.env.MODE ?? 'bi,tri,head';
function posFeats(text) {
  const doc = nlp.readDoc(text);
  const tags = ['^', ...doc.tokens().out(its.pos).filter((t) => t !== 'PUNCT' && t !== 'SPACE'), '$'];
  const out = new Set();
  if (MODE.includes('bi')) for (let i = 0; i + 1 < tags.length; i++) out.add(`p2:${tags[i]}_${tags[i + 1]}`);
  if (MODE.includes('tri')) for (let i = 0; i + 2 < tags.length; i++) out.add(`p3:${tags[i]}_${tags[i + 1]}_${tags[i + 2]}`);
  if (MODE.includes('head')) out.add(`ph:${tags.slice(0, 4).join('_')}`);
  return [...out];
}
function aug(items) {
  for (const it of items) {
    it.whole = it.whole.concat(posFeats(it.row.text));
    if (it.wholeCtx) it.wholeCtx = it.wholeCtx.concat(posFeats(it.row.text));
    for (const p of it.parts) p.features = p.features.concat(posFeats(p.text));
  }
  return items;
}
const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const lang = 'en';
const t0 = Date.now();
const items = aug(featurize(core, rows.filter((r) => r.lang === lang)));
const extra = aug(featurize(core, silver.filter((r) => r.lang === lang)));
for (const it of items.concat(extra)) it.k = classOf(it.row.label);
console.error('featurized', ((Date.now() - t0) / 1000).toFixed(0), 's');
const scores = outOfFold(items, extra, 3, undefined, { log: (what) => console.error(what, ((Date.now() - t0) / 1000).toFixed(0), 's') });
console.log(`POS ${MODE} ${lang}: ${summary(items, scores)}`);
