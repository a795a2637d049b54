// `npm run eval -- --stats`: the corpus's size, spread over repositories and genres, licences,
// and the agreement of the double-labeled slice (corpus/agreement/). Exit status 1 when a
// requirement of the corpus is not met.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRewrite, isTranslation, LABELS, loadCorpus, loadSilver, repoOf, ROOT, SILVER_IN_TRAINING } from './lib.mjs';

export const REQUIRED = { total: 3000, perLang: 1400, repositories: 40, repositoriesPerLang: 20, maxRepoShare: 0.08 };

/** Cohen's kappa of two label lists. */
export function kappa(a, b) {
  const n = a.length;
  if (n === 0) return null;
  const cats = [...new Set([...a, ...b])];
  let agree = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) agree++;
  const po = agree / n;
  let pe = 0;
  for (const c of cats) pe += (a.filter((x) => x === c).length / n) * (b.filter((x) => x === c).length / n);
  return { n, agreement: po, kappa: pe === 1 ? 1 : (po - pe) / (1 - pe) };
}

/** The double-labeled slice: first pass (the corpus label before settlement), blind second pass. */
function agreement(rows) {
  const file = join(ROOT, 'corpus', 'agreement', 'slice.jsonl');
  if (!existsSync(file)) return null;
  const slice = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const out = {};
  for (const lang of ['en', 'zh']) {
    const s = slice.filter((r) => r.lang === lang);
    out[lang] = { ...kappa(s.map((r) => r.first), s.map((r) => r.second)), settled: s.filter((r) => r.first !== r.second).length };
  }
  const all = kappa(slice.map((r) => r.first), slice.map((r) => r.second));
  return { ...out, all };
}

/** The blind second passes on slices of the training-only rows (corpus/silver/agreement/
 * second-…-<lang>.jsonl), by file: [{ file, rows: [{ id, label }] }]. */
export function silverSecondPasses(lang) {
  const dir = join(ROOT, 'corpus', 'silver', 'agreement');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.startsWith('second-') && n.endsWith(`-${lang}.jsonl`))
    .sort()
    .map((file) => ({ file, rows: readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) }));
}

/** The blind pass from the bare sentence alone (corpus/agreement/bare/out, corpus/BARE_PASS_BRIEF.md):
 * id → { id, label, note }. */
export function barePass() {
  const dir = join(ROOT, 'corpus', 'agreement', 'bare', 'out');
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)))
    .map((r) => [r.id, r]));
}

/** The training-only rows the model is fitted on (corpus/silver): size, spread, labels, the blind
 * second pass on a slice of them, and which of their repositories lack a licence entry. */
function silverStats() {
  const rows = loadSilver().filter((r) => SILVER_IN_TRAINING.test(r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const licFile = join(ROOT, 'corpus', 'silver', 'licences.json');
  const lic = existsSync(licFile) ? JSON.parse(readFileSync(licFile, 'utf8')) : {};
  const out = { rows: rows.length, repositories: new Set(rows.map(repoOf)).size, langs: {}, rowsWithoutLicence: rows.filter((r) => !r.license && !lic[repoOf(r)]).length };
  for (const lang of ['en', 'zh']) {
    const rs = rows.filter((r) => r.lang === lang);
    const second = silverSecondPasses(lang).flatMap((p) => p.rows).filter((r) => byId.has(r.id));
    // Gathered rows, rewrites and translations each have their own check (a rewrite is written
    // to be one label; a translation keeps the label of a sentence labeled in its context).
    const check = (pick) => {
      const s = second.filter(pick);
      return kappa(s.map((r) => byId.get(r.id).label), s.map((r) => r.label));
    };
    const written = (r) => isRewrite(r) || isTranslation(r);
    out.langs[lang] = {
      rows: rs.length,
      rewrites: rs.filter(isRewrite).length,
      rewritesAgreement: check(isRewrite),
      translations: rs.filter(isTranslation).length,
      translationsAgreement: check(isTranslation),
      // A translation keeps the repository of the English row it was written from.
      repositories: new Set(rs.filter((r) => !isTranslation(r)).map(repoOf)).size,
      labels: Object.fromEntries(LABELS.map((l) => [l, rs.filter((r) => r.label === l).length])),
      agreement: check((r) => !written(r)),
    };
  }
  return out;
}

function licences(rows) {
  const file = join(ROOT, 'corpus', 'SOURCES.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const repos = [...new Set(rows.map(repoOf))];
  const missing = repos.filter((r) => !text.includes(`| ${r} |`));
  const rowsWithout = rows.filter((r) => !r.license || r.license === 'unknown').length;
  return { repositories: repos.length, notInSources: missing, rowsWithoutLicence: rowsWithout };
}

export function printStats(rows = loadCorpus(), { json = false } = {}) {
  const stats = { total: rows.length, langs: {}, repositories: new Set(rows.map(repoOf)).size };
  const problems = [];
  if (rows.length < REQUIRED.total) problems.push(`${rows.length} sentences (need ≥ ${REQUIRED.total})`);
  if (stats.repositories < REQUIRED.repositories) problems.push(`${stats.repositories} repositories (need ≥ ${REQUIRED.repositories})`);
  for (const lang of ['en', 'zh']) {
    const rs = rows.filter((r) => r.lang === lang);
    const byRepo = new Map();
    for (const r of rs) byRepo.set(repoOf(r), (byRepo.get(repoOf(r)) ?? 0) + 1);
    const [topRepo, topN] = [...byRepo].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
    const labels = Object.fromEntries(LABELS.map((l) => [l, rs.filter((r) => r.label === l).length]));
    const genres = {};
    for (const r of rs) genres[r.genre ?? 'unrecorded'] = (genres[r.genre ?? 'unrecorded'] ?? 0) + 1;
    stats.langs[lang] = { rows: rs.length, repositories: byRepo.size, largest: { repository: topRepo, rows: topN, share: rs.length ? topN / rs.length : 0 }, labels, genres };
    if (rs.length < REQUIRED.perLang) problems.push(`${lang}: ${rs.length} sentences (need ≥ ${REQUIRED.perLang})`);
    if (byRepo.size < REQUIRED.repositoriesPerLang) problems.push(`${lang}: ${byRepo.size} repositories (need ≥ ${REQUIRED.repositoriesPerLang})`);
    if (topN / rs.length > REQUIRED.maxRepoShare) problems.push(`${lang}: ${topRepo} holds ${(100 * topN / rs.length).toFixed(1)}% (limit ${REQUIRED.maxRepoShare * 100}%)`);
  }
  stats.agreement = agreement(rows);
  if (!stats.agreement) problems.push('no double-labeled slice (corpus/agreement/slice.jsonl)');
  const bare = barePass();
  stats.bare = Object.fromEntries(['en', 'zh'].map((lang) => {
    const rs = rows.filter((r) => r.lang === lang && bare.has(r.id));
    return [lang, rs.length ? kappa(rs.map((r) => r.label), rs.map((r) => bare.get(r.id).label)) : null];
  }));
  stats.licences = licences(rows);
  if (stats.licences.notInSources.length) problems.push(`${stats.licences.notInSources.length} repositories missing from corpus/SOURCES.md`);
  stats.silver = silverStats();
  if (stats.silver.rowsWithoutLicence) problems.push(`${stats.silver.rowsWithoutLicence} training-only rows without a licence`);
  stats.problems = problems;
  if (json) {
    console.log(JSON.stringify(stats, null, 2));
  } else {
    console.log(`Corpus: ${stats.total} labeled sentences from ${stats.repositories} repositories`);
    for (const [lang, s] of Object.entries(stats.langs)) {
      console.log(`  ${lang}: ${s.rows} sentences, ${s.repositories} repositories; largest ${s.largest.repository} ${s.largest.rows} (${(100 * s.largest.share).toFixed(1)}%)`);
      console.log(`      labels ${Object.entries(s.labels).map(([l, n]) => `${l} ${n}`).join(', ')}`);
      console.log(`      genres ${Object.entries(s.genres).sort((a, b) => b[1] - a[1]).map(([g, n]) => `${g} ${n}`).join(', ')}`);
    }
    const a = stats.agreement;
    if (a) {
      for (const lang of ['en', 'zh', 'all']) {
        if (!a[lang]?.n) continue;
        console.log(`  agreement ${lang}: ${a[lang].n} sentences labeled twice, independently: ${(100 * a[lang].agreement).toFixed(1)}% agree, Cohen's κ ${a[lang].kappa.toFixed(2)}`);
      }
    }
    for (const [lang, b] of Object.entries(stats.bare)) {
      if (b) console.log(`  bare-sentence pass ${lang}: ${b.n} sentences labeled again from the sentence alone (corpus/BARE_PASS_BRIEF.md): ${(100 * b.agreement).toFixed(1)}% agree with the labels, Cohen's κ ${b.kappa.toFixed(2)}`);
    }
    const sv = stats.silver;
    console.log(`Training only (corpus/silver, never scored): ${sv.rows} sentences from ${sv.repositories} more repositories`);
    for (const [lang, s] of Object.entries(sv.langs)) {
      const a = s.agreement ? `; ${s.agreement.n} labeled twice blind: ${(100 * s.agreement.agreement).toFixed(1)}% agree, κ ${s.agreement.kappa.toFixed(2)}` : '';
      console.log(`  ${lang}: ${s.rows} sentences, ${s.repositories} repositories; labels ${Object.entries(s.labels).map(([l, n]) => `${l} ${n}`).join(', ')}${a}`);
      const ra = s.rewritesAgreement ? `; ${s.rewritesAgreement.n} labeled again blind: ${(100 * s.rewritesAgreement.agreement).toFixed(1)}% agree, κ ${s.rewritesAgreement.kappa.toFixed(2)}` : '';
      if (s.rewrites) console.log(`      of which ${s.rewrites} rewrites written from them (corpus/silver/rewrites)${ra}`);
      const ta = s.translationsAgreement ? `; ${s.translationsAgreement.n} labeled again blind: ${(100 * s.translationsAgreement.agreement).toFixed(1)}% agree, κ ${s.translationsAgreement.kappa.toFixed(2)}` : '';
      if (s.translations) console.log(`      and ${s.translations} English rows written anew in this language (corpus/silver/translations)${ta}`);
    }
    console.log(`  licences: ${stats.licences.repositories - stats.licences.notInSources.length}/${stats.licences.repositories} repositories listed in corpus/SOURCES.md; ${stats.licences.rowsWithoutLicence} rows without a licence id`);
    console.log(problems.length ? `Not met: ${problems.join('; ')}` : 'All corpus requirements met.');
  }
  return problems.length ? 1 : 0;
}
