// Child of `npm run bench` (section "model"): in a fresh process, the cost of the learned
// judgment — decoding the shipped model on the first sentence judged, then the per-sentence
// cost of judgeSentence (rules + features + model) against classifySentence (the rules alone)
// on the sentences of the bench documents. Prints one JSON line.
//   node scripts/bench/model.mjs CORE_BUNDLE DOC...
import { readFileSync } from 'node:fs';

const [core, ...docs] = process.argv.slice(2);
const t0 = performance.now();
const { getLexicon, judgeSentence, classifySentence } = await import(core);
const tImport = performance.now();
const lexicon = getLexicon();
classifySentence('Warm-up of the lexicon.', 'en', lexicon);
classifySentence('预热词表。', 'zh', lexicon);
const tLexicon = performance.now();
judgeSentence('We unified permissions.', 'en', lexicon); // decodes the model (both languages)
const tFirst = performance.now();
judgeSentence('We unified permissions.', 'en', lexicon);
const tSecond = performance.now();

const sentences = [];
for (const doc of docs) {
  for (const para of readFileSync(doc, 'utf8').split(/\n\s*\n/)) {
    const text = para.replace(/\s+/g, ' ').trim();
    if (text.length < 20 || text.length > 600 || /^[#|`<\-*>]/.test(text)) continue;
    sentences.push({ text, lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en' });
  }
}
const per = (fn) => {
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    for (const x of sentences) fn(x.text, x.lang, lexicon);
    runs.push(((performance.now() - s) * 1000) / sentences.length);
  }
  return runs.sort((a, b) => a - b)[2];
};
const rulesUs = per(classifySentence);
const judgeUs = per(judgeSentence);
console.log(JSON.stringify({
  importMs: tImport - t0,
  lexiconMs: tLexicon - tImport,
  // The first judgment decodes the model; the second is an ordinary one.
  modelLoadMs: tFirst - tLexicon - (tSecond - tFirst),
  sentences: sentences.length,
  rulesUsPerSentence: rulesUs,
  judgeUsPerSentence: judgeUs,
}));
