// The rule contract: every rule declares its id, docs URL and default severity once, here, and
// defineRule stamps them onto every finding, so no rule can forget them. Severity set by the user
// is applied later, at assembly, never inside a rule.
import type { Facts, Span } from '../classify.js';
import type { Certainty, Lang, RuleId, Severity, Suggestion } from '../types.js';

/** Where the rule docs live; each rule's URL is this plus `#<rule-id>`. */
export const DOCS_URL = 'https://github.com/bizlang/bizlang/blob/main/docs/rules.md';

export interface RuleMeta {
  id: RuleId;
  /** One line, per language, for docs and menus. */
  description: Record<Lang, string>;
  defaultSeverity: Severity;
  /** Sentence rules run per block (cached); document rules run on the assembled summary. */
  scope: 'sentence' | 'document';
}

/** A finding before severity and positions are applied. Offsets are source offsets. */
export interface RawFinding {
  ruleId: RuleId;
  offset: number;
  endOffset: number;
  reason: string;
  note: string;
  lang: Lang;
  /** 0–1; see Message.confidence. */
  confidence: number;
  /** See Message.certainty. */
  certainty: Certainty;
  suggestions: Suggestion[];
}

/** What a sentence rule sees of one sentence. */
export interface SentenceContext {
  facts: Facts;
  /** The sentence's readable text (markup removed). */
  text: string;
  lang: Lang;
  /** Source range of a span of `text`. */
  range(span: Span): { offset: number; endOffset: number };
  /** Source offset at which text inserted before `text[at]` lands. */
  insertAt(at: number): number;
}

export type Finding = Omit<RawFinding, 'ruleId'>;

export interface SentenceRule {
  meta: RuleMeta & { url: string };
  check(ctx: SentenceContext): RawFinding[];
}

/** Declares a sentence rule; its findings carry its id. */
export function defineSentenceRule(meta: RuleMeta, check: (ctx: SentenceContext) => Finding[]): SentenceRule {
  const full = { ...meta, url: `${DOCS_URL}#${meta.id}` };
  return { meta: full, check: (ctx) => check(ctx).map((f) => ({ ...f, ruleId: meta.id })) };
}

/** A sentence finding's certainty from its judgment: `possible` when only a looser sensitivity
 * than the default reports it. */
export const judged = (facts: Facts): Certainty => (facts.likely === false ? 'possible' : 'likely');
