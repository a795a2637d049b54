// Research (twenty-first session): the unlabeled prose text.py extracted ({en,zh}.txt in EXP_DIR),
// cut into sentences (Intl.Segmenter) and tokenized exactly as the sentence network reads
// (src/core/judge/words.ts `networkWords`), one sentence per line, duplicates dropped:
// {en,zh}.lm.txt, the text lm.py pretrains a reader on. Plain Node.
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const DIR = process.env.EXP_DIR ?? '.cache/exp';
const out = join(mkdtempSync(join(tmpdir(), 'bizlang-lm-')), 'words.mjs');
await build({ entryPoints: ['src/core/judge/words.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error' });
const { networkWords } = await import(out);

for (const lang of (process.env.LANGS ?? 'en,zh').split(',')) {
  const sentences = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const sink = createWriteStream(`${DIR}/${lang}.lm.txt`);
  const seen = new Set();
  let kept = 0, words = 0;
  for await (const para of createInterface({ input: createReadStream(`${DIR}/${lang}.txt`) })) {
    if (para.length > 20000) continue; // tables and dumps, not prose
    for (const { segment } of sentences.segment(para)) {
      const s = segment.trim();
      if (s.length < 12 || seen.has(s)) continue;
      seen.add(s);
      const w = networkWords(s, lang).slice(0, 80);
      if (w.length < 4) continue;
      kept++; words += w.length;
      if (!sink.write(w.join(' ') + '\n')) await new Promise((r) => sink.once('drain', r));
    }
  }
  sink.end();
  console.log(lang, kept, 'sentences', words, 'words');
}
