// Shared by the twelfth session's experiments (subclass.mjs, pos.mjs, with-clusters.mjs): a
// logistic regression over K classes fitted as lib.mjs `fit` fits the shipped model (same
// penalties, the same rule for word features, no pruning), out-of-fold scores on the folds
// `npm run eval` uses, and the ranking figures they report. Research only.
import { cuts, featurize, FIT, foldPlan, loadCorpus, isTranslation, loadSilver, SILVER_IN_TRAINING, withContext } from '../tools/lib.mjs';

/** A K-class model of `items` (each with `whole` features, class `k`, `repo`, optional `weight`). */
export function fitK(items, K, { l2, minSources, iterations, lr, wordL2 } = FIT) {
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
      const y = items[i].k, w = (items[i].weight ?? 1) / n;
      for (let c = 0; c < K; c++) d[c] = (d[c] / s - (y === c ? 1 : 0)) * w;
      for (const j of xi) for (let c = 0; c < K; c++) g[j * K + c] += d[c];
    }
    for (let j = 0; j < names.length; j++) { if (j === biasAt) continue; const pen = (l2 / n) * penalty[j]; for (let c = 0; c < K; c++) g[j * K + c] += pen * W[j * K + c]; }
    const a = lr * Math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t);
    for (let q = 0; q < W.length; q++) { m[q] = 0.9 * m[q] + 0.1 * g[q]; v[q] = 0.999 * v[q] + 0.001 * g[q] * g[q]; W[q] -= (a * m[q]) / (Math.sqrt(v[q]) + 1e-8); }
  }
  return { index, W, K };
}

/** The K class probabilities of a feature list. */
export function classProbs({ index, W, K }, feats) {
  const z = new Float64Array(K);
  for (const f of feats) { const j = index.get(f); if (j === undefined) continue; for (let c = 0; c < K; c++) z[c] += W[j * K + c]; }
  const mx = Math.max(...z);
  const e = Array.from(z, (x) => Math.exp(x - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Average precision: the precision at each cut, weighted by the recall it adds (as scikit-learn's). */
export function ap(scores, pos) {
  const P = pos.filter(Boolean).length;
  let sum = 0, prev = 0;
  for (const { n, tp } of cuts(scores, pos)) (sum += ((tp - prev) / P) * (tp / n)), (prev = tp);
  return sum;
}
/** The most recall reachable at `target` precision (at least five hits). */
export function recallAt(scores, pos, target) {
  const P = pos.filter(Boolean).length;
  let best = 0;
  for (const { n, tp } of cuts(scores, pos)) if (tp / n >= target && tp >= 5) best = Math.max(best, tp / P);
  return best;
}

/**
 * Out-of-fold scores of the scored rows `items` (training-only rows `extra` join every fold, as in
 * `npm run eval`): per row, the highest technical probability of a sentence `tech-value` could
 * flag and the highest business probability of one `unquantified-impact` could. `toClasses` maps
 * the K probabilities to [OTHER, TECH, BIZ].
 */
export function outOfFold(items, extra, K, toClasses = (p) => p, { seed = 1, log = () => {} } = {}) {
  const tech = new Array(items.length), vague = new Array(items.length);
  foldPlan(items, 10, seed, extra).folds.forEach(({ test, train }, f) => {
    const model = fitK(withContext(train), K);
    for (const i of test) {
      let t = 0, b = 0;
      for (const p of items[i].parts) {
        const pr = toClasses(classProbs(model, p.features));
        if (!p.mapHow) t = Math.max(t, pr[1]);
        if (!p.quantified && p.outcome) b = Math.max(b, pr[2]);
      }
      tech[i] = t; vague[i] = b;
    }
    log(`fold ${f}`);
  });
  return { tech, vague };
}

/** The figures the experiments print: tech-value AP and recall at 0.88 / 0.75, unquantified AP and recall at 0.85. */
export function summary(items, { tech, vague }) {
  const tpos = items.map((it) => it.row.label === 'TECH'), vpos = items.map((it) => it.row.label === 'BIZ_VAGUE');
  return `techAP ${ap(tech, tpos).toFixed(3)} R@.88 ${recallAt(tech, tpos, 0.88).toFixed(2)} R@.75 ${recallAt(tech, tpos, 0.75).toFixed(2)} | vagueAP ${ap(vague, vpos).toFixed(3)} R@.85 ${recallAt(vague, vpos, 0.85).toFixed(2)}`;
}

/** Each language of LANGS (default en,zh) as the experiments read it: the scored rows (`items`)
 * and the training-only rows (`extra`), featurized as `npm run eval` featurizes them. */
export function* languages(core) {
  const rows = loadCorpus();
  // TR=1: with the translations (corpus/silver/translations), not yet in SILVER_IN_TRAINING.
  const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id) || (process.env.TR === '1' && isTranslation(r)));
  for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
    const t0 = Date.now();
    yield { lang, t0, items: featurize(core, rows.filter((r) => r.lang === lang)), extra: featurize(core, silver.filter((r) => r.lang === lang)) };
  }
}
