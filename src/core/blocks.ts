// Splits a Markdown document into top-level blocks with a single linear line scan, so that each
// block can be parsed, analysed and cached on its own (incremental re-analysis per keystroke).
//
// A split happens only where CommonMark guarantees a new top-level block: after one or more blank
// lines, before a line that is not indented. Container blocks (lists, block quotes, footnotes)
// continue across blank lines only through indented lines, so they stay whole. The scan tracks the
// constructs that do swallow blank lines and unindented lines: fenced code, HTML blocks of kinds
// 1–5 (script/pre/style/textarea, comments, processing instructions, declarations, CDATA) and
// front matter. When unsure it merges, which is always safe: a merged block is parsed exactly as
// the whole document would parse it.

/** A top-level block: [start, end) offsets into the document. */
export interface BlockRange {
  start: number;
  end: number;
  /** Front matter is skipped entirely. */
  kind: 'markdown' | 'frontmatter';
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_END: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

// A closing fence is followed by spaces or tabs only (CommonMark); anything else leaves it open.
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** A construct that swallows blank and unindented lines until its end marker. */
type Swallower = { fence: string; len: number } | { htmlEnd: RegExp };

/** The construct `line` opens and leaves open (fenced code, an HTML block of kinds 1–5), or null. */
function opens(line: string): Swallower | null {
  const fm = FENCE_OPEN.exec(line);
  if (fm && !(fm[1]![0] === '`' && fm[2]!.includes('`'))) return { fence: fm[1]![0]!, len: fm[1]!.length };
  const html = HTML_END.find(([open]) => open.test(line));
  // The end marker may sit on the opening line itself.
  if (html && !html[1].test(line.replace(html[0], ''))) return { htmlEnd: html[1] };
  return null;
}

/** True when `line` ends the construct. */
function closes(open: Swallower, line: string): boolean {
  if ('htmlEnd' in open) return open.htmlEnd.test(line);
  const m = FENCE_CLOSE.exec(line);
  return m !== null && m[1]![0] === open.fence && m[1]!.length >= open.len;
}

/** End of the line starting at `i` (before its line break), within `limit`. */
function lineEnd(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Start of the line after one ending at `le` (past LF, CR or CRLF). */
function nextLine(text: string, le: number, limit: number): number {
  return le < limit && text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
}

/** True for a line holding only spaces and tabs. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * True when `block` is one fenced code block and nothing else: its first line opens a fence, and
 * the fence is closed on its last non-blank line or never (code to the end). Such a block holds
 * no prose and no directive, so it need not be parsed (block.ts).
 */
export function wholeFence(block: string): boolean {
  const n = block.length;
  const open = opens(block.slice(0, lineEnd(block, 0, n)));
  if (!open || !('fence' in open)) return false;
  for (let i = nextLine(block, lineEnd(block, 0, n), n); i < n; ) {
    const le = lineEnd(block, i, n);
    const closed = closes(open, block.slice(i, le));
    i = nextLine(block, le, n);
    if (!closed) continue;
    // Closed: only blank lines may follow.
    for (; i < n; i = nextLine(block, lineEnd(block, i, n), n)) if (!isBlank(block, i, lineEnd(block, i, n))) return false;
    return true;
  }
  return true;
}

/** Offsets of the start of every line, and the end (exclusive, without the line break) of each. */
function scanLines(text: string, from: number): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    const le = lineEnd(text, i, n);
    starts.push(i);
    ends.push(le);
    i = nextLine(text, le, n);
  }
  return { starts, ends };
}

/** Length of the front matter at the start of `text` (after `from`), or 0. */
function frontMatterEnd(text: string, from: number, starts: number[], ends: number[]): number {
  if (starts.length === 0 || starts[0] !== from) return 0;
  const first = text.slice(starts[0], ends[0]);
  const fence = first === '---' ? /^(---|\.\.\.)\s*$/ : first === '+++' ? /^\+\+\+\s*$/ : null;
  if (!fence) return 0;
  for (let k = 1; k < starts.length; k++) {
    if (fence.test(text.slice(starts[k]!, ends[k]!))) return k + 1;
  }
  return 0;
}

/**
 * Splits `text` into top-level blocks. `from` skips a leading BOM. Blocks cover every non-blank
 * line; blank lines between blocks belong to no block.
 */
export function splitBlocks(text: string, from = 0): BlockRange[] {
  return scanBlocks(text, from, true).blocks;
}

/**
 * The scan behind splitBlocks, resumable: it can start at any block start (the scanner's state is
 * clean there) and stop at the first block start `join` accepts, returning that offset, so an
 * editor can reuse the blocks before and after an edit.
 */
export function scanBlocks(
  text: string,
  from: number,
  frontMatter: boolean,
  join?: (blockStart: number) => boolean,
): { blocks: BlockRange[]; joinedAt: number } {
  const blocks: BlockRange[] = [];
  const n = text.length;
  let i = from;
  if (frontMatter && (text.startsWith('---', from) || text.startsWith('+++', from))) {
    const { starts, ends } = scanLines(text, from);
    const fmLines = frontMatterEnd(text, from, starts, ends);
    if (fmLines > 0) {
      blocks.push({ start: starts[0]!, end: ends[fmLines - 1]!, kind: 'frontmatter' });
      i = fmLines < starts.length ? starts[fmLines]! : ends[fmLines - 1]!;
    }
  }
  let blockStart = -1;
  let lastNonBlankEnd = -1;
  let sawBlank = false;
  let open: Swallower | null = null;
  while (i < n) {
    const ls = i;
    const le = lineEnd(text, i, n);
    i = nextLine(text, le, n);
    const blank = isBlank(text, ls, le);
    if (open) {
      // Inside a construct that swallows everything until its end marker.
      if (closes(open, text.slice(ls, le))) open = null;
      if (!blank) lastNonBlankEnd = le;
      continue;
    }
    if (blank) {
      if (blockStart >= 0) sawBlank = true;
      continue;
    }
    const c = text.charCodeAt(ls);
    const indented = c === 32 || c === 9;
    if (blockStart < 0 || (sawBlank && !indented)) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: lastNonBlankEnd, kind: 'markdown' });
      if (join && ls > from && join(ls)) return { blocks, joinedAt: ls };
      blockStart = ls;
    }
    sawBlank = false;
    lastNonBlankEnd = le;
    // Does this line open a construct that may contain blank or unindented lines?
    if (c === 96 || c === 126 || c === 60 || indented) open = opens(text.slice(ls, le));
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: lastNonBlankEnd, kind: 'markdown' });
  return { blocks, joinedAt: -1 };
}

/** Blocks longer than this are analysed in parts (micromark is super-linear on huge blocks). */
export const MAX_BLOCK = 32_000;
const PART = 16_000;

/** Lines longer than this are cut inside too (micromark's inline pass is super-linear on them). */
const MAX_LINE = 32_000;
/** How far past the wanted length a cut inside a line is looked for. */
const CUT_WINDOW = 8_000;

/** Characters after which a sentence ends (the cut comes after the following space, if any). */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b;
}

/** A character no Markdown construct starts with, so a part may begin there. */
function isPlainStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * A line that may be cut inside: paragraph or heading text, not indented code (4 columns or a
 * tab), not a fence or HTML opener, not a table row (a pipe near its start).
 */
function isCuttableLine(line: string): boolean {
  const head = line.slice(0, 200);
  return !/^(?: {4}| {0,3}\t)/.test(head) && !head.includes('|') && !FENCE_OPEN.test(head) && !HTML_END.some(([open]) => open.test(head));
}

/**
 * Where to cut a long line after `from`: the first sentence end followed by a plain letter, else
 * the first space before a plain letter, within CUT_WINDOW; -1 when none, or when less than a
 * part's length of the line would remain. Inline constructs (code, emphasis, links) that straddle
 * a cut are read as two halves — a trade made only on lines of over 32,000 characters.
 */
function lineCut(text: string, from: number, lineEnd: number): number {
  if (from + PART > lineEnd) return -1;
  const limit = Math.min(lineEnd - PART, from + CUT_WINDOW);
  let space = -1;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (!isPlainStart(c)) continue;
    const p = text.charCodeAt(i - 1);
    if (isStop(p) && p >= 0x3000) return i;
    if (p === 32 && isStop(text.charCodeAt(i - 2))) return i;
    if (p === 32 && space < 0) space = i;
  }
  return space;
}

/**
 * Line-aligned parts of an oversized block: cut at unindented lines outside fenced code and HTML,
 * once a part has PART characters, so a part never starts inside code. Deterministic from the
 * block's own text, so parts cache like blocks.
 */
export function blockParts(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  if (end - start <= MAX_BLOCK) return [{ start, end }];
  const parts: Array<{ start: number; end: number }> = [];
  let partStart = start;
  let open: Swallower | null = null;
  let i = start;
  let prevLineEnd = start;
  while (i < end) {
    const ls = i;
    const le = lineEnd(text, i, end);
    i = nextLine(text, le, end);
    const line = text.slice(ls, le);
    if (open) {
      if (closes(open, line)) open = null;
    } else {
      const c = text.charCodeAt(ls);
      if (ls - partStart >= PART && c !== 32 && c !== 9 && ls > partStart) {
        parts.push({ start: partStart, end: prevLineEnd });
        partStart = ls;
      }
      // A huge paragraph or heading line is cut inside too.
      if (le - ls > MAX_LINE && isCuttableLine(line)) {
        for (let cut = lineCut(text, Math.max(ls + 1, partStart + PART), le); cut > 0; cut = lineCut(text, cut + PART, le)) {
          parts.push({ start: partStart, end: cut });
          partStart = cut;
        }
        prevLineEnd = le;
        continue;
      }
      open = opens(line);
    }
    prevLineEnd = le;
  }
  parts.push({ start: partStart, end });
  return parts;
}
