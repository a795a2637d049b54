// Every fault: a clear stderr line naming the path, exit 2, and every other file still checked.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli.js';
import { DOC, makeTree, parseJson, runCli } from './helpers.js';

/** Runs `check --format json good.md <bad…>` and returns the result with the files reported. */
async function withGoodFile(root: string, bad: string[], extra: { readText?: CliIO['readText'] } = {}) {
  const r = await runCli(['check', '--format', 'json', 'good.md', ...bad], { cwd: root, ...extra });
  return { ...r, files: parseJson(r.stdout).map((f) => f.file) };
}

describe('bizlang check: faults', () => {
  it('should report a missing path and go on', async () => {
    const root = makeTree({ 'good.md': DOC });
    const r = await withGoodFile(root, ['docs/missing.md']);
    expect(r.stderr).toBe('docs/missing.md: no such file or directory (ENOENT)\n');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a directory with no Markdown files', async () => {
    const root = makeTree({ 'good.md': DOC, 'empty/notes.txt': 'not markdown', 'empty/node_modules/x.md': DOC });
    const r = await withGoodFile(root, ['empty']);
    expect(r.stderr).toBe('empty: directory contains no Markdown files (.md, .markdown)\n');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a file that cannot be read (permission denied)', async () => {
    const root = makeTree({ 'good.md': DOC, 'secret.md': DOC });
    const readText = async (abs: string) => {
      if (abs.endsWith('secret.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${abs}'`), { code: 'EACCES' });
      const { readFile } = await import('node:fs/promises');
      return readFile(abs, 'utf8');
    };
    const r = await withGoodFile(root, ['secret.md'], { readText });
    expect(r.stderr).toBe('secret.md: cannot read file: permission denied (EACCES)\n');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it.skipIf(process.getuid?.() === 0)('should report a file without read permission on disk', async () => {
    const root = makeTree({ 'good.md': DOC, 'secret.md': DOC });
    chmodSync(join(root, 'secret.md'), 0o000);
    const r = await withGoodFile(root, ['secret.md']);
    expect(r.stderr).toContain('secret.md: cannot read file: permission denied (EACCES)');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a broken symbolic link named on the command line', async () => {
    const root = makeTree({ 'good.md': DOC });
    symlinkSync('gone.md', join(root, 'link.md'));
    const r = await withGoodFile(root, ['link.md']);
    expect(r.stderr).toBe('link.md: broken symbolic link (its target gone.md does not exist)\n');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a broken symbolic link found in a directory, and check the rest of it', async () => {
    const root = makeTree({ 'good.md': DOC, 'docs/a.md': DOC });
    symlinkSync('gone.md', join(root, 'docs/link.md'));
    const r = await withGoodFile(root, ['docs']);
    expect(r.stderr).toBe('docs/link.md: broken symbolic link (its target gone.md does not exist)\n');
    expect(r.files).toEqual(['good.md', 'docs/a.md']);
    expect(r.code).toBe(2);
  });

  it.each(['docs/[abc.md', 'docs/{a,b.md', 'docs/*.md]', '+(a|b.md'])('should report the invalid glob pattern %j', async (pattern) => {
    const root = makeTree({ 'good.md': DOC, 'docs/a.md': DOC });
    const r = await withGoodFile(root, [pattern]);
    expect(r.stderr).toMatch(new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid glob pattern: .+\\n$`));
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a glob that matches no Markdown file', async () => {
    const root = makeTree({ 'good.md': DOC, 'docs/a.txt': 'x' });
    const r = await withGoodFile(root, ['docs/*.md']);
    expect(r.stderr).toBe('docs/*.md: no Markdown files match this pattern\n');
    expect(r.files).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report invalid JSON in a config, naming the file, and check with defaults', async () => {
    const root = makeTree({ 'good.md': DOC, 'docs/.bizlangrc.json': '{ "rules": { ', 'docs/a.md': DOC });
    const r = await withGoodFile(root, ['docs/a.md']);
    expect(r.stderr).toMatch(/^docs\/\.bizlangrc\.json: \(root\): invalid JSON: .+\n$/);
    expect(r.files).toEqual(['good.md', 'docs/a.md']);
    expect(r.code).toBe(2);
  });

  it('should report an unknown rule id, naming the file and the field, and keep the valid part', async () => {
    const config = { rules: { 'tech-valu': 'error', 'unfilled-placeholder': 'error' } };
    const root = makeTree({ 'good.md': DOC, '.bizlangrc.json': JSON.stringify(config) });
    const r = await runCli(['check', '--format', 'json', 'good.md'], { cwd: root });
    expect(r.stderr).toBe(
      '.bizlangrc.json: rules.tech-valu: unknown rule id (known: tech-value, unquantified-impact, unfilled-placeholder, value-map)\n',
    );
    const [file] = parseJson(r.stdout);
    expect(file!.messages.find((m: any) => m.ruleId === 'unfilled-placeholder').severity).toBe('error');
    expect(r.code).toBe(2);
  });

  it.each([
    [{ language: 'fr' }, 'language'],
    [{ rules: { 'tech-value': 'loud' } }, 'rules.tech-value'],
    [{ rules: [] }, 'rules'],
    [{ words: { en: { businessOutcomes: 'revenue' } } }, 'words.en.businessOutcomes'],
    [{ words: { en: { businessOutcomes: ['revenue', 3] } } }, 'words.en.businessOutcomes[1]'],
    [{ ignore: 'drafts/**' }, 'ignore'],
    [{ maxFileSize: '10' }, 'maxFileSize'],
    [{ maxFileSize: 1.5 }, 'maxFileSize'],
    [{ colour: true }, 'colour'],
    [{ ignore: ['drafts', '[z-a]'] }, 'ignore[1]'],
    [{ ignore: ['{a,b'] }, 'ignore[0]'],
  ])('should report a wrong value %j in the config by its field %s', async (config, field) => {
    const root = makeTree({ 'good.md': DOC, '.bizlangrc.json': JSON.stringify(config) });
    const r = await runCli(['check', '--format', 'json', 'good.md'], { cwd: root });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`.bizlangrc.json: ${field}: `)).toBe(true);
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should not hang on a hostile ignore glob in a workspace config', async () => {
    // Compiled to a regular expression (as glob libraries do), this pattern backtracks for minutes
    // on the 40-character folder name; the core's matcher does bounded work (the test time limit
    // is the guard).
    const folder = 'a'.repeat(40);
    const root = makeTree({ '.bizlangrc.json': JSON.stringify({ ignore: [`${'*a'.repeat(30)}b`, 'drafts'] }), [`${folder}/x.md`]: DOC, 'drafts/y.md': DOC });
    const r = await runCli(['check', '--format', 'json', '.'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual([`${folder}/x.md`]);
  });

  it('should report each bad config once, however many files use it', async () => {
    const root = makeTree({ '.bizlangrc.json': '{"language": 1}', 'a.md': DOC, 'b.md': DOC, 'sub/c.md': DOC });
    const r = await runCli(['check', '--format', 'json', '.'], { cwd: root });
    expect(r.stderr.trimEnd().split('\n')).toEqual(['.bizlangrc.json: language: must be "auto", "en" or "zh", got 1']);
    expect(parseJson(r.stdout)).toHaveLength(3);
    expect(r.code).toBe(2);
  });

  it('should report a --config file that does not exist and check with defaults', async () => {
    const root = makeTree({ 'good.md': DOC });
    const r = await runCli(['check', '--format', 'json', '--config', 'nope.json', 'good.md'], { cwd: root });
    expect(r.stderr).toBe('nope.json: cannot read config: no such file or directory (ENOENT); using defaults\n');
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(['good.md']);
    expect(r.code).toBe(2);
  });

  it('should report a .bizlangrc.json that is a directory', async () => {
    const root = makeTree({ 'good.md': DOC });
    mkdirSync(join(root, '.bizlangrc.json'));
    const r = await runCli(['check', '--format', 'json', 'good.md'], { cwd: root });
    expect(r.stderr).toBe('.bizlangrc.json: cannot read config: is a directory (EISDIR); using defaults\n');
    expect(r.code).toBe(2);
  });

  it('should let exit code 2 win over 1', async () => {
    const root = makeTree({ 'good.md': DOC, '.bizlangrc.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'error' } }) });
    const r = await withGoodFile(root, ['missing.md']);
    expect(parseJson(r.stdout)[0]!.messages.some((m: any) => m.severity === 'error')).toBe(true);
    expect(r.code).toBe(2);
  });

  it('should print a notice, not an error, for a document over maxFileSize', async () => {
    const root = makeTree({ 'good.md': DOC, 'big.md': `# Big\n\n${'Plain words here. '.repeat(20)}\n`, '.bizlangrc.json': '{"maxFileSize": 100}' });
    writeFileSync(join(root, 'good.md'), 'Short.\n');
    const r = await runCli(['check', '--format', 'json', 'good.md', 'big.md'], { cwd: root });
    expect(r.stderr).toMatch(/^big\.md: skipped: .*maxFileSize.*\n$/);
    const files = parseJson(r.stdout);
    expect(files.map((f) => f.file)).toEqual(['good.md', 'big.md']);
    expect(files[1]!.skipped).toMatch(/maxFileSize/);
    expect(files[1]!.messages).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('should not fail --min-score for a skipped document', async () => {
    const root = makeTree({ 'big.md': `# Big\n\n${'Plain words here. '.repeat(20)}\n`, '.bizlangrc.json': '{"maxFileSize": 100}' });
    const r = await runCli(['check', '--min-score', '90', 'big.md'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('big.md: skipped: ');
  });
});
