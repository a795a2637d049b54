// The human formats: `check` prints one line per message (`path:line:col  severity  reason
// [(possible)]  ruleId`) and a summary; `score` prints each file's score, its components and the sentences
// that cost points.
import picocolors from 'picocolors';
import type { Severity } from '../../core/index.js';
import type { FileReport } from '../batch.js';
import { printable } from '../printable.js';

export interface TextOptions {
  color: boolean;
  /** Only messages of severity error. */
  quiet: boolean;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];
const PLURAL: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Keeps a message on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function truncate(text: string, max: number): string {
  const flat = oneLine(text).trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The `check` report in text. */
export function formatCheckText(reports: FileReport[], opts: TextOptions): string {
  const c = picocolors.createColors(opts.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const lines: string[] = [];
  for (const { file, result } of reports) {
    for (const m of result.messages) {
      if (opts.quiet && m.severity !== 'error') continue;
      counts[m.severity]++;
      // A finding only a looser sensitivity reports says so, as the hover does.
      const possible = m.certainty === 'possible' ? ` ${c.dim('(possible)')}` : '';
      lines.push(`${printable(file)}:${m.line}:${m.column}  ${paint[m.severity](m.severity)}  ${printable(oneLine(m.reason))}${possible}  ${c.dim(m.ruleId)}`);
    }
  }
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const files = count(reports.length, 'file', 'files');
  if (opts.quiet) {
    if (total) lines.push(c.bold(`${count(total, 'error', 'errors')} in ${files}.`));
  } else {
    const problems = total
      ? `${count(total, 'problem', 'problems')} (${SEVERITIES.filter((s) => counts[s]).map((s) => count(counts[s], ...PLURAL[s])).join(', ')})`
      : 'No problems';
    lines.push(c.bold(`${problems} in ${files}.${scoreSummary(reports)}`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function scoreSummary(reports: FileReport[]): string {
  const scored = reports.filter((r) => !r.result.skipped);
  if (scored.length === 0) return '';
  if (scored.length === 1) {
    const { score } = scored[0]!.result;
    return ` Score ${score.total}/100 (${score.level} ${score.levelLabel}).`;
  }
  const lowest = scored.reduce((a, b) => (b.result.score.total < a.result.score.total ? b : a));
  const average = Math.round(scored.reduce((n, r) => n + r.result.score.total, 0) / scored.length);
  return ` Lowest score ${lowest.result.score.total}/100 (${printable(lowest.file)}); average ${average}.`;
}

function points(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The `score` report in text: per file, the total, the level and every component. */
export function formatScoreText(reports: FileReport[], opts: Pick<TextOptions, 'color'>): string {
  const c = picocolors.createColors(opts.color);
  const out: string[] = [];
  for (const { file, result } of reports) {
    if (out.length) out.push('');
    if (result.skipped) {
      out.push(`${c.bold(printable(file))}  not scored: ${printable(result.skipped)}`);
      continue;
    }
    const { score } = result;
    const level = score.level === 'L3' ? c.green : c.yellow;
    out.push(`${c.bold(printable(file))}  ${c.bold(`${score.total}/100`)}  ${level(`${score.level} ${score.levelLabel}`)}`);
    for (const comp of Object.values(score.components)) {
      out.push(`  ${`${points(comp.points)}/${comp.max}`.padStart(7)}  ${c.bold(comp.label)}: ${comp.detail}`);
      for (const item of comp.items) {
        if (item.effect !== 'cost') continue;
        out.push(`           ${c.red('-')} ${item.line ? `line ${item.line}: ` : ''}${truncate(item.text, 120)} ${c.dim(`(${item.why})`)}`);
      }
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
