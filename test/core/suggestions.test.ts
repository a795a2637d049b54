import { describe, expect, it } from 'vitest';
import { analyze, PLACEHOLDER } from '../../src/core/index.js';
import { applyEdit } from './helpers.js';

const docs: Array<[string, string, RegExp]> = [
  ['English IAM', 'We unified permission management across services.', /onboarding of a new business line from \[N\] days to \[M\] days/],
  ['English performance', 'This change improves API server performance and stability.', /\[X\]%/],
  ['Chinese generic', '我们统一了资源和权限模型。', /\[X\]%/],
  ['Chinese IAM example', '我们统一了资源/权限。', /新业务接入成本降低 \[X\]%、上线速度加快 \[Y\]%、合规风险减少 \[Z\]%/],
];

describe('tech-value rewrites', () => {
  it.each(docs)('should offer 1–3 rewrites that keep the claim and add placeholders (%s)', (_name, text, expected) => {
    const m = analyze(text).messages.find((x) => x.ruleId === 'tech-value')!;
    expect(m.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(m.suggestions.length).toBeLessThanOrEqual(3);
    const texts = m.suggestions.map((s) => applyEdit(text, s));
    expect(texts.some((t) => expected.test(t))).toBe(true);
    for (const s of m.suggestions) {
      // never a number the author did not write
      expect(s.text.replace(PLACEHOLDER, '')).not.toMatch(/\d/);
      expect(s.text).toMatch(PLACEHOLDER);
      // same language as the sentence
      expect(/[\u4e00-\u9fff]/.test(s.text)).toBe(m.lang === 'zh');
    }
  });

  it('should keep the final punctuation after the inserted clause', () => {
    const text = 'We unified permissions.';
    const m = analyze(text).messages.find((x) => x.ruleId === 'tech-value')!;
    expect(applyEdit(text, m.suggestions[0]!)).toBe(
      'We unified permissions, cutting onboarding of a new business line from [N] days to [M] days and permission-related tickets by [X]%.',
    );
  });

  it.each([
    'We unified permission management across services.',
    'This change improves API server performance and stability.',
    'The new scheduler reduced p99 latency by 40%.',
    'We migrated all batch jobs to the new cluster.',
    '我们统一了资源和权限模型。',
    '新的调度器显著提升了查询性能。',
    '实现了配置的集中管理。',
  ])('should turn "%s" into a quantified business claim once applied', (text) => {
    for (const s of analyze(text).messages.find((x) => x.ruleId === 'tech-value')!.suggestions) {
      const after = analyze(applyEdit(text, s));
      expect(after.messages.filter((x) => x.ruleId === 'tech-value' || x.ruleId === 'unquantified-impact')).toEqual([]);
      expect(after.messages.some((x) => x.ruleId === 'unfilled-placeholder')).toBe(true);
    }
  });
});

describe('unquantified-impact rewrites', () => {
  it.each(['The platform reduces operational cost.', '该平台可以降低运维成本。'])('should add a measurable form to "%s"', (text) => {
    const m = analyze(text).messages.find((x) => x.ruleId === 'unquantified-impact')!;
    expect(m.suggestions.length).toBeGreaterThanOrEqual(1);
    const fixed = applyEdit(text, m.suggestions[0]!);
    expect(fixed).toMatch(/\[X\]%/);
    const after = analyze(fixed).messages.map((x) => x.ruleId);
    expect(after).not.toContain('unquantified-impact');
    expect(after).toContain('unfilled-placeholder');
  });

  it('should place the number right after the business phrase', () => {
    const text = 'The platform reduces operational cost.';
    const m = analyze(text).messages.find((x) => x.ruleId === 'unquantified-impact')!;
    expect(applyEdit(text, m.suggestions[0]!)).toBe('The platform reduces operational cost by [X]% (from [baseline] to [target]).');
  });
});

describe('value-map', () => {
  it('should insert the missing parts after the first heading, in the doc language', () => {
    const text = '# 权限平台\n\n我们统一了资源和权限模型。\n';
    const m = analyze(text).messages.find((x) => x.ruleId === 'value-map')!;
    expect(m.line).toBe(1);
    const fixed = applyEdit(text, m.suggestions[0]!);
    expect(fixed).toContain('## 业务价值地图');
    expect(fixed.indexOf('## 业务价值地图')).toBeGreaterThan(fixed.indexOf('# 权限平台'));
    expect(analyze(fixed).messages.find((x) => x.ruleId === 'value-map')).toBeUndefined();
  });

  it('should report on line 1 when there is no heading and stay quiet without claims', () => {
    expect(analyze('We unified permissions.').messages.find((x) => x.ruleId === 'value-map')!.line).toBe(1);
    expect(analyze('The gateway forwards requests.').messages.find((x) => x.ruleId === 'value-map')).toBeUndefined();
  });
});
