// tech-value: a sentence that presents value, a goal or an accomplishment in purely technical
// terms, with no business consequence. Suggests 1–3 rewrites that keep the claim and add a
// business consequence with unfilled placeholders.
import { techRewrites } from '../rewrite.js';
import { defineSentenceRule, judged } from './rule.js';

export const techValue = defineSentenceRule(
  {
    id: 'tech-value',
    description: {
      en: 'Value stated in purely technical terms, with no business consequence',
      zh: '只用技术语言陈述价值，没有业务结果',
    },
    defaultSeverity: 'info',
    scope: 'sentence',
  },
  (ctx) => {
    if (ctx.facts.label !== 'TECH') return [];
    const whole = ctx.range({ start: 0, end: ctx.text.length });
    const trigger = ctx.facts.trigger ? ctx.text.slice(ctx.facts.trigger.start, ctx.facts.trigger.end) : '';
    const at = ctx.insertAt(ctx.facts.insertAt);
    const en = ctx.lang === 'en';
    return [
      {
        ...whole,
        lang: ctx.lang,
        confidence: ctx.facts.confidence ?? 1,
        certainty: judged(ctx.facts),
        reason: en
          ? 'Technical value claim with no business consequence'
          : '纯技术价值表述，没有说明业务结果',
        note: en
          ? `${trigger ? `"${trigger}" says` : 'This says'} what changed technically, not what it is worth. Who benefits (which business line, team or customers)? What gets cheaper, faster or less risky for them, by how much, from what baseline, and who measured it?`
          : `${trigger ? `“${trigger}”说的是` : '这句话说的是'}技术上的变化，而不是它的业务价值。谁受益（哪个业务方、团队或客户）？他们的成本、效率或风险改善了多少？基线是多少，由谁测量？`,
        suggestions: techRewrites(ctx.facts.domains, ctx.lang).map((r) => ({
          title: r.title,
          text: r.insert,
          offset: at,
          endOffset: at,
        })),
      },
    ];
  },
);
