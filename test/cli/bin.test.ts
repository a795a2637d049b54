// The real command: `node bin/bizlang.js` over the bundle built by scripts/build.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { POOL_MIN_BYTES } from '../../src/node/pool.js';
import { DOC, STRICT, makeTree } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/bizlang.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function bizlang(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string> }) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? '', encoding: 'utf8', env: { ...env, ...opts.env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('bin/bizlang.js', () => {
  it('should print the version with --version and -V', () => {
    const root = makeTree();
    expect(bizlang(['--version'], { cwd: root })).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(bizlang(['-V'], { cwd: root }).stdout).toBe(`${VERSION}\n`);
  });

  it('should answer --version without loading the bundle', () => {
    const copy = makeTree();
    mkdirSync(join(copy, 'bin'));
    copyFileSync(BIN, join(copy, 'bin/bizlang.js'));
    copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const r = spawnSync(process.execPath, [join(copy, 'bin/bizlang.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.status).toBe(0);
    const check = spawnSync(process.execPath, [join(copy, 'bin/bizlang.js'), 'check', 'x.md'], { encoding: 'utf8' });
    expect(check.stderr).toContain('dist/cli.js is missing');
    expect(check.status).toBe(2);
  });

  // The 150 ms start-up target is measured by the benchmark (npm run bench), never by a timed unit test.
  it('should answer --version with the package version', () => {
    const root = makeTree();
    const r = bizlang(['--version'], { cwd: root });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.code).toBe(0);
  });

  it('should check files, print plain text when piped, and exit 1 on an error message', () => {
    const root = makeTree({ 'doc.md': DOC, '.bizlangrc.json': STRICT });
    const r = bizlang(['check', 'doc.md'], { cwd: root });
    expect(r.stdout).toMatch(/^doc\.md:5:\d+ {2}error {2}.+ {2}unfilled-placeholder$/m);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('should exit 0 on a clean run and 2 on a missing path', () => {
    const root = makeTree({ 'doc.md': DOC });
    expect(bizlang(['check', 'doc.md'], { cwd: root }).code).toBe(0);
    const r = bizlang(['check', 'doc.md', 'missing.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('missing.md: no such file or directory (ENOENT)\n');
  });

  it('should read standard input with --stdin', () => {
    const root = makeTree();
    const r = bizlang(['check', '--stdin', '--format', 'json'], { cwd: root, input: DOC });
    const [file] = JSON.parse(r.stdout);
    expect(file.file).toBe('<stdin>');
    expect(file.messages.some((m: { ruleId: string }) => m.ruleId === 'unfilled-placeholder')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('should write a large JSON report through a pipe completely', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`docs/d${String(i).padStart(3, '0')}.md`] = DOC;
    const root = makeTree(files);
    const r = bizlang(['check', '--format', 'json', 'docs'], { cwd: root });
    expect(r.stdout.length).toBeGreaterThan(100_000);
    expect(JSON.parse(r.stdout)).toHaveLength(150);
    expect(r.code).toBe(0);
  });

  it('should stop quietly when the reader of its output goes away', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`d${i}.md`] = DOC;
    const root = makeTree(files);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check --format json . | head -c 10 >/dev/null`], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('should also run as `node dist/cli.js`', () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', 'doc.md'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)[0].file).toBe('doc.md');
    expect(r.status).toBe(0);
  });

  it('should give the same report with worker threads as without, faults included', () => {
    const files: Record<string, string> = {};
    const big = `${DOC}\n${'We rebuilt the cache layer to improve stability. Teams wait less for access.\n\n'.repeat(1000)}`;
    for (let i = 0; i < 12; i++) files[`docs/d${String(i).padStart(2, '0')}.md`] = i % 3 ? DOC : big;
    // Enough text that the pool is used.
    expect(Object.values(files).reduce((n, t) => n + t.length, 0)).toBeGreaterThan(POOL_MIN_BYTES);
    files['docs/.bizlangrc.json'] = STRICT;
    const root = makeTree(files);
    const args = ['check', '--format', 'json', 'docs', 'missing.md'];
    const one = bizlang([...args, '--jobs', '1'], { cwd: root });
    const two = bizlang([...args, '--jobs', '2'], { cwd: root });
    expect(JSON.parse(two.stdout)).toHaveLength(12);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe('missing.md: no such file or directory (ENOENT)\n');
    expect(two.stderr).toBe(one.stderr);
    expect([one.code, two.code]).toEqual([2, 2]);
  });

  it('should reject --jobs 0', () => {
    const root = makeTree({ 'doc.md': DOC });
    const r = bizlang(['check', '--jobs', '0', 'doc.md'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });
});
