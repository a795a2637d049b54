import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';
import { applyEdit } from './helpers.js';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');

describe('score', () => {
  it('should be stable and in range', () => {
    for (const name of ['design-doc.en.md', 'design-doc.zh.md', 'business-view.en.md']) {
      const a = analyze(example(name)).score;
      const b = analyze(example(name)).score;
      expect(a).toEqual(b);
      expect(a.total).toBeGreaterThanOrEqual(0);
      expect(a.total).toBeLessThanOrEqual(100);
      const sum = Object.values(a.components).reduce((n, c) => n + c.points, 0);
      expect(Math.abs(sum - a.total)).toBeLessThanOrEqual(0.5);
    }
  });

  it('should point Value Map items at the exact heading or sentence, also when a heading holds inline code', () => {
    // Found by the long fuzz run: a heading's text has inline code as a longer opaque term, and
    // the item's end was computed from that text instead of the source range.
    const text = 'Intro.\n\n# Who benefits: `svc` and teams\n\nWe unified permission management across services.\n';
    const r = analyze(text);
    const items = r.score.components.valueMap.items;
    expect(items.length).toBeGreaterThan(0);
    for (const it of items) {
      expect(it.endOffset).toBeLessThanOrEqual(text.length);
      expect(it.text).toBe(text.slice(it.offset, it.endOffset));
    }
    const heading = items.find((i) => i.text.startsWith('Who benefits'))!;
    expect(heading.text).toBe('Who benefits: `svc` and teams');
    expect(heading.line).toBe(3);
  });

  it('should rate a technical doc L2 and a business case L3', () => {
    expect(analyze(example('design-doc.en.md')).score.level).toBe('L2');
    expect(analyze(example('design-doc.zh.md')).score.level).toBe('L2');
    const biz = analyze(example('business-view.en.md')).score;
    expect(biz.level).toBe('L3');
    expect(biz.levelLabel).toBe('business view');
  });

  it('should go up when a technical claim is rewritten, and again when numbers are filled in', () => {
    const text = example('design-doc.en.md');
    const before = analyze(text);
    const m = before.messages.find((x) => x.ruleId === 'tech-value')!;
    const rewritten = applyEdit(text, m.suggestions[0]!);
    const after = analyze(rewritten);
    expect(after.score.total).toBeGreaterThan(before.score.total);
    const filled = rewritten.replace(/\[[A-Z]\]/g, '12');
    expect(analyze(filled).score.total).toBeGreaterThan(after.score.total);
  });

  it('should explain each component down to sentences', () => {
    const s = analyze(example('design-doc.en.md')).score;
    const costs = s.components.businessFraming.items.filter((i) => i.effect === 'cost');
    expect(costs.length).toBe(s.counts.tech);
    for (const item of costs) expect(example('design-doc.en.md').slice(item.offset, item.endOffset)).toContain(item.text.slice(0, 10));
  });

  it('should give an empty document a valid zero-claims score', () => {
    const s = analyze('').score;
    expect(s.total).toBeGreaterThanOrEqual(0);
    expect(s.level).toBe('L2');
  });
});
