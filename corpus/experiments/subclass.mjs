// Research: does splitting the heterogeneous classes into the roles the labelers' notes name
// (OTHER: problem, background, description, instruction, lead-in…; TECH and BIZ likewise) give
// a linear model a better ranking of technical claims? Out-of-fold tech-value AP, the same folds
// as with-clusters.mjs. SUB=0 fits the three classes with the same code (the reference).
import { writeFileSync } from 'node:fs';
import { loadCore, loadCorpus, loadSilver, featurize, foldPlan, withContext, FIT, SILVER_IN_TRAINING, classOf } from '../tools/lib.mjs';

const SUB = process.env.SUB ?? '1';
const OTHER_ROLES = [
  ['problem', /problem|limitation|\bcons?\b|drawback|risk|need|pain|issue|complaint|downside|challenge|failure|incident|bug|gap/],
  ['history', /background|history|narrat|context|current state|status|fact|story|anecdote|announcement|news|event|company|quote|timeline|origin|past/],
  ['instruction', /instruction|step|pointer|example|advice|reference|usage|workshop|config|command|how-to|tip|recommend|guidance|rule|policy|convention|procedure|runbook/],
  ['lead', /lead-in|question|label|list item|invitation|thanks|note|title|heading|caption|call to|cta|greeting|link|toc|signature|aside|transition/],
  ['design', /description|mechanic|how it works|definition|explanation|explains|describes|capabilit|architecture|design|component|release item|feature|behaviou?r|implementation|scope|plan|requirement|option|alternative|decision|api|spec/],
];
const TECH_ROLES = [
  ['goal', /goal|aim|objective|requirement|should|must|intent|mission|vision|target|want|purpose|principle/],
  ['result', /result|outcome|accomplish|achieve|impact|delivered|improved|case study|consequence|effect|now/],
];
function subOf(row) {
  const note = String(row.note ?? '').toLowerCase();
  const head = note.split(/[;(]/)[0];
  if (row.label === 'OTHER') {
    for (const [name, re] of OTHER_ROLES) if (re.test(head)) return `O:${name}`;
    return 'O:misc';
  }
  if (row.label === 'TECH') {
    if (SUB === '2') for (const [name, re] of TECH_ROLES) if (re.test(head)) return `T:${name}`;
    return 'T';
  }
  return row.label === 'BIZ_QUANT' ? 'B:quant' : 'B:vague';
}
const parentOf = (sub) => (sub[0] === 'O' ? 0 : sub[0] === 'T' ? 1 : 2);

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
function probs(model, subs, feats) {
  const { index, W, K } = model;
  const z = new Float64Array(K);
  for (const f of feats) { const j = index.get(f); if (j === undefined) continue; for (let c = 0; c < K; c++) z[c] += W[j * K + c]; }
  let mx = -Infinity; for (let c = 0; c < K; c++) mx = Math.max(mx, z[c]);
  let s = 0; const e = Array.from(z, (x) => Math.exp(x - mx)); e.forEach((x) => (s += x));
  const p = [0, 0, 0]; subs.forEach((sub, c) => (p[parentOf(sub)] += e[c] / s));
  return p;
}
function ap(scores, pos) { const o = scores.map((s, i) => [s, pos[i]]).sort((a, b) => b[0] - a[0]); let tp = 0, sum = 0; const P = pos.filter(Boolean).length; o.forEach(([, p], i) => { if (p) { tp++; sum += tp / (i + 1); } }); return sum / P; }
function recallAt(scores, pos, target) { const o = scores.map((s, i) => [s, pos[i]]).sort((a, b) => b[0] - a[0]); let tp = 0, best = 0; const P = pos.filter(Boolean).length; o.forEach(([, p], i) => { if (p) tp++; if (tp / (i + 1) >= target && tp >= 5) best = Math.max(best, tp / P); }); return best; }

const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const t0 = Date.now();
  const items = featurize(core, rows.filter((r) => r.lang === lang));
  const extra = featurize(core, silver.filter((r) => r.lang === lang));
  const all = items.concat(extra);
  const subs = SUB === '0' ? ['O', 'T', 'B'] : [...new Set(all.map((it) => subOf(it.row)))].sort();
  for (const it of all) it.k = SUB === '0' ? classOf(it.row.label) : subs.indexOf(subOf(it.row));
  const counts = {}; for (const it of all) counts[subs[it.k]] = (counts[subs[it.k]] ?? 0) + 1;
  console.error(lang, 'featurized', ((Date.now() - t0) / 1000).toFixed(0), 's', JSON.stringify(counts));
  const plan = foldPlan(items, 10, Number(process.env.SEED ?? 1), extra);
  const tech = new Array(items.length), vague = new Array(items.length);
  plan.folds.forEach(({ test, train }, f) => {
    const model = fitK(withContext(train), subs.length, FIT);
    for (const i of test) {
      const it = items[i];
      let t = 0, b = 0;
      for (const p of it.parts) { const pr = probs(model, subs, p.features); if (!p.mapHow) t = Math.max(t, pr[1]); if (!p.quantified && p.outcome) b = Math.max(b, pr[2]); }
      tech[i] = t; vague[i] = b;
    }
    console.error(lang, 'fold', f, ((Date.now() - t0) / 1000).toFixed(0), 's');
  });
  const tpos = items.map((it) => it.row.label === 'TECH'), vpos = items.map((it) => it.row.label === 'BIZ_VAGUE');
  if (process.env.DUMP) writeFileSync(`${process.env.DUMP}-${lang}.json`, JSON.stringify(items.map((it, i) => ({ id: it.row.id, label: it.row.label, tech: tech[i], vague: vague[i] }))));
  console.log(`SUB=${SUB} ${lang}: techAP ${ap(tech, tpos).toFixed(3)} R@.88 ${recallAt(tech, tpos, 0.88).toFixed(2)} R@.75 ${recallAt(tech, tpos, 0.75).toFixed(2)} | vagueAP ${ap(vague, vpos).toFixed(3)} R@.85 ${recallAt(vague, vpos, 0.85).toFixed(2)}`);
}
