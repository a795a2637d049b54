// The invariants every analysis must satisfy, on any input. Shared by the property tests
// (test/fuzz/invariants.test.ts) and the pathological inputs (test/core/pathological.test.ts).
// Failures throw an Error naming the invariant and the offending message, so fast-check can
// shrink to a minimal counterexample and print it with its seed.
import { analyze, Analyzer, type AnalyzeOptions, type AnalyzeResult, type Message, type Point } from '../../src/core/index.js';

/** Independent offset → line/column (CRLF, CR and LF each end a line; columns in UTF-16 units). */
export class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }
  point(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export class InvariantError extends Error {
  override name = 'InvariantError';
}

function fail(what: string, detail: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v));
  } catch {
    shown = String(detail);
  }
  throw new InvariantError(`${what}: ${shown}`);
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

function checkRange(text: string, what: string, offset: unknown, endOffset: unknown, detail: unknown): void {
  if (!isInt(offset) || !isInt(endOffset)) fail(`${what}: offsets are not integers`, detail);
  if (offset < 0 || endOffset > text.length) fail(`${what}: range outside the document (length ${text.length})`, detail);
  if (offset > endOffset) fail(`${what}: start after end`, detail);
}

function checkPoint(lines: Lines, what: string, p: Point, offset: number, detail: unknown): void {
  const want = lines.point(offset);
  if (p.offset !== offset || p.line !== want.line || p.column !== want.column) fail(`${what}: place ${JSON.stringify(p)} is not offset ${offset} = ${JSON.stringify(want)}`, detail);
}

/** Checks one message against the text it was found in. */
export function checkMessage(text: string, lines: Lines, m: Message): void {
  const brief = { ruleId: m.ruleId, offset: m.offset, endOffset: m.endOffset, actual: m.actual };
  checkRange(text, 'message', m.offset, m.endOffset, brief);
  if (m.actual !== text.slice(m.offset, m.endOffset)) fail('actual is not the source text at [offset, endOffset)', { ...brief, source: text.slice(m.offset, m.endOffset) });
  const start = lines.point(m.offset);
  const end = lines.point(m.endOffset);
  if (m.line !== start.line || m.column !== start.column) fail(`line/column ${m.line}:${m.column} is not offset ${m.offset} = ${start.line}:${start.column}`, brief);
  if (m.endLine !== end.line || m.endColumn !== end.column) fail(`endLine/endColumn ${m.endLine}:${m.endColumn} is not endOffset ${m.endOffset} = ${end.line}:${end.column}`, brief);
  checkPoint(lines, 'place.start', m.place.start, m.offset, brief);
  checkPoint(lines, 'place.end', m.place.end, m.endOffset, brief);
  if (!['error', 'warning', 'info', 'hint'].includes(m.severity)) fail('unknown severity', brief);
  if (m.lang !== 'en' && m.lang !== 'zh') fail('unknown lang', brief);
  if (typeof m.reason !== 'string' || !m.reason || typeof m.note !== 'string' || typeof m.url !== 'string') fail('reason/note/url missing', brief);
  if (!Array.isArray(m.suggestions)) fail('suggestions is not an array', brief);
  for (const s of m.suggestions) {
    checkRange(text, 'suggestion', s.offset, s.endOffset, { ...brief, suggestion: s });
    if (typeof s.text !== 'string' || typeof s.title !== 'string') fail('suggestion text/title missing', { ...brief, suggestion: s });
  }
}

/** The checks on a result alone (no re-analysis): ranges, actual, positions, score. */
export function checkResult(text: string, r: AnalyzeResult): void {
  if (r.language !== 'en' && r.language !== 'zh') fail('unknown language', r.language);
  if (!Array.isArray(r.messages)) fail('messages is not an array', typeof r.messages);
  if (r.skipped !== undefined && (typeof r.skipped !== 'string' || r.messages.length > 0)) fail('skipped with messages', { skipped: r.skipped, n: r.messages.length });
  if (r.notices !== undefined && (!Array.isArray(r.notices) || r.notices.some((n) => typeof n !== 'string'))) fail('notices are not strings', r.notices);
  const lines = new Lines(text);
  for (const m of r.messages) checkMessage(text, lines, m);
  const s = r.score;
  if (typeof s.total !== 'number' || !(s.total >= 0 && s.total <= 100)) fail('score outside [0, 100]', s.total);
  for (const c of Object.values(s.components)) {
    if (!(c.points >= 0 && c.points <= c.max)) fail(`score component ${c.id} points outside [0, max]`, { points: c.points, max: c.max });
    if (!(c.ratio >= 0 && c.ratio <= 1)) fail(`score component ${c.id} ratio outside [0, 1]`, c.ratio);
    for (const item of c.items) {
      checkRange(text, `score item of ${c.id}`, item.offset, item.endOffset, item);
      if (item.text !== text.slice(item.offset, item.endOffset)) fail(`score item of ${c.id}: text is not the source at its range`, item);
      if (item.line !== lines.point(item.offset).line) fail(`score item of ${c.id}: line is not the line of its offset`, { item, want: lines.point(item.offset).line });
    }
  }
}

export interface CheckOptions {
  options?: AnalyzeOptions;
  /** Apply and re-analyse at most this many suggestions, spread over the document (default all). */
  maxSuggestions?: number;
  /** Analyse a second time and compare (determinism; default true). */
  determinism?: boolean;
}

/** Applies one edit. */
export function applyEdit(text: string, e: { offset: number; endOffset: number; text: string }): string {
  return text.slice(0, e.offset) + e.text + text.slice(e.endOffset);
}

/** Picks up to `max` items evenly (first and last included). */
export function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  if (max <= 1) return items.slice(0, max);
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]!);
  return out;
}

/**
 * Analyses `text` and checks every invariant: no exception, result checks, plain JSON,
 * determinism (a fresh analysis gives the same result), and every suggestion applied yields text
 * that re-analyses without error into a valid result. Re-analyses after a suggestion go through
 * one warm Analyzer (only the changed blocks are re-parsed; the incremental property proves that
 * equals a full analysis). Returns the result.
 */
export function checkDocument(text: string, opts: CheckOptions = {}): AnalyzeResult {
  const options = opts.options ?? {};
  const analyzer = new Analyzer(options);
  const r = analyzer.analyze(text);
  checkResult(text, r);
  const json = JSON.parse(JSON.stringify(r)) as AnalyzeResult;
  if (!deepEqual(json, r)) fail('result is not plain JSON (changes through JSON.stringify/parse)', firstDifference(json, r));
  if (opts.determinism ?? true) {
    const again = analyze(text, options);
    if (!deepEqual(again, r)) fail('same input, different output', firstDifference(again, r));
  }
  const suggestions = r.messages.flatMap((m) => m.suggestions.map((s) => ({ m, s })));
  for (const { m, s } of spread(suggestions, opts.maxSuggestions ?? Infinity)) {
    const next = applyEdit(text, s);
    let after: AnalyzeResult;
    try {
      after = analyzer.analyze(next);
    } catch (error) {
      fail(`re-analysis after applying a suggestion threw ${(error as Error).stack ?? String(error)}`, { ruleId: m.ruleId, suggestion: s });
    }
    try {
      checkResult(next, after);
    } catch (error) {
      fail(`after applying a suggestion: ${(error as Error).message}`, { ruleId: m.ruleId, suggestion: s });
    }
  }
  return r;
}

/** Structural equality for plain data (NaN equal to NaN, -0 equal to 0, key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === null;
}

/** The path of the first difference between two plain values, or null. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b) || (typeof a === 'number' && typeof b === 'number' && a === b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return `${path}: keys [${ka.join(',')}] ≠ [${kb.join(',')}]`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
