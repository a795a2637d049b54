// The judgment at the heart of Bizlang: is a sentence a technical value claim (TECH), a business
// claim without a number (BIZ_VAGUE), a business claim with one (BIZ_QUANT), or no claim (OTHER)?
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
import { tokenize } from './lexicon.js';
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
}

/** Visible placeholders left by rewrites or templates: [X], [N] days, [baseline], [团队]. */
export const PLACEHOLDER =
  /\[(?:[A-Z]\d?|[a-z][a-z /-]{1,30}|[\u4e00-\u9fff][\u4e00-\u9fff/、 ]{0,11})\]/g;

const YEARS_VERSIONS =
  /\b(?:1[89]\d\d|20\d\d)s?\b|\bv?\d+(?:\.\d+){1,3}\b|\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d+\w*\b|^\s*\d+\s*[、.)）]/g;
const EN_NUMBER_WORDS =
  /\b(?:half|halved|double[ds]?|tripled?|twofold|threefold|fourfold|tenfold|zero)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few|several|many|a couple of|dozens of|hundreds of|thousands of|a|an)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|developers?|engineers?|people|times)\b|\bfrom\s+(?:\S+\s+){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+to\b|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+(?:or|to)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b/i;
const ZH_NUMBER_WORDS =
  /一半|数倍|几十|上百|上千|上万|几百|零人工|[一二两三四五六七八九十百千万几]+\s*(?:个)?(?:秒|分钟|小时|天|周|个月|月|年|人天|人日|倍|成)|从.{1,16}?(?:降|缩短|减少|提升|提高|增加|到|至)/;

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
  const m = /[\s。．.!！;；:：,，、"”’'）)\]]*$/.exec(text);
  let at = m ? m.index : text.length;
  // Keep a closing quote or bracket that belongs to the sentence's last word inside.
  while (at < text.length && /["”’'）)\]]/.test(text[at]!)) at++;
  return at;
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
  'the', 'on', 'average', 'to', 'it', 'them',
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

const GENERIC_TECH = /^(?:[A-Z]{2,}s?|[A-Z][a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|\w*\d\w*|\w+\.\w+|TECHTERM)$/;

function boundaryBetween(text: string, a: Token, b: Token): boolean {
  return /[,;:()—–"“”]/.test(text.slice(a.end, b.start));
}

interface Term {
  polarity: Polarity;
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
    if (!at[i] && GENERIC_TECH.test(t.text) && !/^\d+$/.test(t.text)) {
      at[i] = { polarity: 'neutral', tokenStart: i, tokenEnd: i + 1, start: t.start, end: t.end };
    }
  });
  return at;
}

/** The noun phrase after token index `from`: its head term (last recognised term) and end. */
function nounPhraseAfter(text: string, tokens: Token[], terms: Array<Term | undefined>, from: number, verbs: Set<number>): { head?: Term; end: number } {
  let j = from;
  while (j < tokens.length && NP_SKIP.has(tokens[j]!.lower) && !terms[j]) {
    if (j > from && boundaryBetween(text, tokens[j - 1]!, tokens[j]!)) return { end: j };
    j++;
  }
  let head: Term | undefined;
  let usedOf = false;
  const startJ = j;
  for (let n = 0; j < tokens.length && n < 7; j++, n++) {
    const t = tokens[j]!;
    if (j > startJ && boundaryBetween(text, tokens[j - 1]!, t)) break;
    if (NP_STOP.has(t.lower)) {
      // "90% of net-new validation", "the efficiency of how…": look past one "of" when nothing yet
      if (t.lower === 'of' && !usedOf && !head) {
        usedOf = true;
        continue;
      }
      break;
    }
    if (verbs.has(j) && j > startJ) break;
    const term = terms[j];
    if (term) head = term;
  }
  return { head, end: j };
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

function classifyEnglish(text: string, lex: LangLexicon): Facts {
  const tokens = tokenize(text);
  const matches = lex.matchEnglish(tokens);
  const of = (cls: Match['cls']) => matches.filter((m) => m.cls === cls);
  const quantified = hasQuantity(text, 'en');
  const base = {
    lang: 'en' as Lang,
    quantified,
    placeholders: placeholders(text),
    domains: lex.domainOf(tokens),
    beneficiary: of('beneficiaries').length > 0,
    insertAt: insertionPoint(text),
  };
  const other = (why: string): Facts => ({ ...base, label: 'OTHER', trigger: null, biz: [], why });
  if (isQuestion(text)) return other('question');

  const first = tokens.slice(0, 3).map((t) => t.lower).join(' ');
  const descriptive = lex.words.descriptiveStarts.some((w) => first === w || first.startsWith(w + ' '));

  // --- business outcomes -------------------------------------------------------------------
  const techMods = new Set(lex.words.techCostModifiers.map((w) => w.toLowerCase()));
  const precededByTechModifier = (tokenStart: number) => {
    const prev = tokens[tokenStart - 1]?.lower;
    const prev2 = tokenStart >= 2 ? `${tokens[tokenStart - 2]!.lower} ${prev}` : '';
    return (prev !== undefined && techMods.has(prev)) || techMods.has(prev2);
  };
  const biz: Span[] = [];
  for (const m of of('businessOutcomes')) {
    if (precededByTechModifier(m.tokenStart)) continue;
    biz.push({ start: m.start, end: m.end });
  }
  const money = /[$€£¥]\s?\d|\d[\d,.]*\s?(?:k|m|bn)?\s?(?:usd|dollars|eur|euros|rmb|cny)\b/i.exec(text);
  if (money) biz.push({ start: money.index, end: money.index + money[0].length });
  tokens.forEach((t, i) => {
    if ((t.stem === 'cost' || t.stem === 'costly') && !precededByTechModifier(i) && !biz.some((b) => b.start <= t.start && t.end <= b.end)) {
      biz.push({ start: t.start, end: t.end });
    }
  });
  const changeCue =
    matches.some((m) => /Verbs$/.test(m.cls) || m.cls === 'comparatives' || m.cls === 'problemCues') ||
    /\b(?:faster|quicker|slower|less|more|instantly|instantaneously|quickly)\b/i.test(text);
  if (of('people').length > 0 && changeCue) {
    for (const m of of('businessNeedsPeople')) {
      if (m.entry === 'cost' || m.entry === 'costs') continue;
      if (!biz.some((b) => b.start <= m.start && m.end <= b.end)) biz.push({ start: m.start, end: m.end });
    }
  }
  if (biz.length > 0 && !descriptive) {
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
  const lowered = ` ${tokens.map((t) => t.lower).join(' ')} `;
  if (lex.words.intentCues.some((w) => lowered.includes(` ${w.toLowerCase()} `))) return other('intent');

  const terms = englishTerms(tokens, matches);
  const verbClasses = ['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs'] as const;
  const verbs = matches.filter((m) => (verbClasses as readonly string[]).includes(m.cls));
  const verbTokens = new Set<number>();
  for (const v of verbs) for (let i = v.tokenStart; i < v.tokenEnd; i++) verbTokens.add(i);
  const proposal = lex.words.proposalCues.some((w) => lowered.includes(` ${w.toLowerCase()} `));
  const problem = of('problemCues').length > 0;

  let strong: { span: Span; why: string } | null = null;
  let weak: { span: Span; why: string } | null = null;
  let problemFrame = false;

  for (const v of verbs) {
    if (terms[v.tokenStart]) {
      // A verb-looking word used as a noun inside a technical term ("build time", "load").
      const term = terms[v.tokenStart]!;
      if (term.tokenEnd > v.tokenEnd || term.tokenStart < v.tokenStart) continue;
    }
    const after = nounPhraseAfter(text, tokens, terms, v.tokenEnd, verbTokens);
    let head = after.head;
    let end = head ? head.end : v.end;
    let postVerb = false;
    if (!head && (v.cls === 'upVerbs' || v.cls === 'downVerbs' || v.cls === 'improveVerbs')) {
      head = nounPhraseBefore(text, tokens, terms, v.tokenStart);
      postVerb = !!head;
      end = v.end;
    }
    if (!head) continue;
    const span = { start: postVerb ? head.start : v.start, end };
    const verbTok = tokens[v.tokenStart]!;
    const past = /ed$/.test(verbTok.lower) || IRREGULAR_PAST.has(verbTok.lower);
    const imperative = v.tokenStart === 0;
    switch (v.cls) {
      case 'improveVerbs':
        strong ??= { span, why: 'improve+tech' };
        break;
      case 'upVerbs':
        if (head.polarity === 'good') strong ??= { span, why: 'raise+good' };
        else if (head.polarity === 'bad') problemFrame = true;
        else if (quantified && (proposal || past)) weak ??= { span, why: 'raise+tech+number' };
        break;
      case 'downVerbs':
        if (head.polarity === 'bad' || (head.polarity === 'neutral' && (imperative || proposal))) strong ??= { span, why: 'cut+bad' };
        else if (head.polarity === 'good') problemFrame = true;
        break;
      case 'keepVerbs':
        if (head.polarity === 'good') weak ??= { span, why: 'keep+good' };
        break;
      case 'buildVerbs':
        if (past || imperative || proposal) strong ??= { span, why: 'build+tech' };
        break;
      case 'enableVerbs':
        weak ??= { span, why: 'enable+tech' };
        break;
    }
  }

  // Comparatives and quality predicates: "easier to maintain", "are readable and manageable".
  for (const m of of('comparatives')) {
    const near = terms.some((t, i) => t && Math.abs(i - m.tokenStart) <= 6) || /^\s*to\s+\w+/.test(text.slice(m.end));
    if (near) weak ??= { span: { start: m.start, end: m.end }, why: 'comparative' };
  }
  for (const m of of('qualityAdjectives')) {
    const prev = tokens[m.tokenStart - 1]?.lower;
    const prev2 = tokens[m.tokenStart - 2]?.lower;
    if ((prev && BE.has(prev)) || (prev === 'and' && prev2 && !NP_STOP.has(prev2))) {
      weak ??= { span: { start: m.start, end: m.end }, why: 'quality-predicate' };
    }
  }
  // Metrics of a technical term that moved: "from 1% to 40%", "by half", "two- to threefold".
  if (!strong && quantified && terms.some(Boolean)) {
    const mv = /\bfrom\s+\S+.{0,40}?\bto\s+\S+|\bby\s+(?:half|\d[\d.,]*\s*%|\d+x)|\b\w+-?fold\b|\b\d+(?:\.\d+)?x\b|\bused to take\b.*\bnow\b|\bnow\s+(?:takes?|runs?|is|are)\b/i.exec(text);
    if (mv) strong = { span: { start: mv.index, end: mv.index + mv[0].length }, why: 'tech-metric' };
  }

  if (strong) return { ...base, label: 'TECH', trigger: strong.span, biz: [], why: strong.why };
  if (weak && !problem && !problemFrame) return { ...base, label: 'TECH', trigger: weak.span, biz: [], why: weak.why };
  return other(problemFrame ? 'problem-statement' : 'no-claim');
}

// ---------------------------------------------------------------------------------------------
// Chinese

const ZH_CLAUSE = /[，,；;：:。！!？?（）()]/;

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

function clauseOf(text: string, at: number): Span {
  let s = at;
  while (s > 0 && !ZH_CLAUSE.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !ZH_CLAUSE.test(text[e]!)) e++;
  return { start: s, end: e };
}

function stripListPrefix(text: string): number {
  const m = /^\s*(?:[（(]?\d+[、.)）]|[一二三四五六七八九十]+[、.]|[-*•])\s*/.exec(text);
  return m ? m[0].length : 0;
}

function classifyChinese(text: string, lex: LangLexicon): Facts {
  const matches = lex.matchChinese(text);
  const of = (cls: Match['cls']) => matches.filter((m) => m.cls === cls);
  const quantified = hasQuantity(text, 'zh');
  const base = {
    lang: 'zh' as Lang,
    quantified,
    placeholders: placeholders(text),
    domains: lex.domainOf(text),
    beneficiary: of('beneficiaries').length > 0,
    insertAt: insertionPoint(text),
  };
  const other = (why: string): Facts => ({ ...base, label: 'OTHER', trigger: null, biz: [], why });
  if (isQuestion(text)) return other('question');
  const body = text.slice(stripListPrefix(text));
  const descriptive = lex.words.descriptiveStarts.some((w) => body.startsWith(w));

  // --- business outcomes -------------------------------------------------------------------
  const techCost = of('techCostModifiers');
  const biz: Span[] = [];
  for (const m of of('businessOutcomes')) {
    if (techCost.some((t) => t.start <= m.start && m.end <= t.end)) continue;
    if (biz.some((b) => b.start <= m.start && m.end <= b.end)) continue;
    biz.push({ start: m.start, end: m.end });
  }
  const people = of('people');
  for (const m of of('businessNeedsPeople')) {
    const clause = clauseOf(text, m.start);
    const sameClausePeople = people.some((p) => p.start >= clause.start && p.end <= clause.end);
    if (sameClausePeople && !biz.some((b) => b.start <= m.start && m.end <= b.end)) biz.push({ start: m.start, end: m.end });
  }
  if (biz.length > 0 && !descriptive) {
    biz.sort((a, b) => a.start - b.start);
    return { ...base, label: quantified ? 'BIZ_QUANT' : 'BIZ_VAGUE', trigger: biz[0]!, biz, why: 'business-outcome' };
  }

  // --- technical claims --------------------------------------------------------------------
  if (descriptive) return other('descriptive-start');
  if (of('intentCues').length > 0) return other('intent');
  const firstClause = clauseOf(text, 0);
  const background = /之前|以前|过去/.test(text.slice(firstClause.start, firstClause.end));
  const terms = chineseTerms(text, matches);
  const problem = of('problemCues').length > 0;

  let strong: { span: Span; why: string } | null = null;
  let weak: { span: Span; why: string } | null = null;
  let problemFrame = false;

  // A label before a colon names the benefit: "灵活性：…", "可靠性：…"; or the problem: "系统资源浪费：…".
  const label = /^([^：:，,。]{1,12})[：:]/.exec(body);
  if (label) {
    const lab = label[1]!;
    const off = text.length - body.length;
    const labelMatches = matches.filter((m) => m.start >= off && m.end <= off + lab.length);
    if (labelMatches.some((m) => m.cls === 'problemCues')) return other('problem-label');
    if (labelMatches.some((m) => m.cls === 'techGood' || m.cls === 'qualityAdjectives') || /^(?:有效|通用|规模|效果|优势)$/.test(lab)) {
      weak = { span: { start: off, end: off + lab.length }, why: 'benefit-label' };
    }
  }

  const verbClasses = ['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs'];
  for (const v of matches) {
    if (!verbClasses.includes(v.cls)) continue;
    if (terms.some((t) => t.start <= v.start && v.end <= t.end && (t.end - t.start) > (v.end - v.start))) continue;
    const clause = clauseOf(text, v.start);
    const inClause = terms.filter((t) => t.start >= clause.start && t.end <= clause.end && !(t.start < v.end && v.start < t.end));
    const after = inClause.filter((t) => t.start >= v.end);
    const before = inClause.filter((t) => t.end <= v.start);
    const head = after.length ? after[after.length - 1]! : before.length ? before[before.length - 1]! : undefined;
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
        break;
      case 'downVerbs':
        if (head.polarity === 'bad' || anyBad || v.entry.startsWith('不') || v.entry === '容忍' || v.entry === '解决' || v.entry === '拦截') strong ??= { span, why: 'cut+bad' };
        else if (head.polarity === 'good') problemFrame = true;
        break;
      case 'keepVerbs':
        if (anyGood || anyBad) weak ??= { span, why: 'keep+good' };
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
    const clause = clauseOf(text, m.start);
    if (terms.some((t) => t.start >= clause.start && t.end <= clause.end && t.polarity === 'good') || matches.some((q) => q.cls === 'qualityAdjectives' && q.start >= m.end && q.start - m.end <= 2)) {
      weak ??= { span: { start: m.start, end: m.end }, why: 'comparative' };
    }
  }
  if (!strong && quantified && terms.length > 0) {
    const mv = /从\s*[^，,。；;]{1,20}?(?:降|缩短|减少|提升|提高|增加|到|至)|(?:提升|提高|降低|缩短|减少)了?\s*[\d.]+\s*(?:倍|%)|[\d.]+\s*倍/.exec(text);
    if (mv) strong = { span: { start: mv.index, end: mv.index + mv[0].length }, why: 'tech-metric' };
  }
  if (strong && !background) return { ...base, label: 'TECH', trigger: strong.span, biz: [], why: strong.why };
  if (weak && !problem && !problemFrame && !background) return { ...base, label: 'TECH', trigger: weak.span, biz: [], why: weak.why };
  return other(problemFrame ? 'problem-statement' : background ? 'background' : 'no-claim');
}

/** Judges one sentence. */
export function classifySentence(text: string, lang: Lang, lexicon: Lexicon): Facts {
  return lang === 'zh' ? classifyChinese(text, lexicon.zh) : classifyEnglish(text, lexicon.en);
}
