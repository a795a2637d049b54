// The JSON formats. `check`: an array with one object per file — `file`, then the core's
// AnalyzeResult (language, score, messages, skipped). `score`: the same without messages.
// Tools parse this; fields are only ever added.
import type { FileReport } from '../batch.js';

/** The `check` report: every analysed file with its messages (only errors with `quiet`). */
export function formatCheckJson(reports: FileReport[], opts: { quiet: boolean }): string {
  const out = reports.map(({ file, result }) => ({
    file,
    ...result,
    messages: opts.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The `score` report: file, language, score (and `skipped` when not analysed). */
export function formatScoreJson(reports: FileReport[]): string {
  const out = reports.map(({ file, result }) => ({
    file,
    language: result.language,
    score: result.score,
    ...(result.skipped ? { skipped: result.skipped } : {}),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
