// The registry of built-in rules.
import type { RuleId, Severity } from '../types.js';
import type { RuleMeta, SentenceRule } from './rule.js';
import { techValue } from './tech-value.js';
import { unfilledPlaceholder } from './unfilled-placeholder.js';
import { unquantifiedImpact } from './unquantified-impact.js';
import { valueMapMeta } from './value-map.js';

export const SENTENCE_RULES: SentenceRule[] = [techValue, unquantifiedImpact, unfilledPlaceholder];

/** Every rule's metadata, in docs order. */
export const RULES: Array<RuleMeta & { url: string }> = [...SENTENCE_RULES.map((r) => r.meta), valueMapMeta];

export const RULE_IDS = RULES.map((r) => r.id) as RuleId[];

export function ruleMeta(id: RuleId): RuleMeta & { url: string } {
  return RULES.find((r) => r.id === id)!;
}

export function defaultSeverity(id: RuleId): Severity {
  return ruleMeta(id).defaultSeverity;
}
