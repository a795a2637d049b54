// Bizlang in code review: --changed (git), baselines, the Markdown and GitLab formats. Runs the
// CLI in-process in temporary git repositories (the judgment: the rules-verdict fixture model).
import { readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli } from '../cli/helpers.js';
import { Repo, VALUE_MAP } from './helpers.js';

const CLAIM = 'We unified permission management across services.';
const OTHER_CLAIM = 'This change improves API server performance and stability.';
/** A doc whose Value Map is complete, so only sentence findings are reported. */
function doc(body: string[]): string {
  return [
    '# Access platform',
    '',
    ...VALUE_MAP,
    ...body,
    '',
  ].join('\n');
}
const STRICT = JSON.stringify({ rules: { 'tech-value': 'error' } });

async function check(repo: Repo, args: string[]) {
  const r = await runCli(['check', '--format', 'json', ...args], { cwd: repo.dir });
  return { ...r, files: r.stdout ? parseJson(r.stdout) : [] };
}
const findings = (files: Array<Record<string, any>>) => files.flatMap((f) => f.messages.map((m: any) => `${f.file}:${m.line} ${m.ruleId}`)).sort();

function mainRepo(): Repo {
  const paragraphs = Array.from({ length: 25 }, (_, i) => [`## Part ${i + 1}`, '', `Part ${i + 1} covers the rollout plan.`, '', CLAIM, '', OTHER_CLAIM, '']).flat();
  const repo = new Repo().write({ '.bizlangrc.json': STRICT, 'docs/design.md': doc(paragraphs), 'docs/other.md': doc([CLAIM]) });
  repo.commit('main');
  return repo;
}

describe('--changed and --baseline (the issue\'s bar)', () => {
  it('a branch that edits one paragraph with a new technical claim: exactly that finding in both modes, exit 1', async () => {
    const repo = mainRepo();
    const all = await check(repo, []);
    expect(all.files.flatMap((f) => f.messages).length).toBe(51);
    repo.git('checkout', '-q', 'main');
    expect((await runCli(['check', '--write-baseline', 'base.json'], { cwd: repo.dir })).code).toBe(0);
    repo.git('checkout', '-q', '-b', 'feature');
    const text = readFileSync(join(repo.dir, 'docs/design.md'), 'utf8').replace('Part 3 covers the rollout plan.', 'Part 3 covers the rollout plan. The new scheduler reduced p99 latency by 40%.');
    repo.write({ 'docs/design.md': text }).commit('add a claim');
    const line = text.split('\n').indexOf('Part 3 covers the rollout plan. The new scheduler reduced p99 latency by 40%.') + 1;
    const changed = await check(repo, ['--changed', 'main']);
    expect(findings(changed.files)).toEqual([`docs/design.md:${line} tech-value`]);
    expect(changed.files[0]!.messages[0].actual).toBe('The new scheduler reduced p99 latency by 40%.');
    expect(changed.code).toBe(1);
    const baseline = await check(repo, ['--baseline', 'base.json']);
    expect(findings(baseline.files)).toEqual([`docs/design.md:${line} tech-value`]);
    expect(baseline.code).toBe(1);
  });

  it('a branch that only fixes findings exits 0 in both modes', async () => {
    const repo = mainRepo();
    expect((await runCli(['check', '--write-baseline', 'base.json'], { cwd: repo.dir })).code).toBe(0);
    repo.git('checkout', '-q', '-b', 'fix');
    const text = readFileSync(join(repo.dir, 'docs/other.md'), 'utf8').replace(CLAIM, 'We unified permissions, cutting onboarding from 10 days to 2 days.');
    const design = readFileSync(join(repo.dir, 'docs/design.md'), 'utf8').replace(`${OTHER_CLAIM}\n`, '');
    repo.write({ 'docs/other.md': text, 'docs/design.md': design }).commit('fix');
    const r = await check(repo, ['--changed', 'main']);
    expect(findings(r.files)).toEqual([]);
    expect(r.code).toBe(0);
    const b = await check(repo, ['--baseline', 'base.json']);
    expect(findings(b.files)).toEqual([]);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/2 baseline entries fixed since base\.json/);
  });
});

describe('--changed', () => {
  it('follows edits, insertions, deletions, renames, CRLF, added and untracked files', async () => {
    const repo = new Repo().write({
      'a.md': doc(['Intro.', '', CLAIM, '', 'Outro.']),
      'b.md': doc([CLAIM]),
      'crlf.md': doc(['Intro.', '', CLAIM]).replace(/\n/g, '\r\n'),
      'gone.md': doc([CLAIM]),
    });
    repo.commit('main');
    repo.git('checkout', '-q', '-b', 'feature');
    // a.md: a line deleted (nothing new) — b.md: renamed and its claim edited — crlf.md: a claim
    // inserted — new.md: added in the branch — gone.md: deleted — loose.md: untracked.
    repo.write({ 'a.md': doc(['Intro.', '', CLAIM]) });
    renameSync(join(repo.dir, 'b.md'), join(repo.dir, 'moved.md'));
    repo.write({ 'moved.md': doc([`${CLAIM} Also for audit logs.`]) });
    repo.write({ 'crlf.md': doc(['Intro.', '', CLAIM, '', OTHER_CLAIM]).replace(/\n/g, '\r\n') });
    repo.write({ 'new.md': `# New\n\n${CLAIM}\n` });
    unlinkSync(join(repo.dir, 'gone.md'));
    repo.commit('branch');
    repo.write({ 'loose.md': doc([OTHER_CLAIM]) });
    const r = await check(repo, ['--changed', 'main']);
    const got = findings(r.files);
    const lineOf = (file: string, sentence: string) => readFileSync(join(repo.dir, file), 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith(sentence)) + 1;
    expect(got).toEqual(
      [
        `crlf.md:${lineOf('crlf.md', OTHER_CLAIM)} tech-value`,
        `loose.md:${lineOf('loose.md', OTHER_CLAIM)} tech-value`,
        `moved.md:${lineOf('moved.md', CLAIM)} tech-value`,
        `new.md:${lineOf('new.md', CLAIM)} tech-value`,
        'new.md:1 value-map',
      ].sort(),
    );
    // Uncommitted work against HEAD: only the untracked file.
    expect(findings((await check(repo, ['--changed', 'HEAD'])).files)).toEqual([`loose.md:${lineOf('loose.md', OTHER_CLAIM)} tech-value`]);
  });

  it("reads names with spaces, non-ASCII and quotes, whatever the user's diff settings, from a symlinked directory", async () => {
    const names = ['my design doc.md', 'déjà vu.md', 'say "hi".md', '设计 文档.md'];
    const repo = new Repo().write(Object.fromEntries(names.map((n) => [n, doc(['Intro.'])])));
    repo.commit('main');
    // Settings that change git diff's output format, as a user may have them.
    for (const [key, value] of [['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'], ['color.ui', 'always'], ['core.quotePath', 'false']]) repo.git('config', key!, value!);
    repo.write(Object.fromEntries(names.map((n) => [n, doc(['Intro.', '', CLAIM])]))).commit('claims');
    const link = `${repo.dir}-link`;
    symlinkSync(repo.dir, link);
    const r = await runCli(['check', '--format', 'json', '--changed', 'HEAD~1'], { cwd: link });
    expect(findings(parseJson(r.stdout))).toEqual(names.map((n) => `${n}:13 tech-value`).sort());
    unlinkSync(link);
  });

  it('uses the merge base with the default branch when no ref is given', async () => {
    const repo = mainRepo();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'docs/new.md': doc([OTHER_CLAIM]) }).commit('add');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'docs/main-only.md': doc([CLAIM]) }).commit('main moves on');
    repo.git('checkout', '-q', 'feature');
    expect(findings((await check(repo, ['--changed'])).files)).toEqual(['docs/new.md:11 tech-value']);
  });

  it('applies --min-score to the changed files only', async () => {
    const repo = new Repo().write({ 'good.md': doc(['Onboarding drops from 10 days to 2 days.']), 'poor.md': '# Poor\n\nWe unified permission management across services.\n' });
    repo.commit('main');
    expect((await runCli(['check', '--min-score', '60'], { cwd: repo.dir })).code).toBe(1);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'good.md': doc(['Onboarding drops from 10 days to 2 days.', '', 'Tickets fell by 30%.']) }).commit('edit the good doc');
    const r = await runCli(['check', '--min-score', '60', '--changed', 'main'], { cwd: repo.dir });
    expect(r.stderr).not.toMatch(/poor\.md/);
    expect(r.code).toBe(0);
  });

  it('is a clear exit 2 outside a git repository or for an unknown ref', async () => {
    const repo = mainRepo();
    const bad = await runCli(['check', '--changed', 'no-such-ref'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--changed: unknown git ref "no-such-ref"/);
    const outside = await runCli(['check', '--changed'], { cwd: '/' });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--changed: \/ is not inside a git repository/);
  });
});

describe('baselines', () => {
  it('round-trips, stays stable under edits elsewhere, counts fixed entries, and is sorted JSON with a version', async () => {
    const repo = mainRepo();
    expect((await runCli(['check', '--write-baseline', 'base.json'], { cwd: repo.dir })).stderr).toMatch(/wrote base\.json \(\d+ findings in 2 files\)/);
    const text = readFileSync(join(repo.dir, 'base.json'), 'utf8');
    const base = JSON.parse(text);
    expect(base.version).toBe(1);
    expect(Object.keys(base.files)).toEqual(['docs/design.md', 'docs/other.md']);
    expect(text).toBe(`${JSON.stringify(base, null, 2)}\n`);
    // Same findings: nothing reported.
    expect(findings((await check(repo, ['--baseline', 'base.json'])).files)).toEqual([]);
    // Lines inserted above every finding: still nothing (fingerprints are not line numbers).
    const design = readFileSync(join(repo.dir, 'docs/design.md'), 'utf8');
    repo.write({ 'docs/design.md': design.replace('# Access platform\n', '# Access platform\n\nA new introduction.\n\nAnother line.\n') });
    expect(findings((await check(repo, ['--baseline', 'base.json'])).files)).toEqual([]);
    // One claim fixed: one entry fixed, nothing new.
    repo.write({ 'docs/other.md': readFileSync(join(repo.dir, 'docs/other.md'), 'utf8').replace(CLAIM, 'Onboarding drops from 10 days to 2 days.') });
    const fixed = await check(repo, ['--baseline', 'base.json']);
    expect(findings(fixed.files)).toEqual([]);
    expect(fixed.stderr).toMatch(/1 baseline entry fixed since base\.json/);
    expect(fixed.code).toBe(0);
    // Paths are relative to the baseline's folder: the same baseline works from a subfolder.
    const sub = await runCli(['check', '--format', 'json', '--baseline', '../base.json', '.'], { cwd: join(repo.dir, 'docs') });
    expect(findings(parseJson(sub.stdout))).toEqual([]);
    expect(sub.stderr).toMatch(/1 baseline entry fixed since \.\.\/base\.json/);
  });

  it('refuses a corrupt or newer baseline with exit 2 naming the file', async () => {
    const repo = mainRepo();
    writeFileSync(join(repo.dir, 'corrupt.json'), '{ "version": 1, ');
    const a = await runCli(['check', '--baseline', 'corrupt.json'], { cwd: repo.dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/corrupt\.json: not a Bizlang baseline: invalid JSON/);
    writeFileSync(join(repo.dir, 'future.json'), JSON.stringify({ version: 7, tool: 'bizlang', files: {} }));
    const b = await runCli(['check', '--baseline', 'future.json'], { cwd: repo.dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/future\.json: baseline version 7 is newer/);
    const c = await runCli(['check', '--baseline', 'missing.json'], { cwd: repo.dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/missing\.json: cannot read the baseline/);
  });
});

describe('formats for review', () => {
  const GOLDEN = join(import.meta.dirname, '..', 'fixtures', 'ci');
  const sample = doc(['## Summary', '', CLAIM, '', 'The platform reduces operational cost.', '', 'Tickets drop by [X]%.']);

  it('--format markdown matches its golden file', async () => {
    const repo = new Repo().write({ 'docs/plan.md': sample });
    const r = await runCli(['check', '--format', 'markdown', 'docs/plan.md'], { cwd: repo.dir });
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'report.md'));
  });

  it('--format gitlab matches its golden file', async () => {
    const repo = new Repo().write({ 'docs/plan.md': sample });
    const r = await runCli(['check', '--format', 'gitlab', 'docs/plan.md'], { cwd: repo.dir });
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'gitlab.json'));
  });

  it('--format markdown escapes HTML and Markdown in document text and folds past 20 findings', async () => {
    const hostile = '<script>alert(1)</script> **bold** [link](http://x) | pipe `code`';
    const many = Array.from({ length: 25 }, (_, i) => `${CLAIM.replace('services', `services ${i}`)}`);
    many[0] = `We unified permission management ${hostile} across services.`;
    const repo = new Repo().write({ 'x|<b>.md': `# ${hostile}\n\n${many.join('\n\n')}\n` });
    const r = await runCli(['check', '--format', 'markdown', 'x|<b>.md'], { cwd: repo.dir });
    expect(r.stdout).not.toMatch(/<\/?(script|b)>/);
    expect(r.stdout).toContain('&lt;script&gt;');
    expect(r.stdout).toContain('### x\\|&lt;b&gt;\\.md');
    expect(r.stdout).not.toMatch(/[^\\]\[link\]\(http/);
    expect(r.stdout).toContain('<details><summary>');
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('| `'))) expect(line.split(/(?<!\\)\|/).length).toBe(6);
  });
});
