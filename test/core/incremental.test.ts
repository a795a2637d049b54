import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyze, Analyzer } from '../../src/core/index.js';

const docs = ['design-doc.en.md', 'design-doc.zh.md', 'business-view.en.md'].map((n) =>
  readFileSync(join(__dirname, '..', '..', 'examples', n), 'utf8'),
);

describe('incremental re-analysis', () => {
  it('should equal a full analysis after random edits', () => {
    const seed = Number(process.env.BIZLANG_SEED ?? 20261121);
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.array(
          fc.record({
            at: fc.nat(),
            del: fc.nat({ max: 12 }),
            ins: fc.constantFrom('', 'x', '\n', '\n\n', ' improved performance.', '。我们统一了权限', '`', '```\n', '- ', '| a |', '<!--', '-->', '[X]%'),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (doc, edits) => {
          const inc = new Analyzer();
          let text = doc;
          inc.analyze(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
            expect(inc.analyze(text)).toEqual(analyze(text));
          }
        },
      ),
      { seed, numRuns: 60 },
    );
  }, 120_000);

  it('loads the judgment in slices of its own on first use, then never again', async () => {
    // A fresh copy of the core, as in a fresh process: nothing of the judgment or the sentence
    // segmenters made yet.
    vi.resetModules();
    const { useNetworks, Analyzer, analyze } = await import('../../src/core/index.js');
    useNetworks(null);
    const small = '# 计划\n\n我们统一了权限。We unified permissions.\n';
    let yields = 0;
    const count = { sliceMs: 1e9, yieldFn: async () => void yields++ };
    expect(await new Analyzer().analyzeAsync(small, count)).toEqual(analyze(small));
    // Sentence segmenter, model, network, word segmenter for Chinese; sentence segmenter, model,
    // network for English: one slice each.
    expect(yields).toBe(7);
    yields = 0;
    expect(await new Analyzer().analyzeAsync(small, count)).toEqual(analyze(small));
    expect(yields).toBe(0);
    // A document with no judgment to load for (a given model) or too large to analyse: none.
    useNetworks(null);
    expect(await new Analyzer({ maxFileSize: 10 }).analyzeAsync(small, count)).toEqual(new Analyzer({ maxFileSize: 10 }).analyze(small));
    expect(yields).toBe(0);
  });

  it('should give the same result sliced and unsliced', async () => {
    const a = new Analyzer();
    const sliced = await a.analyzeAsync(docs[0]!, { sliceMs: 0, yieldFn: async () => {} });
    expect(sliced).toEqual(analyze(docs[0]!));
  });
});

describe('analyzeAsync slices inside large blocks', () => {
  it('ends a slice before a large block and between its runs, with the same result', async () => {
    // A table of contents: one block of a hundred list items.
    const toc = Array.from({ length: 100 }, (_, i) => `- [We made section ${i} faster](#section-${i})`).join('\n');
    const doc = `# Title\n\nWe unified permission management across services.\n\n${toc}\n\nThe nightly job now finishes sooner.\n`;
    let yields = 0;
    let clock = 0;
    const realNow = performance.now;
    // A clock that moves 1 ms per reading: every step looks expensive, so every pause is taken.
    performance.now = () => (clock += 1);
    try {
      const sliced = await new Analyzer().analyzeAsync(doc, { sliceMs: 1, yieldFn: async () => void yields++ });
      expect(sliced).toEqual(analyze(doc));
    } finally {
      performance.now = realNow;
    }
    expect(yields).toBeGreaterThan(100);
  });
});
