import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, isIgnoredPath, matchGlob, MAX_ALTERNATIVES, type Glob } from '../../src/core/glob.js';

const glob = (p: string): Glob => {
  const r = compileGlob(p);
  if ('error' in r) throw new Error(r.error);
  return r.glob;
};
const matches = (p: string, path: string) => matchGlob(glob(p), path);

describe('glob matching', () => {
  it('matches the syntax config files use', () => {
    expect(matches('*.md', 'a.md')).toBe(true);
    expect(matches('*.md', 'docs/a.md')).toBe(false);
    expect(matches('**/*.md', 'docs/x/a.md')).toBe(true);
    expect(matches('**/*.md', 'a.md')).toBe(true);
    expect(matches('docs/**', 'docs/x/a.md')).toBe(true);
    expect(matches('docs/**/a.md', 'docs/a.md')).toBe(true);
    expect(matches('a?c', 'abc')).toBe(true);
    expect(matches('a?c', 'ac')).toBe(false);
    expect(matches('[a-c]x', 'bx')).toBe(true);
    expect(matches('[!a-c]x', 'bx')).toBe(false);
    expect(matches('[^a-c]x', 'dx')).toBe(true);
    expect(matches('*.{md,markdown}', 'a.markdown')).toBe(true);
    expect(matches('{docs,notes}/{a,b}.md', 'notes/b.md')).toBe(true);
    expect(matches('\\*.md', '*.md')).toBe(true);
    expect(matches('\\*.md', 'a.md')).toBe(false);
    expect(matches('*', '.hidden')).toBe(true);
    expect(matches('设计/*.md', '设计/方案.md')).toBe(true);
    expect(matches('?.md', '😀.md')).toBe(true);
    expect(matches('./drafts/', 'drafts')).toBe(true);
  });

  it('ignores a path when it or one of its folders matches, never outside the config folder', () => {
    const g = [glob('drafts'), glob('**/*.generated.md')];
    expect(isIgnoredPath('drafts/a/b.md', g)).toBe(true);
    expect(isIgnoredPath('x/y.generated.md', g)).toBe(true);
    expect(isIgnoredPath('docs/drafts.md', g)).toBe(false);
    expect(isIgnoredPath('../drafts/a.md', g)).toBe(false);
    expect(isIgnoredPath('a.md', [])).toBe(false);
  });

  it('reports broken patterns instead of throwing', () => {
    expect(compileGlob('[z-a].md')).toEqual({ error: 'range "z-a" is out of order' });
    expect(compileGlob('docs/[abc.md')).toEqual({ error: 'unclosed "["' });
    expect(compileGlob('{a,b.md')).toEqual({ error: 'unclosed "{"' });
    expect(compileGlob('{a,b}'.repeat(9))).toEqual({ error: `braces expand to more than ${MAX_ALTERNATIVES} patterns` });
    expect(compileGlob('a'.repeat(1001))).toHaveProperty('error');
  });

  it('does bounded work on hostile patterns (the test time limit is the guard)', () => {
    const name = 'a'.repeat(200);
    expect(matches(`${'*a'.repeat(100)}b`, name)).toBe(false);
    expect(matches(`${'**/'.repeat(100)}b`, Array(100).fill('a').join('/'))).toBe(false);
    expect(matches(`${'?'.repeat(300)}*b`, name)).toBe(false);
    expect(compileGlob('{,}'.repeat(300))).toHaveProperty('error');
  });

  it('agrees with picomatch on ordinary globs and paths', () => {
    // Not `[!a]`: picomatch reads it as the class of "!" and "a"; here, as in bash, gitignore and
    // minimatch, it is the negation.
    const atom = fc.constantFrom('a', 'b', 'c', '.', '-', '*', '?', '[ab]', '[^a]', '[a-c]', '{a,bc}');
    const segment = fc.oneof({ weight: 5, arbitrary: fc.array(atom, { minLength: 1, maxLength: 4 }).map((a) => a.join('')) }, { weight: 1, arbitrary: fc.constant('**') });
    // Not a trailing `**` after a wildcard segment: picomatch matches `a/**` against `a` but not
    // `*/**`; here a trailing `**` always matches zero or more folders.
    const pattern = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/'))
      .filter((p) => !/(^|\/)[^/]*[*?[{][^/]*\/\*\*$/.test(p))
      // Nor `**` inside a segment (`**a`): picomatch lets it cross folders; here, as in bash and
      // minimatch, it is a `*`.
      .filter((p) => p.split('/').every((seg) => seg === '**' || !seg.includes('**')))
      // Nor `.` segments: picomatch skips only a leading `./`; here every `.` is the folder itself.
      .filter((p) => !p.split('/').includes('.'));
    const name = fc.array(fc.constantFrom('a', 'b', 'c', '.', '-'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''))// Not ending in ".": picomatch's `*.*` needs a character after the dot (its `a.*` does not).
      .filter((n) => n !== '.' && n !== '..' && !n.endsWith('.'));
    const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((n) => n.join('/'));
    fc.assert(
      fc.property(pattern, path, (p, s) => {
        expect(matches(p, s)).toBe(picomatch(p, { dot: true })(s));
      }),
      { seed: Number(process.env.GLOB_SEED ?? 20261122), numRuns: Number(process.env.GLOB_RUNS ?? 3000) },
    );
  });
});
