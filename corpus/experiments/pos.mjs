// Research: do part-of-speech n-grams (wink-nlp's English tagger, installed outside the project:
// POS_DIR) help the n-gram model rank technical claims across sources? Out-of-fold tech-value AP,
// the same folds and fitting code as subclass.mjs (SUB=0 there is the reference).
import { createRequire } from 'node:module';
import { loadCore, loadCorpus, loadSilver, featurize, foldPlan, withContext, FIT, SILVER_IN_TRAINING, classOf } from '../tools/lib.mjs';
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
function fitK(items, K, { l2, minSources, iterations, lr, wordL2 }) {
  const sources = new Map();
  for (const it of items) for (const f of it.whole) { let s = sources.get(f); if (!s) sources.set(f, (s = new Set())); s.add(it.repo); }
  const keep = (f) => (/^[wbc]:/.test(f) ? sources.get(f).size >= minSources : sources.get(f).size >= 2 || f === 'bias');
  const names = [...sources.keys()].filter(keep).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const X = items.map((it) => Int32Array.from(it.whole.map((f) => index.get(f)).filter((i) => i !== undefined)));
  const penalty = Float64Array.from(names, (f) => (/^[wbc]:/.test(f) ? wordL2 : 1));
  const n = items.length;
  const W = new Float64Array(names.length * K), m = new Float64Array(W.length), v = new Float64Array(W.length), g = new Float64Array(W.length);
  const z = new Float64Array(K), d = new Float64Array(K);
  const biasAt = index.get('bias');
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = X[i];
      z.fill(0);
      for (const j of xi) for (let c = 0; c < K; c++) z[c] += W[j * K + c];
      let mx = -Infinity; for (let c = 0; c < K; c++) mx = Math.max(mx, z[c]);
      let s = 0; for (let c = 0; c < K; c++) s += (d[c] = Math.exp(z[c] - mx));
      const y = items[i].y, w = (items[i].weight ?? 1) / n;
      for (let c = 0; c < K; c++) d[c] = (d[c] / s - (y === c ? 1 : 0)) * w;
      for (const j of xi) for (let c = 0; c < K; c++) g[j * K + c] += d[c];
    }
    for (let j = 0; j < names.length; j++) { if (j === biasAt) continue; const pen = (l2 / n) * penalty[j]; for (let c = 0; c < K; c++) g[j * K + c] += pen * W[j * K + c]; }
    const a = lr * Math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t);
    for (let q = 0; q < W.length; q++) { m[q] = 0.9 * m[q] + 0.1 * g[q]; v[q] = 0.999 * v[q] + 0.001 * g[q] * g[q]; W[q] -= (a * m[q]) / (Math.sqrt(v[q]) + 1e-8); }
  }
  return { index, W, K };
}
function probs({ index, W, K }, feats) {
  const z = new Float64Array(K);
  for (const f of feats) { const j = index.get(f); if (j === undefined) continue; for (let c = 0; c < K; c++) z[c] += W[j * K + c]; }
  const mx = Math.max(...z); const e = Array.from(z, (x) => Math.exp(x - mx)); const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}
function ap(scores, pos) { const o = scores.map((s, i) => [s, pos[i]]).sort((a, b) => b[0] - a[0]); let tp = 0, sum = 0; const P = pos.filter(Boolean).length; o.forEach(([, p], i) => { if (p) { tp++; sum += tp / (i + 1); } }); return sum / P; }
function recallAt(scores, pos, target) { const o = scores.map((s, i) => [s, pos[i]]).sort((a, b) => b[0] - a[0]); let tp = 0, best = 0; const P = pos.filter(Boolean).length; o.forEach(([, p], i) => { if (p) tp++; if (tp / (i + 1) >= target && tp >= 5) best = Math.max(best, tp / P); }); return best; }

const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const lang = 'en';
const t0 = Date.now();
const items = aug(featurize(core, rows.filter((r) => r.lang === lang)));
const extra = aug(featurize(core, silver.filter((r) => r.lang === lang)));
for (const it of items.concat(extra)) it.y = classOf(it.row.label);
console.error('featurized', ((Date.now() - t0) / 1000).toFixed(0), 's');
const plan = foldPlan(items, 10, 1, extra);
const tech = new Array(items.length), vague = new Array(items.length);
plan.folds.forEach(({ test, train }, f) => {
  const model = fitK(withContext(train), 3, FIT);
  for (const i of test) {
    let t = 0, b = 0;
    for (const p of items[i].parts) { const pr = probs(model, p.features); if (!p.mapHow) t = Math.max(t, pr[1]); if (!p.quantified && p.outcome) b = Math.max(b, pr[2]); }
    tech[i] = t; vague[i] = b;
  }
  console.error('fold', f, ((Date.now() - t0) / 1000).toFixed(0), 's');
});
const tpos = items.map((it) => it.row.label === 'TECH'), vpos = items.map((it) => it.row.label === 'BIZ_VAGUE');
console.log(`POS ${MODE} ${lang}: techAP ${ap(tech, tpos).toFixed(3)} R@.88 ${recallAt(tech, tpos, 0.88).toFixed(2)} R@.75 ${recallAt(tech, tpos, 0.75).toFixed(2)} | vagueAP ${ap(vague, vpos).toFixed(3)} R@.85 ${recallAt(vague, vpos, 0.85).toFixed(2)}`);
