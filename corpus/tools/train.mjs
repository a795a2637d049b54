#!/usr/bin/env node
// `npm run train`: fits the judgment model on the whole corpus and writes
// src/core/data/model.json. Thresholds for each sensitivity come from out-of-fold predictions
// (group k-fold by repository), never from rows the model was fitted on. Deterministic: same
// corpus, same file.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chooseThresholds, crossValidate, featurize, FIT, fit, loadCore, loadCorpus, loadSilver, numberItems, repoOf, ROOT, SILVER_IN_TRAINING, startNets, withContext, writeModel } from './lib.mjs';
import { NET } from './net.mjs';

const SEED = 1;
const FOLDS = 10;
// The sentence network averaged with the n-gram weights is fitted too and written beside the
// model (net-<lang>.bin), as shipped since 2026-12-01; --no-net writes the n-gram weights alone
// (and removes the network files). (--net, the seventh session's switch, is still accepted.)
const withNet = !process.argv.includes('--no-net');
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(ROOT, 'src', 'core', 'data', 'model.json');

const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const hash = createHash('sha256');
for (const r of [...rows, ...silver]) hash.update(`${r.lang}\t${r.label}\t${r.text}\n`);
const langs = {};
// --dump FILE: the out-of-fold predictions the thresholds were chosen from (research replays).
const dumpTo = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : null;
const dump = {};
const meta = { corpusSha256: hash.digest('hex').slice(0, 16), seed: SEED, folds: FOLDS, fit: FIT, ...(withNet ? { net: NET } : {}), rows: {}, silverRows: {}, repositories: {} };
for (const lang of ['en', 'zh']) {
  const items = featurize(core, rows.filter((r) => r.lang === lang));
  const extra = featurize(core, silver.filter((r) => r.lang === lang));
  // The shipped network trains in a worker while the folds' models pick the thresholds.
  const all = numberItems(items, extra);
  const net = withNet ? startNets(lang, all, [all], SEED * 1000 + FOLDS) : null;
  const { preds } = await crossValidate(core, items, FOLDS, SEED, FIT, extra, { net: withNet ? NET : null });
  // The n-gram model's own thresholds (used alone, and when the network's data is not loaded);
  // with a network, the network carries its own: each level's share of it and thresholds.
  if (dumpTo) dump[lang] = items.map((it, i) => ({ id: it.row.id, label: it.row.label, repo: it.repo, raw: preds[i].raw }));
  const thresholds = chooseThresholds(items, preds, { mixes: [0] });
  const fitted = fit(withContext([...items, ...extra]), FIT);
  if (net) fitted.net = { ...(await net)[0], thresholds: chooseThresholds(items, preds) };
  meta.silverRows[lang] = extra.length;
  langs[lang] = { features: fitted.features, w: fitted.w, thresholds, ...(fitted.net ? { net: fitted.net } : {}) };
  meta.rows[lang] = items.length;
  meta.repositories[lang] = new Set(items.map((it) => repoOf(it.row))).size;
  console.log(`${lang}: ${items.length} rows, ${fitted.features.length} features, thresholds ${JSON.stringify(thresholds)}${fitted.net ? `, with the network ${JSON.stringify(fitted.net.thresholds)}` : ''}`);
}
for (const file of writeModel(core, core.encodeModel({ version: 1, meta, langs }), out)) console.log(`wrote ${relative(ROOT, file)}`);
if (dumpTo) writeFileSync(dumpTo, JSON.stringify(dump));
