// Defences around the Markdown parser. remark (micromark) recurses per container level and is
// super-linear on very long delimiter runs; neither occurs in real prose. Before a block is
// parsed, runs of 64 or more identical delimiter characters are blanked to spaces of the same
// length (offsets stay exact; such runs are never prose), and a block nested deeper than
// MAX_NESTING containers is not parsed at all (the caller reports it).

export const MAX_NESTING = 100;
const RUN = /([*_~`[\]<>|\\])\1{63,}|[*_~]{64,}|[@.]{64,}/g;
/** More link labels than this in one block make micromark's label resolution super-linear. */
const MAX_BRACKETS = 2000;

export interface Defused {
  text: string;
  /** Set when the block must not be parsed. */
  tooDeep?: { line: number; depth: number };
}

/** Container depth a line opens: block quote markers, list markers and indentation. */
function lineDepth(line: string): number {
  let depth = 0;
  let indent = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      // indentation before the first marker nests lists (about two columns a level)
      if (depth === 0) indent += c === '\t' ? 4 : 1;
    } else if (c === '>') depth++;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) depth++;
    else if (c >= '0' && c <= '9') {
      // ordered list marker: up to 9 digits, then . or ), then a space
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) {
        depth++;
        i = j;
      } else break;
    }
    else break;
  }
  return depth + Math.floor(indent / 2);
}

/** Makes a block safe to parse, or says why it must be skipped. */
export function defuse(block: string): Defused {
  let text = block;
  if (text.length >= 64) {
    RUN.lastIndex = 0;
    if (RUN.test(text)) {
      RUN.lastIndex = 0;
      text = text.replace(RUN, (m) => ' '.repeat(m.length));
    }
  }
  // Past MAX_BRACKETS label openers, brackets are blanked (they would no longer be links).
  for (let i = 0, seen = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 91 && ++seen > MAX_BRACKETS) {
      text = text.slice(0, i) + text.slice(i).replace(/[[\]]/g, ' ');
      break;
    }
  }
  // Only lines that start with a container marker or deep indentation can nest.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      const first = text.charCodeAt(start);
      if (first === 62 || first === 32 || first === 9 || first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57)) {
        const depth = lineDepth(text.slice(start, Math.min(i, start + 4 * MAX_NESTING + 8)));
        if (depth > MAX_NESTING) return { text, tooDeep: { line, depth } };
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      start = i + 1;
    }
  }
  return { text };
}
