// What the model sees of one sentence: a bag of named features. Three kinds, by prefix:
// - words ("w:", "b:", "c:"): stems and stem pairs (English), Intl.Segmenter words, word pairs and
//   character pairs (Chinese). They are an open class, so training keeps only those that occur in
//   several source repositories (see the trainer) and the model cannot learn one project's nouns.
// - roles ("s:"): the sentence's shape — modality, tense, first word, comparison, question,
//   lead-in, condition, list marker, numbers — what makes a sentence a claim whatever its topic.
// - classes ("l:", "r:"): the closed word classes of src/core/data (change verbs, business
//   outcomes, problem cues…) and the hand-written rules' verdict, which the model weighs.
// - context ("h:"): the role of the section (goals, design, background…) when there is a heading
//   above the sentence; absent for a sentence on its own.
// Pure and deterministic: the same function runs in training, evaluation and the editor.
import type { Facts } from '../classify.js';
import type { LangLexicon, Match, Token } from '../lexicon.js';
import { zhSegments } from './words.js';

export interface SentenceView {
  features: string[];
  /** English tokens (empty for Chinese). */
  tokens: Token[];
  matches: Match[];
}

const bucket = (n: number, edges: number[]): number => {
  let i = 0;
  while (i < edges.length && n >= edges[i]!) i++;
  return i;
};

const EN_MODALS = new Set(['will', 'would', 'should', 'shall', 'must', 'can', 'could', 'may', 'might']);
const EN_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const EN_HAVE = new Set(['has', 'have', 'had']);
const EN_PRONOUN_SUBJECT = new Set(['we', 'i', 'you', 'they', 'it', 'this', 'these', 'that', 'our', 'the', 'users', 'teams']);
const EN_CONDITION = new Set(['if', 'when', 'unless', 'whether', 'once', 'while', 'before', 'after', 'until', 'for']);
const EN_COMPARATIVE = /^(?:more|less|fewer|better|worse|faster|slower|easier|harder|simpler|cheaper|smaller|larger|bigger|lower|higher|quicker|safer|sooner)$/;

function techShape(word: string): boolean {
  return /^[A-Z]{2,}s?$|^[a-z]+[A-Z]\w*$|^[A-Z][a-z]+[A-Z]\w*$|\d/.test(word) && !/^\d+$/.test(word);
}

function englishFeatures(text: string, lex: LangLexicon, rule: Facts, role: string): SentenceView {
  const { tokens, matches } = lex.read(text);
  const f = new Set<string>();
  const words = tokens.map((t) => (techShape(t.text) ? '<tech>' : /^\d[\d.,]*$/.test(t.text) ? '<num>' : t.stem));
  for (let i = 0; i < words.length; i++) {
    f.add(`w:${words[i]}`);
    if (i + 1 < words.length) f.add(`b:${words[i]}_${words[i + 1]}`);
  }
  if (words.length) f.add(`s:first=${words[0]}`);
  if (words.length > 1) f.add(`s:first2=${words[0]}_${words[1]}`);
  for (const t of tokens) {
    const w = `^${t.lower}$`;
    for (let i = 0; i + 4 <= w.length; i++) f.add(`c:${w.slice(i, i + 4)}`);
  }
  // Classes: presence, and which class opens the sentence.
  const clsAt: string[] = new Array(tokens.length).fill('');
  for (const m of matches) {
    f.add(`l:${m.cls}`);
    if (m.tokenStart === 0) f.add(`l:first=${m.cls}`);
    for (let i = m.tokenStart; i < m.tokenEnd; i++) if (!clsAt[i]) clsAt[i] = m.cls;
  }
  // Class pairs within four tokens: "downVerbs>techBad", "improveVerbs>techObjects".
  for (let i = 0; i < tokens.length; i++) {
    if (!clsAt[i]) continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      if (clsAt[j] && clsAt[j] !== clsAt[i]) f.add(`l:${clsAt[i]}>${clsAt[j]}`);
    }
  }
  const lower = tokens.map((t) => t.lower);
  // Role: modality, tense, subject, comparison.
  const first = lower[0] ?? '';
  const modalAt = lower.findIndex((w) => EN_MODALS.has(w));
  if (modalAt >= 0) {
    f.add(`s:modal=${lower[modalAt]}`);
    if (modalAt <= 4) f.add('s:modal-early');
    const next = lower[modalAt + 1];
    if (next && EN_BE.has(next)) f.add('s:modal-be');
    if (next === 'no' || next === 'not' || lower[modalAt + 2] === 'longer') f.add('s:modal-neg');
  }
  if (first && EN_PRONOUN_SUBJECT.has(first)) f.add(`s:subj=${first}`);
  if (EN_CONDITION.has(first)) f.add('s:starts-condition');
  for (let i = 1; i < Math.min(lower.length, 6); i++) {
    const w = lower[i]!;
    if (/ed$/.test(w) && !EN_BE.has(lower[i - 1]!) && /^(?:we|it|this|they|team|teams|i)$/.test(lower[i - 1]!)) f.add('s:subject-past');
    if (EN_HAVE.has(lower[i - 1]!) && /(?:ed|en)$/.test(w)) f.add('s:perfect');
    if (EN_BE.has(lower[i - 1]!) && /ed$/.test(w)) f.add('s:passive');
  }
  // Role × class: how each change or build verb is used — after a modal ("will reduce"), as an
  // accomplishment ("we unified", "has improved"), as a bare opening verb (a goal item or a
  // task), after "to" (a purpose) — tells a claim from a description better than either alone.
  for (const m of matches) {
    if (!/Verbs$/.test(m.cls)) continue;
    const i = m.tokenStart;
    const before = lower.slice(Math.max(0, i - 3), i);
    const word = lower[i] ?? '';
    let ctx = 'x';
    if (before.some((w) => EN_MODALS.has(w))) ctx = 'modal';
    else if (i === 0) ctx = 'start';
    else if (before[before.length - 1] === 'to') ctx = 'to';
    else if (before.some((w) => EN_HAVE.has(w)) || (/ed$/.test(word) && !before.some((w) => EN_BE.has(w)))) ctx = 'done';
    else if (before.some((w) => EN_BE.has(w))) ctx = 'passive';
    else if (/s$/.test(word)) ctx = 'present';
    f.add(`l:${ctx}>${m.cls}`);
  }
  // Goals and results stated as a quality: a modal or "be" before a quality or comparative
  // ("should be easy to learn", "will be more reliable"), and a change verb in the passive
  // ("will be reduced", "is simplified").
  for (const m of matches) {
    const before = lower.slice(Math.max(0, m.tokenStart - 3), m.tokenStart);
    const modal = before.some((w) => EN_MODALS.has(w));
    const be = before.some((w) => EN_BE.has(w));
    if (m.cls === 'qualityAdjectives' || m.cls === 'comparatives' || m.cls === 'techGood') {
      if (modal) f.add('s:modal-quality');
      else if (be) f.add('s:be-quality');
    } else if ((m.cls === 'downVerbs' || m.cls === 'upVerbs' || m.cls === 'improveVerbs') && be && /(?:ed|en)$/.test(lower[m.tokenStart] ?? '')) {
      f.add(modal ? 's:modal-passive-change' : 's:passive-change');
    }
  }
  if (tokens.length <= 10 && !matches.some((m) => /Verbs$/.test(m.cls)) && matches.some((m) => m.cls === 'qualityAdjectives' || m.cls === 'comparatives')) f.add('s:nominal-quality');
  if (/ing$/.test(first) && first.length > 4) f.add('s:first-ing');
  if (tokens[0] && tokens[0].stem === tokens[0].lower.replace(/e$/, '') && matches.some((m) => m.tokenStart === 0 && /Verbs$/.test(m.cls))) {
    f.add('s:imperative-verb');
  }
  if (lower.some((w) => EN_COMPARATIVE.test(w) || (/er$/.test(w) && lower.includes('than')))) f.add('s:comparative');
  if (lower.includes('than')) f.add('s:than');
  if (/\bno longer\b|\bwithout\b|\bno need\b/i.test(text)) f.add('s:no-longer');
  if (/\b(?:now|today)\b/i.test(text)) f.add('s:now');
  if (/\bfrom\b.{1,40}\bto\b/i.test(text)) f.add('s:from-to');
  if (/\b(?:so that|in order to|which means|allowing|letting|lets|enables?|helps?)\b/i.test(text)) f.add('s:benefit-link');
  addShared(text, f, rule, words.length, role);
  return { features: [...f], tokens, matches };
}

const ZH_MODAL = /将|会|应该|应当|需要|必须|可以|能够|希望|旨在|目标是/;
const ZH_PERFECT = /了|已经|已|完成|实现了|做到了/;
const ZH_INTENSITY = /大幅|显著|明显|极大|大大|有效|进一步|更加|更|最/;
const ZH_BENEFIT_LINK = /使得|使|让|帮助|从而|以便|便于|可以|能够|有助于|得以/;
const ZH_CONDITION = /^(?:如果|当|若|假如|对于|在|为了|为)/;
const ZH_HISTORY = /^(?:最初|起初|早期|之前|以前|过去|当时|原来|原先)|年(?:初|底|前)?[，,]/;
const ZH_FROM_TO = /从.{1,20}(?:到|至|降|提|缩)/;

/** Word classes whose presence makes a Chinese sentence worth segmenting into words. */
const CLAIM_CLASSES = new Set(['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs', 'techGood', 'techBad', 'comparatives', 'qualityAdjectives', 'businessOutcomes', 'businessNeedsPeople']);

function chineseFeatures(text: string, lex: LangLexicon, rule: Facts, role: string): SentenceView {
  const { matches } = lex.read(text);
  const f = new Set<string>();
  const words: string[] = [];
  // Segmented words only where a change, quality or business word matched: a sentence with none
  // is almost never a claim, and the word segmenter costs more than the rest of the judgment.
  for (const s of matches.some((m) => CLAIM_CLASSES.has(m.cls)) ? zhSegments(text) : []) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase();
    words.push(/[a-z]/.test(w) ? (techShape(s.segment) || w.length > 1 ? '<latin>' : w) : /^\d[\d.,]*$/.test(w) ? '<num>' : w);
  }
  for (let i = 0; i < words.length; i++) {
    f.add(`w:${words[i]}`);
    if (i + 1 < words.length) f.add(`b:${words[i]}_${words[i + 1]}`);
  }
  if (words.length) f.add(`s:first=${words[0]}`);
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  for (let i = 0; i + 1 < han.length; i++) f.add(`c:${han.slice(i, i + 2)}`);
  for (const m of matches) {
    f.add(`l:${m.cls}`);
    if (m.start <= 2) f.add(`l:first=${m.cls}`);
  }
  // Class pairs in the same clause, in order.
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && j <= i + 4; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.cls !== b.cls && !/[，,。；;：:]/.test(text.slice(a.end, b.start))) f.add(`l:${a.cls}>${b.cls}`);
    }
  }
  // Role × class, as in English: a change verb after 将/会/可以 (a goal or promise), with 了 or
  // after 已 (done), opening its clause (a goal item), or after 以/来/为了 (a purpose).
  for (const m of sorted) {
    if (!/Verbs$/.test(m.cls)) continue;
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    const after = text.slice(m.end, m.end + 2);
    let ctx = 'x';
    if (/(?:将|会|可以|能够|能|应|应该|需要|旨在)\s*$/.test(before)) ctx = 'modal';
    else if (/^了/.test(after) || /(?:已|已经)\s*$/.test(before)) ctx = 'done';
    else if (m.start === 0 || /[，,。；;：:、]\s*$/.test(before)) ctx = 'start';
    else if (/(?:以|来|为了|从而|以便)\s*$/.test(before)) ctx = 'to';
    f.add(`l:${ctx}>${m.cls}`);
  }
  const body = text.replace(/^\s*(?:[（(]?\d+[、.)）]|[一二三四五六七八九十]+[、.]|[-*•])\s*/, '');
  if (body !== text) f.add('s:list-marker');
  if (ZH_MODAL.test(text)) f.add(`s:modal=${ZH_MODAL.exec(text)![0]}`);
  if (ZH_PERFECT.test(text)) f.add('s:perfect');
  if (ZH_INTENSITY.test(text)) f.add('s:intensity');
  if (ZH_BENEFIT_LINK.test(text)) f.add('s:benefit-link');
  if (ZH_CONDITION.test(body)) f.add('s:starts-condition');
  if (ZH_HISTORY.test(body)) f.add('s:history');
  if (ZH_FROM_TO.test(text)) f.add('s:from-to');
  if (/我们|团队/.test(text)) f.add('s:we');
  if (/本文|本方案|本提案|该方案|本 ?RFC|本设计/.test(text)) f.add('s:this-doc');
  if (/^[^，,。：:]{1,12}[：:]/.test(body)) f.add('s:label-colon');
  if (/[、]/.test(text) && !/[，,。]/.test(text.replace(/[。！!]$/, ''))) f.add('s:enumeration');
  addShared(text, f, rule, han.length / 2, role);
  return { features: [...f], tokens: [], matches };
}

/** Features both languages share: the rules' verdict, numbers, punctuation, length, and the role
 * of the section when the sentence has a heading above it (context, never required). */
function addShared(text: string, f: Set<string>, rule: Facts, words: number, role: string): void {
  if (role) {
    f.add(`h:${role}`);
    // The role with the rules' verdict: "a technical claim under Goals" is not "… under Test plan".
    f.add(`h:${role}>${rule.label}`);
  }
  f.add(`r:${rule.label}`);
  f.add(`r:why=${rule.why}`);
  if (rule.biz.length) f.add('r:biz-span');
  if (rule.beneficiary) f.add('r:beneficiary');
  if (rule.quantified) f.add('s:quantified');
  if (/\d/.test(text)) f.add('s:digits');
  if (/%|％|percent|百分/.test(text)) f.add('s:percent');
  if (/[$€£¥]\s?\d|\d\s?(?:万|亿)?元|dollars|million|billion/i.test(text)) f.add('s:money');
  if (/[?？]\s*["”’)）]*$/.test(text)) f.add('s:question');
  if (/[:：]\s*$/.test(text)) f.add('s:lead-in');
  if (/[!！]\s*$/.test(text)) f.add('s:exclaim');
  if (!/[.。!！?？;；:：]\s*["”’)）]*$/.test(text)) f.add('s:no-final-punct');
  if (/https?:\/\/|www\./.test(text)) f.add('s:url');
  if (/^\s*[(（]/.test(text)) f.add('s:paren-start');
  f.add(`s:len=${bucket(words, [4, 8, 14, 24, 40])}`);
  f.add('bias');
}

/** The features of one sentence, given the rules' verdict on it and the role of its section
 * (sectionRole of the heading above it; '' when there is none). */
export function sentenceFeatures(text: string, lex: LangLexicon, rule: Facts, role = ''): SentenceView {
  return lex.lang === 'zh' ? chineseFeatures(text, lex, rule, role) : englishFeatures(text, lex, rule, role);
}
