#!/usr/bin/env node
// Replays `npm run eval`'s decisions from a dump of its predictions (`npm run eval -- --dump
// FILE`), so a decision rule (how thresholds are chosen, how a sentence is decided) can be
// compared on exactly the held-out predictions an evaluation run scored, in seconds instead of
// the run's hour. Research only: nothing in the build, the tests or `npm run eval` reads it.
//
//   node corpus/experiments/replay.mjs DUMP [--boot 1000] [--biz-target 0.9] [--mixes 0,0.4] [--combine mean|geo]
//
// Each sentence's business-phrase fact is recomputed from the corpus (dumps written before it
// was stored lack it). --biz-target sets the precision the unquantified thresholds are chosen
// for at every level (default: the level's tech-value target, as `npm run train` does). --mixes
// lists the network's shares each level may choose from (default: none and the network's own);
// --combine geo averages the two readers' log-probabilities instead of their probabilities;
// --stack fits, in each outer fold on the inner folds' predictions, a logistic regression from the
// two readers' log-odds to each class (share 9 stands for it). --all-outcomes lets every sentence
// without a number be an unquantified finding, as if the word lists found a business phrase in
// each (an upper bound on what completing the business-outcome lists could add). --net-levels
// lists the sensitivities that may use the network (default lib.mjs NET_LEVELS, every level;
// e.g. balanced,thorough judges precise with the n-gram model alone). --flags FILE appends each
// held-out row's decision at every level (JSON lines), to compare two runs row by row.
// --calibration prints, per level, how often the findings are right by the confidence shown
// with them (as `npm run eval` does).
import { appendFileSync, readFileSync } from 'node:fs';
import { bootstrap, calibration, chooseThresholds, decideLevels, featurize, figures, findingsOf, formatCalibration, loadCore, loadCorpus, repoResampler, TARGETS } from '../tools/lib.mjs';
import { NET } from '../tools/net.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const BOOT = Number(opt('--boot', 1000));
const bizTarget = opt('--biz-target', null);
const mixList = opt('--mixes', null)?.split(',').map(Number);
const combine = opt('--combine', 'mean');
const stack = argv.includes('--stack');
const allOutcomes = argv.includes('--all-outcomes');
const netLevels = opt('--net-levels', null)?.split(',');
const flagsOut = opt('--flags', null);
const calib = argv.includes('--calibration');
const logit = (p) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));
const xOf = ([t, b, nt, nb]) => [1, logit(t), logit(b), logit(nt), logit(nb)];
/** A logistic regression by gradient descent (research: a handful of inputs). */
function lr(X, y, iters = 2000, rate = 0.1, l2 = 1e-3) {
  const w = new Array(X[0].length).fill(0);
  for (let t = 0; t < iters; t++) {
    const g = new Array(w.length).fill(0);
    X.forEach((x, i) => {
      const z = x.reduce((a, v, k) => a + v * w[k], 0);
      const d = 1 / (1 + Math.exp(-z)) - y[i];
      x.forEach((v, k) => (g[k] += (d * v) / X.length));
    });
    w.forEach((_, k) => (w[k] -= rate * (g[k] + (k ? l2 * w[k] : 0))));
  }
  return w;
}
let stacker = null; // { tech: w, biz: w } of the current outer fold
const dump = JSON.parse(readFileSync(argv[0], 'utf8'));
const core = await loadCore();
const rows = loadCorpus();
const byId = new Map();
const order = new Map(); // corpus order, as npm run eval lists rows (its bootstrap depends on it)
for (const lang of Object.keys(dump.langs)) {
  featurize(core, rows.filter((r) => r.lang === lang)).forEach((it, i) => (byId.set(it.row.id, it), order.set(it.row.id, i)));
}

/** A prediction as lib.predictRows makes it, from a dumped row's per-sentence probabilities. */
function pred(d, raw = d.raw) {
  const it = byId.get(d.id);
  if (it.parts.length !== raw.length) throw new Error(`${d.id}: ${it.parts.length} sentences, ${raw.length} dumped`);
  const facts = it.parts.map((p) => ({ quantified: p.quantified, outcome: allOutcomes || p.outcome, mapHow: p.mapHow }));
  const mixes = raw[0]?.[2] === null ? [0] : stack ? [0, 9] : mixList ?? [0, NET.mix];
  const at = {};
  for (const m of mixes) {
    const a = (at[m] = { tech: 0, vague: 0, biz: 0, sentences: [] });
    raw.forEach(([t, b, nt, nb], j) => {
      let TECH = m ? (1 - m) * t + m * nt : t;
      let BIZ = m ? (1 - m) * b + m * nb : b;
      if (m && combine === 'geo') {
        const g = (x, y) => Math.exp((1 - m) * Math.log(Math.max(x, 1e-9)) + m * Math.log(Math.max(y, 1e-9)));
        const q = [g(1 - t - b, 1 - nt - nb), g(t, nt), g(b, nb)];
        const sum = q[0] + q[1] + q[2];
        TECH = q[1] / sum;
        BIZ = q[2] / sum;
      }
      if (m === 9) {
        const x = xOf(raw[j]);
        const sig = (w) => 1 / (1 + Math.exp(-x.reduce((acc, v, k) => acc + v * w[k], 0)));
        TECH = sig(stacker.tech);
        BIZ = sig(stacker.biz);
      }
      a.sentences.push({ TECH, BIZ, OTHER: 1 - TECH - BIZ });
      if (!facts[j].mapHow) a.tech = Math.max(a.tech, TECH);
      a.biz = Math.max(a.biz, BIZ);
      if (!facts[j].quantified && facts[j].outcome) a.vague = Math.max(a.vague, BIZ);
    });
  }
  return { ...at[mixes[mixes.length - 1]], at, facts };
}

// --bag N: each threshold is the median of the thresholds chosen on N resamples of the inner rows'
// repositories (for the share of the network the whole inner set chooses): a steadier cut than the
// deepest one whose precision reaches the target on one sample. (--biz-target does not apply with it.)
const bag = Number(opt('--bag', 0));
const chooseOpt = netLevels ? { netLevels } : {};
const bagged = (items, preds) => {
  const full = chooseThresholds(items, preds, chooseOpt);
  const draw = repoResampler(items, [...new Set(items.map((it) => it.repo))], 4242);
  const seen = Object.fromEntries(Object.keys(TARGETS).map((l) => [l, { tech: [], biz: [] }]));
  for (let b = 0; b < bag; b++) {
    const idx = draw();
    const th = chooseThresholds(idx.map((i) => items[i]), idx.map((i) => preds[i]), chooseOpt);
    for (const l of Object.keys(TARGETS)) {
      if ((th[l].mix ?? 0) !== (full[l].mix ?? 0)) continue;
      seen[l].tech.push(th[l].tech);
      seen[l].biz.push(th[l].biz);
    }
  }
  const median = (xs, dflt) => (xs.length ? xs.sort((a, b) => a - b)[xs.length >> 1] : dflt);
  const out = {};
  for (const l of Object.keys(TARGETS)) out[l] = { ...full[l], tech: median(seen[l].tech, full[l].tech), biz: median(seen[l].biz, full[l].biz) };
  return out;
};

const choose = (items, preds) => {
  if (bag) return bagged(items, preds);
  if (!bizTarget) return chooseThresholds(items, preds, chooseOpt);
  // Same chooser, business thresholds from a run at the given target.
  const saved = { ...TARGETS };
  const tech = chooseThresholds(items, preds);
  for (const l of Object.keys(TARGETS)) TARGETS[l] = Number(bizTarget);
  const biz = chooseThresholds(items, preds);
  Object.assign(TARGETS, saved);
  return Object.fromEntries(Object.keys(TARGETS).map((l) => [l, { ...tech[l], biz: biz[l].biz }]));
};

const f = (v) => (v == null ? ' n/a' : v.toFixed(2));
const pct = (v) => (v == null ? ' n/a' : `${(v * 100).toFixed(1)}%`);
for (const [lang, folds] of Object.entries(dump.langs)) {
  const held = [];
  for (const fold of folds) {
    const inner = fold.inner.map((d) => byId.get(d.id));
    if (stack) {
      const single = fold.inner.filter((d) => d.raw.length === 1);
      const X = single.map((d) => xOf(d.raw[0]));
      stacker = { tech: lr(X, single.map((d) => (d.label === 'TECH' ? 1 : 0))), biz: lr(X, single.map((d) => (d.label.startsWith('BIZ') ? 1 : 0))) };
    }
    const th = choose(inner, fold.inner.map((d) => pred(d)));
    for (const d of fold.held) held.push({ at: order.get(d.id), it: byId.get(d.id), dec: decideLevels(pred(d), th) });
  }
  held.sort((a, b) => a.at - b.at);
  const items = held.map((h) => h.it);
  const flags = Object.fromEntries(Object.keys(TARGETS).map((l) => [l, held.map((h) => h.dec[l])]));
  const repos = [...new Set(items.map((it) => it.repo))];
  if (flagsOut) appendFileSync(flagsOut, held.map((h) => JSON.stringify({ id: h.it.row.id, lang, repo: h.it.repo, label: h.it.row.label, dec: h.dec })).join('\n') + '\n');
  console.log(`\n${lang}: ${items.length} rows`);
  for (const l of Object.keys(TARGETS)) {
    const fig = figures(items, flags[l]);
    const ci = bootstrap(items, flags[l], repos, BOOT, 7919);
    const cell = (key, as = f) => `${as(fig[key])} [${ci[key] ? `${as(ci[key][0])}–${as(ci[key][1])}` : 'n/a'}]`;
    console.log(`${l.padEnd(9)} | tech ${cell('tech.precision')} / ${cell('tech.recall')} | unq ${cell('vague.precision')} / ${cell('vague.recall')} | OTHER ${cell('noise.other', pct)} | QUANT ${cell('noise.quant', pct)}`);
  }
  if (calib) {
    for (const l of Object.keys(TARGETS)) {
      const cal = calibration(held.flatMap((h) => findingsOf(h.it.row.label, h.dec[l], h.dec.precise, h.it.repo)), { repos, boot: BOOT, seed: 7919 });
      for (const c of formatCalibration(cal)) console.log(`  ${l} ${c.rule}: likely ${c.likely}, possible ${c.possible}, calibration error ${c.ece}; ${c.bins}`);
    }
  }
}
