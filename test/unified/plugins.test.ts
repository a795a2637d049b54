// remark-bizlang and retext-bizlang: the core's findings as vfile messages, in unified pipelines
// and through remark-cli.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { remark } from 'remark';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { analyze, type Message } from '../../src/core/index.js';
import remarkBizlang, { type BizlangData } from '../../src/unified/remark.js';
import retextBizlang from '../../src/unified/retext.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLES = ['design-doc.en.md', 'design-doc.zh.md'].map((f) => join(ROOT, 'examples', f));
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function remarkMessages(text: string, options?: Parameters<typeof remarkBizlang>[0], path = 'doc.md') {
  const file = new VFile({ path, value: text });
  await remark().use(remarkBizlang, options).process(file);
  return file;
}

async function cliJson(args: string[]): Promise<Array<{ file: string; messages: Message[] }>> {
  let out = '';
  await run(['check', '--format', 'json', ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, cwd: ROOT, env: {}, isTTY: false } as never);
  return JSON.parse(out);
}

const where = (m: { line: number; column: number; endLine: number; endColumn: number }) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;

describe('remark-bizlang', () => {
  it('reports what `bizlang check` reports for the example docs: rule ids, positions, reasons, notes, urls', async () => {
    const cli = await cliJson(EXAMPLES.map((f) => f.slice(ROOT.length + 1)));
    for (const [i, path] of EXAMPLES.entries()) {
      const file = await remarkMessages(readFileSync(path, 'utf8'));
      const got = file.messages.map((m) => {
        const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } };
        return { ruleId: m.ruleId, at: where({ line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column }), reason: m.reason, note: m.note, url: m.url, source: m.source };
      });
      const want = cli[i]!.messages.map((m) => ({ ruleId: m.ruleId, at: where(m), reason: m.reason, note: m.note, url: m.url, source: 'bizlang' }));
      expect(got).toEqual(want);
      expect(got.length).toBeGreaterThan(2);
    }
  });

  it('carries the rewritten span as `expected`, the flagged text as `actual`, and `fatal` from the severity', async () => {
    const text = '# Plan\n\nWe unified permission management across services.\n\nTickets drop by [X]%.\n';
    const file = await remarkMessages(text, { rules: { 'tech-value': 'error', 'unfilled-placeholder': 'warning', 'value-map': 'hint' } });
    const tech = file.messages.find((m) => m.ruleId === 'tech-value')!;
    expect(tech.actual).toBe('We unified permission management across services.');
    expect(tech.expected!.length).toBeGreaterThan(0);
    for (const e of tech.expected!) expect(e.startsWith('We unified permission management across services')).toBe(true);
    expect(tech.fatal).toBe(true);
    expect(file.messages.find((m) => m.ruleId === 'unfilled-placeholder')!.fatal).toBe(false);
    expect(file.messages.find((m) => m.ruleId === 'value-map')!.fatal).toBe(null);
  });

  it('puts the score on file.data.bizlang', async () => {
    const text = readFileSync(EXAMPLES[0]!, 'utf8');
    const file = await remarkMessages(text);
    const data = file.data.bizlang as BizlangData;
    const score = analyze(text).score;
    expect(data).toEqual({ total: score.total, level: score.level, levelLabel: score.levelLabel, components: score.components });
  });

  it('honours <!-- bizlang-disable… --> comments', async () => {
    const text = '# Plan\n\n<!-- bizlang-disable-next-line tech-value -->\nWe unified permission management across services.\n';
    const file = await remarkMessages(text);
    expect(file.messages.map((m) => m.ruleId)).not.toContain('tech-value');
  });

  it('refuses bad options with one error naming each field', async () => {
    await expect(remarkMessages('x', { sensitivity: 'loud' } as never)).rejects.toThrow(/remark-bizlang: invalid options: sensitivity: must be one of/);
    await expect(remarkMessages('x', { rules: { 'tech-valu': 'error' } } as never)).rejects.toThrow(/rules\.tech-valu: unknown rule id/);
  });
});

describe('retext-bizlang', () => {
  it('judges plain text in a retext pipeline, with exact positions', async () => {
    const text = 'We unified permission management across services. The platform reduces operational cost.\n';
    const file = new VFile({ value: text });
    const processor = unified().use(retextEnglish).use(retextBizlang);
    await processor.run(processor.parse(file), file);
    const want = analyze(text).messages;
    expect(file.messages.map((m) => `${m.ruleId} ${(m.place as { start: { offset: number } }).start.offset}`)).toEqual(want.map((m) => `${m.ruleId} ${m.offset}`));
    expect(file.messages.map((m) => m.ruleId)).toContain('tech-value');
  });
});

describe('remark-cli: remark --use bizlang/remark', () => {
  const remarkCli = join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
  const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [remarkCli, ...args], { cwd, encoding: 'utf8' });

  it('prints the findings `bizlang check` prints (count, rule ids, positions), exit 0 when nothing is an error', () => {
    const r = cli(['--use', 'bizlang/remark', 'examples/', '--no-color']);
    expect(r.status).toBe(0);
    const check = spawnSync(process.execPath, [join(ROOT, 'bin', 'bizlang.js'), 'check', '--format', 'json', 'examples/'], { cwd: ROOT, encoding: 'utf8' });
    const want = (JSON.parse(check.stdout) as Array<{ file: string; messages: Message[] }>).flatMap((f) => f.messages.map((m) => `${f.file} ${where(m)} ${m.ruleId}`));
    const got: string[] = [];
    let current = '';
    for (const line of r.stderr.split('\n')) {
      const fileLine = /^(examples\/\S+\.md)$/.exec(line.trim());
      if (fileLine) current = fileLine[1]!;
      const m = /^\s*(\d+):(\d+)-(\d+):(\d+)\s+\S+\s+.*?\s(tech-value|unquantified-impact|unfilled-placeholder|value-map)\s+bizlang\s*$/.exec(line);
      if (m) got.push(`${current} ${m[1]}:${m[2]}-${m[3]}:${m[4]} ${m[5]}`);
    }
    expect(got.sort()).toEqual(want.sort());
    expect(got.length).toBeGreaterThan(3);
  });

  it('exits 1 with --frail when findings are warnings (options from .remarkrc.json), and on an error finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bizlang-remark-'));
    tmp.push(dir);
    writeFileSync(join(dir, 'doc.md'), readFileSync(EXAMPLES[0]!, 'utf8'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'dist', 'remark.js'), { rules: { 'tech-value': 'warning', 'unquantified-impact': 'warning', 'value-map': 'warning' } }]] }));
    expect(cli(['doc.md', '--frail', '--quiet'], dir).status).toBe(1);
    expect(cli(['doc.md', '--quiet'], dir).status).toBe(0);
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'dist', 'remark.js'), { rules: { 'value-map': 'error' } }]] }));
    expect(cli(['doc.md', '--quiet'], dir).status).toBe(1);
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'dist', 'remark.js'), { sensitivity: 'loud' }]] }));
    const bad = cli(['doc.md'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/remark-bizlang: invalid options: sensitivity/);
  });
});
