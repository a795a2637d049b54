// Splits prose runs into sentences and decides each run's language. Both languages go through
// Intl.Segmenter (ICU sentence rules), one paragraph at a time: it is linear per paragraph (and
// super-linear on whole documents), and about 15× cheaper than retext-english's parser, which
// alone pushed typical documents past the performance target with identical judgment figures.
import type { Lang } from './types.js';

export interface SentenceSpan {
  /** Offsets into the run's text, trimmed of surrounding white space. */
  start: number;
  end: number;
  lang: Lang;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** Decides a run's language: Chinese when Han characters outweigh English words. */
export function detectLanguage(text: string): Lang {
  const han = text.match(HAN)?.length ?? 0;
  if (han === 0) return 'en';
  const words = text.match(LATIN_WORD)?.length ?? 0;
  // A Chinese sentence is full of product names; two Han characters weigh about one word.
  return han >= 2 && han >= words ? 'zh' : 'en';
}

const segmenters: Partial<Record<Lang, Intl.Segmenter>> = {};
const WINDOW = 4000;

/** Where ICU's sentence rules may break (UAX #29): after a sentence terminal (Sentence_Terminal,
 * '.' included) or a paragraph separator, and nowhere else — checked code point by code point
 * against Intl.Segmenter (test/core/sentences.test.ts). */
const TERMINAL = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;
/** What may follow the first terminal of a one-sentence run without starting another (UAX #29
 * SB8a–SB11): terminals, closing brackets and quotes, spaces — but no closer after a space, and
 * nothing after a line or paragraph separator. */
const IS_TERMINAL = /\p{Sentence_Terminal}/u;
const CLOSERS = new Set([...')]}"\'\u2019\u201d\uff09\u300d\u300f\u3011\u300b\u3009']);
const SPACES = new Set([' ', '\t', '\u00a0', '\u3000']);

/** True when ICU would find one sentence in `text`: no terminal, or only terminals, closers and
 * spaces after the first one. Most paragraphs, list items and table cells are one sentence, and
 * this check costs a fraction of the segmenter's walk. */
function oneSentence(text: string): boolean {
  const at = text.search(TERMINAL);
  if (at < 0) return true;
  let afterSpace = false;
  for (const c of text.slice(at)) {
    if (IS_TERMINAL.test(c)) afterSpace = false;
    else if (SPACES.has(c)) afterSpace = true;
    else if (afterSpace || !CLOSERS.has(c)) return false;
  }
  return true;
}

const sentenceSegmenter = (lang: Lang): Intl.Segmenter => (segmenters[lang] ??= new Intl.Segmenter(lang, { granularity: 'sentence' }));

/** Makes a language's sentence segmenter if it is not made yet (true when it did): the first one
 * loads ICU's sentence rules (~8 ms), which an editor does in a slice of its own (analyze.ts
 * `analyzeAsync`) rather than in the block whose paragraph first needs it. */
export function prepareSentences(lang: Lang): boolean {
  if (segmenters[lang]) return false;
  sentenceSegmenter(lang);
  return true;
}

function trimSpan(text: string, start: number, end: number, lang: Lang, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end, lang });
}

/** Splits a run's text into sentences in the given language (or the detected one). */
export function splitSentences(text: string, forced?: Lang): SentenceSpan[] {
  const lang = forced ?? detectLanguage(text);
  const out: SentenceSpan[] = [];
  if (text.length <= WINDOW && oneSentence(text)) {
    trimSpan(text, 0, text.length, lang, out);
    return out;
  }
  const segmenter = sentenceSegmenter(lang);
  // Intl.Segmenter grows super-linearly with the string: segment long paragraphs in windows cut
  // after a sentence end (or a space) so no window exceeds WINDOW characters.
  for (let from = 0; from < text.length; ) {
    let to = text.length;
    if (to - from > WINDOW) {
      to = from + WINDOW;
      // Search the second half of the window only (a search of the whole text from each window
      // would make long paragraphs quadratic again).
      const lo = from + WINDOW / 2;
      const win = text.slice(lo, to + 2);
      const at = to - lo;
      const cut = Math.max(win.lastIndexOf('. ', at), win.lastIndexOf('。', at), win.lastIndexOf('! ', at), win.lastIndexOf('? ', at), win.lastIndexOf('！', at), win.lastIndexOf('？', at));
      if (cut > 0) to = lo + cut + 1;
      else {
        const space = win.lastIndexOf(' ', at);
        if (space > 0) to = lo + space + 1;
      }
    }
    const piece = text.slice(from, to);
    for (const seg of segmenter.segment(piece)) trimSpan(text, from + seg.index, from + seg.index + seg.segment.length, lang, out);
    from = to;
  }
  return out;
}
