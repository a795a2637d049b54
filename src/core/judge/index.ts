// The judgment of one sentence, in two steps the model learned together:
// 1. Is it a value claim at all (a goal, benefit, result, accomplishment, consequence)? —
//    from its role (modality, tense, change verbs, comparison, shape), not its nouns.
// 2. Does it name a business outcome (the closed classes of src/core/data)? With one it is
//    business, and a number makes it BIZ_QUANT; without one, a claim is technical.
// The hand-written rules of classify.ts are one input (their verdict is a feature) and supply
// the spans a finding points at; the learned model decides, with a probability that becomes the
// finding's confidence. Findings below the sensitivity's threshold are not reported.
import { classifySentence, MAX_SENTENCE, type Facts, type Span } from '../classify.js';
import type { Lexicon, Match } from '../lexicon.js';
import type { Lang } from '../types.js';
import { sentenceFeatures, type SentenceView } from './features.js';
import { decodeModel, encodeModel, shippedModel, type StoredModel } from './load.js';
import { Model, SENSITIVITIES, type LangModel, type Probabilities, type Sensitivity, type Thresholds } from './model.js';
import { blend, reachable, type SentenceNet } from './net.js';
import { networksGeneration, shippedNetwork, useNetworks, type NetworkSource } from './networks.js';
import { networkWords, zhSegments } from './words.js';

export { decodeModel, encodeModel, shippedModel, Model, useNetworks };
export type { NetworkSource };
export type { Sensitivity, StoredModel, Thresholds };

export interface JudgeOptions {
  /** The model to use (default: the shipped one), in its stored form. */
  model?: StoredModel;
  /** How many findings to risk: `precise` (default) reports only likely ones. */
  sensitivity?: Sensitivity;
  /** The role of the section the sentence sits in (sectionRole of its heading); '' for none. */
  sectionRole?: string;
}

const VERB_CLASSES = new Set(['improveVerbs', 'upVerbs', 'downVerbs', 'keepVerbs', 'buildVerbs', 'enableVerbs', 'comparatives', 'qualityAdjectives', 'techGood']);

/** The phrase a technical finding quotes when the rules found none: the first change or quality word. */
function claimSpan(matches: Match[]): Span | null {
  let best: Match | undefined;
  for (const m of matches) if (VERB_CLASSES.has(m.cls) && (!best || m.start < best.start)) best = m;
  return best ? { start: best.start, end: best.end } : null;
}

/** Business outcome phrases the lexicon sees, for a business verdict the rules did not reach. */
function outcomeSpans(matches: Match[]): Span[] {
  return matches
    .filter((m) => m.cls === 'businessOutcomes' || m.cls === 'businessNeedsPeople')
    .map((m) => ({ start: m.start, end: m.end }))
    .sort((a, b) => a.start - b.start);
}

/** The sentence network a judgment uses: a given model's own, or for the shipped model the one
 * an adapter provides (networks.ts); null when there is none. */
function networkOf(model: LangModel, lang: Lang, given: boolean): SentenceNet | null {
  return given ? model.net : (model.net ?? shippedNetwork(lang, model.id));
}

/**
 * Loads what the first judgment of a `lang` sentence with the shipped model would: the
 * language's n-gram weights, then its network, then (Chinese) the word segmenter's dictionary — one step per
 * call, so that a caller slicing its work (`Analyzer.analyzeAsync`) can yield between them (each
 * takes a few to ~12 ms). Returns true when it did a step (call again), false when all is
 * loaded. Judgments are the same with or without it.
 */
export function prepareJudgment(lang: Lang): boolean {
  if (preparedFor !== networksGeneration()) {
    prepared.clear();
    preparedFor = networksGeneration();
  }
  const done = prepared.get(lang) ?? 0;
  const steps: Array<() => unknown> = [() => shippedModel().langs[lang], () => shippedNetwork(lang, shippedModel().langs[lang].id)];
  if (lang === 'zh') steps.push(() => zhSegments('预热'));
  if (done >= steps.length) return false;
  steps[done]!();
  prepared.set(lang, done + 1);
  return true;
}
const prepared = new Map<Lang, number>();
let preparedFor = -1;

/** Sentences up to this long are remembered once judged with the shipped model: table cells,
 * list items and boilerplate lines recur across the documents of a project (a seventh of the
 * judgment's time in the bench's Chinese batch, a ninth in the English), longer ones rarely do. */
const MEMO_TEXT = 256;
const MEMO_SIZE = 2048;
/** Recent judgments per lexicon (a configuration's words change them), least recent first;
 * emptied when the networks change. Judgments are frozen: one may be handed out many times. */
let memos = new WeakMap<Lexicon, { generation: number; facts: Map<string, Facts> }>();

/** Drops every remembered judgment: what follows judges each sentence afresh, as a new process
 * would (`npm run bench` measures the judgment itself, not the memory of it). */
export function forgetJudgments(): void {
  memos = new WeakMap();
}

function freeze(f: Facts): Facts {
  for (const v of Object.values(f)) {
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'object' && x !== null) Object.freeze(x);
    if (typeof v === 'object' && v !== null) Object.freeze(v);
  }
  return Object.freeze(f);
}

/** Judges one sentence: label, confidence, and the spans findings point at. The same sentence,
 * language, sensitivity and section role always get the same (frozen) judgment. */
export function judgeSentence(text: string, lang: Lang, lexicon: Lexicon, options: JudgeOptions = {}): Facts {
  if (options.model !== undefined || text.length > MEMO_TEXT) return judgeAfresh(text, lang, lexicon, options);
  const generation = networksGeneration();
  let held = memos.get(lexicon);
  if (held?.generation !== generation) memos.set(lexicon, (held = { generation, facts: new Map() }));
  const memo = held.facts;
  const key = `${lang}\u0000${options.sensitivity ?? 'precise'}\u0000${options.sectionRole ?? ''}\u0000${text}`;
  let facts = memo.get(key);
  if (facts) {
    memo.delete(key);
  } else {
    facts = freeze(judgeAfresh(text, lang, lexicon, options));
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, facts);
  return facts;
}

function judgeAfresh(text: string, lang: Lang, lexicon: Lexicon, options: JudgeOptions): Facts {
  const rule = classifySentence(text, lang, lexicon);
  if (text.length > MAX_SENTENCE) return rule;
  const model = shippedModel(options.model).langs[lang];
  const net = networkOf(model, lang, options.model !== undefined);
  const levels = model.thresholdsWith(net);
  const view = sentenceFeatures(text, lexicon[lang], rule, options.sectionRole ?? '');
  const ngram = model.predict(view.features);
  let read: Probabilities | undefined;
  // A level's probabilities: the n-gram model's, averaged with the network's at the level's share
  // of it. The network can lift a probability by at most that share (times what it lacks): where
  // even that cannot reach a threshold, and the rules see no quantified business claim, the
  // verdict is already settled and the network is not run. (Such a sentence is OTHER; its
  // `confidence`, never a finding's, is then the n-gram model's alone.)
  const probabilities = (th: Thresholds): Probabilities => {
    const mix = th.mix ?? 0;
    if (!net || mix <= 0) return ngram;
    if (!(reachable(ngram.TECH, th.tech, mix) || reachable(ngram.BIZ, th.biz, mix) || rule.label === 'BIZ_QUANT')) return ngram;
    return blend(ngram, (read ??= net.predict(networkWords(text, lang))), mix);
  };
  const level = options.sensitivity ?? 'precise';
  const th = levels[level];
  const p = probabilities(th);
  // A finding of a looser level says whether the default level reports it too ("likely"): its
  // own probability may differ from the default's where the two use different shares of the
  // network, so it is decided again at `precise`, not read off the confidence.
  const found = (f: Facts): Facts => {
    if (level === 'precise' || (f.label !== 'TECH' && f.label !== 'BIZ_VAGUE')) return f;
    const strict = levels.precise;
    return { ...f, likely: decide(text, lang, lexicon, rule, view, probabilities(strict), strict)?.label === f.label };
  };
  const verdict = decide(text, lang, lexicon, rule, view, p, th);
  if (verdict) return found(verdict);
  // A looser level reports every sentence a stricter one does: when the levels use different
  // shares of the network, the stricter level's finding stands where this one's sees none.
  for (let i = SENSITIVITIES.indexOf(level) - 1; i >= 0; i--) {
    const strict = levels[SENSITIVITIES[i]!];
    if ((strict.mix ?? 0) === (th.mix ?? 0)) continue;
    const other = decide(text, lang, lexicon, rule, view, probabilities(strict), strict);
    if (other && other.label !== 'OTHER') return found(other);
  }
  // Not reported: but a business claim with a number is still what the score counts as one.
  if (rule.label === 'BIZ_QUANT' && p.BIZ >= p.TECH && p.BIZ >= p.OTHER) {
    return { ...rule, why: `model:${rule.why}`, confidence: p.BIZ };
  }
  return quiet(rule, p, `model:${rule.label === 'OTHER' ? rule.why : 'below-threshold'}`);
}

const quiet = (rule: Facts, p: Probabilities, why: string): Facts => ({ ...rule, label: 'OTHER', trigger: null, biz: [], why, confidence: p.OTHER });

/** What a sentence's probabilities decide at one level's thresholds: a technical finding
 * (`TECH`), an unquantified business finding (`BIZ_VAGUE`), a business claim with a number
 * (`BIZ_QUANT`: no finding), a business verdict with no outcome phrase to point at (`QUIET`: no
 * finding — a business finding must show its outcome), or null when no threshold is reached.
 * `quantified`: the sentence has a number; `outcome`: it has a business outcome phrase. One
 * function for the core and for `npm run eval`, so the evaluation scores what ships. */
export function verdictAt(p: Probabilities, th: Thresholds, facts: { quantified: boolean; outcome: boolean }): 'TECH' | 'BIZ_VAGUE' | 'BIZ_QUANT' | 'QUIET' | null {
  const tech = p.TECH >= th.tech;
  if (p.BIZ >= th.biz && (!tech || p.BIZ > p.TECH)) return facts.quantified ? 'BIZ_QUANT' : facts.outcome ? 'BIZ_VAGUE' : 'QUIET';
  return tech ? 'TECH' : null;
}

/** The business phrases a finding on this sentence points at: the rules' own, else the lexicon's. */
export const businessSpans = (rule: Facts, view: SentenceView): Span[] => (rule.biz.length ? rule.biz : outcomeSpans(view.matches));

/** The verdict at one level's thresholds; null when the probabilities reach none of them. */
function decide(text: string, lang: Lang, lexicon: Lexicon, rule: Facts, view: SentenceView, p: Probabilities, th: Thresholds): Facts | null {
  const spans = p.BIZ >= th.biz ? businessSpans(rule, view) : [];
  switch (verdictAt(p, th, { quantified: rule.quantified, outcome: spans.length > 0 })) {
    case 'BIZ_QUANT':
      return { ...rule, label: 'BIZ_QUANT', trigger: spans[0] ?? null, biz: spans, why: `model:${rule.why}`, confidence: p.BIZ };
    case 'QUIET':
      return quiet(rule, p, 'model:biz-without-phrase');
    case 'BIZ_VAGUE':
      return { ...rule, label: 'BIZ_VAGUE', trigger: spans[0]!, biz: spans, why: `model:${rule.why}`, confidence: p.BIZ };
    case 'TECH': {
      const trigger = rule.label === 'TECH' ? rule.trigger : claimSpan(view.matches);
      const domains = rule.label === 'TECH' ? rule.domains : lexicon[lang].domainOf(lang === 'en' ? view.tokens : text);
      return { ...rule, label: 'TECH', trigger, biz: [], domains, why: `model:${rule.why}`, confidence: p.TECH };
    }
    default:
      return null;
  }
}

/** A finding's confidence as the output shows it: two decimal places. */
export const shownConfidence = (confidence: number): number => Math.round(confidence * 100) / 100;

