// `--format markdown`: a compact report for pull request comments and job summaries — per file
// its score, level and a bar per component, then the findings (rule — "(possible)" when only a
// looser sensitivity than the default reports it — line, flagged text, first suggestion), folded
// into <details> past 20. Document text is untrusted: every piece of it is
// escaped so it can neither open HTML nor change the Markdown around it.
import type { Message, Score } from '../../core/index.js';
import type { FileReport } from '../batch.js';

const FOLD_AFTER = 20;

/** Text safe inside a Markdown table cell: HTML entities, Markdown punctuation escaped, one line. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function bar(ratio: number): string {
  const n = Math.round(Math.max(0, Math.min(1, ratio)) * 10);
  return `${'█'.repeat(n)}${'░'.repeat(10 - n)}`;
}

/** The flagged text as the first suggestion would leave it (or the inserted text). */
function firstSuggestion(m: Message): string {
  const s = m.suggestions[0];
  if (!s) return '';
  if (s.offset >= m.offset && s.endOffset <= m.endOffset) {
    return m.actual.slice(0, s.offset - m.offset) + s.text + m.actual.slice(s.endOffset - m.offset);
  }
  return s.text;
}

function row(m: Message): string {
  const rule = `\`${m.ruleId}\`${m.certainty === 'possible' ? ' (possible)' : ''}`;
  const cells = [rule, String(m.line), escapeMarkdownText(clip(m.actual, 160)), escapeMarkdownText(clip(firstSuggestion(m), 200))];
  return `| ${cells.join(' | ')} |`;
}

function scoreTable(score: Score): string[] {
  const out = ['| component | | points |', '|---|---|---|'];
  for (const c of Object.values(score.components)) out.push(`| ${escapeMarkdownText(c.label)} | \`${bar(c.ratio)}\` | ${Math.round(c.points * 10) / 10}/${c.max} |`);
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line: how many files and findings, by severity, and the lowest score. */
function summary(reports: FileReport[], opts: { quiet: boolean }): string {
  const counts = new Map<string, number>();
  for (const r of reports) for (const m of r.result.messages) if (!opts.quiet || m.severity === 'error') counts.set(m.severity, (counts.get(m.severity) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const bySeverity = (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`);
  let line = `${plural(reports.length, 'file', 'files')}, ${plural(total, 'finding', 'findings')}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}.`;
  const scored = reports.filter((r) => !r.result.skipped);
  if (scored.length) {
    const lowest = scored.reduce((a, b) => (b.result.score.total < a.result.score.total ? b : a));
    line += ` Lowest score ${lowest.result.score.total}/100 (${escapeMarkdownText(lowest.file)}).`;
  }
  return line;
}

/** The `check` report in Markdown. */
export function formatCheckMarkdown(reports: FileReport[], opts: { quiet: boolean }): string {
  const out: string[] = ['## Bizlang', ''];
  if (reports.length === 0) out.push('No Markdown files checked.');
  else out.push(summary(reports, opts), '');
  for (const { file, result } of reports) {
    const messages = opts.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
    const name = escapeMarkdownText(file);
    if (result.skipped) {
      out.push(`### ${name}`, '', `Not analysed: ${escapeMarkdownText(result.skipped)}`, '');
      continue;
    }
    const s = result.score;
    out.push(`### ${name} — ${s.total}/100, ${s.level} ${escapeMarkdownText(s.levelLabel)}`, '', ...scoreTable(s), '');
    if (messages.length === 0) {
      out.push('No findings.', '');
      continue;
    }
    const header = ['| rule | line | flagged text | first suggestion |', '|---|---|---|---|'];
    out.push(...header, ...messages.slice(0, FOLD_AFTER).map(row), '');
    if (messages.length > FOLD_AFTER) {
      out.push(`<details><summary>${messages.length - FOLD_AFTER} more findings</summary>`, '', ...header, ...messages.slice(FOLD_AFTER).map(row), '', '</details>', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
