// SARIF 2.1.0, as GitHub code scanning accepts it: one run, every rule described once, one
// result per message with a region in 1-based lines and UTF-16 columns, paths relative to the
// working directory under %SRCROOT%. Problems the run met (unreadable files, bad config) are
// tool execution notifications.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DOCS_URL, RULES, type Message, type Severity } from '../../core/index.js';
import type { FileReport } from '../batch.js';
import { artifactLocation } from '../paths.js';

/** The project's home page, from the rule docs' address. */
export const INFORMATION_URI = DOCS_URL.replace(/\/blob\/.*$/, '');

export interface SarifOptions {
  cwd: string;
  version: string;
  quiet: boolean;
  /** Problems met during the run (each already a `path: message` line). */
  errors: string[];
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function fingerprint(m: Message): string {
  return createHash('sha256').update(`${m.ruleId}\0${m.actual.replace(/\s+/g, ' ').trim()}`).digest('hex').slice(0, 32);
}

/** The SARIF log of a `check` run. */
export function buildSarif(reports: FileReport[], opts: SarifOptions): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description.en },
    fullDescription: { text: `${r.description.en} (${r.description.zh})` },
    helpUri: r.url,
    help: { text: `${r.description.en}. See ${r.url}` },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const { file, abs, result } of reports) {
    const location = artifactLocation(abs, file, opts.cwd);
    for (const m of result.messages) {
      if (opts.quiet && m.severity !== 'error') continue;
      results.push({
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId)!,
        level: LEVEL[m.severity],
        message: { text: m.note ? `${m.reason} ${m.note}` : m.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, snippet: { text: m.actual } },
            },
          },
        ],
        partialFingerprints: { 'bizlangActual/v1': fingerprint(m) },
        // SARIF's rank is 0–100 "priority or importance"; the confidence is kept as it is too.
        rank: Math.round(m.confidence * 100),
        properties: { confidence: m.confidence, certainty: m.certainty },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bizlang', version: opts.version, semanticVersion: opts.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd.endsWith('/') ? opts.cwd : `${opts.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: opts.errors.length === 0,
            toolExecutionNotifications: opts.errors.map((text) => ({ level: 'error' as const, message: { text } })),
          },
        ],
        results,
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatSarif(reports: FileReport[], opts: SarifOptions): string {
  return `${JSON.stringify(buildSarif(reports, opts), null, 2)}\n`;
}
