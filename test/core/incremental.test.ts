import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('should give the same result sliced and unsliced', async () => {
    const a = new Analyzer();
    const sliced = await a.analyzeAsync(docs[0]!, { sliceMs: 0, yieldFn: async () => {} });
    expect(sliced).toEqual(analyze(docs[0]!));
  });
});
