// value-map (document level): which parts of the Business Value Map (seed 000) the doc lacks —
// who benefits (业务方是谁), their pain (关键痛点), today's loss (现状损失), how the work improves it
// (平台如何改善), the business-level gain (商业级收益). Reported once, on the first heading (or
// line 1), with a suggestion that inserts the missing parts as a section in the doc's language.
import enData from '../data/en.json';
import zhData from '../data/zh.json';
import type { Facts } from '../classify.js';
import type { Lang, RuleId, Suggestion } from '../types.js';
import { DOCS_URL, type RawFinding, type RuleMeta } from './rule.js';

export type ValueMapPart = 'beneficiary' | 'pain' | 'loss' | 'improvement' | 'gain';
export const VALUE_MAP_PARTS: ValueMapPart[] = ['beneficiary', 'pain', 'loss', 'improvement', 'gain'];

export const PART_LABELS: Record<ValueMapPart, Record<Lang, string>> = {
  beneficiary: { en: 'Who benefits', zh: '业务方是谁' },
  pain: { en: 'Key pain point', zh: '关键痛点' },
  loss: { en: "Today's loss (cost, efficiency, risk)", zh: '现状损失（成本/效率/风险）' },
  improvement: { en: 'How the platform improves it', zh: '平台如何改善' },
  gain: { en: 'Business-level gain', zh: '商业级收益' },
};

const TEMPLATE_LINES: Record<ValueMapPart, Record<Lang, string>> = {
  beneficiary: { en: '- **Who benefits:** [who] (business line, team or customers)', zh: '- **业务方是谁：**[业务方]（业务线、团队或客户）' },
  pain: { en: '- **Key pain point:** [pain point] in their words', zh: '- **关键痛点：**[痛点]（用业务方自己的话）' },
  loss: { en: "- **Today's loss:** [X] per month in [cost / hours / incidents] (baseline measured by [team])", zh: '- **现状损失：**每月 [X]（成本/工时/故障），基线由 [团队] 测量' },
  improvement: { en: '- **How the platform improves it:** [mechanism], in one sentence', zh: '- **平台如何改善：**[机制]，一句话说明' },
  gain: { en: '- **Business-level gain:** [X]% lower [cost], [N] days faster [launch], [Y]% less [risk]', zh: '- **商业级收益：**[成本]降低 [X]%、[上线]加快 [N] 天、[风险]减少 [Y]%' },
};

const KEYWORDS: Record<Lang, Record<ValueMapPart, string[]>> = {
  en: (enData as unknown as { valueMap: Record<ValueMapPart, string[]> }).valueMap,
  zh: (zhData as unknown as { valueMap: Record<ValueMapPart, string[]> }).valueMap,
};

export const valueMapMeta: RuleMeta & { url: string } = {
  id: 'value-map',
  description: {
    en: 'The doc lacks parts of the Business Value Map',
    zh: '文档缺少业务价值地图的部分内容',
  },
  defaultSeverity: 'info',
  scope: 'document',
  url: `${DOCS_URL}#value-map`,
};

/** A sentence of the assembled document. */
export interface DocSentence {
  offset: number;
  endOffset: number;
  line: number;
  text: string;
  lang: Lang;
  facts: Facts;
  /** The Value Map part its leading label names. */
  mapPart: ValueMapPart | null;
  /** Rules suppressed here by inline comments. */
  suppressed: (rule: RuleId) => boolean;
}

export interface DocHeading {
  offset: number;
  endOffset: number;
  line: number;
  /** Offset just after the heading's line (including its line break). */
  lineEnd: number;
  text: string;
  depth: number;
  /** The Value Map parts the heading names. */
  parts: ValueMapPart[];
}

export interface DocSummary {
  text: string;
  language: Lang;
  /** The sentences that matter to document rules: claims, placeholders, Value Map labels. */
  sentences: DocSentence[];
  /** All sentences of the doc, including those not listed. */
  sentenceCount: number;
  headings: DocHeading[];
}

/** The source range of a heading or sentence. */
export type SourceSpot = Pick<DocSentence, 'offset' | 'endOffset' | 'line'>;

export interface ValueMapState {
  /** Where each part was found (the heading or sentence that covers it), or null. */
  present: Record<ValueMapPart, SourceSpot | null>;
  missing: ValueMapPart[];
  /** True when the doc makes value claims at all (otherwise the map is not asked for). */
  applies: boolean;
}

const LOWER_KEYWORDS = Object.fromEntries(
  VALUE_MAP_PARTS.map((p) => [p, [...KEYWORDS.en[p], ...KEYWORDS.zh[p]].map((w) => w.toLowerCase())]),
) as Record<ValueMapPart, string[]>;

/** The Value Map parts a heading names ("Who benefits", "业务价值"…); computed once per block. */
export function headingParts(text: string): ValueMapPart[] {
  const t = text.toLowerCase();
  return VALUE_MAP_PARTS.filter((p) => LOWER_KEYWORDS[p].some((w) => t.includes(w)));
}

/** The Value Map part a sentence's leading label names ("Who benefits: …", "**关键痛点：**…"):
 * any label with one of the part's words, which is enough to count the part as present. */
export function valueMapLabel(sentence: string): ValueMapPart | null {
  const m = LABEL.exec(sentence);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  for (const part of VALUE_MAP_PARTS) {
    if (LOWER_KEYWORDS[part].some((w) => label.includes(w))) return part;
  }
  return null;
}

const LABEL = /^\s*(?:[-*+]\s*)?([^:：。.!?]{2,40})[:：]/;

/** Whether a sentence is filed under the Value Map's "how the platform improves it" by a label
 * that names that part ("How the platform improves it: …", "Proposed solution: …", "平台如何改善：…"),
 * where a technical sentence is in its place. Stricter than `valueMapLabel`: the label ends with
 * one of the part's words or opens with one of its phrases, so a clause or a feature's name that
 * merely contains one ("架构平行可扩展: …", "Design goals: …", "We chose this design, which: …")
 * does not silence a technical claim. */
export function improvementLabel(sentence: string): boolean {
  const m = LABEL.exec(sentence);
  if (!m) return false;
  let label = m[1]!.trim().toLowerCase();
  // Without a closing parenthetical: "Today's loss (cost, efficiency, risk)".
  if (label.endsWith(')') || label.endsWith('）')) label = label.slice(0, Math.max(0, label.lastIndexOf('('), label.lastIndexOf('（'))).trim();
  return label !== '' && !/[,，;；、]/.test(label) && namesImprovement(label);
}

const CJK = /[\u4e00-\u9fff]/;

/** Whether a label names the improvement part: it ends with one of the part's words (English:
 * whole words, the last one perhaps longer, as "designs") or opens with one of its phrases (several
 * English words, or three or more Chinese characters). */
function namesImprovement(label: string): boolean {
  return LOWER_KEYWORDS.improvement.some((w) => {
    if (CJK.test(w)) return label.endsWith(w) || (w.length >= 3 && label.startsWith(w));
    if (w.includes(' ') && label.startsWith(w) && !/[a-z]/.test(label[w.length] ?? '')) return true;
    const at = label.lastIndexOf(w);
    return at >= 0 && (at === 0 || label[at - 1] === ' ' || label[at - 1] === '-') && /^[a-z]*$/.test(label.slice(at + w.length));
  });
}

/** Which parts of the map the doc covers, from headings, labelled lines and what sentences claim. */
export function valueMapState(doc: DocSummary): ValueMapState {
  const present = {} as ValueMapState['present'];
  for (const part of VALUE_MAP_PARTS) {
    present[part] = doc.headings.find((hd) => hd.parts.includes(part)) ?? doc.sentences.find((s) => s.mapPart === part) ?? null;
  }
  const claims = doc.sentences.filter((s) => s.facts.label !== 'OTHER');
  const mark = (part: ValueMapPart, s: DocSentence | undefined) => {
    if (s && !present[part]) present[part] = s;
  };
  const biz = claims.filter((s) => s.facts.label === 'BIZ_QUANT' || s.facts.label === 'BIZ_VAGUE');
  mark('beneficiary', biz.find((s) => s.facts.beneficiary));
  mark('pain', biz.find((s) => /\b(?:pain|problem|struggle|slow|hard|manual)\b|痛点|问题|困难|很高|低/.test(s.text)));
  mark('loss', biz.find((s) => s.facts.quantified && /\b(?:today|currently|used to|before|takes?|costs?)\b|目前|现状|以前|之前|需要|耗时|成本/.test(s.text)));
  mark('improvement', claims.find((s) => s.facts.label === 'TECH') ?? biz[0]);
  mark('gain', biz.find((s) => s.facts.label === 'BIZ_QUANT' && !s.facts.placeholders.length));
  const missing = VALUE_MAP_PARTS.filter((p) => !present[p]);
  return { present, missing, applies: claims.length > 0 };
}

/** The section text inserting the given parts, in the doc's language. */
export function valueMapSection(parts: ValueMapPart[], lang: Lang): string {
  const title = lang === 'zh' ? '## 业务价值地图' : '## Business Value Map';
  return [title, '', ...parts.map((p) => TEMPLATE_LINES[p][lang])].join('\n');
}

/** Where the section goes: after the first heading, or at the top. */
function insertion(doc: DocSummary, parts: ValueMapPart[]): Suggestion {
  const lang = doc.language;
  const section = valueMapSection(parts, lang);
  const first = doc.headings[0];
  const title = lang === 'zh' ? '插入业务价值地图章节' : 'Insert Business Value Map section';
  if (first && first.depth === 1) {
    const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
    const at = first.lineEnd;
    const before = at > 0 && !/[\r\n]$/.test(doc.text.slice(0, at)) ? nl : '';
    return { title, text: `${before}${nl}${section.replace(/\n/g, nl)}${nl}`, offset: at, endOffset: at };
  }
  const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
  return { title, text: `${section.replace(/\n/g, nl)}${nl}${nl}`, offset: 0, endOffset: 0 };
}

/** The value-map finding, if the doc makes value claims and lacks parts of the map. */
export function checkValueMap(doc: DocSummary, state = valueMapState(doc)): RawFinding[] {
  if (!state.applies || state.missing.length === 0) return [];
  const lang = doc.language;
  const names = state.missing.map((p) => PART_LABELS[p][lang]);
  const first = doc.headings[0];
  const offset = first ? first.offset : 0;
  let endOffset = first ? first.endOffset : doc.text.search(/[\r\n]|$/);
  if (endOffset <= offset) endOffset = Math.min(doc.text.length, offset + 1);
  const en = lang === 'en';
  return [
    {
      ruleId: 'value-map',
      offset,
      endOffset,
      lang,
      confidence: 1,
      certainty: 'certain',
      reason: en
        ? `Business Value Map incomplete: missing ${names.join(', ')}`
        : `业务价值地图不完整：缺少${names.join('、')}`,
      note: en
        ? 'A platform doc convinces the people who fund it when it answers five questions: who benefits, what hurts them, what that costs today, how the work improves it, and the business-level gain. Add the missing parts.'
        : '让出资方和使用方信服的平台文档要回答五个问题：业务方是谁、关键痛点、现状损失、平台如何改善、商业级收益。请补充缺少的部分。',
      suggestions: [insertion(doc, state.missing)],
    },
  ];
}
