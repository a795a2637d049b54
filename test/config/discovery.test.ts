// Config discovery: the nearest .bizlangrc.json walking up from each file's directory (looked up
// once per directory), or --config for every file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC, makeTree, parseJson, runCli } from '../cli/helpers.js';

const severityOf = (file: Record<string, any>, ruleId: string) => file.messages.find((m: any) => m.ruleId === ruleId)?.severity;
const rules = (r: Record<string, unknown>) => JSON.stringify({ rules: r });

describe('config discovery', () => {
  it('should use the nearest .bizlangrc.json above each file', async () => {
    const root = makeTree({
      '.bizlangrc.json': rules({ 'unfilled-placeholder': 'error' }),
      'a.md': DOC,
      'team/.bizlangrc.json': rules({ 'unfilled-placeholder': 'hint' }),
      'team/b.md': DOC,
      'team/deep/c.md': DOC,
      'other/d.md': DOC,
    });
    const r = await runCli(['check', '--format', 'json', '.'], { cwd: root });
    const files = Object.fromEntries(parseJson(r.stdout).map((f) => [f.file, severityOf(f, 'unfilled-placeholder')]));
    expect(files).toEqual({ 'a.md': 'error', 'other/d.md': 'error', 'team/b.md': 'hint', 'team/deep/c.md': 'hint' });
    expect(r.stderr).toBe('');
  });

  it('should not merge configs: the nearest one is used alone', async () => {
    const root = makeTree({
      '.bizlangrc.json': rules({ 'unfilled-placeholder': 'error' }),
      'team/.bizlangrc.json': JSON.stringify({ language: 'en' }),
      'team/b.md': DOC,
    });
    const r = await runCli(['check', '--format', 'json', 'team/b.md'], { cwd: root });
    expect(severityOf(parseJson(r.stdout)[0]!, 'unfilled-placeholder')).toBe('info');
  });

  it('should look for a config once per directory', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) {
      files[`docs/a${i}.md`] = DOC;
      files[`docs/sub/b${i}.md`] = DOC;
    }
    const root = makeTree(files);
    const reads = new Map<string, number>();
    const readText = (abs: string) => {
      if (basename(abs) === '.bizlangrc.json') reads.set(abs, (reads.get(abs) ?? 0) + 1);
      return readFile(abs, 'utf8');
    };
    const r = await runCli(['check', '--format', 'json', 'docs'], { cwd: root, readText });
    expect(parseJson(r.stdout)).toHaveLength(10);
    expect(reads.size).toBeGreaterThan(2);
    for (const [path, n] of reads) expect(n, path).toBe(1);
  });

  it('should use --config for every file and ignore the nearest ones', async () => {
    const root = makeTree({
      'conf/strict.json': rules({ 'unfilled-placeholder': 'error' }),
      'team/.bizlangrc.json': rules({ 'unfilled-placeholder': 'hint' }),
      'team/b.md': DOC,
      'c.md': DOC,
    });
    const r = await runCli(['check', '--format', 'json', '--config', 'conf/strict.json', 'team/b.md', 'c.md'], { cwd: root });
    expect(parseJson(r.stdout).map((f) => severityOf(f, 'unfilled-placeholder'))).toEqual(['error', 'error']);
    expect(r.code).toBe(1);
  });

  it('should pass language to the analysis', async () => {
    const root = makeTree({ '.bizlangrc.json': JSON.stringify({ language: 'zh' }), 'a.md': DOC });
    const r = await runCli(['check', '--format', 'json', 'a.md'], { cwd: root });
    expect(parseJson(r.stdout)[0]!.language).toBe('zh');
  });

  it('should turn a rule off with false or "off"', async () => {
    const root = makeTree({ '.bizlangrc.json': rules({ 'unfilled-placeholder': false, 'tech-value': 'off' }), 'a.md': DOC });
    const [file] = parseJson((await runCli(['check', '--format', 'json', 'a.md'], { cwd: root })).stdout);
    expect(file!.messages.map((m: any) => m.ruleId)).not.toContain('unfilled-placeholder');
    expect(file!.messages.map((m: any) => m.ruleId)).not.toContain('tech-value');
  });

  it('should accept a byte order mark and a $schema key', async () => {
    const config = `\uFEFF${JSON.stringify({ $schema: './node_modules/bizlang/schema/bizlangrc.schema.json', rules: { 'unfilled-placeholder': 'error' } })}`;
    const root = makeTree({ '.bizlangrc.json': config, 'a.md': DOC });
    const r = await runCli(['check', '--format', 'json', 'a.md'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(severityOf(parseJson(r.stdout)[0]!, 'unfilled-placeholder')).toBe('error');
  });

  it('should apply maxFileSize from the config', async () => {
    const root = makeTree({ '.bizlangrc.json': JSON.stringify({ maxFileSize: DOC.length - 1 }), 'a.md': DOC });
    const r = await runCli(['check', '--format', 'json', 'a.md'], { cwd: root });
    expect(parseJson(r.stdout)[0]!.skipped).toContain('maxFileSize');
    expect(r.stderr).toMatch(/^a\.md: skipped: /);
  });

  it('should name a nested config by its path relative to the working directory', async () => {
    const root = makeTree({ 'team/docs/.bizlangrc.json': rules({ 'tech-valu': 'error' }), 'team/docs/a.md': DOC });
    const r = await runCli(['check', 'team'], { cwd: root });
    expect(r.stderr).toMatch(/^team\/docs\/\.bizlangrc\.json: rules\.tech-valu: unknown rule id \(known: tech-value, /);
    expect(r.code).toBe(2);
  });
});
