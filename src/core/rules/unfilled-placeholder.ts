// unfilled-placeholder: a placeholder left from a rewrite or template ([X]%, [N] days, [团队]),
// so the doc cannot look finished until real numbers are in.
import { defineSentenceRule } from './rule.js';

export const unfilledPlaceholder = defineSentenceRule(
  {
    id: 'unfilled-placeholder',
    description: {
      en: 'Placeholder not filled in yet',
      zh: '占位符尚未填写',
    },
    defaultSeverity: 'info',
    scope: 'sentence',
  },
  (ctx) =>
    ctx.facts.placeholders.map((p) => {
      const actual = ctx.text.slice(p.start, p.end);
      const en = ctx.lang === 'en';
      return {
        ...ctx.range(p),
        lang: ctx.lang,
        confidence: 1,
        certainty: 'certain',
        reason: en ? `Placeholder ${actual} is not filled in` : `占位符 ${actual} 尚未填写`,
        note: en
          ? 'Replace it with a measured figure (and say where it comes from), or remove the claim. Bizlang never invents numbers.'
          : '请填入实际测量的数字（并注明来源），或删除这一表述。Bizlang 不会替你编造数字。',
        suggestions: [],
      };
    }),
);
