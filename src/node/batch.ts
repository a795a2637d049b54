// A batch run: expand the inputs → for each file, find its config and build a job → run the
// per-file step (in worker threads for large batches) → collect reports. Problems are reported as they are met; the run goes on.
import { resolve } from 'node:path';
import type { AnalyzeOptions, AnalyzeResult, Sensitivity } from '../core/index.js';
import type { FileJob } from './check-file.js';
import { ConfigResolver } from './config.js';
import { expandInputs } from './expand.js';
import { displayPath } from './paths.js';
import { runJobs } from './pool.js';

/** One analysed file. */
export interface FileReport {
  /** The file as shown in output (relative to the working directory when inside it). */
  file: string;
  /** Absolute path; absent for standard input without `--stdin-filename`. */
  abs?: string;
  result: AnalyzeResult;
}

export interface BatchInput {
  cwd: string;
  /** Paths, directories and globs; ignored when `stdin` is set. */
  inputs: string[];
  /** The document read from standard input, and the name to label it and look up config by. */
  stdin?: { text: string; filename?: string };
  configFile?: string;
  readText: (abs: string) => Promise<string>;
  /** The CLI bundle, for worker threads; without it every file is analysed in this thread. */
  workerUrl?: URL;
  /** Most worker threads (default: one per core). */
  jobs?: number;
  /** Overrides every config's `sensitivity` (the CLI's --sensitivity). */
  sensitivity?: Sensitivity;
  /** When set, only the files it accepts are checked (the CLI's --changed). */
  only?: (abs: string) => boolean;
}

export interface BatchLog {
  /** A problem that makes the exit code 2; the run goes on. */
  error: (line: string) => void;
  /** Information only. */
  notice: (line: string) => void;
}

export const STDIN_LABEL = '<stdin>';

/** A config's options with what the command line sets for every file. */
function withOverrides(options: AnalyzeOptions, input: BatchInput): AnalyzeOptions {
  return input.sensitivity ? { ...options, sensitivity: input.sensitivity } : options;
}

/** Runs a batch; returns the reports of the files that were analysed, in input order. */
export async function runBatch(input: BatchInput, log: BatchLog): Promise<FileReport[]> {
  const { cwd, readText } = input;
  const resolver = new ConfigResolver({ cwd, readText, report: log.error, configFile: input.configFile });
  const jobs: FileJob[] = [];
  if (input.stdin) {
    const { text, filename } = input.stdin;
    const abs = filename === undefined ? undefined : resolve(cwd, filename);
    const config = abs ? await resolver.forFile(abs) : await resolver.forDir(cwd);
    jobs.push({ file: abs ? displayPath(abs, cwd, filename!) : STDIN_LABEL, abs, text, options: withOverrides(config.options, input) });
  } else {
    for (const target of await expandInputs(input.inputs, { cwd, resolver, error: log.error, notice: log.notice })) {
      if (input.only && !input.only(target.abs)) continue;
      const config = await resolver.forFile(target.abs);
      jobs.push({ file: target.display, abs: target.abs, options: withOverrides(config.options, input) });
    }
  }

  const reports: FileReport[] = [];
  for (const outcome of await runJobs(jobs, { workerUrl: input.workerUrl, jobs: input.jobs, readText })) {
    if (outcome.error !== undefined) {
      log.error(`${outcome.file}: ${outcome.error}`);
      continue;
    }
    if (outcome.result.skipped) log.notice(`${outcome.file}: skipped: ${outcome.result.skipped}`);
    for (const notice of outcome.result.notices ?? []) log.notice(`${outcome.file}: ${notice}`);
    reports.push({ file: outcome.file, abs: outcome.abs, result: outcome.result });
  }
  return reports;
}
