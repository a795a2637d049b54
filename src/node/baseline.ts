// `--write-baseline FILE` / `--baseline FILE`: today's findings recorded by a fingerprint that
// survives edits elsewhere in the file — the rule id, the flagged text with its white space
// normalised, and which occurrence of that pair in the file it is (not line numbers). The file is
// sorted, diff-friendly JSON with a version; a corrupt or newer one is refused with its path.
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { Message } from '../core/index.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  text: string;
  /** 0 for the first finding of this rule and text in the file, 1 for the second… */
  occurrence: number;
}

export interface Baseline {
  version: number;
  tool: 'bizlang';
  /** Entries per file path (relative to the baseline file's folder, '/'-separated), sorted. */
  files: Record<string, BaselineEntry[]>;
}

export class BaselineError extends Error {}

/** A report's key in the baseline at `baselinePath`: its path from the baseline's folder, so the
 * baseline works whatever directory bizlang runs from (standard input keeps its label). */
export function baselineKey(baselinePath: string, report: { file: string; abs?: string }): string {
  if (!report.abs) return report.file;
  const rel = relative(dirname(baselinePath), report.abs);
  return isAbsolute(rel) ? report.abs : rel.split(sep).join('/');
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const key = (e: BaselineEntry) => `${e.rule}\0${e.text}\0${e.occurrence}`;

/** The fingerprints of a file's messages, in document order. */
export function entriesOf(messages: Message[]): BaselineEntry[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const text = norm(m.actual);
    const k = `${m.ruleId}\0${text}`;
    const occurrence = seen.get(k) ?? 0;
    seen.set(k, occurrence + 1);
    return { rule: m.ruleId, text, occurrence };
  });
}

/** A baseline of the given files' messages, as the JSON text to write. */
export function writeBaseline(files: Array<{ file: string; messages: Message[] }>): string {
  const out: Baseline = { version: BASELINE_VERSION, tool: 'bizlang', files: {} };
  for (const { file, messages } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (!messages.length) continue;
    out.files[file] = entriesOf(messages).sort((a, b) => a.rule.localeCompare(b.rule) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) || a.occurrence - b.occurrence);
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Parses a baseline file's text; throws BaselineError naming `path` and the problem. */
export function parseBaseline(path: string, text: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${path}: not a Bizlang baseline: invalid JSON (${(e as Error).message})`);
  }
  const b = raw as Partial<Baseline>;
  if (typeof b !== 'object' || b === null || b.tool !== 'bizlang' || typeof b.version !== 'number') throw new BaselineError(`${path}: not a Bizlang baseline (no "tool": "bizlang" and "version")`);
  if (b.version > BASELINE_VERSION) throw new BaselineError(`${path}: baseline version ${b.version} is newer than this bizlang reads (${BASELINE_VERSION}); upgrade bizlang`);
  if (typeof b.files !== 'object' || b.files === null || Array.isArray(b.files)) throw new BaselineError(`${path}: "files" must be an object of file paths`);
  for (const [file, list] of Object.entries(b.files)) {
    if (!Array.isArray(list) || !list.every((e) => e && typeof e.rule === 'string' && typeof e.text === 'string' && Number.isInteger(e.occurrence))) {
      throw new BaselineError(`${path}: entries of ${JSON.stringify(file)} must be {rule, text, occurrence}`);
    }
  }
  return b as Baseline;
}

/** The messages of a file that the baseline does not hold, and how many of its entries for that
 * file no longer match anything (fixed). */
export function subtractBaseline(baseline: Baseline, file: string, messages: Message[]): { messages: Message[]; fixed: number } {
  const known = new Set((baseline.files[file] ?? []).map(key));
  const entries = entriesOf(messages);
  const kept = messages.filter((_, i) => !known.has(key(entries[i]!)));
  const present = new Set(entries.map(key));
  const fixed = (baseline.files[file] ?? []).filter((e) => !present.has(key(e))).length;
  return { messages: kept, fixed };
}
