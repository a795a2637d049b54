// `--format gitlab`: GitLab's Code Quality report (a JSON array of issues), for merge request
// widgets — `artifacts: reports: codequality: bizlang.json`.
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/index.js';
import type { FileReport } from '../batch.js';
import { entriesOf } from '../baseline.js';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(reports: FileReport[], opts: { quiet: boolean }): string {
  const issues: Issue[] = [];
  for (const { file, result } of reports) {
    const messages = opts.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
    const entries = entriesOf(messages);
    messages.forEach((m, i) => {
      const e = entries[i]!;
      issues.push({
        description: m.certainty === 'possible' ? `${m.reason} (possible)` : m.reason,
        check_name: m.ruleId,
        // Stable across edits elsewhere in the file: path, rule, text, occurrence (as the baseline).
        fingerprint: createHash('md5').update(`${file}\0${e.rule}\0${e.text}\0${e.occurrence}`).digest('hex'),
        severity: SEVERITY[m.severity],
        location: { path: file, lines: { begin: m.line, end: m.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
