// splitSentences answers one-sentence runs without walking ICU's segmenter. These tests hold that
// the shortcut finds exactly the sentences Intl.Segmenter would: the characters where ICU may
// break are the ones the shortcut looks for, and on generated and real text both agree.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceSpan } from '../../src/core/sentences.js';
import type { Lang } from '../../src/core/types.js';

const icu = { en: new Intl.Segmenter('en', { granularity: 'sentence' }), zh: new Intl.Segmenter('zh', { granularity: 'sentence' }) };

/** The sentences of `text` as ICU alone finds them, trimmed and kept as splitSentences keeps them. */
function reference(text: string, lang: Lang): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const seg of icu[lang].segment(text)) {
    let start = seg.index;
    let end = seg.index + seg.segment.length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end, lang });
  }
  return out;
}

const TERMINAL = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;

describe('splitSentences', () => {
  it('knows every character after which ICU may end a sentence', () => {
    // Every code point of the Basic Multilingual Plane, and every 7th beyond it, in a context where
    // a terminal ends a sentence: ICU breaks there exactly when the shortcut sees a terminal.
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x110000; cp += cp < 0x10000 ? 1 : 7) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      for (const lang of ['en', 'zh'] as const) {
        const breaks = [...icu[lang].segment(`ab${c} Cd`)].length > 1 || [...icu[lang].segment(`中文${c}中文`)].length > 1;
        if (breaks && !TERMINAL.test(c)) wrong.push(`${lang} U+${cp.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000); // 4.4 million segmentations: ~3 s on a quiet machine, over vitest's 5 s default on a busy one

  it('finds what ICU finds in generated text', () => {
    const piece = fc.constantFrom(
      'a', 'Word', ' ', '  ', '中文', '句子', '1', '3.5', 'e.g.', 'Mr.', '.', '。', '!', '?', '！', '？', '…', '‼', ';', '，',
      ')', '）', '"', "'", '”', '’', '」', '』', '】', '》', ']', '}', '(', '「', '\n', '\r\n', '\u2029', '\u0085', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u2028', 'X', '-', '. )', '。」', '?!',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.constantFrom<Lang>('en', 'zh'), (parts, lang) => {
        const text = parts.join('');
        expect(splitSentences(text, lang)).toEqual(reference(text, lang));
      }),
      { numRuns: 10000, seed: 20261201 },
    );
  });

  it('finds what ICU finds in the labeled corpus', () => {
    const dir = new URL('../../corpus/data/base/', import.meta.url);
    let n = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { text: string; lang: Lang };
        for (const text of [row.text, `${row.text} ${row.text}`, `- ${row.text}\n`]) {
          expect(splitSentences(text, row.lang)).toEqual(reference(text, row.lang));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(3000);
  });
});
