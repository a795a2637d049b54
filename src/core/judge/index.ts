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
import { sentenceFeatures } from './features.js';
import { decodeModel, encodeModel, shippedModel, type StoredModel } from './load.js';
import { Model, type Probabilities, type Sensitivity, type Thresholds } from './model.js';
import { blend, reachable } from './net.js';
import { networkWords } from './words.js';

export { decodeModel, encodeModel, shippedModel, Model };
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

/** Judges one sentence: label, confidence, and the spans findings point at. */
export function judgeSentence(text: string, lang: Lang, lexicon: Lexicon, options: JudgeOptions = {}): Facts {
  const rule = classifySentence(text, lang, lexicon);
  if (text.length > MAX_SENTENCE) return rule;
  const model = shippedModel(options.model).langs[lang];
  const view = sentenceFeatures(text, lexicon[lang], rule, options.sectionRole ?? '');
  const th = model.thresholds[options.sensitivity ?? 'precise'];
  let p: Probabilities = model.predict(view.features);
  // The network weighs `mix` of the average, so it can lift a probability by at most `mix`
  // (times what it lacks): where even that cannot reach a threshold, and the rules see no
  // quantified business claim, the verdict is already settled and the network is not run. (Such
  // a sentence is OTHER; its `confidence`, never a finding's, is then the n-gram model's alone.)
  const mix = model.mix;
  if (mix !== null && (reachable(p.TECH, th.tech, mix) || reachable(p.BIZ, th.biz, mix) || rule.label === 'BIZ_QUANT')) {
    p = blend(p, model.net!.predict(networkWords(text, lang)), mix);
  }
  const tech = p.TECH >= th.tech;
  const biz = p.BIZ >= th.biz;
  const other = (why: string): Facts => ({ ...rule, label: 'OTHER', trigger: null, biz: [], why, confidence: p.OTHER });
  if (biz && (!tech || p.BIZ > p.TECH)) {
    const spans = rule.biz.length ? rule.biz : outcomeSpans(view.matches);
    if (rule.quantified) {
      return { ...rule, label: 'BIZ_QUANT', trigger: spans[0] ?? null, biz: spans, why: `model:${rule.why}`, confidence: p.BIZ };
    }
    // A business finding must point at its outcome; with no outcome phrase to show, stay quiet.
    if (spans.length === 0) return other('model:biz-without-phrase');
    return { ...rule, label: 'BIZ_VAGUE', trigger: spans[0]!, biz: spans, why: `model:${rule.why}`, confidence: p.BIZ };
  }
  if (tech) {
    const trigger = rule.label === 'TECH' ? rule.trigger : claimSpan(view.matches);
    const domains = rule.label === 'TECH' ? rule.domains : lexicon[lang].domainOf(lang === 'en' ? view.tokens : text);
    return { ...rule, label: 'TECH', trigger, biz: [], domains, why: `model:${rule.why}`, confidence: p.TECH };
  }
  // Not reported: but a business claim with a number is still what the score counts as one.
  if (rule.label === 'BIZ_QUANT' && p.BIZ >= p.TECH && p.BIZ >= p.OTHER) {
    return { ...rule, why: `model:${rule.why}`, confidence: p.BIZ };
  }
  return other(`model:${rule.label === 'OTHER' ? rule.why : 'below-threshold'}`);
}

/** A finding's confidence in words: `likely` when it clears the `precise` threshold of its rule
 * and language (what the default sensitivity reports), `possible` below it. Findings that are
 * facts rather than judgments (placeholders, the Value Map) are `certain`. */
export function certainty(ruleId: string, lang: Lang, confidence: number): 'certain' | 'likely' | 'possible' {
  if (ruleId !== 'tech-value' && ruleId !== 'unquantified-impact') return 'certain';
  const th = shippedModel().langs[lang].thresholds.precise;
  return confidence + 0.005 >= (ruleId === 'tech-value' ? th.tech : th.biz) ? 'likely' : 'possible';
}
