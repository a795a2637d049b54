// The 0–100 score, each component explainable down to the sentences that earned or cost points.
// Level L3 "business view" from 70 up, L2 "platform view" below (seed 000: L2 explains everything
// in technical terms, L3 explains platform value in business language).
import { PART_LABELS, VALUE_MAP_PARTS, type DocSummary, type SourceSpot, type ValueMapState } from './rules/value-map.js';
import type { Lang, Level, Score, ScoreComponent, ScoreComponentId, ScoreItem } from './types.js';
import type { DocSentence } from './rules/value-map.js';

/** Points per component; they add up to 100. */
export const WEIGHTS: Record<ScoreComponentId, number> = {
  businessFraming: 35,
  quantified: 25,
  beneficiaries: 10,
  valueMap: 20,
  placeholders: 10,
};

export const L3_THRESHOLD = 70;
const PLACEHOLDER_COST = 2;

const LABELS: Record<ScoreComponentId, Record<Lang, string>> = {
  businessFraming: { en: 'Value claims in business terms', zh: '用业务语言表述的价值' },
  quantified: { en: 'Business claims with numbers', zh: '有数字的业务收益' },
  beneficiaries: { en: 'Beneficiaries named', zh: '点明受益方' },
  valueMap: { en: 'Business Value Map completeness', zh: '业务价值地图完整度' },
  placeholders: { en: 'No unfilled placeholders', zh: '没有未填的占位符' },
};

const LEVEL_LABELS: Record<Level, Record<Lang, string>> = {
  L2: { en: 'platform view', zh: '平台视野' },
  L3: { en: 'business view', zh: '业务视野' },
};

function item(doc: DocSummary, s: SourceSpot, effect: ScoreItem['effect'], why: string): ScoreItem {
  // The source text, not the analysed text (which stands TECHTERM for inline code).
  return { offset: s.offset, endOffset: s.endOffset, line: s.line, text: doc.text.slice(s.offset, s.endOffset), effect, why };
}

function component(id: ScoreComponentId, lang: Lang, ratio: number, detail: string, items: ScoreItem[]): ScoreComponent {
  const max = WEIGHTS[id];
  const r = Math.max(0, Math.min(1, ratio));
  return { id, label: LABELS[id][lang], points: Math.round(r * max * 10) / 10, max, ratio: r, detail, items };
}

/** Scores a document from its sentence judgments and Business Value Map state. */
export function scoreDocument(doc: DocSummary, map: ValueMapState): Score {
  const lang = doc.language;
  const en = lang === 'en';
  const counted = doc.sentences;
  const tech = counted.filter((s) => s.facts.label === 'TECH' && !s.suppressed('tech-value'));
  const vague = counted.filter((s) => s.facts.label === 'BIZ_VAGUE' && !s.suppressed('unquantified-impact'));
  const quant = counted.filter((s) => s.facts.label === 'BIZ_QUANT');
  const biz = [...vague, ...quant];
  const claims = tech.length + biz.length;

  const framing = component(
    'businessFraming',
    lang,
    claims ? biz.length / claims : 0,
    claims
      ? en
        ? `${biz.length} of ${claims} value claims are stated in business terms.`
        : `${claims} 条价值表述中有 ${biz.length} 条使用业务语言。`
      : en
        ? 'No value claims found: the doc never says what the work is worth.'
        : '没有找到价值表述：文档没有说明这项工作的价值。',
    [
      ...tech.map((s) => item(doc, s, 'cost', en ? 'technical value claim' : '技术价值表述')),
      ...biz.map((s) => item(doc, s, 'gain', en ? 'business claim' : '业务表述')),
    ],
  );

  const quantified = component(
    'quantified',
    lang,
    biz.length ? quant.length / biz.length : 0,
    biz.length
      ? en
        ? `${quant.length} of ${biz.length} business claims carry a number.`
        : `${biz.length} 条业务表述中有 ${quant.length} 条带数字。`
      : en
        ? 'No business claims to quantify yet.'
        : '还没有可量化的业务表述。',
    [
      ...vague.map((s) => item(doc, s, 'cost', en ? 'no number' : '没有数字')),
      ...quant.map((s) => item(doc, s, 'gain', en ? 'quantified' : '已量化')),
    ],
  );

  const named = counted.filter((s) => s.facts.beneficiary && s.facts.label !== 'OTHER');
  const mapNamed = map.present.beneficiary ? 1 : 0;
  const benRatio = Math.min(1, (Math.min(named.length, 2) + mapNamed) / 2);
  const beneficiaries = component(
    'beneficiaries',
    lang,
    benRatio,
    en
      ? `${named.length} value claim(s) name who benefits${mapNamed ? '; the Business Value Map names them too' : ''}.`
      : `${named.length} 条价值表述点明了受益方${mapNamed ? '；业务价值地图中也有说明' : ''}。`,
    named.map((s) => item(doc, s, 'gain', en ? 'names a beneficiary' : '点明受益方')),
  );

  const presentParts = VALUE_MAP_PARTS.filter((p) => map.present[p]);
  const valueMap = component(
    'valueMap',
    lang,
    presentParts.length / VALUE_MAP_PARTS.length,
    en
      ? `${presentParts.length} of 5 parts present${map.missing.length ? `; missing: ${map.missing.map((p) => PART_LABELS[p].en).join(', ')}` : ''}.`
      : `5 个部分中有 ${presentParts.length} 个${map.missing.length ? `；缺少：${map.missing.map((p) => PART_LABELS[p].zh).join('、')}` : ''}。`,
    presentParts.map((p) => item(doc, map.present[p]!, 'gain', PART_LABELS[p][lang])),
  );

  const withPlaceholders = counted.filter((s) => s.facts.placeholders.length > 0 && !s.suppressed('unfilled-placeholder'));
  const placeholderCount = withPlaceholders.reduce((n, s) => n + s.facts.placeholders.length, 0);
  const placeholders = component(
    'placeholders',
    lang,
    1 - (placeholderCount * PLACEHOLDER_COST) / WEIGHTS.placeholders,
    en ? `${placeholderCount} unfilled placeholder(s), ${PLACEHOLDER_COST} points each.` : `${placeholderCount} 个未填占位符，每个扣 ${PLACEHOLDER_COST} 分。`,
    withPlaceholders.map((s) => item(doc, s, 'cost', en ? 'unfilled placeholder' : '未填占位符')),
  );

  const components = { businessFraming: framing, quantified, beneficiaries, valueMap, placeholders };
  const total = Math.round(Object.values(components).reduce((n, c) => n + c.points, 0));
  const level: Level = total >= L3_THRESHOLD ? 'L3' : 'L2';
  return {
    total,
    level,
    levelLabel: LEVEL_LABELS[level][lang],
    components,
    counts: {
      tech: tech.length,
      bizVague: vague.length,
      bizQuant: quant.length,
      other: doc.sentenceCount - tech.length - biz.length,
      placeholders: placeholderCount,
    },
  };
}
