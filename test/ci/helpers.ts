// Temporary git repositories for the code-review tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

// No user or system git config, fixed identities and dates: the same commits give the same ids on
// every machine (the Action's fixture event names its base commit).
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-11-30T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-30T00:00:00Z',
};

/** A complete Business Value Map section (the doc rule stays quiet, only sentences are judged). */
export const VALUE_MAP = [
  '## Business Value Map',
  '',
  '- **Who benefits:** the 120 people of merchant onboarding.',
  '- **Key pain point:** access requests wait for manual review.',
  "- **Today's loss:** 40 hours per month of reviewer time.",
  '- **How the platform improves it:** one policy engine.',
  '- **Business-level gain:** onboarding drops from 10 days to 2 days.',
  '',
];

const made: string[] = [];
afterAll(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

export class Repo {
  readonly dir = mkdtempSync(join(tmpdir(), 'bizlang-git-'));
  constructor() {
    made.push(this.dir);
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'commit.gpgsign', 'false');
  }
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: GIT_ENV });
  }
  write(files: Record<string, string>): this {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, rel)), { recursive: true });
      writeFileSync(join(this.dir, rel), text);
    }
    return this;
  }
  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
}
