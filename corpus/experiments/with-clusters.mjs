// Out-of-fold tech-value AP of the n-gram model, optionally with word-cluster features
// (KS = which clusterings of clusters.py to add, e.g. "0,1,2"; empty = the model as shipped).
import { readFileSync } from 'node:fs';
import { loadCore, loadCorpus, loadSilver, featurize, crossValidate, FIT, SILVER_IN_TRAINING } from '../tools/lib.mjs';
import { ap, recallAt } from './oof.mjs';
const DIR = process.env.EXP_DIR ?? '.cache/exp';
const core = await loadCore();
const rows = loadCorpus();
const silver = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
const KS = (process.env.KS ?? '').split(',').filter(Boolean).map(Number);
const BI = process.env.BI ?? '';
const CL = { en: JSON.parse(readFileSync(`${DIR}/en-clusters.json`, 'utf8')), zh: JSON.parse(readFileSync(`${DIR}/zh-clusters.json`, 'utf8')) };
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
const tokre = /[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]/g;
function clu(text, lang, feats) {
  if (!KS.length) return feats;
  let ws;
  if (lang === 'en') ws = text.toLowerCase().match(tokre) ?? [];
  else { if (!feats.some((f) => f.startsWith('w:'))) return feats; ws = [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase()); }
  const out = [...feats];
  const ids = ws.map((w) => CL[lang][w]);
  for (const k of KS) {
    const set = new Set();
    ids.forEach((c, i) => { if (c) set.add(`k${k}:${c[k]}`); });
    if (BI !== '' && Number(BI) === k) for (let i = 0; i + 1 < ids.length; i++) if (ids[i] && ids[i + 1]) set.add(`kb${k}:${ids[i][k]}_${ids[i + 1][k]}`);
    out.push(...set);
  }
  return out;
}
function aug(items) { for (const it of items) { const l = it.row.lang; it.whole = clu(it.row.text, l, it.whole); if (it.wholeCtx) it.wholeCtx = clu(it.row.text, l, it.wholeCtx); for (const p of it.parts) { p.features = clu(p.text, p.lang, p.features); if (p.featuresCtx) p.featuresCtx = clu(p.text, p.lang, p.featuresCtx); } } return items; }
for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const items = aug(featurize(core, rows.filter((r) => r.lang === lang)));
  const extra = aug(featurize(core, silver.filter((r) => r.lang === lang)));
  const fo = { ...FIT, ...JSON.parse(process.env.FITX ?? '{}') };
  const { preds } = await crossValidate(core, items, 10, Number(process.env.SEED ?? 1), fo, extra, { net: null });
  const tech = preds.map((p) => p.tech), tpos = items.map((it) => it.row.label === 'TECH');
  const vag = preds.map((p) => p.vague), vpos = items.map((it) => it.row.label === 'BIZ_VAGUE');
  console.log(`KS=${KS} BI=${BI} ${JSON.stringify(process.env.FITX ?? '')} ${lang}: techAP ${ap(tech, tpos).toFixed(3)} R@.88 ${recallAt(tech, tpos, .88).toFixed(2)} R@.75 ${recallAt(tech, tpos, .75).toFixed(2)} | vagueAP ${ap(vag, vpos).toFixed(3)} R@.85 ${recallAt(vag, vpos, .85).toFixed(2)}`);
}
