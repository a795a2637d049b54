// Compiles the word-class data (src/core/data/*.json plus the user's extra words) into matchers.
// English matches on stemmed tokens, so "improve/improves/improved/improving" are one entry;
// Chinese matches on substrings, longest entry first.
import enData from './data/en.json';
import zhData from './data/zh.json';
import type { ExtraWords, Lang, WordClass } from './types.js';

/** The classes the judgment uses. Config classes map onto these (see CONFIG_CLASS). */
export type LexClass =
  | 'improveVerbs'
  | 'upVerbs'
  | 'downVerbs'
  | 'keepVerbs'
  | 'buildVerbs'
  | 'enableVerbs'
  | 'techGood'
  | 'techBad'
  | 'techObjects'
  | 'comparatives'
  | 'qualityAdjectives'
  | 'businessOutcomes'
  | 'businessNeedsPeople'
  | 'people'
  | 'techCostModifiers'
  | 'beneficiaries'
  | 'problemCues'
  | 'descriptiveStarts'
  | 'intentCues'
  | 'proposalCues';

export const LEX_CLASSES: LexClass[] = [
  'improveVerbs',
  'upVerbs',
  'downVerbs',
  'keepVerbs',
  'buildVerbs',
  'enableVerbs',
  'techGood',
  'techBad',
  'techObjects',
  'comparatives',
  'qualityAdjectives',
  'businessOutcomes',
  'businessNeedsPeople',
  'people',
  'techCostModifiers',
  'beneficiaries',
  'problemCues',
  'descriptiveStarts',
  'intentCues',
  'proposalCues',
];

/** Which internal class a user-facing config class extends. */
export const CONFIG_CLASS: Record<WordClass, LexClass> = {
  techActions: 'improveVerbs',
  techObjects: 'techObjects',
  techQualities: 'techGood',
  businessOutcomes: 'businessOutcomes',
  beneficiaries: 'beneficiaries',
  descriptive: 'descriptiveStarts',
};

export type DomainId =
  | 'iam'
  | 'audit'
  | 'monitoring'
  | 'testing'
  | 'delivery'
  | 'performance'
  | 'infrastructure'
  | 'migration'
  | 'reliability';

interface LangData {
  domains: Record<DomainId, string[]>;
  [cls: string]: unknown;
}

const DATA: Record<Lang, LangData> = { en: enData as unknown as LangData, zh: zhData as unknown as LangData };

// ---------------------------------------------------------------------------------------------
// English tokens and stems

/** A word of a sentence with its offsets in the sentence text and its stem. */
export interface Token {
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.]*[\p{L}\p{N}]|[\p{L}\p{N}]|[$%€£¥]/gu;

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** A light, deterministic English stemmer: the same function runs on data and text. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3)).replace(/e$/, '');
  if (w.endsWith('ed') && w.length > 4) return undouble(w.slice(0, -2)).replace(/e$/, '');
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Splits English text into word tokens (hyphens separate words). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    // Split hyphenated and slash-joined words so "time-to-market" equals "time to market".
    out.push(mk(m[0], m.index));
  }
  return out;
}

function mk(text: string, start: number): Token {
  const lower = text.toLowerCase();
  return { text, lower, stem: stem(lower), start, end: start + text.length };
}

function phraseStems(entry: string): string[] {
  return tokenize(entry.replace(/[-/]/g, ' ')).map((t) => t.stem);
}

/** A match of a class entry in a sentence. Offsets are into the sentence text. */
export interface Match {
  cls: LexClass;
  entry: string;
  start: number;
  end: number;
  /** Token index range (English only; -1 for Chinese). */
  tokenStart: number;
  tokenEnd: number;
}

class EnglishClassMatcher {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly entries = new Map<string, string>();
  constructor(words: string[]) {
    for (const w of words) {
      const stems = phraseStems(w);
      if (stems.length === 0) continue;
      const list = this.byFirst.get(stems[0]!) ?? [];
      list.push(stems);
      this.byFirst.set(stems[0]!, list);
      this.entries.set(stems.join(' '), w);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  match(cls: LexClass, tokens: Token[], out: Match[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const cands = this.byFirst.get(tokens[i]!.stem);
      if (!cands) continue;
      for (const stems of cands) {
        if (i + stems.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < stems.length; k++) {
          if (tokens[i + k]!.stem !== stems[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const last = tokens[i + stems.length - 1]!;
          out.push({
            cls,
            entry: this.entries.get(stems.join(' ')) ?? stems.join(' '),
            start: tokens[i]!.start,
            end: last.end,
            tokenStart: i,
            tokenEnd: i + stems.length,
          });
          break;
        }
      }
    }
  }
}

const CLASS_BIT = new Map(LEX_CLASSES.map((c, i) => [c, 1 << i]));

/** All English classes in one index: one pass over the tokens finds every class's matches. */
class EnglishIndex {
  private readonly byFirst = new Map<string, Array<{ cls: LexClass; stems: string[]; entry: string }>>();
  constructor(words: Record<LexClass, string[]>) {
    for (const cls of LEX_CLASSES) {
      for (const w of words[cls]) {
        const stems = phraseStems(w);
        if (stems.length === 0) continue;
        const list = this.byFirst.get(stems[0]!) ?? [];
        list.push({ cls, stems, entry: w });
        this.byFirst.set(stems[0]!, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Per class and start token, the longest entry that matches there. */
  match(tokens: Token[]): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const cands = this.byFirst.get(tokens[i]!.stem);
      if (!cands) continue;
      let seen = 0;
      for (const c of cands) {
        const bit = CLASS_BIT.get(c.cls)!;
        if (seen & bit) continue;
        const n = c.stems.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (tokens[i + k]!.stem !== c.stems[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        seen |= bit;
        out.push({ cls: c.cls, entry: c.entry, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, tokenStart: i, tokenEnd: i + n });
      }
    }
    return out;
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Classes (and the original entry) ending here. */
  ends?: Array<{ cls: LexClass; entry: string }>;
}

/** All Chinese classes in one character trie; matching emulates a per-class, leftmost-longest,
 * non-overlapping scan (what one alternation regex per class would find), in one pass. */
class ChineseTrie {
  private readonly root: TrieNode = { next: new Map() };
  constructor(words: Record<LexClass, string[]>) {
    for (const cls of LEX_CLASSES) {
      for (const w of new Set(words[cls])) {
        if (!w) continue;
        let node = this.root;
        for (const ch of w.toLowerCase()) {
          let nxt = node.next.get(ch);
          if (!nxt) node.next.set(ch, (nxt = { next: new Map() }));
          node = nxt;
        }
        (node.ends ??= []).push({ cls, entry: w });
      }
    }
  }

  match(text: string): Match[] {
    const lower = text.toLowerCase();
    const chars = lower.length === text.length ? lower : text;
    const lastEnd = new Map<LexClass, number>();
    const out: Match[] = [];
    for (let i = 0; i < chars.length; i++) {
      // longest match per class starting at i
      const best = new Map<LexClass, number>();
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < chars.length && node; j++) {
        node = node.next.get(chars[j]!);
        if (node?.ends) for (const e of node.ends) best.set(e.cls, j + 1);
      }
      for (const [cls, end] of best) {
        if ((lastEnd.get(cls) ?? 0) > i) continue;
        lastEnd.set(cls, end);
        out.push({ cls, entry: text.slice(i, end), start: i, end, tokenStart: -1, tokenEnd: -1 });
      }
    }
    return out;
  }
}

class ChineseClassMatcher {
  private readonly re: RegExp | null;
  constructor(words: string[]) {
    const sorted = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
    this.re = sorted.length
      ? new RegExp(sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
      : null;
  }

  match(cls: LexClass, text: string, out: Match[]): void {
    const re = this.re;
    if (!re) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ cls, entry: m[0], start: m.index, end: m.index + m[0].length, tokenStart: -1, tokenEnd: -1 });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}

/** Compiled word classes for one language. */
export interface LangLexicon {
  lang: Lang;
  words: Record<LexClass, string[]>;
  matchEnglish(tokens: Token[]): Match[];
  matchChinese(text: string): Match[];
  /** The tokens and class matches of a sentence (English: tokens and matches; Chinese: matches
   * only). The last sentence's are kept, since the rules and the model's features read the same
   * sentence one after the other; callers must not change the arrays. */
  read(text: string): { tokens: Token[]; matches: Match[] };
  domains: Array<{ id: DomainId; en?: EnglishClassMatcher; zh?: ChineseClassMatcher }>;
  domainOf(textOrTokens: string | Token[]): DomainId[];
}

export interface Lexicon {
  en: LangLexicon;
  zh: LangLexicon;
}

function compile(lang: Lang, extra: ExtraWords | undefined): LangLexicon {
  const data = DATA[lang];
  const words = {} as Record<LexClass, string[]>;
  for (const cls of LEX_CLASSES) words[cls] = [...((data[cls] as string[] | undefined) ?? [])];
  for (const [cfgClass, list] of Object.entries(extra?.[lang] ?? {})) {
    const target = CONFIG_CLASS[cfgClass as WordClass];
    if (target && Array.isArray(list)) words[target].push(...list.filter((w) => typeof w === 'string' && w.trim()));
  }
  const en = lang === 'en' ? new EnglishIndex(words) : undefined;
  const zh = lang === 'zh' ? new ChineseTrie(words) : undefined;
  const domains = (Object.keys(data.domains) as DomainId[]).map((id) =>
    lang === 'en'
      ? { id, en: new EnglishClassMatcher(data.domains[id]) }
      : { id, zh: new ChineseClassMatcher(data.domains[id]) },
  );
  let last: { text: string; tokens: Token[]; matches: Match[] } | undefined;
  return {
    lang,
    words,
    matchEnglish(tokens) {
      return en ? en.match(tokens) : [];
    },
    matchChinese(text) {
      return zh ? zh.match(text) : [];
    },
    read(text) {
      if (last && last.text === text) return last;
      const tokens = lang === 'en' ? tokenize(text) : [];
      last = { text, tokens, matches: lang === 'en' ? this.matchEnglish(tokens) : this.matchChinese(text) };
      return last;
    },
    domains,
    domainOf(input) {
      const scored: Array<[DomainId, number]> = [];
      for (const d of domains) {
        const out: Match[] = [];
        if (d.en && typeof input !== 'string') d.en.match('techObjects', input, out);
        if (d.zh && typeof input === 'string') d.zh.match('techObjects', input, out);
        if (out.length) scored.push([d.id, out.length]);
      }
      return scored.sort((a, b) => b[1] - a[1]).map(([id]) => id);
    },
  };
}

const cache = new Map<string, Lexicon>();

/** The compiled lexicon for a set of extra words (compiled once per distinct config). */
export function getLexicon(extra?: ExtraWords): Lexicon {
  const key = extra ? JSON.stringify(extra) : '';
  let lex = cache.get(key);
  if (!lex) {
    lex = { en: compile('en', extra), zh: compile('zh', extra) };
    if (cache.size > 16) cache.clear();
    cache.set(key, lex);
  }
  return lex;
}
