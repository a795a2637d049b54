// Offset ⇄ line/column conversion over the original source (CRLF, CR and LF all end a line).
import type { Point } from './types.js';

/** Line starts of a text, for turning 0-based offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[];
  /** Length of the text indexed. */
  readonly length: number;

  constructor(text: string, starts?: number[]) {
    this.length = text.length;
    this.starts = starts ?? scan(text, 0, [0], () => false);
  }

  /**
   * The index of `text` from the index of the previous text, given the edit as a common prefix and
   * suffix: line starts before the edit are kept, those after it are shifted, only the edited
   * lines are scanned.
   */
  static afterEdit(prev: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = prev.starts;
    const delta = text.length - prev.length;
    // Starts strictly before the prefix end depend only on unchanged text.
    const keep = lowerBound(old, prefix);
    const starts = old.slice(0, Math.max(1, keep));
    const from = starts[starts.length - 1]!;
    const tailFrom = text.length - suffix;
    scan(text, from, starts, (q) => {
      // A start whose break character lies in the common suffix is the old start, shifted: the
      // rest of the old starts follow unchanged.
      if (q - 1 < tailFrom) return false;
      const k = lowerBound(old, q - delta);
      if (old[k] !== q - delta) return false;
      for (let j = k + 1; j < old.length; j++) starts.push(old[j]! + delta);
      return true;
    });
    return new LineIndex(text, starts);
  }

  /** The point at a 0-based UTF-16 offset; column counts UTF-16 code units, 1-based. */
  point(offset: number): Point {
    // The last line start at or before the offset (line 1 starts at 0, so there is one).
    const k = Math.max(0, lowerBound(this.starts, offset + 1) - 1);
    return { line: k + 1, column: offset - this.starts[k]! + 1, offset };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offsets where each line starts. */
  get lineStarts(): readonly number[] {
    return this.starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Appends the line starts after `from` to `starts`; `stop(q)` ends early after pushing start q. */
function scan(text: string, from: number, starts: number[], stop: (q: number) => boolean): number[] {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
      if (stop(i + 1)) break;
    }
  }
  return starts;
}

/** Index of the first element >= value (offsets are integers: `lowerBound(a, v + 1)` is the first > v). */
function lowerBound(a: number[], value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
