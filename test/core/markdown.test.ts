import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';
import { splitBlocks } from '../../src/core/blocks.js';
import { parseBlock } from '../../src/core/markdown.js';
import { messagesOf } from './helpers.js';

const CLAIM = 'We unified permission management across services.';
const ZH_CLAIM = '我们统一了资源和权限模型。';

describe('Markdown awareness', () => {
  it.each([
    ['fenced code', '```\n' + CLAIM + '\n```\n'],
    ['tilde fence with blank lines', '~~~md\n\n' + CLAIM + '\n\n~~~\n'],
    ['indented code', 'Intro.\n\n    ' + CLAIM + '\n'],
    ['HTML block', '<div>\n' + CLAIM + '\n</div>\n'],
    ['HTML comment across blank lines', '<!--\n\n' + CLAIM + '\n\n-->\n'],
    ['YAML front matter', '---\ntitle: ' + CLAIM + '\n---\n\nIntro.\n'],
    ['TOML front matter', '+++\ntitle = "' + CLAIM + '"\n+++\n\nIntro.\n'],
    ['a bare URL', 'See https://example.com/we-unified-permission-management-across-services.\n'],
    ['a heading', '# ' + CLAIM + '\n'],
  ])('should not judge claims in %s', (_name, text) => {
    expect(messagesOf(text, 'tech-value')).toEqual([]);
  });

  it.each([
    ['a paragraph', CLAIM],
    ['a list item', '- ' + CLAIM],
    ['a nested list item', '- a\n\n  - ' + CLAIM],
    ['a block quote', '> ' + CLAIM],
    ['a table cell', '| a | b |\n|---|---|\n| x | ' + CLAIM + ' |'],
    ['emphasis', '*We unified* permission management **across services**.'],
    ['link text', 'We [unified permission management](https://x.example) across services.'],
    ['a Chinese table cell', '| 能力 | 说明 |\n|---|---|\n| 权限 | ' + ZH_CLAIM + ' |'],
    ['after front matter', '---\na: 1\n---\n\n' + CLAIM],
  ])('should judge claims in %s', (_name, text) => {
    const found = messagesOf(text, 'tech-value');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.offset, found[0]!.endOffset)).toBe(found[0]!.actual);
  });

  it('should treat inline code as an opaque technical term', () => {
    const found = messagesOf('We unified `perm-svc` and `acl-svc` into one service.', 'tech-value');
    expect(found).toHaveLength(1);
    expect(found[0]!.actual).toContain('`perm-svc`');
  });

  it('should read Chinese prose full of English product names as Chinese', () => {
    const result = analyze('TiDB 从 v8.3.0 开始引入全局索引 (Global Index)，显著提升了查询性能。');
    expect(result.language).toBe('zh');
    expect(result.messages.find((m) => m.ruleId === 'tech-value')?.lang).toBe('zh');
  });

  it('should read Chinese text glued to a bare URL as prose, not as part of the link', () => {
    // GFM extends the link to the next white space; Chinese puts none after it.
    const text = '详情见：https://example.com/a?x=1我们统一了资源和权限模型。\n';
    const found = messagesOf(text, 'tech-value');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.offset, found[0]!.endOffset)).toBe(found[0]!.actual);
    expect(found[0]!.actual.endsWith('我们统一了资源和权限模型。')).toBe(true);
  });

  it('should read a footnote call as a marker wherever its definition is, whatever was parsed before', () => {
    const doc = 'We unified permission management across services [^4].\n';
    const prose = () => parseBlock(doc).runs.map((r) => r.text).join('|');
    const first = messagesOf(doc, 'tech-value');
    expect(prose()).not.toContain('[^4]');
    // A block that defines the label must not change how later blocks (of any document) read.
    analyze('Intro.[^4]\n\n[^4]: A note.\n');
    parseBlock('[^4]: A note.\n');
    expect(prose()).not.toContain('[^4]');
    expect(messagesOf(doc, 'tech-value')).toEqual(first);
    expect(first).toHaveLength(1);
  });

  it('should let the language option force one language', () => {
    expect(analyze('Some text here.', { language: 'zh' }).language).toBe('zh');
  });
});

describe('splitBlocks', () => {
  const kinds = (text: string) => splitBlocks(text).map((b) => [b.kind, text.slice(b.start, b.end)]);
  it('should split at blank lines before unindented lines', () => {
    expect(kinds('a\nb\n\nc\n')).toEqual([['markdown', 'a\nb'], ['markdown', 'c']]);
  });
  it('should keep list continuations, fences and HTML comments whole', () => {
    expect(kinds('- a\n\n  b\n\nc')).toEqual([['markdown', '- a\n\n  b'], ['markdown', 'c']]);
    expect(kinds('```\nx\n\ny\n```\nz')).toEqual([['markdown', '```\nx\n\ny\n```\nz']]);
    expect(kinds('<!--\n\nx\n\n-->\n\ny')).toEqual([['markdown', '<!--\n\nx\n\n-->'], ['markdown', 'y']]);
  });
  it('should mark front matter', () => {
    expect(kinds('---\na: 1\n---\n\nb')).toEqual([['frontmatter', '---\na: 1\n---'], ['markdown', 'b']]);
  });
  it('should handle CRLF and an unclosed fence', () => {
    expect(kinds('a\r\n\r\nb\r\n')).toEqual([['markdown', 'a'], ['markdown', 'b']]);
    expect(kinds('```\nx\n\ny')).toEqual([['markdown', '```\nx\n\ny']]);
  });
});
