// Which files a check covers: directories, globs, symlinks, duplicates and `ignore`.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC, makeTree, parseJson, runCli } from './helpers.js';

async function filesChecked(args: string[], cwd: string): Promise<{ files: string[]; stderr: string; code: number }> {
  const r = await runCli(['check', '--format', 'json', ...args], { cwd });
  return { files: parseJson(r.stdout).map((f) => f.file), stderr: r.stderr, code: r.code };
}

describe('bizlang check: directories', () => {
  it('should find .md and .markdown files recursively, in name order, skipping node_modules and .git', async () => {
    const root = makeTree({
      'docs/b.md': DOC,
      'docs/a.markdown': DOC,
      'docs/deep/er/c.MD': DOC,
      'docs/notes.txt': 'x',
      'docs/node_modules/pkg/readme.md': DOC,
      'docs/.git/x.md': DOC,
      'docs/.github/pr.md': DOC,
    });
    const r = await filesChecked(['docs'], root);
    expect(r.files).toEqual(['docs/.github/pr.md', 'docs/a.markdown', 'docs/b.md', 'docs/deep/er/c.MD']);
    expect(r.code).toBe(0);
  });

  it('should follow a symlinked directory once, even in a cycle', async () => {
    const root = makeTree({ 'docs/a.md': DOC, 'shared/s.md': DOC });
    symlinkSync(join(root, 'shared'), join(root, 'docs/shared'));
    symlinkSync('..', join(root, 'docs/loop'));
    const r = await filesChecked(['docs'], root);
    expect(r.files).toEqual(['docs/a.md', 'docs/shared/s.md']);
    expect(r.code).toBe(0);
  });

  it('should check a file named explicitly whatever its extension', async () => {
    const root = makeTree({ 'notes.txt': DOC });
    expect((await filesChecked(['notes.txt'], root)).files).toEqual(['notes.txt']);
  });

  it('should check each file once when inputs overlap', async () => {
    const root = makeTree({ 'docs/a.md': DOC, 'docs/b.md': DOC });
    const r = await filesChecked(['docs/b.md', 'docs', 'docs/*.md', './docs/a.md'], root);
    expect(r.files).toEqual(['docs/b.md', 'docs/a.md']);
  });

  it('should name files outside the working directory by their absolute path when given absolutely', async () => {
    const other = makeTree({ 'x.md': DOC });
    const cwd = makeTree();
    expect((await filesChecked([join(other, 'x.md')], cwd)).files).toEqual([join(other, 'x.md')]);
    const sub = makeTree({ 'in/y.md': DOC });
    expect((await filesChecked([join(sub, 'in')], sub)).files).toEqual(['in/y.md']);
  });
});

describe('bizlang check: globs', () => {
  it('should expand globs relative to the working directory, keeping Markdown files only', async () => {
    const root = makeTree({ 'docs/a.md': DOC, 'docs/sub/b.md': DOC, 'docs/c.txt': 'x', 'docs/node_modules/d.md': DOC, 'other/e.md': DOC });
    expect((await filesChecked(['docs/**/*'], root)).files).toEqual(['docs/a.md', 'docs/sub/b.md']);
    expect((await filesChecked(['docs/*.md', 'other/*.md'], root)).files).toEqual(['docs/a.md', 'other/e.md']);
    expect((await filesChecked(['{docs,other}/*.md'], root)).files).toEqual(['docs/a.md', 'other/e.md']);
  });

  it('should take an existing path literally even when it looks like a glob', async () => {
    const root = makeTree({ 'pages/[id].md': DOC, 'pages/i.md': DOC });
    expect((await filesChecked(['pages/[id].md'], root)).files).toEqual(['pages/[id].md']);
  });
});

describe('bizlang check: ignore', () => {
  const ignoring = (patterns: string[]) => JSON.stringify({ ignore: patterns });

  it('should drop files matched by ignore globs relative to the config file', async () => {
    const root = makeTree({
      'docs/.bizlangrc.json': ignoring(['drafts/**', '*.generated.md']),
      'docs/a.md': DOC,
      'docs/api.generated.md': DOC,
      'docs/drafts/x.md': DOC,
      'docs/sub/drafts/y.md': DOC,
    });
    const r = await filesChecked(['.'], root);
    expect(r.files).toEqual(['docs/a.md', 'docs/sub/drafts/y.md']);
    expect(r.code).toBe(0);
  });

  it('should treat a pattern matching a directory as excluding everything under it', async () => {
    const root = makeTree({ '.bizlangrc.json': ignoring(['archive', '**/old/']), 'a.md': DOC, 'archive/x.md': DOC, 'p/old/y.md': DOC });
    expect((await filesChecked(['.'], root)).files).toEqual(['a.md']);
  });

  it('should apply ignore to glob expansion too', async () => {
    const root = makeTree({ '.bizlangrc.json': ignoring(['docs/b.md']), 'docs/a.md': DOC, 'docs/b.md': DOC });
    expect((await filesChecked(['docs/*.md'], root)).files).toEqual(['docs/a.md']);
  });

  it('should still check a file named explicitly even when ignore matches it', async () => {
    const root = makeTree({ '.bizlangrc.json': ignoring(['b.md']), 'b.md': DOC });
    expect((await filesChecked(['b.md'], root)).files).toEqual(['b.md']);
  });

  it('should use the ignore of --config, relative to that file', async () => {
    const root = makeTree({ 'conf/rc.json': ignoring(['../docs/skip.md']), 'docs/a.md': DOC, 'docs/skip.md': DOC });
    // Patterns are relative to the config's directory, and never reach above it.
    expect((await filesChecked(['--config', 'conf/rc.json', 'docs'], root)).files).toEqual(['docs/a.md', 'docs/skip.md']);
    const root2 = makeTree({ 'rc.json': ignoring(['docs/skip.md']), 'docs/a.md': DOC, 'docs/skip.md': DOC });
    expect((await filesChecked(['--config', 'rc.json', 'docs'], root2)).files).toEqual(['docs/a.md']);
  });

  it('should print a notice, not an error, when ignore excludes every file of a directory', async () => {
    const root = makeTree({ '.bizlangrc.json': ignoring(['gen/**']), 'a.md': DOC, 'gen/x.md': DOC });
    mkdirSync(join(root, 'gen/empty'));
    const r = await filesChecked(['a.md', 'gen'], root);
    expect(r.files).toEqual(['a.md']);
    expect(r.stderr).toBe('gen: all 1 Markdown file(s) are excluded by "ignore" in the config\n');
    expect(r.code).toBe(0);
  });
});
