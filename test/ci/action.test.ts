// The GitHub Action's script (scripts/action/run.mjs) on a fixture pull_request event and
// environment, with no network: bizlang runs in-process on a temporary repository whose commits
// are reproducible, so the event can name its base commit. The log (annotations) and the job
// summary must match their golden files, and hostile file names and sentences must stay data.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (no types)
import { annotations, escapeData, escapeProperty, runAction } from '../../scripts/action/run.mjs';
import { runCli } from '../cli/helpers.js';
import { Repo, VALUE_MAP } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ci');
const CLAIM = 'We unified permission management across services.';
const HOSTILE_SENTENCE = 'We unified permission management ::add-mask::secret %0A::stop-commands::x <img src=x onerror=alert(1)> [click](javascript:alert(1)) across services.';
const HOSTILE_NAME = 'docs/evil\n::warning file=x::pwned.md';

/** main: two docs with old findings; the pull request: one new claim, a hostile one, two new files. */
function pullRequest(): { repo: Repo; base: string; head: string } {
  const repo = new Repo().write({
    '.bizlangrc.json': '{}\n',
    'docs/plan.md': ['# Plan', '', ...VALUE_MAP, CLAIM, '', 'Old text.', ''].join('\n'),
    'docs/old.md': ['# Old', '', CLAIM, ''].join('\n'),
  });
  const base = repo.commit('main');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({
    'docs/plan.md': ['# Plan', '', ...VALUE_MAP, CLAIM, '', 'The platform reduces operational cost.', '', HOSTILE_SENTENCE, ''].join('\n'),
    'docs/a,b:c.md': ['# Comma, colon: 100%', '', CLAIM, ''].join('\n'),
    [HOSTILE_NAME]: ['# Evil', '', 'Tickets drop by [X]%.', ''].join('\n'),
  });
  const head = repo.commit('feature');
  return { repo, base, head };
}

async function act(repo: Repo, env: Record<string, string>) {
  let log = '';
  const summary = join(repo.dir, '..', `${repo.dir.split('/').pop()}-summary.md`);
  writeFileSync(summary, '');
  const code = await runAction({
    env: { GITHUB_WORKSPACE: repo.dir, GITHUB_STEP_SUMMARY: summary, INPUT_SARIF_FILE: 'bizlang.sarif', ...env },
    bizlang: async (args: string[], cwd: string) => {
      const r = await runCli(args, { cwd });
      return { status: r.code, stdout: r.stdout, stderr: r.stderr };
    },
    write: (s: string) => (log += s),
  });
  return { code, log: log.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'TOKEN'), summary: readFileSync(summary, 'utf8') };
}

describe('the GitHub Action script', () => {
  it('annotates only what the pull request changed and writes the summary, as the golden files say', async () => {
    const { repo, base, head } = pullRequest();
    const event = JSON.parse(readFileSync(join(FIXTURES, 'event.json'), 'utf8'));
    // Reproducible commits: the fixture event names this base.
    expect([event.pull_request.base.sha, event.pull_request.head.sha]).toEqual([base, head]);
    const r = await act(repo, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(FIXTURES, 'event.json'),
      INPUT_PATHS: 'docs',
      INPUT_CHANGED: 'auto',
      INPUT_MIN_SCORE: '60',
    });
    await expect(r.log).toMatchFileSnapshot(join(FIXTURES, 'action-log.txt'));
    await expect(r.summary).toMatchFileSnapshot(join(FIXTURES, 'action-summary.md'));
    expect(r.code).toBe(1); // under --min-score
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'bizlang.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(r.log.split('\n').filter((l) => /^::(error|warning|notice) file=.*,line=/.test(l)).length);
  });

  it('lets no document text become a workflow command', async () => {
    const { repo } = pullRequest();
    const r = await act(repo, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(FIXTURES, 'event.json'), INPUT_PATHS: 'docs', INPUT_MIN_SCORE: '60' });
    // Outside the stop-commands block, every line that starts with '::' is one of ours.
    const lines = r.log.split('\n');
    let stopped = false;
    for (const line of lines) {
      if (line === '::stop-commands::TOKEN') stopped = true;
      else if (line === '::TOKEN::') stopped = false;
      else if (!stopped && line.trimStart().startsWith('::')) {
        expect(line).toMatch(/^::(error|warning|notice) file=[^,:\n]*,(line=\d+,col=\d+,endLine=\d+,endColumn=\d+,)?title=Bizlang [a-z-]+::[^\n]*$/);
      }
    }
    // The hostile file name reaches the log only escaped, or inside the stop-commands block.
    expect(r.log).toContain('file=docs/evil%0A%3A%3Awarning file=x%3A%3Apwned.md,');
    expect(r.log).toContain('file=docs/a%2Cb%3Ac.md,');
    expect(r.summary).not.toMatch(/<img|<\/?script|\]\(javascript/);
  });

  it('checks everything on push events, passes the inputs on, and fails clearly on exit 2', async () => {
    const { repo } = pullRequest();
    const calls: string[][] = [];
    let log = '';
    const run = (env: Record<string, string>, status = 0) =>
      runAction({
        env: { GITHUB_WORKSPACE: repo.dir, ...env },
        bizlang: async (args: string[]) => (calls.push(args), { status, stdout: '[]', stderr: status === 2 ? 'bizlang: --changed: unknown git ref "abc"\n' : '' }),
        write: (s: string) => (log += s),
      });
    expect(await run({ GITHUB_EVENT_NAME: 'push', INPUT_BASELINE: '.bizlang-baseline.json', INPUT_SENSITIVITY: 'precise' })).toBe(0);
    expect(calls[0]).toEqual(['check', '.', '--baseline', '.bizlang-baseline.json', '--sensitivity', 'precise', '--format', 'json']);
    calls.length = 0;
    expect(await run({ GITHUB_EVENT_NAME: 'pull_request', INPUT_CHANGED: 'false', INPUT_PATHS: 'a.md  b.md' })).toBe(0);
    expect(calls[0]).toEqual(['check', 'a.md', 'b.md', '--format', 'json']);
    calls.length = 0;
    expect(await run({ GITHUB_EVENT_NAME: 'push', INPUT_CHANGED: 'true' }, 2)).toBe(2);
    expect(calls[0]).toEqual(['check', '.', '--changed', '--format', 'json']);
    expect(log).toMatch(/^::error title=Bizlang::bizlang could not check the documents \(exit 2\)\. With changed lines on, check out the history the base needs \(actions\/checkout with fetch-depth: 0\)\.$/m);
  });

  it('escapes workflow command data and properties', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('x:y,z%\n')).toBe('x%3Ay%2Cz%25%0A');
    const [line] = annotations([{ file: 'a.md', messages: [{ ruleId: 'tech-value', severity: 'warning', line: 1, column: 2, endLine: 1, endColumn: 9, reason: '::add-mask::x', note: '\n::stop-commands::y' }] }]);
    expect(line).toBe('::warning file=a.md,line=1,col=2,endLine=1,endColumn=9,title=Bizlang tech-value::::add-mask::x%0A%0A::stop-commands::y');
  });
});
