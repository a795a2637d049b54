// What counts as a number for a business claim (corpus/GUIDE.md, "a number?"): digits and
// amounts, and counts in words ("three teams", "hundreds of thousands of users", 数万客户,
// 两名工程师); not years, versions or bare intensity ("many times", 成倍, 大幅).
import { describe, expect, it } from 'vitest';
import { hasQuantity } from '../../src/core/classify.js';

describe('hasQuantity', () => {
  it.each([
    ['en', 'It freed up two software engineers for product work.'],
    ['en', 'Moving to the new platform let the bureau shut down three legacy servers.'],
    ['en', 'It now serves hundreds of thousands of users.'],
    ['en', 'We saved millions of dollars a year.'],
    ['en', 'Builds are ten times faster.'],
    ['en', 'Onboarding takes a few hours.'],
    ['zh', '在数万阿里云客户生产中使用验证，部署量近千万。'],
    ['zh', '节省了两名工程师的人力。'],
    ['zh', '服务了上亿用户。'],
    ['zh', '十几个业务线已经接入。'],
    ['zh', '每年节省数十人天。'],
  ] as const)('%s: counts "%s"', (lang, text) => {
    expect(hasQuantity(text, lang)).toBe(true);
  });

  it.each([
    ['en', 'This reduces operational cost.'],
    ['en', 'It is many times faster.'],
    ['en', 'One of the goals is a lower cost.'],
    ['en', 'Kubernetes 1.28 lowers cost.'],
    ['zh', '研发效率成倍提升。'],
    ['zh', '这是一个统一的框架，降低了成本。'],
    ['zh', '大幅降低了运维成本。'],
  ] as const)('%s: no number in "%s"', (lang, text) => {
    expect(hasQuantity(text, lang)).toBe(false);
  });
});
