// Turns command-line inputs into the list of files to check. A path that exists is taken as it
// is (a file, or a directory searched recursively for Markdown, skipping node_modules and .git);
// otherwise an input with glob characters is a glob (tinyglobby). Files found by a directory or a
// glob are dropped when their config's `ignore` matches; files named explicitly never are.
// Every bad input is reported and skipped; the others are still expanded.
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ConfigResolver } from './config.js';
import { describeFsError } from './io.js';
import { displayPath } from './paths.js';

/** Extensions found by directory and glob expansion. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** One file to check. */
export interface FileTarget {
  abs: string;
  /** How the file is named in output. */
  display: string;
}

export interface ExpandContext {
  cwd: string;
  resolver: ConfigResolver;
  /** A problem with one input (exit 2); the others go on. */
  error: (line: string) => void;
  /** Information only. */
  notice: (line: string) => void;
}

function isMarkdown(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase());
}

function looksLikeGlob(input: string): boolean {
  return isDynamicPattern(input) || /[[\]{}()]/.test(input);
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Markdown files under `root`, depth first in name order. Symlinked directories are followed,
 * each real directory once; a link back to a directory above is skipped.
 */
async function walk(root: string, error: (line: string) => void, label: (abs: string) => string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string, real: string): Promise<void> => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      error(`${label(dir)}: cannot read directory: ${describeFsError(e)}`);
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path, join(real, entry.name));
      else if (entry.isFile()) {
        if (isMarkdown(entry.name)) files.push(path);
      } else if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await stat(path);
        } catch {
          if (isMarkdown(entry.name)) error(`${label(path)}: ${await brokenLink(path)}`);
          continue;
        }
        if (target.isDirectory()) {
          const to = await realpath(path);
          // A link to this directory or one above it is a cycle.
          if (!(real === to || real.startsWith(to.endsWith(sep) ? to : to + sep))) await visit(path, to);
        }
        else if (target.isFile() && isMarkdown(entry.name)) files.push(path);
      }
    }
  };
  await visit(root, await realpath(root));
  return files;
}

async function brokenLink(path: string): Promise<string> {
  const target = await readlink(path).catch(() => '?');
  return `broken symbolic link (its target ${target} does not exist)`;
}

/** Expands the inputs, in order, without duplicates. */
export async function expandInputs(inputs: string[], ctx: ExpandContext): Promise<FileTarget[]> {
  const out: FileTarget[] = [];
  const taken = new Set<string>();
  const add = (abs: string, given: string) => {
    if (taken.has(abs)) return;
    taken.add(abs);
    out.push({ abs, display: displayPath(abs, ctx.cwd, given) });
  };
  /** Adds files found by expansion, minus those their config ignores. */
  const addFound = async (found: string[], given: string) => {
    let ignored = 0;
    for (const abs of found) {
      if ((await ctx.resolver.forFile(abs)).ignores(abs)) ignored++;
      else add(abs, given);
    }
    if (ignored && ignored === found.length) ctx.notice(`${given}: all ${ignored} Markdown file(s) are excluded by "ignore" in the config`);
  };

  for (const input of inputs) {
    const abs = resolve(ctx.cwd, input);
    const label = (p: string) => displayPath(p, ctx.cwd, input);
    let st;
    try {
      st = await lstat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && looksLikeGlob(input)) await expandGlob(input);
      else ctx.error(`${input}: ${describeFsError(e)}`);
      continue;
    }
    if (st.isSymbolicLink()) {
      try {
        st = await stat(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        ctx.error(`${input}: ${code === 'ENOENT' ? await brokenLink(abs) : describeFsError(e)}`);
        continue;
      }
    }
    if (st.isDirectory()) {
      const found = await walk(abs, ctx.error, label);
      if (found.length === 0) ctx.error(`${input}: directory contains no Markdown files (${MARKDOWN_EXTENSIONS.join(', ')})`);
      else await addFound(found, input);
    } else if (st.isFile()) add(abs, input);
    else ctx.error(`${input}: not a regular file or directory`);
  }
  return out;

  async function expandGlob(pattern: string): Promise<void> {
    try {
      picomatch.makeRe(pattern, { strictBrackets: true });
    } catch (e) {
      ctx.error(`${pattern}: invalid glob pattern: ${(e as Error).message}`);
      return;
    }
    let found: string[];
    try {
      found = await glob(pattern, { cwd: ctx.cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false });
    } catch (e) {
      ctx.error(`${pattern}: cannot expand glob: ${describeFsError(e)}`);
      return;
    }
    found = found.filter(isMarkdown).map((p) => resolve(p)).sort(byName);
    if (found.length === 0) ctx.error(`${pattern}: no Markdown files match this pattern`);
    else await addFound(found, pattern);
  }
}
