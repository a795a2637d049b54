// unquantified-impact: a business outcome with no number ("reduces operational cost",
// "提升研发效率"). Suggests a measurable form with placeholders.
import { quantifyRewrites } from '../rewrite.js';
import { defineSentenceRule, judged } from './rule.js';

export const unquantifiedImpact = defineSentenceRule(
  {
    id: 'unquantified-impact',
    description: {
      en: 'Business outcome stated without a number',
      zh: '业务收益没有量化',
    },
    defaultSeverity: 'info',
    scope: 'sentence',
  },
  (ctx) => {
    if (ctx.facts.label !== 'BIZ_VAGUE' || !ctx.facts.trigger) return [];
    const phrase = ctx.facts.trigger;
    const range = ctx.range(phrase);
    const actual = ctx.text.slice(phrase.start, phrase.end);
    const q = quantifyRewrites(ctx.lang);
    const afterPhrase = ctx.insertAt(phrase.end);
    const atEnd = ctx.insertAt(ctx.facts.insertAt);
    const en = ctx.lang === 'en';
    const suggestions = [{ title: q.afterPhrase.title, text: q.afterPhrase.insert, offset: afterPhrase, endOffset: afterPhrase }];
    if (atEnd !== afterPhrase) suggestions.push({ title: q.atEnd.title, text: q.atEnd.insert, offset: atEnd, endOffset: atEnd });
    return [
      {
        ...range,
        lang: ctx.lang,
        confidence: ctx.facts.confidence ?? 1,
        certainty: judged(ctx.facts),
        reason: en ? `Business outcome "${actual}" has no number` : `业务收益“${actual}”没有量化`,
        note: en
          ? 'A business outcome convinces when it is measured. By how much, from what baseline to what target, over what period, and who measured it?'
          : '业务收益要有数字才有说服力：改善了多少？基线是多少，目标是多少，在什么时间范围内，由谁测量？',
        suggestions,
      },
    ];
  },
);
