// `check --format sarif`: valid SARIF 2.1.0 (checked against the OASIS schema) in the shape
// GitHub code scanning reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/index.js';
import { DOC, makeTree, parseJson, runCli } from './helpers.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(schema);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

async function sarif(args: string[], cwd: string): Promise<{ log: Log; code: number; stderr: string }> {
  const r = await runCli(['check', '--format', 'sarif', ...args], { cwd });
  return { log: JSON.parse(r.stdout) as Log, code: r.code, stderr: r.stderr };
}

describe('bizlang check --format sarif', () => {
  it('should produce a log that validates against the SARIF 2.1.0 schema', async () => {
    const root = makeTree({ 'docs/a.md': DOC, 'docs/b c.md': '# 设计\n\n我们统一了权限模型，提升了性能。\n' });
    const { log, code } = await sarif(['docs'], root);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(code).toBe(0);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  it('should describe the tool and every rule', async () => {
    const root = makeTree({ 'a.md': DOC });
    const { log } = await sarif(['a.md'], root);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('bizlang');
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, rule] of driver.rules!.entries()) {
      expect(rule.shortDescription!.text).toBe(RULES[i]!.description.en);
      expect(rule.helpUri).toBe(RULES[i]!.url);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration!.level);
    }
  });

  it('should give each message a result with rule, level, text and a relative location', async () => {
    const root = makeTree({ 'docs/a.md': DOC, '.bizlangrc.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'error', 'value-map': 'hint' } }) });
    const { log, code } = await sarif(['docs/a.md'], root);
    const json = parseJson((await runCli(['check', '--format', 'json', 'docs/a.md'], { cwd: root })).stdout)[0]!;
    const run = log.runs[0]!;
    const results = run.results!;
    expect(results).toHaveLength(json.messages.length);
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
    results.forEach((r, i) => {
      const m = json.messages[i];
      expect(r.ruleId).toBe(m.ruleId);
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(m.ruleId);
      expect(r.level).toBe(level[m.severity]);
      expect(r.message.text).toContain(m.reason);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation).toEqual({ uri: 'docs/a.md', uriBaseId: '%SRCROOT%' });
      expect(loc.region).toMatchObject({ startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn });
      // How sure: the confidence as it is, in words, and as SARIF's 0–100 rank.
      expect(r.properties).toEqual({ confidence: m.confidence, certainty: m.certainty });
      expect(r.rank).toBe(Math.round(m.confidence * 100));
    });
    expect(results.map((r) => r.level)).toContain('error');
    expect(results.map((r) => r.level)).toContain('note');
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
    expect(code).toBe(1);
  });

  it('should percent-encode paths, use forward slashes and label standard input', async () => {
    const root = makeTree({ 'my docs/a b.md': DOC });
    const { log } = await sarif(['my docs'], root);
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('my%20docs/a%20b.md');
    const r = await runCli(['check', '--format', 'sarif', '--stdin'], { cwd: root, stdin: DOC });
    const stdinLog = JSON.parse(r.stdout) as Log;
    expect(validate(stdinLog)).toBe(true);
    expect(stdinLog.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('%3Cstdin%3E');
  });

  it('should record problems of the run as tool execution notifications', async () => {
    const root = makeTree({ 'a.md': DOC });
    const { log, code, stderr } = await sarif(['a.md', 'missing.md'], root);
    expect(validate(log)).toBe(true);
    const invocation = log.runs[0]!.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications!.map((n) => n.message.text)).toEqual(['missing.md: no such file or directory (ENOENT)']);
    expect(stderr).toContain('missing.md');
    expect(code).toBe(2);
  });

  it('should keep only error results with --quiet', async () => {
    const root = makeTree({ 'a.md': DOC, '.bizlangrc.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'error' } }) });
    const { log } = await sarif(['--quiet', 'a.md'], root);
    expect(log.runs[0]!.results!.map((r) => r.level)).toEqual(['error']);
  });
});
