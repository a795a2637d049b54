import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_BLOCK, blockParts, splitBlocks, wholeFence } from '../../src/core/blocks.js';
import { parseBlock } from '../../src/core/markdown.js';
import { analyze } from '../../src/core/index.js';

const claim = (i: number) => `We improved *latency* of \`svc_${i}\` <!-- c --> by caching. `;
const longLine = (n: number) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += claim(i);
  return s;
};

/** Parts are contiguous: each starts where the previous ended, or after its line break. */
function expectCover(text: string, parts: Array<{ start: number; end: number }>, start: number, end: number) {
  expect(parts[0]!.start).toBe(start);
  expect(parts.at(-1)!.end).toBe(end);
  for (let k = 1; k < parts.length; k++) {
    const gap = text.slice(parts[k - 1]!.end, parts[k]!.start);
    expect(gap).toMatch(/^(|\r?\n|\r)$/);
  }
}

describe('splitBlocks', () => {
  it('splits at blank lines before unindented lines, keeps fences and lists whole', () => {
    const text = 'Para one.\n\n```\na\n\nb\n```\n\n- item\n\n  more\n\nLast.';
    const blocks = splitBlocks(text).map((b) => text.slice(b.start, b.end));
    expect(blocks).toEqual(['Para one.', '```\na\n\nb\n```', '- item\n\n  more', 'Last.']);
  });
});

describe('blockParts', () => {
  it('leaves a block up to MAX_BLOCK whole', () => {
    const text = longLine(MAX_BLOCK - 100);
    expect(blockParts(text, 0, text.length)).toEqual([{ start: 0, end: text.length }]);
  });

  it('cuts a huge paragraph line after sentence ends, before a plain letter', () => {
    const text = longLine(200_000);
    const parts = blockParts(text, 0, text.length);
    expect(parts.length).toBeGreaterThan(5);
    expectCover(text, parts, 0, text.length);
    for (const p of parts.slice(1)) {
      expect(text.slice(p.start - 2, p.start)).toBe('. ');
      expect(text[p.start]).toMatch(/[A-Za-z]/);
    }
    // Every part is bounded, so the parser never sees one huge line.
    for (const p of parts) expect(p.end - p.start).toBeLessThanOrEqual(MAX_BLOCK);
  });

  it('keeps parts bounded when a huge line follows other lines of the block', () => {
    const text = `${'Some words here. '.repeat(600)}\n${longLine(100_000)}\nA last line.`;
    const parts = blockParts(text, 0, text.length);
    expectCover(text, parts, 0, text.length);
    for (const p of parts) expect(p.end - p.start).toBeLessThanOrEqual(MAX_BLOCK);
  });

  it('cuts Chinese lines after a full stop', () => {
    let text = '';
    for (let i = 0; text.length < 100_000; i++) text += `该平台统一了权限管理，第${i}个服务接入。`;
    const parts = blockParts(text, 0, text.length);
    expect(parts.length).toBeGreaterThan(2);
    expectCover(text, parts, 0, text.length);
    for (const p of parts.slice(1)) expect(text[p.start - 1]).toBe('。');
  });

  it('never cuts inside a table row, indented code or fenced code', () => {
    const row = `| ${'a | '.repeat(20_000)}\n`;
    const table = `| h |\n|---|\n${row}`;
    expect(blockParts(table, 0, table.length)).toHaveLength(1);
    const code = `    ${longLine(60_000)}`;
    expect(blockParts(code, 0, code.length)).toHaveLength(1);
    const fence = `\`\`\`\n${longLine(60_000)}\n\`\`\``;
    expect(blockParts(fence, 0, fence.length)).toHaveLength(1);
  });

  it('analyses a huge line with the findings of its sentences', () => {
    const text = longLine(100_000);
    const result = analyze(text);
    const sentences = text.split('. ').length - 1;
    // The cut falls between sentences, so every sentence is judged once, like its neighbours.
    const ids = result.messages.filter((m) => m.ruleId === 'tech-value');
    expect(ids.length).toBe(sentences);
    for (const m of ids) expect(text.slice(m.offset, m.endOffset)).toBe(m.actual);
  });
});

describe('wholeFence (blocks that need no parse)', () => {
  const prose = (text: string) => parseBlock(text).runs.length + parseBlock(text).directives.length;

  it('is true only for blocks whose parse holds no prose and no directive', () => {
    const line = fc.constantFrom(
      '```', '````', '~~~', '~~~~', '``', ' ```', '   ~~~', '    ```', '```js', '``` a`b', '~~~ a`b', '``` ', '```\t', '```\u00a0', '``` x',
      'We improved latency by caching.', '<!-- bizlang-disable -->', '', '   ', 'code();', '# heading', '- item', '> quote', '|a|b|',
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        if (wholeFence(text)) expect(prose(text)).toBe(0);
      }),
      { numRuns: 5000, seed: 20261201 },
    );
  });

  it('sees closed, unclosed and indented fences, and what follows a fence', () => {
    expect(wholeFence('```js\nWe improved latency.\n```')).toBe(true);
    expect(wholeFence('~~~~\ncode\n~~~\nstill code')).toBe(true);
    expect(wholeFence('   ```\n<!-- bizlang-disable -->\n   ```\n  ')).toBe(true);
    expect(wholeFence('```\ncode\n```\nWe improved latency.')).toBe(false);
    expect(wholeFence('``` a`b\nWe improved latency.')).toBe(false);
    expect(wholeFence('    ```\ncode\n```')).toBe(false);
    expect(prose('```\ncode\n```\nWe improved latency.')).toBe(1);
  });

  it('leaves a document with fenced code analysed as before', () => {
    const doc = '# Design\n\n```ts\nconst faster = true; // We improved latency.\n```\n\nWe unified permission management across services.\n\n~~~\nunclosed';
    const messages = analyze(doc).messages.map((m) => `${m.ruleId}@${m.line}`);
    expect(messages.filter((m) => m.startsWith('tech-value'))).toEqual(['tech-value@7']);
  });
});
