// Child of `npm run bench` (section "model"): in a fresh process, the cost of the learned
// judgment — decoding the shipped model on the first sentence judged, then the per-sentence
// cost of judgeSentence (rules + features + model) against classifySentence (the rules alone)
// on the sentences of the bench documents. Prints one JSON line.
//   node scripts/bench/model.mjs CORE_BUNDLE DOC...
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './lib.mjs';

const [core, ...docs] = process.argv.slice(2);
const t0 = performance.now();
const { getLexicon, judgeSentence, classifySentence, useNetworks, forgetJudgments } = await import(core);
const tImport = performance.now();
const lexicon = getLexicon();
classifySentence('Warm-up of the lexicon.', 'en', lexicon);
classifySentence('预热词表。', 'zh', lexicon);
// The sentence networks, read from their files when first needed, as the CLI does.
useNetworks((lang) => {
  const file = join(REPO, 'src', 'core', 'data', `net-${lang}.bin`);
  return existsSync(file) ? readFileSync(file) : null;
});
const tLexicon0 = performance.now();
// Chinese word segmentation loads ICU's dictionary once per process (a cost of segmenting Chinese,
// not of the model; the rules alone never segment): measured on its own, before the model's load.
[...new Intl.Segmenter('zh', { granularity: 'word' }).segment('预热分词器，现在更快了。')];
const tSegmenter = performance.now();
const tLexicon = performance.now();
// The first judgment of each language decodes the model (the n-gram weights of both, and that
// language's network, read from its file); the second is an ordinary one.
const first = [['We unified permissions and it is faster now.', 'en'], ['我们统一了权限，现在更快了。', 'zh']];
for (const [s, l] of first) judgeSentence(s, l, lexicon, { sensitivity: 'thorough' });
const tFirst = performance.now();
// The core remembers recent judgments: forgotten, so that the second is judged afresh.
forgetJudgments();
for (const [s, l] of first) judgeSentence(s, l, lexicon, { sensitivity: 'thorough' });
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
    forgetJudgments(); // every repetition judges afresh (the memory of judgments is not the judgment)
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
  lexiconMs: tLexicon0 - tImport,
  segmenterMs: tSegmenter - tLexicon0,
  // The first judgment decodes the model; the second is an ordinary one.
  modelLoadMs: tFirst - tLexicon - (tSecond - tFirst),
  sentences: sentences.length,
  rulesUsPerSentence: rulesUs,
  judgeUsPerSentence: judgeUs,
}));
