// Research: does splitting the heterogeneous classes into the roles the labelers' notes name
// (OTHER: problem, background, description, instruction, lead-in…; TECH and BIZ likewise) give
// a linear model a better ranking of technical claims? Out-of-fold tech-value AP, the same folds
// as `npm run eval` (oof.mjs). SUB=0 fits the three classes with the same code (the reference).
import { writeFileSync } from 'node:fs';
import { loadCore, classOf } from '../tools/lib.mjs';
import { languages, outOfFold, summary } from './oof.mjs';

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

const core = await loadCore();
for (const { lang, t0, items, extra } of languages(core)) {
  const all = items.concat(extra);
  const subs = SUB === '0' ? ['O', 'T', 'B'] : [...new Set(all.map((it) => subOf(it.row)))].sort();
  for (const it of all) it.k = SUB === '0' ? classOf(it.row.label) : subs.indexOf(subOf(it.row));
  const counts = {}; for (const it of all) counts[subs[it.k]] = (counts[subs[it.k]] ?? 0) + 1;
  console.error(lang, 'featurized', ((Date.now() - t0) / 1000).toFixed(0), 's', JSON.stringify(counts));
  const toClasses = (p) => { const out = [0, 0, 0]; p.forEach((x, c) => (out[parentOf(subs[c])] += x)); return out; };
  const scores = outOfFold(items, extra, subs.length, toClasses, { seed: Number(process.env.SEED ?? 1), log: (what) => console.error(lang, what, ((Date.now() - t0) / 1000).toFixed(0), 's') });
  const { tech, vague } = scores;
  if (process.env.DUMP) writeFileSync(`${process.env.DUMP}-${lang}.json`, JSON.stringify(items.map((it, i) => ({ id: it.row.id, label: it.row.label, tech: tech[i], vague: vague[i] }))));
  console.log(`SUB=${SUB} ${lang}: ${summary(items, scores)}`);
}
