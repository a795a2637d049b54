// Every regular expression literal in src/core (found by the TypeScript parser, so new ones are
// covered as they are written) against its classic worst cases: long repetitions of the
// characters and words it matches, near-matches repeated, pairs, nested brackets, and a
// terminator that makes the match fail at the very end. Each attack is screened at 4 K and 16 K
// characters; anything that is not obviously cheap has its growth measured (CPU time at n vs 8n,
// allowed 20×; quadratic backtracking shows ~64×). See test/fuzz/regexes.ts.
//
// `npm test` runs the quick attack set; `npm run test:fuzz` the full one.
// Known super-linear regexes are `it.fails` (they pass while the bug is there; once a regex is
// fixed or rewritten its entry stops matching and it is tested like any other). Each is reached
// from analyze() in test/core/pathological.test.ts, which gives the end-to-end reproduction.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/core/index.js';
import { describeGrowth, growth } from './linearity.js';
import { checkRegex, coreRegexes } from './regexes.js';
import { FULL } from './settings.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { literals, dynamic } = coreRegexes(ROOT);
const mode = FULL ? 'full' : 'quick';

/** Known super-linear regexes, by a fragment of their source, with the worst case found. */
// Every super-linear regex found here so far has been fixed in the core (anchored digit and
// numeral runs, a hand-written insertion point, bounded patterns); list new ones as known bugs.
const KNOWN: Array<{ fragment: string; why: string }> = [];

function knownFor(literal: string) {
  return KNOWN.find((k) => literal.startsWith(k.fragment));
}

describe(`regular expressions of src/core (${mode} attack set)`, () => {
  it('should find the regex literals of src/core', () => {
    expect(literals.length).toBeGreaterThan(50);
    // Regexes built at run time: only the lexicon's alternations of escaped words (linear by
    // construction; checked below). Anything else needs its own attacks here.
    expect(dynamic.every((where) => where.startsWith('src/core/lexicon.ts:')), dynamic.join(', ')).toBe(true);
  });

  for (const r of literals) {
    const known = knownFor(r.literal);
    const title = `${r.where} ${r.literal.length > 70 ? `${r.literal.slice(0, 70)}…` : r.literal}`;
    const test = () => {
      const c = checkRegex(r.re, mode);
      const last = c.checks.at(-1);
      const detail = c.ok ? `linear over ${c.tried} attacks` : describeGrowth(`${r.where} ${last!.attack}`, last!.growth);
      if (!c.ok) console.log(`[regex] SUPER-LINEAR ${detail}`);
      expect(c.ok, detail).toBe(true);
    };
    if (known) it.fails(`${title} — KNOWN BUG: ${known.why}`, test, 120_000);
    else it(title, test, 120_000);
  }

  it('should scan long text linearly with the lexicon alternations (new RegExp in lexicon.ts)', () => {
    const lex = getLexicon();
    const make = (n: number) => '我们优化了调度器和数据库的性能，降低了延迟。'.repeat(Math.ceil(n / 22)).slice(0, n);
    const g = growth(make, (t) => lex.zh.domainOf(t), 4096, { factor: 8 });
    expect(g.ok, describeGrowth('zh domainOf', g)).toBe(true);
  });
});
