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

let lastText: string | undefined;
let lastSegments: Intl.SegmentData[] = [];

/** The Chinese word segments of `text`, kept for the last text asked: the features and the
 * network read the same sentence one after the other, and segmenting is the judgment's largest
 * cost in Chinese. */
export function zhSegments(text: string): readonly Intl.SegmentData[] {
  if (text !== lastText) {
    lastSegments = [...zhWordSegmenter().segment(text)];
    lastText = text;
  }
  return lastSegments;
}

export function networkWords(text: string, lang: Lang): string[] {
  if (lang === 'en') {
    const out = text.toLowerCase().match(EN_WORD) ?? [];
    for (let i = 0; i < out.length; i++) if (/^\d/.test(out[i]!)) out[i] = '<num>';
    return out;
  }
  // Segmented as written (case does not move ICU's word breaks), read in lower case.
  const out: string[] = [];
  for (const s of zhSegments(text)) {
    if (!s.isWordLike) {
      if (ZH_CLAUSE.test(s.segment)) out.push('<p>');
      else if (/[%％]/.test(s.segment)) out.push('%');
      continue;
    }
    const w = s.segment;
    out.push(/[a-z]/i.test(w) ? '<latin>' : /^\d/.test(w) ? '<num>' : w.toLowerCase());
  }
  return out;
}
