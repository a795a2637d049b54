// `bizlang check` in-process: exit codes, the text and JSON formats, --quiet, --min-score, --stdin.
import { describe, expect, it } from 'vitest';
import { DOC, PLACEHOLDER, STRICT, TECH, makeTree, parseJson, runCli } from './helpers.js';

const ESC = '\u001b[';

describe('bizlang check: exit codes', () => {
  it('should exit 0 when no message is an error', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', 'doc.md'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('should exit 1 when a message has severity error', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': STRICT });
    const r = await runCli(['check', 'doc.md'], { cwd: root });
    expect(r.stdout).toMatch(/doc\.md:5:\d+ {2}error {2}.*\[X\].* {2}unfilled-placeholder/);
    expect(r.code).toBe(1);
  });

  it('should exit 2 when a path is missing, and still report the other files', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': STRICT });
    const r = await runCli(['check', 'nope.md', 'doc.md'], { cwd: root });
    expect(r.stderr).toContain('nope.md: no such file or directory');
    expect(r.stdout).toContain('doc.md:5:');
    expect(r.code).toBe(2);
  });

  it('should exit 2 for an unknown option or format', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const a = await runCli(['check', '--frobnicate', 'doc.md'], { cwd: root });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("unknown option '--frobnicate'");
    const b = await runCli(['check', '--format', 'xml', 'doc.md'], { cwd: root });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/xml.*invalid|invalid.*xml/i);
  });

  it('should exit 2 for an unknown command and for no command', async () => {
    const root = makeTree();
    expect((await runCli(['lint'], { cwd: root })).code).toBe(2);
    const none = await runCli([], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('check');
  });

  it('should exit 0 for --help and --version', async () => {
    const root = makeTree();
    const help = await runCli(['check', '--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--min-score');
    const version = await runCli(['--version'], { cwd: root });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('should check the current directory when no path is given', async () => {
    const root = makeTree({ 'a.md': DOC, 'sub/b.md': DOC });
    const r = await runCli(['check', '--format', 'json'], { cwd: root });
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(['a.md', 'sub/b.md']);
  });
});

describe('bizlang check: --sensitivity', () => {
  it('should pass the level to the judgment and override the config, and refuse unknown levels', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': JSON.stringify({ sensitivity: 'precise' }) });
    const ok = await runCli(['check', '--sensitivity', 'thorough', '--format', 'json', 'doc.md'], { cwd: root });
    expect(ok.code).toBe(0);
    for (const m of parseJson(ok.stdout)[0]!.messages) expect(m.confidence).toBeGreaterThan(0);
    const bad = await runCli(['check', '--sensitivity', 'loud', 'doc.md'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sensitivity.*loud.*precise, balanced, thorough/s);
  });

  it('should report a bad sensitivity in the config by file and field', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': JSON.stringify({ sensitivity: 'loud' }) });
    const r = await runCli(['check', 'doc.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.bizlangrc\.json: sensitivity: must be one of precise, balanced, thorough/);
  });
});

describe('bizlang check: text format', () => {
  it('should print one line per message as path:line:col  severity  reason  ruleId, then a summary', async () => {
    const root = makeTree({ 'docs/doc.md': DOC });
    const r = await runCli(['check', 'docs/doc.md'], { cwd: root });
    const lines = r.stdout.trimEnd().split('\n');
    const messageLines = lines.slice(0, -1);
    expect(messageLines.length).toBeGreaterThan(0);
    for (const line of messageLines) expect(line).toMatch(/^docs\/doc\.md:\d+:\d+ {2}(error|warning|info|hint) {2}\S.* {2}[a-z-]+$/);
    expect(messageLines.some((l) => /^docs\/doc\.md:3:1 {2}\w+ {2}.+ {2}tech-value$/.test(l))).toBe(true);
    expect(messageLines.some((l) => /^docs\/doc\.md:5:\d+ {2}info {2}.+ {2}unfilled-placeholder$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ problems \(.*\) in 1 file\. Score \d+\/100 \(L[23] .+\)\.$/);
  });

  it('should colour the output when stdout is a terminal', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', 'doc.md'], { cwd: root, isTTY: true });
    expect(r.stdout).toContain(ESC);
  });

  it('should not colour the output when stdout is not a terminal', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', 'doc.md'], { cwd: root, isTTY: false });
    expect(r.stdout).not.toContain(ESC);
  });

  it.each(['1', '', 'false'])('should not colour the output when NO_COLOR is set (to %j)', async (value) => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', 'doc.md'], { cwd: root, isTTY: true, env: { NO_COLOR: value } });
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain('tech-value');
  });

  it('should print only errors with --quiet', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': STRICT });
    const r = await runCli(['check', '--quiet', 'doc.md'], { cwd: root });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^doc\.md:5:\d+ {2}error {2}.+ {2}unfilled-placeholder$/);
    expect(lines[1]).toBe('1 error in 1 file.');
    expect(r.code).toBe(1);
  });

  it('should print nothing with --quiet when there are no errors', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', '-q', 'doc.md'], { cwd: root });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('should say "No problems" when every rule is off', async () => {
    const off = { rules: { 'tech-value': false, 'unquantified-impact': 'off', 'unfilled-placeholder': 'off', 'value-map': 'off' } };
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': JSON.stringify(off) });
    const r = await runCli(['check', 'doc.md'], { cwd: root });
    expect(r.stdout).toMatch(/^No problems in 1 file\. Score \d+\/100/);
    expect(r.code).toBe(0);
  });

  it('should summarise several files with the lowest and the average score', async () => {
    const root = makeTree({ 'a.md': DOC, 'b.md': `# Plan\n\n${TECH}\n` });
    const r = await runCli(['check', 'a.md', 'b.md'], { cwd: root });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/in 2 files\. Lowest score \d+\/100 \((a|b)\.md\); average \d+\.$/);
  });
});

describe('bizlang check: JSON format', () => {
  it('should print one object per file with file, language, score and messages', async () => {
    const root = makeTree({ 'docs/a.md': DOC, 'docs/b.md': '# 设计\n\n我们统一了权限模型，提升了性能。\n' });
    const r = await runCli(['check', '--format', 'json', 'docs'], { cwd: root });
    expect(r.code).toBe(0);
    const files = parseJson(r.stdout);
    expect(files.map((f) => f.file)).toEqual(['docs/a.md', 'docs/b.md']);
    expect(files.map((f) => f.language)).toEqual(['en', 'zh']);
    for (const f of files) {
      expect(typeof f.score.total).toBe('number');
      expect(f.score.total).toBeGreaterThanOrEqual(0);
      expect(f.score.total).toBeLessThanOrEqual(100);
      expect(['L2', 'L3']).toContain(f.score.level);
      expect(Object.keys(f.score.components).sort()).toEqual(['beneficiaries', 'businessFraming', 'placeholders', 'quantified', 'valueMap']);
      expect(Array.isArray(f.messages)).toBe(true);
    }
  });

  it('should give every message the contract fields with 1-based lines and columns', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', '--format', 'json', 'doc.md'], { cwd: root });
    const [file] = parseJson(r.stdout);
    const placeholder = file!.messages.find((m: any) => m.ruleId === 'unfilled-placeholder');
    const source = DOC;
    const offset = source.indexOf('[X]');
    expect(placeholder).toMatchObject({
      ruleId: 'unfilled-placeholder',
      severity: 'info',
      line: 5,
      column: PLACEHOLDER.indexOf('[X]') + 1,
      endLine: 5,
      offset,
      actual: '[X]',
    });
    for (const m of file!.messages) {
      for (const key of ['ruleId', 'severity', 'reason', 'note', 'url', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'actual', 'suggestions']) {
        expect(m, key).toHaveProperty(key);
      }
      expect(['error', 'warning', 'info', 'hint']).toContain(m.severity);
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.column).toBeGreaterThanOrEqual(1);
      expect(m.url).toMatch(/^https:\/\//);
      expect(source.slice(m.offset, m.endOffset)).toBe(m.actual);
      for (const s of m.suggestions) expect(Object.keys(s)).toEqual(expect.arrayContaining(['title', 'text', 'offset', 'endOffset']));
    }
  });

  it('should keep only errors in the JSON with --quiet', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': STRICT });
    const r = await runCli(['check', '--format', 'json', '--quiet', 'doc.md'], { cwd: root });
    const [file] = parseJson(r.stdout);
    expect(file!.messages.map((m: any) => m.severity)).toEqual(['error']);
  });

  it('should print an empty array and exit 2 when nothing could be checked', async () => {
    const root = makeTree();
    const r = await runCli(['check', '--format', 'json', 'missing.md'], { cwd: root });
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(2);
  });
});

describe('bizlang check: --min-score', () => {
  it('should exit 1 and name the file when its score is under --min-score', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const json = parseJson((await runCli(['check', '--format', 'json', 'doc.md'], { cwd: root })).stdout);
    const total = json[0]!.score.total as number;
    const under = await runCli(['check', '--min-score', String(total + 1), 'doc.md'], { cwd: root });
    expect(under.code).toBe(1);
    expect(under.stderr).toContain(`doc.md: score ${total} is under --min-score ${total + 1}`);
    const at = await runCli(['check', '--min-score', String(total), 'doc.md'], { cwd: root });
    expect(at.code).toBe(0);
    expect(at.stderr).toBe('');
  });

  it.each(['abc', '-1', '101', ''])('should exit 2 for --min-score %j', async (value) => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['check', '--min-score', value, 'doc.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--min-score');
  });
});

describe('bizlang check: --stdin', () => {
  it('should read the document from standard input and report it as <stdin>', async () => {
    const root = makeTree();
    const r = await runCli(['check', '--stdin'], { cwd: root, stdin: DOC });
    expect(r.stdout).toMatch(/^<stdin>:3:1 {2}\w+ {2}.+ {2}tech-value$/m);
    expect(r.code).toBe(0);
  });

  it('should use the config of the current directory for standard input', async () => {
    const root = makeTree({ '.bizlangrc.json': STRICT });
    const r = await runCli(['check', '--stdin', '--format', 'json'], { cwd: root, stdin: DOC });
    const [file] = parseJson(r.stdout);
    expect(file!.file).toBe('<stdin>');
    expect(file!.messages.find((m: any) => m.ruleId === 'unfilled-placeholder').severity).toBe('error');
    expect(r.code).toBe(1);
  });

  it('should label standard input and find its config with --stdin-filename', async () => {
    const root = makeTree({ 'docs/.bizlangrc.json': STRICT });
    const r = await runCli(['check', '--stdin', '--stdin-filename', 'docs/new.md'], { cwd: root, stdin: DOC });
    expect(r.stdout).toMatch(/^docs\/new\.md:5:\d+ {2}error {2}/m);
    expect(r.code).toBe(1);
  });

  it('should exit 2 when --stdin is combined with paths, or --stdin-filename is used alone', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const a = await runCli(['check', '--stdin', 'doc.md'], { cwd: root, stdin: DOC });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--stdin');
    const b = await runCli(['check', '--stdin-filename', 'x.md', 'doc.md'], { cwd: root });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--stdin-filename needs --stdin');
  });
});
