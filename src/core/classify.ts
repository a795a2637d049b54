// The hand-written rules: is a sentence a technical value claim (TECH), a business claim without a
// number (BIZ_VAGUE), a business claim with one (BIZ_QUANT), or no claim (OTHER)? Their verdict is
// one input of the learned judgment (judge/), which decides; they also find the spans a finding
// points at (the claim, the business outcome) and whether the sentence has a number.
//
// The rules are general patterns over word classes (src/core/data/*.json):
// - A business claim names a business outcome (cost, time to market, productivity, compliance,
//   tickets, customers' experience…) in either direction; a number or placeholder makes it BIZ_QUANT.
// - A technical claim pairs a change verb with a technical target of the right polarity
//   ("reduce latency", "improve stability", "提升查询性能"), or builds/adopts technology as an
//   accomplishment, or states a technical quality or metric as the result.
// - Problem statements ("increases memory pressure"), descriptions of how things work,
//   instructions, conditions, questions and background are not claims. When unsure: OTHER.
import type { DomainId, LangLexicon, Lexicon, Match, Token } from './lexicon.js';
import type { Judgment, Lang } from './types.js';

export interface Span {
  start: number;
  end: number;
}

/** Everything the rules need to know about one sentence. Offsets are into the sentence text. */
export interface Facts {
  label: Judgment;
  lang: Lang;
  /** The phrase that decided the judgment (for TECH: the claim; for BIZ: the outcome). */
  trigger: Span | null;
  /** Business outcome phrases. */
  biz: Span[];
  quantified: boolean;
  placeholders: Span[];
  domains: DomainId[];
  beneficiary: boolean;
  /** Where a clause can be added: just before the final punctuation. */
  insertAt: number;
  /** Which pattern decided (for tests and debugging). */
  why: string;
  /** How sure the judgment is of `label` (0–1): the model's probability for it. */
  confidence?: number;
  /** For a finding judged at a looser sensitivity: false when the default one (`precise`) would
   * not report it. */
  likely?: boolean;
}

/** Visible placeholders left by rewrites or templates: [X], [N] days, [baseline], [团队]. */
export const PLACEHOLDER =
  /\[(?:[A-Z]\d?|[a-z][a-z /-]{1,30}|[\u4e00-\u9fff][\u4e00-\u9fff/、 ]{0,11})\]/g;

// A dotted number is a version ("Kubernetes 1.28", "v2.3.1") unless an amount marks it as a
// quantity: a currency before it ("$2.3 million") or a unit or magnitude after it ("2.5x",
// "31.5%", "1.4 million", "2.5 倍").
const YEARS_VERSIONS =
  /[#@]\w+|\b(?:1[89]\d\d|20\d\d)s?\b|(?<![\w.$€£¥])v?\d+(?:\.\d+){1,3}\b(?!\s?(?:%|％|x\b|×|倍|万|亿|元|千|百|times\b|percent|million|billion|thousand|hundred|[kmb]n?\b|ms\b|s\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|[kmgt]i?b\b|秒|分钟|小时|天|周|个月|年))|\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d+\w*\b|^\s*\d+\s*[、.)）]/gi;
// Counts in words are numbers too (corpus/GUIDE.md: "three teams", "hundreds of thousands of
// users", "dozens of", 数十人天, 数万客户, 两名工程师); bare intensity ("many times", 成倍, 大幅) is not.
const EN_NUMBER_WORDS =
  /\b(?:half|halved|double[ds]?|tripled?|twofold|threefold|fourfold|tenfold|zero)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few|several|many|a couple of|dozens of|hundreds of|thousands of|a|an)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|developers?|engineers?|people)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|a hundred|a thousand)\s+times\b|\bfrom\s+(?:\S+\s+){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+to\b|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+(?:or|to)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|hundreds|thousands|millions|billions)\s+(?:of\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\b/i;
const ZH_NUMBER_WORDS =
  /一半|数倍|(?:数|几|近|上|约)[十百千万亿]|十几|成千上万|零人工|(?<![一二两三四五六七八九十百千万亿几数])(?:[二两三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)\s*(?:个|名|位|家|款|支|所|条)|(?<![一二两三四五六七八九十百千万几])[一二两三四五六七八九十百千万几]+\s*(?:个)?(?:秒|分钟|小时|天|周|个月|月|年|人天|人日|倍|成)|从\s*[\d一二两三四五六七八九十几数][^，,。；;]{0,16}?(?:降|缩短|减少|提升|提高|增加|到|至)/;

/** True when the sentence carries a number that measures something (not a year or version). */
export function hasQuantity(text: string, lang: Lang): boolean {
  PLACEHOLDER.lastIndex = 0;
  if (PLACEHOLDER.test(text)) return true;
  const stripped = text.replace(YEARS_VERSIONS, ' ');
  if (/\d/.test(stripped)) return true;
  return lang === 'en' ? EN_NUMBER_WORDS.test(text) : ZH_NUMBER_WORDS.test(text) || EN_NUMBER_WORDS.test(text);
}

function placeholders(text: string): Span[] {
  const out: Span[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function insertionPoint(text: string): number {
  // Back over the trailing punctuation and spaces (by hand: a regex anchored at $ retries every start).
  let at = text.length;
  while (at > 0 && /[\s。．.!！;；:：,，、"”’'）)\]]/.test(text[at - 1]!)) at--;
  // Keep a closing quote or bracket that belongs to the sentence's last word inside.
  while (at < text.length && /["”’'）)\]]/.test(text[at]!)) at++;
  return at;
}

function leadInText(text: string): boolean {
  return /[:：]\s*$/.test(text);
}

/** The facts every judgment carries, whatever the label. */
function baseFacts(text: string, lang: Lang, beneficiary: boolean) {
  return {
    lang,
    quantified: hasQuantity(text, lang),
    placeholders: placeholders(text),
    domains: [] as DomainId[],
    beneficiary,
    insertAt: insertionPoint(text),
  };
}

function isQuestion(text: string): boolean {
  return /[?？]\s*["”’)）]*$/.test(text);
}

// ---------------------------------------------------------------------------------------------
// English

const NP_SKIP = new Set([
  'the', 'a', 'an', 'its', 'their', 'our', 'your', 'his', 'her', 'this', 'that', 'these', 'those',
  'significantly', 'greatly', 'dramatically', 'drastically', 'further', 'overall', 'substantially',
  'considerably', 'meaningfully', 'also', 'both', 'all', 'any', 'much', 'potential', 'existing', 'current',
  'some', 'many', 'more', 'most', 'less', 'fewer', 'very', 'really', 'effectively', 'automatically',
  'on', 'average', 'to',
]);
const NP_STOP = new Set([
  'of', 'for', 'by', 'with', 'in', 'at', 'from', 'into', 'via', 'through', 'across', 'and', 'or', 'but',
  'while', 'which', 'that', 'so', 'as', 'than', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has',
  'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'when', 'where', 'because',
  'without', 'within', 'between', 'over', 'under', 'about', 'after', 'before', 'since', 'until', 'if',
]);
const AUX = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'being', 'will', 'would', 'can', 'could', 'should', 'to', 'also', 'further', 'significantly', 'greatly', 'dramatically', 'drastically', 'not']);
const BE = new Set(['is', 'are', 'be', 'become', 'becomes', 'became', 'remain', 'remains', 'stay', 'stays', 'was', 'were', 'been', 'being', 'feel', 'feels', 'look', 'looks', 'get', 'gets', 'more', 'very', 'highly', 'fully', 'easily']);
const IRREGULAR_PAST = new Set(['built', 'began', 'begun', 'chose', 'chosen', 'opted', 'ran', 'made', 'brought', 'set', 'went', 'got', 'moved', 'rolled']);

type Polarity = 'good' | 'bad' | 'neutral';

const GENERIC_TECH_SHAPE = /^(?:[A-Z]{2,}s?|[A-Z][a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|\w+\.\w+|TECHTERM)$/;

/** Acronyms, camelCase, identifiers with digits or dots: technical names whatever the lexicon says. */
function genericTech(word: string): boolean {
  return GENERIC_TECH_SHAPE.test(word) || (/\d/.test(word) && /^\w+$/.test(word));
}

function boundaryBetween(text: string, a: Token, b: Token): boolean {
  return /[,;:()—–"“”]/.test(text.slice(a.end, b.start));
}

interface Term {
  polarity: Polarity;
  /** True when a bad modifier turned a neutral head bad ("inconsistent responses"). */
  modified?: boolean;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
}

/** The technical terms of a sentence, one per token position, with polarity. */
function englishTerms(tokens: Token[], matches: Match[]): Array<Term | undefined> {
  const at: Array<Term | undefined> = new Array(tokens.length);
  const put = (m: Match, polarity: Polarity) => {
    const term: Term = { polarity, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: m.start, end: m.end };
    for (let i = m.tokenStart; i < m.tokenEnd; i++) {
      const prev = at[i];
      // bad > good > neutral when classes overlap on a token
      if (!prev || (prev.polarity === 'neutral' && polarity !== 'neutral') || (polarity === 'bad' && prev.polarity === 'good')) at[i] = term;
    }
  };
  for (const m of matches) {
    if (m.cls === 'techObjects') put(m, 'neutral');
  }
  for (const m of matches) {
    if (m.cls === 'techGood' || m.cls === 'qualityAdjectives') put(m, 'good');
  }
  for (const m of matches) {
    if (m.cls === 'techBad') put(m, 'bad');
  }
  tokens.forEach((t, i) => {
    if (!at[i] && genericTech(t.text) && !/^\d+$/.test(t.text)) {
      at[i] = { polarity: 'neutral', tokenStart: i, tokenEnd: i + 1, start: t.start, end: t.end };
    }
  });
  return at;
}

/** The noun phrase after token index `from`: its head term and end. The head is the term on the
 * phrase's last word when it has one ("performance costs" → costs); a person there means the
 * phrase is about people, not technology ("benefit Kubernetes maintainers"). */
function nounPhraseAfter(
  text: string,
  tokens: Token[],
  terms: Array<Term | undefined>,
  from: number,
  verbs: Set<number>,
  people: Set<number>,
  inParen: boolean[],
): { head?: Term; end: number; empty: boolean } {
  let j = from;
  while (j < tokens.length && (inParen[j] || (NP_SKIP.has(tokens[j]!.lower) && !terms[j]))) {
    if (j > from && !inParen[j] && boundaryBetween(text, tokens[j - 1]!, tokens[j]!)) return { end: j, empty: true };
    j++;
  }
  let last: Term | undefined;
  let lastIndex = -1;
  let lastTokenIndex = -1;
  let usedOf = false;
  const startJ = j;
  for (let n = 0; j < tokens.length && n < 7; j++) {
    const t = tokens[j]!;
    if (inParen[j]) continue;
    n++;
    if (j > startJ && !inParen[j - 1] && boundaryBetween(text, tokens[j - 1]!, t)) break;
    if (NP_STOP.has(t.lower)) {
      // "90% of net-new validation", "the efficiency of how…": look past one "of" when nothing yet
      if (t.lower === 'of' && !usedOf && !last) {
        usedOf = true;
        continue;
      }
      break;
    }
    if (verbs.has(j) && j > startJ) break;
    lastTokenIndex = j;
    const term = terms[j];
    if (term) {
      last = term;
      lastIndex = j;
    }
  }
  const empty = lastTokenIndex < 0;
  if (lastTokenIndex >= 0 && people.has(lastTokenIndex)) return { end: j, empty };
  if (lastTokenIndex >= 0 && terms[lastTokenIndex]) {
    const head = terms[lastTokenIndex]!;
    // "inconsistent responses": a bad modifier makes the phrase something to cut.
    if (head.polarity === 'neutral' && last && last !== head) return { head, end: j, empty };
    for (let k = startJ; k < lastTokenIndex; k++) {
      const t = terms[k];
      if (head.polarity === 'neutral' && t && t.polarity === 'bad') return { head: { ...head, polarity: 'bad', modified: true }, end: j, empty };
    }
    return { head, end: j, empty };
  }
  if (last && last.polarity === 'neutral') {
    for (let k = startJ; k < lastIndex; k++) {
      const t = terms[k];
      if (t && t.polarity === 'bad') return { head: { ...last, polarity: 'bad', modified: true }, end: j, empty };
    }
  }
  return { head: lastIndex >= 0 ? last : undefined, end: j, empty };
}

/** The head term of the noun phrase just before token index `before` (passive/post-verb). */
function nounPhraseBefore(text: string, tokens: Token[], terms: Array<Term | undefined>, before: number): Term | undefined {
  let j = before - 1;
  while (j >= 0 && AUX.has(tokens[j]!.lower)) j--;
  for (let n = 0; j >= 0 && n < 10; j--, n++) {
    if (boundaryBetween(text, tokens[j]!, tokens[j + 1]!) && n > 0) {
      // allow a parenthetical or relative clause: keep looking but only for a subject at the start
    }
    const term = terms[j];
    if (term) return term;
    if (NP_STOP.has(tokens[j]!.lower) && tokens[j]!.lower !== 'of' && tokens[j]!.lower !== 'for') {
      if (n > 3) break;
    }
  }
  return undefined;
}

const NOUN_BEFORE = new Set([
  'the', 'a', 'an', 'of', 'our', 'their', 'its', 'his', 'her', 'your', 'every', 'each',
  'any', 'some', 'no', 'critical', 'security', 'bug', 'new', 'that', 'which', 'who', 'whose',
]);
const NEGATION = new Set(['not', 'never', 'no', "n't", 'cannot', 'must', 'should', 'fail', 'unable', 'without', 'if']);

/** False when a verb-class word is used as a noun or adjective ("of critical fixes", "every
 * migrated field"), sits in a relative clause ("CRDs that embed"), or is negated or obliged. */
function actsAsVerb(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower;
  if (prev && NOUN_BEFORE.has(prev)) return false;
  // "UNLOCK STATS": a keyword in capitals is code, not a verb.
  if (tokens[i]!.text.length > 1 && tokens[i]!.text === tokens[i]!.text.toUpperCase() && /[A-Z]/.test(tokens[i]!.text)) return false;
  // "the field being migrated", "when converted to", "newly created pods": participles, not claims.
  // "the infrastructure provided by sig-k8s-infra": a participle with its agent modifies a noun.
  if (/(?:ed|en)$/.test(tokens[i]!.lower) && /^(?:by|in|with|at)$/.test(tokens[i + 1]?.lower ?? '') && prev && !/^(?:was|were|been|is|are|be|we|they|i|you|he|she|it|and|then|also|finally|successfully)$/.test(prev)) return false;
  if (/(?:ed|en)$/.test(tokens[i]!.lower) && prev && /^(?:being|when|once|if|after|before|newly|already|previously|recently|automatically|not|un)$/.test(prev)) return false;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const w = tokens[k]!.lower;
    if (NEGATION.has(w) || w.endsWith("n't")) return false;
  }
  return true;
}

function past3(t: Token): boolean {
  return /ed$/.test(t.lower);
}

function isPassive(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower;
  return !!prev && /^(?:was|were|is|are|been|be|being|got)$/.test(prev) && /ed$|en$|built$/.test(tokens[i]!.lower);
}

/** "-ed"/"-ing" word opening a sentence right before a noun is an adjective ("Centralized Index"). */
function adjectivalStart(tokens: Token[], i: number, terms: Array<Term | undefined>): boolean {
  return i === 0 && (/ed$/.test(tokens[0]!.lower) || (/ing$/.test(tokens[0]!.lower) && !!terms[1]));
}

/** Which tokens sit inside parentheses. */
function parenthesised(text: string, tokens: Token[]): boolean[] {
  const depthAt: number[] = [];
  let depth = 0;
  let k = 0;
  for (let i = 0; i <= text.length && k < tokens.length; i++) {
    while (k < tokens.length && tokens[k]!.start === i) depthAt[k++] = depth;
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return tokens.map((_, i) => (depthAt[i] ?? 0) > 0);
}

/** Business outcomes that are shapes rather than words: a delivery cadence measured in days,
 * weeks or months (lead time, release frequency), and a share of people (users, customers). */
const EN_BUSINESS_PATTERNS = [
  /\b(?:releases|deployments|deploys|launches)\b[^.;]{0,30}?\b(?:from|every|per|a|to)\s+(?:\S+\s+){0,2}?(?:days?|weeks?|months?|quarters?|years?)\b/i,
  /(?:(?<![\d.])\d+(?:\.\d+)?\s*%|\b\d+\/\d+|\bhalf|\bmost|\bmajority)\s+of\s+(?:the\s+|our\s+|their\s+)?(?:\w+\s+)?(?:users|customers|clients|developers|engineers|teams|patients|tenants|merchants)\b/i,
];

/** A word list lower-cased, once per list (the lexicon's lists are fixed once built; a config that
 * extends them builds new lists). */
const lowered = new WeakMap<readonly string[], { list: string[]; set: Set<string>; spaced: string[] }>();
function lowerOf(words: readonly string[]) {
  let l = lowered.get(words);
  if (!l) {
    const list = words.map((w) => w.toLowerCase());
    l = { list, set: new Set(list), spaced: list.map((w) => ` ${w} `) };
    lowered.set(words, l);
  }
  return l;
}

function classifyEnglish(text: string, lex: LangLexicon): Facts {
  const { tokens, matches } = lex.read(text);
  const of = (cls: Match['cls']) => matches.filter((m) => m.cls === cls);
  const base = baseFacts(text, 'en', of('beneficiaries').length > 0);
  const quantified = base.quantified;
  const other = (why: string): Facts => ({ ...base, label: 'OTHER', trigger: null, biz: [], why });
  if (isQuestion(text)) return other('question');
  if (/^\s*[(（]/.test(text)) return other('parenthetical');

  const first = tokens.slice(0, 3).map((t) => t.lower).join(' ');
  const descriptive = lex.words.descriptiveStarts.some((w) => first === w || first.startsWith(w + ' '));

  // --- business outcomes -------------------------------------------------------------------
  const techMods = lowerOf(lex.words.techCostModifiers).set;
  const precededByTechModifier = (tokenStart: number) => {
    const prev = tokens[tokenStart - 1]?.lower;
    const prev2 = tokenStart >= 2 ? `${tokens[tokenStart - 2]!.lower} ${prev}` : '';
    return (prev !== undefined && techMods.has(prev)) || techMods.has(prev2);
  };
  const biz: Span[] = [];
  // A one-word term glued into a hyphenated compound is another word ("whole-sale", "pod-deletion-cost").
  const inCompound = (m: Match) => m.tokenEnd - m.tokenStart === 1 && (text[m.start - 1] === '-' || text[m.end] === '-');
  for (const m of of('businessOutcomes')) {
    if (precededByTechModifier(m.tokenStart) || inCompound(m)) continue;
    biz.push({ start: m.start, end: m.end });
  }
  const money = /[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|[kmb]n?)\b)?|(?<![\d,.])\d[\d,.]*\s?(?:k|m|bn|million|billion)?\s?(?:usd|dollars|eur|euros|rmb|cny)\b/i.exec(text);
  if (money) biz.push({ start: money.index, end: money.index + money[0].length });
  for (const re of EN_BUSINESS_PATTERNS) {
    const m = re.exec(text);
    if (m) biz.push({ start: m.index, end: m.index + m[0].length });
  }
  tokens.forEach((t, i) => {
    if (t.stem !== 'cost' && t.stem !== 'costly') return;
    const nextStem = tokens[i + 1]?.stem ?? '';
    const costNoun = /^(?:model|function|estimat|calculat|limit|budget|field|annotation|metric)/.test(nextStem);
    // Bare "cost" is money only as the object of a cost verb ("reduce the cost", "saves costs").
    const costVerbBefore = tokens.slice(Math.max(0, i - 4), i).some((w) => /^(?:reduc|lower|cut|sav|slash|halv|increas|rais|drive|control|contain)/.test(w.stem));
    if (costVerbBefore && !costNoun && !precededByTechModifier(i) && text[t.start - 1] !== '-' && text[t.end] !== '-' && !biz.some((b) => b.start <= t.start && t.end <= b.end)) {
      biz.push({ start: t.start, end: t.end });
    }
  });
  const changeCue =
    matches.some((m) => /Verbs$/.test(m.cls) || m.cls === 'comparatives' || m.cls === 'problemCues') ||
    /\b(?:faster|quicker|slower|less|more|instantly|instantaneously|quickly)\b/i.test(text);
  const peopleAt = of('people').map((p) => p.tokenStart);
  if (peopleAt.length > 0 && changeCue) {
    for (const m of of('businessNeedsPeople')) {
      if (m.entry === 'cost' || m.entry === 'costs' || inCompound(m)) continue;
      // "gave product developers faster access", "teams would have to wait": people near the word.
      if (!peopleAt.some((p) => Math.abs(p - m.tokenStart) <= 5)) continue;
      if (!biz.some((b) => b.start <= m.start && m.end <= b.end)) biz.push({ start: m.start, end: m.end });
    }
  }
  if (biz.length > 0 && !descriptive && !(leadInText(text) && !quantified)) {
    biz.sort((a, b) => a.start - b.start);
    return {
      ...base,
      label: quantified ? 'BIZ_QUANT' : 'BIZ_VAGUE',
      trigger: biz[0]!,
      biz,
      why: 'business-outcome',
    };
  }

  // --- technical claims --------------------------------------------------------------------
  if (descriptive) return other('descriptive-start');
  const spacedText = ` ${tokens.map((t) => t.lower).join(' ')} `;
  if (lowerOf(lex.words.intentCues).spaced.some((w) => spacedText.includes(w))) return other('intent');

  const terms = englishTerms(tokens, matches);
  const people = new Set<number>();
  for (const m of of('people')) for (let i = m.tokenStart; i < m.tokenEnd; i++) if (!terms[i]) people.add(i);
  const inParen = parenthesised(text, tokens);
  const verbClasses = ['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs'] as const;
  const verbs = matches.filter((m) => (verbClasses as readonly string[]).includes(m.cls));
  const verbTokens = new Set<number>();
  for (const v of verbs) for (let i = v.tokenStart; i < v.tokenEnd; i++) verbTokens.add(i);
  const proposal = lowerOf(lex.words.proposalCues).spaced.some((w) => spacedText.includes(w));
  const problems = of('problemCues').length;
  if (problems >= 2) return other('problem-statement');
  const leadIn = /[:：]\s*$/.test(text);

  let strong: { span: Span; why: string } | null = null;
  let weak: { span: Span; why: string } | null = null;
  let problemFrame = false;

  for (const v of verbs) {
    if (inParen[v.tokenStart]) continue;
    if (terms[v.tokenStart]) {
      // A verb-looking word used as a noun inside a technical term ("build time", "load").
      const term = terms[v.tokenStart]!;
      if (term.tokenEnd > v.tokenEnd || term.tokenStart < v.tokenStart) continue;
    }
    if (!actsAsVerb(tokens, v.tokenStart) || adjectivalStart(tokens, v.tokenStart, terms)) continue;
    // "IP addresses", "cache fixes": a verb-looking word after a technical word is a compound noun.
    if (v.tokenStart > 0 && terms[v.tokenStart - 1] && terms[v.tokenStart - 1]!.polarity === 'neutral' && !/^(?:TECHTERM)$/.test(tokens[v.tokenStart - 1]!.text) && /s$/.test(tokens[v.tokenEnd - 1]!.lower) && !past3(tokens[v.tokenStart]!)) continue;
    const after = nounPhraseAfter(text, tokens, terms, v.tokenEnd, verbTokens, people, inParen);
    let head = after.head;
    let end = head ? head.end : v.end;
    let postVerb = false;
    const passive = isPassive(tokens, v.tokenStart);
    const auxBefore = /^(?:has|have|had|was|were|been|is|are)$/.test(tokens[v.tokenStart - 1]?.lower ?? '') || /ed$/.test(tokens[v.tokenStart]!.lower);
    if (!head && after.empty && auxBefore && (v.cls === 'upVerbs' || v.cls === 'downVerbs' || v.cls === 'improveVerbs' || (v.cls === 'buildVerbs' && passive))) {
      head = nounPhraseBefore(text, tokens, terms, v.tokenStart);
      postVerb = !!head;
      end = v.end;
    }
    const span = { start: postVerb && head ? head.start : v.start, end };
    if (v.cls === 'enableVerbs') {
      // "makes it possible to explore API composition", "allow for client-side validation"
      if (passive) continue;
      let near = -1;
      for (let i = v.tokenEnd; i < tokens.length && i <= v.tokenEnd + 10; i++) {
        if (i > v.tokenEnd && !inParen[i] && /[;:—–]/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) break;
        if (terms[i] && !inParen[i] && !people.has(i)) {
          near = i;
          break;
        }
      }
      // A capability is a value claim only with a benefit in it: "makes it possible", "enable
      // improvements", "run more efficiently" — not "Enables WebSocket usage".
      const windowText = text.slice(v.start, tokens[Math.min(tokens.length - 1, v.tokenEnd + 10)]!.end);
      const benefit = /\bpossible\b|\bunlock|\bpave|improve|better|faster|easier|simpler|efficient|new tools|more\s+\w+|\blower\b|\bless\b/i.test(windowText) ||
        terms.some((t, i) => t && i >= v.tokenEnd && i <= v.tokenEnd + 10 && t.polarity === 'good');
      const goalItem = v.tokenStart === 0 && tokens[0]!.stem === tokens[0]!.lower.replace(/e$/, '');
      if (near >= 0 && (benefit || goalItem)) weak ??= { span: { start: v.start, end: terms[near]!.end }, why: 'enable+tech' };
      continue;
    }
    if (!head && v.cls === 'buildVerbs' && /^(?:propos|introduc)/.test(tokens[v.tokenStart]!.stem)) {
      // "proposes an enhancement to the watch cache": the object is generic, the target follows.
      for (let i = after.end; i < tokens.length && i <= v.tokenEnd + 8; i++) {
        if (/[;:—–]/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) break;
        if (terms[i] && !inParen[i] && !people.has(i)) {
          head = terms[i];
          break;
        }
      }
    }
    if (!head) continue;
    const verbTok = tokens[v.tokenStart]!;
    const past = /ed$/.test(verbTok.lower) || IRREGULAR_PAST.has(verbTok.lower);
    // Past accomplishment: active past ("we migrated"), or a completed passive ("was completed");
    // a present passive ("a node is created") describes a mechanism.
    const prevWord = tokens[v.tokenStart - 1]?.lower ?? '';
    const presentPassive = /^(?:is|are|be|being|get|gets)$/.test(prevWord);
    const pastPassive = /^(?:was|were|been)$/.test(prevWord);
    const completion = /^(?:complet|finish|migrat|convert|roll|launch|ship|deliver|deploy|replac|retir|decommission)/.test(tokens[v.tokenStart]!.stem);
    const accomplished = past && !presentPassive && (!pastPassive || completion);
    // A proposal statement has "this KEP/proposal…" or "we propose" as its subject.
    const before = text.slice(0, v.start).toLowerCase();
    const proposalSubject = (v.start < 80 && lowerOf(lex.words.proposalCues).list.some((w) => before.includes(w))) || /^(?:propos|introduc)/.test(tokens[v.tokenStart]!.stem);
    const future = tokens.slice(Math.max(0, v.tokenStart - 3), v.tokenStart).some((t) => t.lower === 'will' || t.lower === 'would' || t.lower === 'shall');
    // "decided to adopt", "began building": a past decision or start.
    const decided = /\b(?:decided|chose|opted|began|started|went on)\s+(?:to\s+)?$/i.test(text.slice(Math.max(0, v.start - 24), v.start)) &&
      !/\b(?:may|might|could|would)\s+\w+\s+(?:to\s+)?$/i.test(text.slice(Math.max(0, v.start - 30), v.start));
    const goalTarget = v.tokenStart === 0 && quantified;
    const imperative = v.tokenStart === 0;
    switch (v.cls) {
      case 'improveVerbs':
        strong ??= { span, why: 'improve+tech' };
        break;
      case 'upVerbs':
        if (head.polarity === 'good') strong ??= { span, why: 'raise+good' };
        else if (head.polarity === 'bad') problemFrame = true;
        break;
      case 'downVerbs':
        if (future && passive) break; // "will be deprecated and removed": a design step
        if (head.polarity === 'bad' || (head.polarity === 'neutral' && proposal && !imperative)) strong ??= { span, why: 'cut+bad' };
        else if (head.polarity === 'good') problemFrame = true;
        break;
      case 'keepVerbs':
        if (head.polarity === 'good') weak ??= { span, why: 'keep+good' };
        break;
      case 'buildVerbs':
        // An accomplishment ("we migrated", "was completed") or what this proposal introduces; not a
        // task ("Add integration test") or a design step in the future ("will be replaced").
        if (head.polarity === 'bad' && !head.modified) break; // "will add some maintenance burden": a cost, not a claim
        if ((accomplished && !future) || decided || goalTarget || (proposalSubject && !imperative)) strong ??= { span, why: 'build+tech' };
        break;
    }
  }

  // Comparatives and quality predicates: "easier to maintain", "are readable and manageable".
  for (const m of of('comparatives')) {
    if (inParen[m.tokenStart]) continue;
    if (tokens.slice(Math.max(0, m.tokenStart - 3), m.tokenStart).some((t) => /^(?:not|never|no|may|might|cannot)$/.test(t.lower) || t.lower.endsWith("n't"))) continue;
    const near = terms.some((t, i) => t && Math.abs(i - m.tokenStart) <= 6) || /^\s*to\s+\w+/.test(text.slice(m.end));
    if (near) weak ??= { span: { start: m.start, end: m.end }, why: 'comparative' };
  }
  // Quality predicates about a technical subject: "API validations are readable and manageable".
  if (!/\b(?:unless|if|when|whether|may|might|not|until)\b/i.test(text)) {
    for (const m of of('qualityAdjectives')) {
      let k = m.tokenStart - 1;
      while (k >= 0 && /^(?:and|more|very|highly|fully|easily|also)$/.test(tokens[k]!.lower)) k--;
      if (k < 1 || !BE.has(tokens[k]!.lower) || /^(?:more|very|highly|fully|easily)$/.test(tokens[k]!.lower)) continue;
      const subject = terms[k - 1];
      const nextWord = tokens[m.tokenEnd]?.lower;
      if (subject && subject.polarity !== 'bad' && !/^(?:by|for|at|to|on|in)$/.test(nextWord ?? '')) {
        weak ??= { span: { start: subject.start, end: m.end }, why: 'quality-predicate' };
      }
    }
  }
  // Metrics of a technical term that moved: "from 1% to 40%", "by half", "two- to threefold".
  if (!strong && quantified && problems === 0 && terms.some(Boolean)) {
    const mv = /\bfrom\s+(?:\S+\s+){0,3}?[\d$~<>≈]\S*.{0,40}?\bto\s+(?:\S+\s+){0,2}?[\d$~<>≈]\S*|\bby\s+(?:half|\d[\d.,]*\s*%|\d+x)|\b\w+-?fold\b|\b\d+(?:\.\d+)?x\b|\bused to take\b[\s\S]{0,200}?\bnow\b|\bnow\s+(?:takes?|runs?|running|is|are)\b|\b(?:is|are|was|were)\s+(?:now\s+)?running\s+on\b/i.exec(text);
    if (mv) strong = { span: { start: mv.index, end: mv.index + mv[0].length }, why: 'tech-metric' };
  }
  if (leadIn && !strong) return other('lead-in');

  // Domains choose the rewrites: only technical claims need them.
  if (strong) return { ...base, domains: lex.domainOf(tokens), label: 'TECH', trigger: strong.span, biz: [], why: strong.why };
  if (weak && problems === 0 && !problemFrame) return { ...base, domains: lex.domainOf(tokens), label: 'TECH', trigger: weak.span, biz: [], why: weak.why };
  return other(problemFrame ? 'problem-statement' : 'no-claim');
}

// ---------------------------------------------------------------------------------------------
// Chinese

const ZH_CLAUSE = /[，,；;：:。！!？?]/;
/** A lead time in days, weeks or months that moved is a business cadence, not a job runtime. */
const ZH_LEAD_TIME = /从\s*[\d.一二两三四五六七八九十几]+\s*(?:个)?(?:天|周|个月|月|年|人天|人日)[^，,。；;]{0,12}?(?:缩短|降|减少|到|至)/;

interface ZhTerm {
  polarity: Polarity;
  start: number;
  end: number;
}

function chineseTerms(text: string, matches: Match[]): ZhTerm[] {
  const out: ZhTerm[] = [];
  const covered = (s: number, e: number) => out.some((t) => t.start < e && s < t.end);
  for (const cls of ['techBad', 'techGood', 'qualityAdjectives', 'techObjects'] as const) {
    for (const m of matches) {
      if (m.cls !== cls || covered(m.start, m.end)) continue;
      out.push({ polarity: cls === 'techBad' ? 'bad' : cls === 'techObjects' ? 'neutral' : 'good', start: m.start, end: m.end });
    }
  }
  // Latin words inside Chinese prose are almost always product or technical names.
  const latin = /[A-Za-z][A-Za-z0-9._+-]+/g;
  for (let m = latin.exec(text); m; m = latin.exec(text)) {
    if (!covered(m.index, m.index + m[0].length)) out.push({ polarity: 'neutral', start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clause (between clause punctuation) around each position, computed once per sentence. */
function clauseTable(text: string): (at: number) => Span {
  const bounds: Span[] = [];
  const id = new Int32Array(text.length + 1);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    id[i] = bounds.length;
    if (i === text.length || ZH_CLAUSE.test(text[i]!)) {
      bounds.push({ start, end: i });
      start = i + 1;
    }
  }
  return (at) => bounds[id[Math.min(Math.max(at, 0), text.length)]!]!;
}

function stripListPrefix(text: string): number {
  const m = /^\s*(?:[（(]?\d+[、.)）]|[一二三四五六七八九十]+[、.]|[-*•])\s*/.exec(text);
  return m ? m[0].length : 0;
}

function classifyChinese(text: string, lex: LangLexicon): Facts {
  const { matches } = lex.read(text);
  const clauseOf = clauseTable(text);
  const of = (cls: Match['cls']) => matches.filter((m) => m.cls === cls);
  const base = baseFacts(text, 'zh', of('beneficiaries').length > 0);
  const quantified = base.quantified;
  const other = (why: string): Facts => ({ ...base, label: 'OTHER', trigger: null, biz: [], why });
  if (isQuestion(text)) return other('question');
  const bodyStart = stripListPrefix(text);
  const body = text.slice(bodyStart);
  const startCue = lex.words.descriptiveStarts.find((w) => body.startsWith(w));
  // "当…时，" and "如果…，" open a condition: only what follows the condition can be a claim.
  const conditional = ['当', '如果', '若', '假如', '为了', '为'].includes(startCue ?? '');
  const firstComma = body.search(/[，,；;]/);
  const claimFrom = conditional ? (firstComma >= 0 ? bodyStart + firstComma + 1 : text.length) : 0;
  const descriptive = !!startCue && !conditional;
  // Non-claim cues: intent, questions of how, pointers to docs, definitions. "只需要" is not "需要".
  const contrast = /(?:以前|之前|原来)[^。]{0,30}?(?:现在|如今)/.test(text);
  const nonClaimCues = of('intentCues').filter((m) => !contrast && !/[只仅无]$/.test(text.slice(Math.max(0, m.start - 1), m.start)));
  const nonClaim = nonClaimCues.length > 0;
  // Needing something is not a pointer or a definition: it does not rule out a business claim.
  const bizNonClaim = nonClaimCues.some((m) => m.entry !== '需要');
  const problems = of('problemCues').length;
  const leadIn = /[:：]\s*$/.test(text);

  // A label before a colon names the benefit: "灵活性：…", "可靠性：…"; or the problem: "系统资源浪费：…".
  const label = /^([^：:，,。]{1,12})[：:]/.exec(body);
  let labelClaim: Span | null = null;
  if (label && !leadIn) {
    const lab = label[1]!;
    const labelMatches = matches.filter((m) => m.start >= bodyStart && m.end <= bodyStart + lab.length);
    if (labelMatches.some((m) => m.cls === 'problemCues')) return other('problem-label');
    const bizLabel = labelMatches.some((m) => m.cls === 'businessOutcomes');
    const negative = /[不低难慢差无缺乱高]/.test(lab) && !/高可用|高效/.test(lab);
    if (!bizLabel && !negative && (labelMatches.some((m) => m.cls === 'techGood' || m.cls === 'qualityAdjectives') || /^(?:有效|通用|规模|效果|优势)$/.test(lab))) {
      labelClaim = { start: bodyStart, end: bodyStart + lab.length };
    }
  }

  // --- business outcomes -------------------------------------------------------------------
  const techCost = of('techCostModifiers');
  const biz: Span[] = [];
  if (!labelClaim) {
    for (const m of of('businessOutcomes')) {
      if (m.start < claimFrom) continue;
      if (techCost.some((t) => t.start <= m.start && m.end <= t.end)) continue;
      if (biz.some((b) => b.start <= m.start && m.end <= b.end)) continue;
      biz.push({ start: m.start, end: m.end });
    }
    const people = of('people');
    for (const m of of('businessNeedsPeople')) {
      if (m.start < claimFrom) continue;
      const clause = clauseOf(m.start);
      // Time is people's time only for the people who build and run things: "用户查询的耗时" is a
      // query's latency, "研发同学的等待时间" is lost work.
      if (techCost.some((t) => t.start <= m.start && m.end <= t.end)) continue;
      const timeWord = m.entry === '耗时' || m.entry === '时间';
      const sameClausePeople = people.some((p) => p.start >= clause.start && p.end <= clause.end && !(timeWord && /^(?:用户|客户)$/.test(p.entry)));
      if (sameClausePeople && !biz.some((b) => b.start <= m.start && m.end <= b.end)) biz.push({ start: m.start, end: m.end });
    }
    const lead = ZH_LEAD_TIME.exec(text);
    if (lead) biz.push({ start: lead.index, end: lead.index + lead[0].length });
  }
  if (biz.length > 0 && !descriptive && !((bizNonClaim || leadIn) && !quantified)) {
    biz.sort((a, b) => a.start - b.start);
    return { ...base, label: quantified ? 'BIZ_QUANT' : 'BIZ_VAGUE', trigger: biz[0]!, biz, why: 'business-outcome' };
  }

  // --- technical claims --------------------------------------------------------------------
  if (labelClaim) return { ...base, domains: lex.domainOf(text), label: 'TECH', trigger: labelClaim, biz: [], why: 'benefit-label' };
  if (descriptive) return other('descriptive-start');
  if (nonClaim) return other('intent');
  if (problems >= 2) return other('problem-statement');
  const commaClause = text.slice(0, Math.max(0, text.search(/[，,；;。]/)) || text.length);
  const background = /之前|以前|过去/.test(commaClause) && !/现在|如今|改造后/.test(text);
  const terms = chineseTerms(text, matches);

  let strong: { span: Span; why: string } | null = null;
  let weak: { span: Span; why: string } | null = null;
  let problemFrame = false;

  const verbClasses = ['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs'];
  for (const v of matches) {
    if (!verbClasses.includes(v.cls) || v.start < claimFrom) continue;
    if (terms.some((t) => t.start <= v.start && v.end <= t.end && (t.end - t.start) > (v.end - v.start))) continue;
    // "…的同步优化": a verb after 的 is a noun.
    if (text[v.start - 1] === '的') continue;
    const clause = clauseOf(v.start);
    const inClause = terms.filter((t) => t.start >= clause.start && t.end <= clause.end && !(t.start < v.end && v.start < t.end));
    const after = inClause.filter((t) => t.start >= v.end);
    const before = inClause.filter((t) => t.end <= v.start);
    let head = after.length ? after[after.length - 1]! : before.length ? before[before.length - 1]! : undefined;
    const protective = v.entry.startsWith('不') || v.entry === '容忍' || v.entry === '免于';
    if (!head && protective) head = terms.find((t) => t.start >= claimFrom);
    if (!head) continue;
    const span = { start: Math.min(v.start, head.start), end: Math.max(v.end, head.end) };
    const anyGood = inClause.some((t) => t.polarity === 'good');
    const anyBad = inClause.some((t) => t.polarity === 'bad');
    switch (v.cls) {
      case 'improveVerbs':
        strong ??= { span, why: 'improve+tech' };
        break;
      case 'upVerbs':
        if (head.polarity === 'good' || (anyGood && !anyBad)) strong ??= { span, why: 'raise+good' };
        else if (head.polarity === 'bad') problemFrame = true;
        else if (quantified) strong ??= { span, why: 'raise+tech+number' };
        break;
      case 'downVerbs':
        if (head.polarity === 'bad' || anyBad || protective || /^(?:解决|拦截|节省|节约|省去)$/.test(v.entry)) strong ??= { span, why: 'cut+bad' };
        else if (head.polarity === 'good') problemFrame = true;
        break;
      case 'keepVerbs':
        // "确保响应时间不受影响" keeps a bad thing at bay; "具有延迟" merely has one.
        if (anyGood || (anyBad && !/^(?:具有|具备|拥有)$/.test(v.entry))) weak ??= { span, why: 'keep+good' };
        break;
      case 'buildVerbs':
        if (!background) strong ??= { span, why: 'build+tech' };
        break;
      case 'enableVerbs':
        if (anyGood && !background) weak ??= { span, why: 'enable+good' };
        break;
    }
  }
  for (const m of of('comparatives')) {
    if (m.start < claimFrom) continue;
    const clause = clauseOf(m.start);
    const simpler = /^[只仅无]需/.test(m.entry);
    // "只需/无需" is a simplification claim only against a before: "改造后…只需要…".
    if (simpler && !/改造后|升级后|迁移后|使用.{0,12}后|现在|如今|之后/.test(text)) continue;
    const goodNear = terms.some((t) => t.start >= clause.start && t.end <= clause.end && (t.polarity === 'good' || simpler));
    if (goodNear || matches.some((q) => q.cls === 'qualityAdjectives' && q.start >= m.end && q.start - m.end <= 2)) {
      weak ??= { span: { start: m.start, end: m.end }, why: 'comparative' };
    }
  }
  if (!strong && quantified && terms.length > 0) {
    const metricText = text.slice(claimFrom).replace(/(?<![\w.])v?\d+(?:\.\d+){2,}/g, (m) => 'V'.repeat(m.length));
    const mv = /从\s*[^，,。；;]{0,3}\d[^，,。；;]{0,20}?(?:降|缩短|减少|提升|提高|增加|到|至)|(?:提升|提高|降低|缩短|减少|加快|快)了?\s*(?:(?:约|近|超过)\s*)?(?<![\d.])[\d.]+\s*(?:倍|%)|(?:以前|之前|原来)[^。]{0,30}?(?:现在|如今|改造后)/.exec(metricText);
    if (mv) strong = { span: { start: claimFrom + mv.index, end: claimFrom + mv.index + mv[0].length }, why: 'tech-metric' };
  }
  if (leadIn && !strong) return other('lead-in');
  if (strong && !background) return { ...base, domains: lex.domainOf(text), label: 'TECH', trigger: strong.span, biz: [], why: strong.why };
  if (weak && problems === 0 && !problemFrame && !background) return { ...base, domains: lex.domainOf(text), label: 'TECH', trigger: weak.span, biz: [], why: weak.why };
  return other(problemFrame ? 'problem-statement' : background ? 'background' : 'no-claim');
}

/** Longer than any real sentence: not judged (its placeholders still count). Keeps every
 * per-sentence pattern within a constant bound on hostile input. */
export const MAX_SENTENCE = 2000;

/** Judges one sentence. */
export function classifySentence(text: string, lang: Lang, lexicon: Lexicon): Facts {
  if (text.length > MAX_SENTENCE) {
    return { lang, quantified: false, placeholders: placeholders(text), domains: [], beneficiary: false, insertAt: text.length, label: 'OTHER', trigger: null, biz: [], why: 'too-long' };
  }
  return lang === 'zh' ? classifyChinese(text, lexicon.zh) : classifyEnglish(text, lexicon.en);
}
