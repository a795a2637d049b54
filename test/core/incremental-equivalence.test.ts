// Per keystroke the extension re-analyses with a warm Analyzer (only the edited block is parsed
// again; the rest comes from its cache). That result must be identical to a full analysis of the
// edited text. Random one-character edits — mostly inside paragraphs, as when typing, some
// anywhere — on real documents: the examples, and the benchmark's typical and large docs
// (../shared/bench/docs) when they are there. No timing here: the figures come from `npm run bench`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyze, Analyzer } from '../../src/core/index.js';

const seed = Number(process.env.BIZLANG_SEED ?? 20261121);
const root = join(__dirname, '..', '..');
const benchDocs = join(root, '..', 'shared', 'bench', 'docs');

function load(path: string): { name: string; text: string } | null {
  return existsSync(path) ? { name: path.slice(path.lastIndexOf('/') + 1), text: readFileSync(path, 'utf8') } : null;
}

const small = [
  ...['design-doc.en.md', 'design-doc.zh.md', 'business-view.en.md'].map((n) => load(join(root, 'examples', n))),
  load(join(benchDocs, 'en-typical.md')),
  load(join(benchDocs, 'zh-typical.md')),
].filter((d): d is { name: string; text: string } => d !== null);
const large = [load(join(benchDocs, 'en-large.md')), load(join(benchDocs, 'zh-large.md'))].filter((d): d is { name: string; text: string } => d !== null);

const floor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** [start, end) of every paragraph in the doc. */
function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' && node.position) {
      out.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      return;
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(floor.parse(text) as Root);
  return out;
}

const edit = fc.record({
  /** Which paragraph (modulo their number); ignored when `anywhere`. */
  para: fc.nat(),
  /** Where in it (modulo its length), or in the doc when `anywhere`. */
  at: fc.nat(),
  anywhere: fc.nat({ max: 9 }).map((n) => n < 3),
  kind: fc.constantFrom('insert', 'insert', 'delete', 'replace'),
  ch: fc.constantFrom('e', 'x', ' ', '.', '的', '。', '，', '`', '*', '\n', '#', '|', '<'),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Applies a one-character edit; `paras` are the original doc's paragraphs (offsets drift by a few characters at most). */
function apply(text: string, paras: Array<[number, number]>, e: Edit): string {
  let at: number;
  if (e.anywhere || paras.length === 0) at = e.at % (text.length + 1);
  else {
    const [s, end] = paras[e.para % paras.length]!;
    at = Math.min(text.length, s + (e.at % Math.max(1, end - s)));
  }
  if (e.kind === 'insert') return text.slice(0, at) + e.ch + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + e.ch + text.slice(at + 1);
}

function check(docs: Array<{ name: string; text: string }>, numRuns: number, maxEdits: number): void {
  fc.assert(
    fc.property(fc.constantFrom(...docs), fc.array(edit, { minLength: 1, maxLength: maxEdits }), (doc, edits) => {
      const paras = paragraphs(doc.text);
      const warm = new Analyzer();
      warm.analyze(doc.text);
      let text = doc.text;
      for (const e of edits) {
        text = apply(text, paras, e);
        expect(warm.analyze(text), `${doc.name} after ${JSON.stringify(e)}`).toEqual(analyze(text));
      }
    }),
    { seed, numRuns },
  );
}

describe('incremental re-analysis equals a full analysis after one-character edits', () => {
  it('on the examples and typical docs', () => {
    check(small, 40, 6);
  }, 120_000);

  it.skipIf(large.length === 0)('on the large benchmark docs (~320 KB English, ~390 KB Chinese)', () => {
    check(large, 2, 2);
  }, 300_000);

  it.skipIf(large.length === 0)('sliced (analyzeAsync, as the extension runs it) on a large doc', async () => {
    const doc = large[0]!;
    const paras = paragraphs(doc.text);
    const warm = new Analyzer();
    await warm.analyzeAsync(doc.text, { sliceMs: 20, yieldFn: async () => {} });
    const typed = apply(doc.text, paras, { para: Math.floor(paras.length / 2), at: 7, anywhere: false, kind: 'insert', ch: 'e' });
    const [sliced, full] = [await warm.analyzeAsync(typed, { sliceMs: 0, yieldFn: async () => {} }), analyze(typed)];
    expect(sliced).toEqual(full);
    // and the backspace: back to the original text.
    expect(await warm.analyzeAsync(doc.text, { sliceMs: 0, yieldFn: async () => {} })).toEqual(analyze(doc.text));
  }, 300_000);
});
