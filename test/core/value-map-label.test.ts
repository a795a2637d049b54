// A sentence that opens with a Value Map label counts that part as present ("Who benefits: …");
// one filed under "how the platform improves it" is in its place when it is technical, and gets
// no tech-value finding — but only when its label names that part, not when any clause or feature
// name before a colon contains one of the part's words.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';
import { improvementLabel, valueMapLabel } from '../../src/core/rules/value-map.js';

describe('Value Map labels', () => {
  it("reads the inserted section's own labels, in both languages", () => {
    expect(valueMapLabel('Who benefits: [who] (business line, team or customers)')).toBe('beneficiary');
    expect(valueMapLabel('Key pain point: [pain point] in their words')).toBe('pain');
    expect(valueMapLabel("Today's loss (cost, efficiency, risk): [X] per month")).toBe('loss');
    expect(valueMapLabel('How the platform improves it: [mechanism], in one sentence')).toBe('improvement');
    expect(valueMapLabel('Business-level gain: [X]% lower [cost]')).toBe('gain');
    expect(valueMapLabel('业务方是谁：[业务方]（业务线、团队或客户）')).toBe('beneficiary');
    expect(valueMapLabel('关键痛点：[痛点]（用业务方自己的话）')).toBe('pain');
    expect(valueMapLabel('现状损失（成本/效率/风险）：每月 [X]')).toBe('loss');
    expect(valueMapLabel('平台如何改善：[机制]，一句话说明')).toBe('improvement');
    expect(valueMapLabel('商业级收益：[成本]降低 [X]%')).toBe('gain');
  });

  it('files a sentence under "how the platform improves it" when its label names that part', () => {
    for (const s of ['How the platform improves it: one policy engine.', '- Proposed solution: one policy engine.', 'Design: a cache in front of the API.', '平台如何改善：统一的权限模型。', '解决方案：统一的权限模型。']) {
      expect(improvementLabel(s), s).toBe(true);
    }
  });

  it('does not take a clause or a feature name that contains one of its words for the label', () => {
    for (const s of [
      'Design goals: the scheduler should recover without manual steps.',
      'We chose this design, which means: fewer moving parts.',
      '架构平行可扩展: 灵活的架构设计可以随意横向扩容。',
      '我们提出的优化方案为：对于越小文件数据，尽可能写入到越少的数据块中。',
      '所以团队用 Kubernetes 实现了所有公共部分，包括：统一元数据。',
    ]) {
      expect(improvementLabel(s), s).toBe(false);
    }
  });

  it('keeps the technical finding on such a sentence, and none under the real label', () => {
    const under = analyze('How the platform improves it: we unified permissions, which makes the platform faster.\n', { sensitivity: 'thorough' });
    expect(under.messages.filter((m) => m.ruleId === 'tech-value')).toEqual([]);
    const goal = analyze('Design goals: we unified permissions, which makes the platform faster.\n', { sensitivity: 'thorough' });
    expect(goal.messages.filter((m) => m.ruleId === 'tech-value')).toHaveLength(1);
  });
});
