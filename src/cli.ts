// The `bizlang` command line: argument parsing and exit codes. The work is in src/node (find
// files and configs, run the per-file step, format) over the pure core in src/core.
//
//   bizlang check [paths|globs|dirs…] [--format text|json|sarif] [--min-score N] [--config F]
//                 [--sensitivity precise|balanced|thorough]
//                 [--stdin [--stdin-filename NAME]] [--quiet]
//   bizlang score [paths…] [--format text|json] [--min-score N] [--config F] [--stdin …]
//   bizlang lsp --stdio
//
// Exit codes: 0 clean; 1 a message of severity error, or a score under --min-score; 2 usage,
// config or I/O problems (the other files are still checked and reported; 2 wins over 1).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version as VERSION } from '../package.json';
import type { Sensitivity } from './core/index.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BaselineError, baselineKey, parseBaseline, subtractBaseline, writeBaseline, type Baseline } from './node/baseline.js';
import { STDIN_LABEL, runBatch, type FileReport } from './node/batch.js';
import { changedLines, GitError, onlyChanged, type ChangedLines } from './node/changed.js';
import { formatGitlab } from './node/format/gitlab.js';
import { formatCheckMarkdown } from './node/format/markdown.js';
import { formatCheckJson, formatScoreJson } from './node/format/json.js';
import { formatSarif } from './node/format/sarif.js';
import { formatCheckText, formatScoreText } from './node/format/text.js';
import { printable } from './node/printable.js';
import { readStream, readTextFile, useColor, type CliIO } from './node/io.js';
import { useNodeNetworks } from './node/networks.js';
import { isPoolWorker, serveJobs } from './node/pool.js';

export type { CliIO } from './node/io.js';

/** Exit codes. */
export const EXIT = { ok: 0, fail: 1, trouble: 2 } as const;

interface CommonOptions {
  format: string;
  changed?: string | true;
  baseline?: string;
  writeBaseline?: string;
  minScore?: number;
  config?: string;
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  jobs?: number;
  sensitivity?: Sensitivity;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

function parseMinScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('must be a number from 0 to 100.');
  return n;
}

/** Adds the options `check` and `score` share. */
function commonOptions(cmd: Command): Command {
  return cmd
    .option('--min-score <n>', 'exit 1 when a file scores under N (0-100)', parseMinScore)
    .option('-c, --config <file>', 'use this .bizlangrc.json for every file instead of the nearest one')
    .option('--stdin', 'read the document from standard input (reported as <stdin>)')
    .option('--stdin-filename <name>', 'with --stdin: the name to report and to find the config by')
    .option('-j, --jobs <n>', 'analyse files in up to n worker threads (default: one per core; 1: none)', parseJobs)
    .addOption(
      new Option('-s, --sensitivity <level>', 'how many judgment findings to risk: precise (fewest false alarms), balanced, thorough (overrides the config)').choices(['precise', 'balanced', 'thorough']),
    );
}

/** Runs one `check` or `score` invocation; returns its exit code. */
async function execute(kind: 'check' | 'score', paths: string[], opts: CommonOptions, cmd: Command, io: CliIO): Promise<number> {
  if (opts.stdinFilename !== undefined && !opts.stdin) cmd.error('error: --stdin-filename needs --stdin', { exitCode: EXIT.trouble });
  if (opts.stdin && paths.length) cmd.error('error: --stdin reads one document from standard input; do not also name paths', { exitCode: EXIT.trouble });
  const quiet = Boolean(opts.quiet);
  const errors: string[] = [];
  const log = {
    error: (line: string) => {
      errors.push(line);
      io.stderr.write(`${printable(line)}\n`);
    },
    notice: (line: string) => {
      if (!quiet) io.stderr.write(`${printable(line)}\n`);
    },
  };

  let stdin: { text: string; filename?: string } | undefined;
  if (opts.stdin) {
    if (!io.stdin) cmd.error('error: --stdin: no standard input', { exitCode: EXIT.trouble });
    try {
      stdin = { text: await readStream(io.stdin!), filename: opts.stdinFilename };
    } catch (e) {
      log.error(`${STDIN_LABEL}: cannot read standard input: ${(e as Error).message}`);
    }
  }
  if (opts.changed !== undefined && opts.stdin) cmd.error('error: --changed checks files in a git repository, not standard input', { exitCode: EXIT.trouble });
  let changed: ChangedLines | undefined;
  if (opts.changed !== undefined) {
    try {
      changed = await changedLines(io.cwd, opts.changed === true ? undefined : opts.changed);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      io.stderr.write(`bizlang: ${e.message}\n`);
      return EXIT.trouble;
    }
  }
  let baseline: Baseline | undefined;
  if (opts.baseline !== undefined) {
    const path = resolve(io.cwd, opts.baseline);
    try {
      baseline = parseBaseline(opts.baseline, await (io.readText ?? readTextFile)(path));
    } catch (e) {
      io.stderr.write(`bizlang: ${e instanceof BaselineError ? e.message : `${opts.baseline}: cannot read the baseline: ${(e as Error).message}`}\n`);
      return EXIT.trouble;
    }
  }
  let reports: FileReport[] =
    opts.stdin && !stdin
      ? []
      : await runBatch(
          {
            cwd: io.cwd,
            inputs: paths.length ? paths : ['.'],
            stdin,
            configFile: opts.config,
            readText: io.readText ?? readTextFile,
            workerUrl: io.workerUrl,
            jobs: opts.jobs,
            sensitivity: opts.sensitivity,
            only: changed ? (abs) => changed!.has(abs) : undefined,
          },
          log,
        );
  if (changed) reports = reports.map((r) => onlyChanged(r, changed!));
  // Recording a baseline is the job asked for: its findings do not fail the run.
  let baselineWritten = false;
  if (opts.writeBaseline !== undefined) {
    const text = writeBaseline(reports.map((r) => ({ file: baselineKey(resolve(io.cwd, opts.writeBaseline!), r), messages: r.result.messages })));
    try {
      await writeFile(resolve(io.cwd, opts.writeBaseline), text);
      const n = reports.reduce((k, r) => k + r.result.messages.length, 0);
      const files = reports.filter((r) => r.result.messages.length).length;
      io.stderr.write(`bizlang: wrote ${printable(opts.writeBaseline)} (${n} ${n === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'})\n`);
      baselineWritten = true;
    } catch (e) {
      log.error(`${opts.writeBaseline}: cannot write the baseline: ${(e as Error).message}`);
    }
  }
  if (baseline) {
    let fixed = 0;
    reports = reports.map((r) => {
      const sub = subtractBaseline(baseline!, baselineKey(resolve(io.cwd, opts.baseline!), r), r.result.messages);
      fixed += sub.fixed;
      return { ...r, result: { ...r.result, messages: sub.messages } };
    });
    if (!quiet) io.stderr.write(`bizlang: ${fixed} baseline ${fixed === 1 ? 'entry' : 'entries'} fixed since ${opts.baseline}\n`);
  }

  const hasError = kind === 'check' && reports.some((r) => r.result.messages.some((m) => m.severity === 'error'));
  const belowMin = opts.minScore === undefined ? [] : reports.filter((r) => !r.result.skipped && r.result.score.total < opts.minScore!);

  const color = useColor(io);
  let out: string;
  if (kind === 'score') out = opts.format === 'json' ? formatScoreJson(reports) : formatScoreText(reports, { color });
  else if (opts.format === 'json') out = formatCheckJson(reports, { quiet });
  else if (opts.format === 'sarif') out = formatSarif(reports, { cwd: io.cwd, version: VERSION, quiet, errors });
  else if (opts.format === 'markdown') out = formatCheckMarkdown(reports, { quiet });
  else if (opts.format === 'gitlab') out = formatGitlab(reports, { quiet });
  else out = formatCheckText(reports, { color, quiet });
  io.stdout.write(out);
  for (const r of belowMin) io.stderr.write(`${printable(r.file)}: score ${r.result.score.total} is under --min-score ${opts.minScore}\n`);

  return errors.length ? EXIT.trouble : !baselineWritten && (hasError || belowMin.length) ? EXIT.fail : EXIT.ok;
}

/** Runs the CLI with `argv` (the arguments after the program name); resolves to the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('bizlang')
    .description('Flags purely technical value claims in Markdown design docs (English and Chinese) and scores the doc.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  commonOptions(
    program
      .command('check')
      .description('check Markdown files; directories are searched for *.md and *.markdown')
      .argument('[paths...]', 'files, directories or globs (default: the current directory)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'markdown', 'gitlab']).default('text')),
  )
    .option('-q, --quiet', 'report only messages of severity error')
    .option('--changed [ref]', 'report only findings on lines added or changed since REF (default: the merge base with the default branch)')
    .option('--baseline <file>', 'report only findings not recorded in this baseline (made by --write-baseline)')
    .option('--write-baseline <file>', "record this run's findings as a baseline")
    .action(async (paths: string[], opts: CommonOptions, cmd: Command) => {
      code = await execute('check', paths, opts, cmd, io);
    });

  commonOptions(
    program
      .command('score')
      .description('print each file’s 0-100 score, its level and what cost points')
      .argument('[paths...]', 'files, directories or globs (default: the current directory)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (paths: string[], opts: CommonOptions, cmd: Command) => {
    code = await execute('score', paths, opts, cmd, io);
  });

  program
    .command('lsp')
    .description('run the Bizlang language server (for Neovim, Helix, Emacs, Zed…; see docs/editors.md)')
    .option('--stdio', 'talk over standard input and output (the only transport editors need)')
    .action(async (opts: { stdio?: boolean }, cmd: Command) => {
      if (!opts.stdio) cmd.error('error: bizlang lsp needs --stdio', { exitCode: EXIT.trouble });
      // Loaded only here: no other command pulls in unified or the language server library.
      const { startLanguageServer } = await import('./node/lsp.js');
      startLanguageServer();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    io.stderr.write(`bizlang: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.trouble;
  }
  return code;
}

/** Runs the CLI on this process's arguments and streams; sets process.exitCode. */
export async function main(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader went away (`| head`)
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    // Worker threads load this same module; only possible from the bundle, not from sources.
    workerUrl: import.meta.url.endsWith('.js') ? new URL(import.meta.url) : undefined,
  });
}

/** True when this module is the program node was started with (`node dist/cli.js …`). */
function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

// The sentence networks are read, beside this bundle, by whichever thread first judges a sentence.
useNodeNetworks((message) => process.stderr.write(`bizlang: ${message}\n`));
if (isPoolWorker()) serveJobs();
else if (isEntryPoint()) void main();
