// The words the sentence network (net.ts) reads, tokenized the way the text its word vectors
// were learned from was (corpus/vectors/README.md), so a word means the same thing in both:
// - English: lower case, runs of letters (with inner digits, hyphens and apostrophes); a number
//   is `<num>`, and `%` and currency signs are words of their own.
// - Chinese: Intl.Segmenter words; a Latin word is `<latin>`, a number `<num>`, a clause
//   punctuation mark `<p>`.
import type { Lang } from '../types.js';

const EN_WORD = /[a-z][a-z0-9'-]*[a-z0-9]|[a-z]|\d[\d.,]*|[%$€£¥]/g;
const ZH_CLAUSE = /[，。；：！？,.;:!?]/;
let zhSegmenter: Intl.Segmenter | undefined;

/** The one Chinese word segmenter of the judgment (features.ts uses it too): making one costs
 * milliseconds. */
export const zhWordSegmenter = (): Intl.Segmenter => (zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

export function networkWords(text: string, lang: Lang): string[] {
  const lower = text.toLowerCase();
  if (lang === 'en') {
    const out = lower.match(EN_WORD) ?? [];
    for (let i = 0; i < out.length; i++) if (/^\d/.test(out[i]!)) out[i] = '<num>';
    return out;
  }
  const out: string[] = [];
  for (const s of zhWordSegmenter().segment(lower)) {
    if (!s.isWordLike) {
      if (ZH_CLAUSE.test(s.segment)) out.push('<p>');
      else if (/[%％]/.test(s.segment)) out.push('%');
      continue;
    }
    const w = s.segment;
    out.push(/[a-z]/.test(w) ? '<latin>' : /^\d/.test(w) ? '<num>' : w);
  }
  return out;
}
