// Test helpers: temporary fixture trees and an in-process run of the CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { run, type CliIO } from '../../src/cli.js';

/** A technical value claim with no business consequence (tech-value). */
export const TECH = 'We unified the permission model and improved performance.';
/** A placeholder left from a template (unfilled-placeholder, a warning by default). */
export const PLACEHOLDER = 'Onboarding time for new teams drops by [X]% this quarter.';
/** A short doc with both. */
export const DOC = `# Access design\n\n${TECH}\n\n${PLACEHOLDER}\n`;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Creates a temporary directory holding `files` (path → content); removed after the file's tests. */
export function makeTree(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'bizlang-cli-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with string-collecting streams. */
export async function runCli(
  argv: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; isTTY?: boolean; stdin?: string; readText?: CliIO['readText'] },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: opts.stdin === undefined ? undefined : Readable.from([Buffer.from(opts.stdin, 'utf8')]),
    cwd: opts.cwd,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    readText: opts.readText,
  });
  return { code, stdout, stderr };
}

/** Parses `check --format json` output. */
export function parseJson(stdout: string): Array<Record<string, any>> {
  const out = JSON.parse(stdout);
  if (!Array.isArray(out)) throw new Error('expected an array');
  return out;
}

/** A config that makes the placeholder rule an error. */
export const STRICT = JSON.stringify({ rules: { 'unfilled-placeholder': 'error' } });
