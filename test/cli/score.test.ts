// `bizlang score`: the total, the level, each component and the sentences that cost points.
import { describe, expect, it } from 'vitest';
import { DOC, PLACEHOLDER, TECH, makeTree, parseJson, runCli } from './helpers.js';

describe('bizlang score', () => {
  it('should print the score, the level and every component with its points, max and detail', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const json = parseJson((await runCli(['score', '--format', 'json', 'doc.md'], { cwd: root })).stdout)[0]!;
    const r = await runCli(['score', 'doc.md'], { cwd: root });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`doc.md  ${json.score.total}/100  ${json.score.level} ${json.score.levelLabel}`);
    for (const c of Object.values<any>(json.score.components)) {
      expect(r.stdout).toContain(`${c.points}/${c.max}  ${c.label}: ${c.detail}`);
    }
  });

  it('should list the sentences that cost points, with their line', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['score', 'doc.md'], { cwd: root });
    expect(r.stdout).toMatch(new RegExp(`- line 3: ${TECH.replace(/[.]/g, '\\.')} \\(.+\\)`));
    expect(r.stdout).toMatch(new RegExp(`- line 5: ${PLACEHOLDER.replace(/[.[\]]/g, '\\$&')} \\(unfilled placeholder\\)`));
  });

  it('should print JSON with file, language and the whole score, items included', async () => {
    const root = makeTree({ 'a.md': DOC, 'b.md': '# 计划\n\n我们统一了权限模型。\n' });
    const r = await runCli(['score', '--format', 'json', 'a.md', 'b.md'], { cwd: root });
    const files = parseJson(r.stdout);
    expect(files.map((f) => [f.file, f.language])).toEqual([
      ['a.md', 'en'],
      ['b.md', 'zh'],
    ]);
    for (const f of files) {
      expect(f).not.toHaveProperty('messages');
      expect(f.score).toHaveProperty('total');
      expect(f.score).toHaveProperty('level');
      const placeholders = f.score.components.placeholders;
      expect(placeholders).toMatchObject({ id: 'placeholders', max: expect.any(Number), points: expect.any(Number), detail: expect.any(String) });
      expect(Array.isArray(placeholders.items)).toBe(true);
    }
    expect(files[0]!.score.components.placeholders.items.some((i: any) => i.effect === 'cost' && i.line === 5)).toBe(true);
  });

  it('should use Chinese labels for a Chinese doc', async () => {
    const root = makeTree({ 'zh.md': '# 计划\n\n我们统一了权限模型，提升了性能。\n' });
    const r = await runCli(['score', 'zh.md'], { cwd: root });
    expect(r.stdout).toMatch(/^zh\.md {2}\d+\/100 {2}L[23] (平台视野|业务视野)$/m);
    expect(r.stdout).toContain('业务价值地图完整度');
  });

  it('should exit 1 under --min-score and 0 at it', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const total = parseJson((await runCli(['score', '--format', 'json', 'doc.md'], { cwd: root })).stdout)[0]!.score.total as number;
    expect((await runCli(['score', '--min-score', String(total + 1), 'doc.md'], { cwd: root })).code).toBe(1);
    expect((await runCli(['score', '--min-score', String(total), 'doc.md'], { cwd: root })).code).toBe(0);
  });

  it('should not fail on messages of severity error (only check does)', async () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'error' } }) });
    expect((await runCli(['score', 'doc.md'], { cwd: root })).code).toBe(0);
  });

  it('should report faults like check and still score the other files', async () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = await runCli(['score', 'doc.md', 'missing.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('missing.md: no such file or directory (ENOENT)\n');
    expect(r.stdout).toMatch(/^doc\.md {2}\d+\/100/);
  });

  it('should score standard input', async () => {
    const root = makeTree();
    const r = await runCli(['score', '--stdin', '--format', 'json'], { cwd: root, stdin: DOC });
    expect(parseJson(r.stdout)[0]!.file).toBe('<stdin>');
  });

  it('should say a skipped document was not scored', async () => {
    const root = makeTree({ 'big.md': `# Big\n\n${'Plain words here. '.repeat(20)}\n`, '.bizlangrc.json': '{"maxFileSize": 100}' });
    const r = await runCli(['score', 'big.md'], { cwd: root });
    expect(r.stdout).toMatch(/^big\.md {2}not scored: .*maxFileSize/);
    expect(r.code).toBe(0);
  });

  it('should reject a format score does not have', async () => {
    const root = makeTree({ 'doc.md': DOC });
    expect((await runCli(['score', '--format', 'sarif', 'doc.md'], { cwd: root })).code).toBe(2);
  });
});
