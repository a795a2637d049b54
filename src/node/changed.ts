// `--changed [REF]`: the lines added or modified since REF, per file, from `git diff --unified=0`
// (git spawned without a shell, every argument passed as one). Renamed files are followed to
// their new path; files added since REF, and untracked ones, count as wholly changed.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { ruleMeta } from '../core/index.js';
import type { FileReport } from './batch.js';

/** Changed line numbers (1-based, in the file as it is now) per absolute path; `all` when the
 * whole file is new. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export class GitError extends Error {}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args[0]}: ${(stderr || error.message).trim().split('\n')[0]}`));
      else resolvePromise(stdout);
    });
  });
}

/** The default base: the merge base with the default branch, or HEAD on that branch itself. */
async function defaultBase(cwd: string): Promise<string> {
  const candidates: string[] = [];
  const originHead = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).catch(() => '');
  if (originHead.trim()) candidates.push(originHead.trim());
  candidates.push('main', 'master', 'origin/main', 'origin/master');
  for (const branch of candidates) {
    const base = await git(cwd, ['merge-base', 'HEAD', branch]).catch(() => '');
    if (base.trim()) return base.trim();
  }
  return 'HEAD';
}

/** Parses `git diff --unified=0 -M` output: new-side line ranges per new path. */
export function parseDiff(diff: string, root: string): ChangedLines {
  const out: ChangedLines = new Map();
  let current: string | null = null;
  let added = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null;
      added = false;
    } else if (line.startsWith('new file mode')) {
      added = true;
    } else if (line.startsWith('rename to ')) {
      current = resolve(root, unquote(line.slice('rename to '.length)));
      if (!out.has(current)) out.set(current, new Set());
    } else if (line.startsWith('+++ ')) {
      // Git ends the name with a tab when it holds a space (for GNU patch).
      const path = line.slice(4).replace(/\t$/, '');
      if (path === '/dev/null') current = null;
      else {
        current = resolve(root, unquote(path).replace(/^b\//, ''));
        out.set(current, added ? 'all' : (out.get(current) ?? new Set()));
      }
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      const lines = out.get(current);
      if (m && lines instanceof Set) {
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        for (let i = 0; i < count; i++) lines.add(start + i);
      }
    }
  }
  return out;
}

/** Git quotes paths with unusual characters ("a/d\303\251j\303\240.md"); undo it. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The changed lines of the working tree against `ref` (or the default base). */
export async function changedLines(cwd: string, ref: string | undefined): Promise<ChangedLines> {
  // The top level as a path from cwd (not --show-toplevel's real path), so paths match the ones
  // the CLI expands even when cwd is reached through a symlink.
  const cdup = await git(cwd, ['rev-parse', '--show-cdup']).catch(() => {
    throw new GitError(`--changed: ${cwd} is not inside a git repository`);
  });
  const root = resolve(cwd, cdup.trim());
  const base = ref ?? (await defaultBase(cwd));
  await git(cwd, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).catch(() => {
    throw new GitError(
      `--changed: unknown git ref ${JSON.stringify(base)} (a shallow clone may lack it; to give paths with the default base, put them before --changed or write --changed=REF)`,
    );
  });
  // Prefixes, quoting and colour pinned so no user setting (diff.noprefix, color.ui…) changes
  // the format parsed below.
  const diff = await git(root, ['-c', 'core.quotePath=true', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '-M', base, '--']);
  const out = parseDiff(diff, root);
  for (const path of (await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])).split('\0')) {
    if (path) out.set(resolve(root, path), 'all');
  }
  return out;
}

/** A changed file's report with only the findings on its changed lines; document rules (the
 * Value Map) stay, since the file changed. */
export function onlyChanged(report: FileReport, changed: ChangedLines): FileReport {
  const lines = report.abs ? changed.get(report.abs) : undefined;
  if (lines === 'all') return report;
  const touches = (m: { line: number; endLine: number }) => {
    if (!lines) return false;
    for (let l = m.line; l <= m.endLine; l++) if (lines.has(l)) return true;
    return false;
  };
  const messages = report.result.messages.filter((m) => ruleMeta(m.ruleId).scope === 'document' || touches(m));
  return { ...report, result: { ...report.result, messages } };
}
