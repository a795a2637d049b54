import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';

const cases: Array<[string, string]> = [
  ['LF', 'Intro line.\n\nWe unified permission management across services.\n'],
  ['CRLF', 'Intro line.\r\n\r\nWe unified permission management across services.\r\n'],
  ['CR only', 'Intro line.\r\rWe unified permission management across services.\r'],
  ['tabs', '\tIntro line.\n\nWe\tunified permission management across services.\n'],
  ['emoji before', '😀 Intro 🚀 line.\n\n🚀 We unified permission management across services.\n'],
  ['BOM', '\uFEFFWe unified permission management across services.\n'],
  ['CJK line before', '背景介绍。\n\nWe unified permission management across services.\n'],
  ['Chinese sentence', '背景介绍 😀。\r\n\r\n我们统一了资源和权限模型。\r\n'],
  ['inside emphasis and list', '- **We unified** permission management across services.\n'],
  ['blockquote', '> We unified permission management across services.\n'],
];

describe('positions', () => {
  it.each(cases)('should report exact offsets and lines with %s', (_name, text) => {
    const { messages } = analyze(text);
    const flagged = messages.filter((m) => m.ruleId === 'tech-value');
    expect(flagged).toHaveLength(1);
    for (const m of messages) {
      expect(m.actual).toBe(text.slice(m.offset, m.endOffset));
      expect(m.offset).toBeLessThanOrEqual(m.endOffset);
      // line and column agree with the offset, counting \r\n, \r and \n as line ends
      const before = text.slice(0, m.offset);
      const lines = before.split(/\r\n|\r|\n/);
      expect(m.line).toBe(lines.length);
      expect(m.column).toBe(lines[lines.length - 1]!.length + 1);
      expect(m.place.start).toEqual({ line: m.line, column: m.column, offset: m.offset });
    }
    const m = flagged[0]!;
    expect(m.actual).toMatch(/(We\sunified|我们统一)/);
    expect(m.actual).toMatch(/[.。]$/);
  });

  it('should count columns in UTF-16 code units after emoji and CJK', () => {
    const text = '😀中 x\n\nWe unified permission management across services.';
    const m = analyze(text).messages.find((x) => x.ruleId === 'tech-value')!;
    expect(m.line).toBe(3);
    expect(m.column).toBe(1);
    expect(m.offset).toBe('😀中 x\n\n'.length);
  });

  it('should keep suggestion offsets inside the document', () => {
    const text = 'Intro.\r\n\r\nWe unified permissions across services.\r\n';
    for (const m of analyze(text).messages) {
      for (const s of m.suggestions) {
        expect(s.offset).toBeGreaterThanOrEqual(0);
        expect(s.endOffset).toBeLessThanOrEqual(text.length);
        expect(s.offset).toBeLessThanOrEqual(s.endOffset);
      }
    }
  });
});
