// Property-based tests (fast-check): the core's invariants on generated Markdown, on mutated
// real documents and on arbitrary strings. A short pass runs inside `npm test`; `npm run
// test:fuzz` runs thousands of cases per property. On failure fast-check prints the seed, the
// path and the shrunk counterexample; the line below each failure repeats the command that
// replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, Analyzer, RULE_IDS, type AnalyzeOptions, type AnalyzeResult, type RuleId, type SeveritySetting } from '../../src/core/index.js';
import { applyMutation, benchMutation, edit, markdownDoc, startingDoc } from './arbitraries.js';
import { benchCorpus, BENCH_DIR } from './bench.js';
import { checkDocument, checkResult, firstDifference } from './check.js';
import { FULL, PATH, RUNS, runs, SEED } from './settings.js';

const corpus = benchCorpus();

/** Runs a property with the fixed seed; on failure, says how to replay it. */
async function check<T>(name: string, property: fc.IProperty<T> | fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<T>, { seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) });
  } catch (error) {
    const path = /path: "?([\d:]+)"?/.exec(String((error as Error).message))?.[1];
    console.error(
      `[fuzz] property "${name}" failed with seed ${SEED} (${numRuns} runs). Replay the shrunk case: ` +
        `BIZLANG_FUZZ_SEED=${SEED} BIZLANG_FUZZ_RUNS=${RUNS}${FULL ? ' BIZLANG_FUZZ_FULL=1' : ''}${path ? ` BIZLANG_FUZZ_PATH=${path}` : ''} npx vitest run test/fuzz/invariants.test.ts -t "${name}"`,
    );
    throw error;
  }
}

// Generous per-test limits: these exist to stop a hang, not to time the core.
const TIMEOUT = FULL ? 6 * 60 * 60 * 1000 : 180_000;

const severity = fc.constantFrom<SeveritySetting>('error', 'warning', 'info', 'hint', 'off');
const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    language: fc.constantFrom<AnalyzeOptions['language']>('auto', 'en', 'zh'),
    rules: fc.dictionary(fc.constantFrom(...RULE_IDS), severity, { maxKeys: 4 }) as fc.Arbitrary<Partial<Record<RuleId, SeveritySetting>>>,
    words: fc.constantFrom<AnalyzeOptions['words']>(
      { en: { techObjects: ['widget'], businessOutcomes: ['churn'] } },
      { zh: { techObjects: ['小组件'], beneficiaries: ['商户'] } },
      { en: { techActions: ['frobnicated'] }, zh: { businessOutcomes: ['退款率'] } },
    ),
    maxFileSize: fc.integer({ min: 1, max: 4000 }),
  },
  { requiredKeys: [] },
);

/** Markdown-ish character soup: the characters that open and close constructs, and prose. */
const soup = fc.string({
  unit: fc.constantFrom('#', '-', '*', '+', '>', '`', '~', '|', '[', ']', '(', ')', '<', '>', '!', '/', '\n', '\n', ' ', ' ', '\t', '\r', 'a', 'We', ' improved', ' latency', '1', '.', '。', '我们', '降低', '成本', ':', '：', '\\', '&', ';', '_', '=', '"', '[X]', '<!--', '-->', 'bizlang-disable', '\uFEFF', '\0', '\uD800', '😀'),
  maxLength: 400,
});

/** Anything a file could decode to: arbitrary code points, lone surrogates, latin1-decoded bytes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => String.fromCharCode(...bytes)),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
);

describe(`core invariants (fast-check seed ${SEED}, base ${RUNS} runs)`, () => {
  it(`holds on Markdown generated from the grammar (seed ${SEED})`, async () => {
    await check('from the grammar', fc.property(markdownDoc, (text) => void checkDocument(text, { maxSuggestions: FULL ? 40 : 8 })), runs(1));
  }, TIMEOUT);

  it(`holds on Markdown character soup and arbitrary strings (seed ${SEED})`, async () => {
    await check('character soup', fc.property(fc.oneof(soup, anyText), (text) => void checkDocument(text, { maxSuggestions: FULL ? 40 : 8 })), runs(1));
  }, TIMEOUT);

  it(`holds with any options: language, severities, rules off, extra words, maxFileSize (seed ${SEED})`, async () => {
    await check(
      'any options',
      fc.property(markdownDoc, options, (text, opts) => {
        const r = checkDocument(text, { options: opts, maxSuggestions: FULL ? 40 : 8 });
        if (opts.maxFileSize !== undefined && text.length > opts.maxFileSize) {
          expect(r.skipped).toContain('maxFileSize');
          expect(r.messages).toEqual([]);
        } else {
          expect(r.skipped).toBeUndefined();
        }
        for (const m of r.messages) {
          const set = opts.rules?.[m.ruleId];
          expect(set).not.toBe('off');
          if (set) expect(m.severity).toBe(set);
        }
        if (opts.language === 'en' || opts.language === 'zh') expect(r.language).toBe(opts.language);
      }),
      runs(0.5),
    );
  }, TIMEOUT);

  it.runIf(!!corpus)(`holds on real documents from ../shared/bench after random insert/delete/duplicate/splice (seed ${SEED})`, async () => {
    await check('real documents', fc.property(benchMutation(corpus!), ({ text }) => void checkDocument(text, { maxSuggestions: 12 })), runs(0.5));
  }, TIMEOUT);

  it.skipIf(!!corpus)(`mutations of real documents: SKIPPED, ${BENCH_DIR} is missing (clone ../shared beside the repository to run them)`, () => {
    console.warn(`[fuzz] ${BENCH_DIR} is missing: the bench-mutation property did not run.`);
  });

  it(`a document reads the same whatever the process analysed before (seed ${SEED})`, async () => {
    // State shared between analyses (the parser, caches, memos) must not leak into a result: a
    // batch worker or an editor analyses many documents in one process. The label is fresh in
    // every case, so a leak that only shows the first time a label is seen still shows.
    const label = fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/);
    await check(
      'history independence',
      fc.property(markdownDoc, markdownDoc, label, (a, b, l) => {
        const doc = `${b}\n\nWe unified permission management across services [^${l}].\n`;
        const before = analyze(doc);
        analyze(`${a}\n\nIntro.[^${l}]\n\n[^${l}]: A note.\n`);
        const diff = firstDifference(analyze(doc), before);
        if (diff) throw new Error(`the same document analysed differently after another one: ${diff}`);
      }),
      runs(0.25),
    );
  }, TIMEOUT);

  it(`incremental re-analysis after random edits equals a full analysis (seed ${SEED})`, async () => {
    await check(
      'incremental re-analysis',
      fc.asyncProperty(startingDoc(corpus), fc.array(edit, { minLength: 1, maxLength: 10 }), fc.boolean(), async (doc, edits, useAsync) => {
        const inc = new Analyzer();
        let text = doc;
        inc.analyze(text);
        for (const [i, e] of edits.entries()) {
          text = applyMutation(text, e, corpus);
          const full = analyze(text);
          // Alternate the synchronous and the sliced (editor) paths over the same warm cache.
          const warm: AnalyzeResult | undefined =
            useAsync && i % 2 === 1 ? await inc.analyzeAsync(text, { sliceMs: 0, yieldFn: async () => {} }) : inc.analyze(text);
          const diff = firstDifference(warm, full);
          if (diff) throw new Error(`incremental ≠ full after edit ${i + 1} (${e.kind}): ${diff}`);
          checkResult(text, full);
        }
      }),
      runs(0.5),
    );
  }, TIMEOUT);
});
