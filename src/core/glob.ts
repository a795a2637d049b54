// Matching the `ignore` globs of `.bizlangrc.json` against relative paths, for the CLI and the
// extension alike. The patterns come from a workspace file, so they are untrusted input: they are
// never compiled to a regular expression (a glob like `*a*a*a*a*a*a*a*a*a*a*b` compiled by a
// regex-based matcher backtracks for minutes on a 40-character path). Instead a pattern is parsed
// once into segments of tokens and matched with bounded work: within a segment, the classic
// wildcard algorithm that backtracks only to the last `*` (O(pattern × name)); across segments, a
// table over (pattern segment, path segment) for `**` (O(segments²)).
//
// Syntax: `*` (any run within a path segment, dot files included), `?` (one character), `**` as a
// whole segment (zero or more folders), `[abc]`, `[a-z]`, `[!a-z]`/`[^a-z]`, `{a,b}` (nested;
// at most MAX_ALTERNATIVES expansions), `\` escapes the next character. Anything else is literal.

/** Most expansions a pattern's braces may produce. */
export const MAX_ALTERNATIVES = 256;
/** Longest pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 1000;

type Token =
  | { t: 'char'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; negated: boolean; ranges: Array<[number, number]> };

/** A segment of a pattern: tokens within one path segment, or `**`. */
type Segment = Token[] | 'globstar';

/** A parsed glob: one or more alternatives (brace expansions), each a list of segments. */
export interface Glob {
  source: string;
  alternatives: Segment[][];
}

export type GlobResult = { glob: Glob } | { error: string };

/** Parses a glob; an error says what is wrong with it (unclosed brace or bracket, too long…). */
export function compileGlob(pattern: string): GlobResult {
  if (pattern.length > MAX_GLOB_LENGTH) return { error: `longer than ${MAX_GLOB_LENGTH} characters` };
  const expanded = expandBraces(pattern);
  if ('error' in expanded) return expanded;
  const alternatives: Segment[][] = [];
  for (const alt of expanded.list) {
    const segments: Segment[] = [];
    for (const part of splitSegments(alt)) {
      if (part === '.') continue; // `./docs`, `docs/./a`: the folder itself
      if (part === '**') {
        if (segments.at(-1) !== 'globstar') segments.push('globstar');
        continue;
      }
      const tokens = tokenize(part);
      if ('error' in tokens) return tokens;
      segments.push(tokens.list);
    }
    alternatives.push(segments);
  }
  return { glob: { source: pattern, alternatives } };
}

/** True when `path` (relative, `/`-separated) matches the glob. */
export function matchGlob(glob: Glob, path: string): boolean {
  const names = path.split('/').filter((n) => n !== '' && n !== '.');
  return glob.alternatives.some((segments) => matchSegments(segments, names));
}

/**
 * True when the relative path `path`, or one of the folders on its way, matches one of `globs`:
 * `drafts` ignores everything under `drafts/`. Paths outside the config's folder (`../…`) never match.
 */
export function isIgnoredPath(path: string, globs: Glob[]): boolean {
  if (!globs.length) return false;
  const names = path.split('/').filter((n) => n !== '' && n !== '.');
  if (names[0] === '..') return false;
  for (let i = 1; i <= names.length; i++) {
    const prefix = names.slice(0, i);
    if (globs.some((g) => g.alternatives.some((segments) => matchSegments(segments, prefix)))) return true;
  }
  return false;
}

/** Compiles the globs that compile; the others are left out (validation reports them). */
export function compileGlobs(patterns: readonly string[]): Glob[] {
  const out: Glob[] = [];
  for (const p of patterns) {
    const r = compileGlob(p.trim());
    if ('glob' in r) out.push(r.glob);
  }
  return out;
}

// --- parsing ---------------------------------------------------------------------------------

/** `/`-separated parts, keeping escaped slashes and slashes inside brackets out of the split. */
function splitSegments(pattern: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      cur += c + pattern[++i];
    } else if (c === '/') {
      if (cur !== '') parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') parts.push(cur);
  return parts;
}

/** Expands `{a,b}` alternatives (nested), left to right, up to MAX_ALTERNATIVES results. */
function expandBraces(pattern: string): { list: string[] } | { error: string } {
  // Find the first top-level brace group that has a comma; a group without one is literal.
  let open = -1;
  let depth = 0;
  let hasComma = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) {
        open = i;
        hasComma = false;
      }
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        if (hasComma) {
          const options = splitTopLevel(pattern.slice(open + 1, i));
          const head = pattern.slice(0, open);
          const tail = pattern.slice(i + 1);
          const list: string[] = [];
          for (const option of options) {
            const sub = expandBraces(head + option + tail);
            if ('error' in sub) return sub;
            for (const s of sub.list) {
              if (list.length >= MAX_ALTERNATIVES) return { error: `braces expand to more than ${MAX_ALTERNATIVES} patterns` };
              list.push(s);
            }
          }
          return { list };
        }
        open = -1;
      }
    } else if (c === ',' && depth === 1) hasComma = true;
  }
  if (depth > 0) return { error: 'unclosed "{"' };
  return { list: [pattern] };
}

/** Splits the inside of a brace group at its top-level commas. */
function splitTopLevel(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && i + 1 < inner.length) {
      cur += c + inner[++i];
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function tokenize(text: string): { list: Token[] } | { error: string } {
  const part = Array.from(text); // code points, as names are matched
  const list: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\') {
      if (i + 1 < part.length) list.push({ t: 'char', c: part[++i]! });
      else list.push({ t: 'char', c });
    } else if (c === '*') {
      if (list.at(-1)?.t !== 'star') list.push({ t: 'star' });
    } else if (c === '?') list.push({ t: 'any' });
    else if (c === '[') {
      const cls = parseClass(part, i);
      if ('error' in cls) return cls;
      list.push(cls.token);
      i = cls.end;
    } else list.push({ t: 'char', c });
  }
  return { list };
}

/** Parses `[…]` starting at `start` (code point indices); `end` is the index of its `]`. */
function parseClass(part: string[], start: number): { token: Token; end: number } | { error: string } {
  let i = start + 1;
  const negated = part[i] === '!' || part[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (; i < part.length; i++) {
    let c = part[i]!;
    if (c === ']' && !first) return { token: { t: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && i + 1 < part.length) c = part[++i]!;
    const lo = c.codePointAt(0)!;
    if (part[i + 1] === '-' && i + 2 < part.length && part[i + 2] !== ']') {
      let hiChar = part[i + 2]!;
      i += 2;
      if (hiChar === '\\' && i + 1 < part.length) hiChar = part[++i]!;
      const hi = hiChar.codePointAt(0)!;
      if (hi < lo) return { error: `range "${c}-${hiChar}" is out of order` };
      ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  return { error: 'unclosed "["' };
}

// --- matching --------------------------------------------------------------------------------

function matchSegments(segments: Segment[], names: string[]): boolean {
  // reach[j]: the pattern's first k segments can match the first j names (k = the loop's step).
  let reach = new Uint8Array(names.length + 1);
  reach[0] = 1;
  for (const seg of segments) {
    const next = new Uint8Array(names.length + 1);
    if (seg === 'globstar') {
      // Zero or more whole names: everything from the first reachable position on.
      let on = false;
      for (let j = 0; j <= names.length; j++) {
        if (reach[j]) on = true;
        if (on) next[j] = 1;
      }
    } else {
      for (let j = 0; j < names.length; j++) if (reach[j] && matchName(seg, names[j]!)) next[j + 1] = 1;
    }
    reach = next;
  }
  return reach[names.length] === 1;
}

/** Wildcard match of one name; backtracks only to the last `*`, so O(tokens × name length). */
function matchName(tokens: Token[], name: string): boolean {
  const chars = Array.from(name);
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < chars.length) {
    const tok = tokens[t];
    if (tok && tok.t !== 'star' && matchOne(tok, chars[n]!)) {
      t++;
      n++;
    } else if (tok && tok.t === 'star') {
      starT = t++;
      starN = n;
    } else if (starT >= 0) {
      t = starT + 1;
      n = ++starN;
    } else return false;
  }
  while (t < tokens.length && tokens[t]!.t === 'star') t++;
  return t === tokens.length;
}

function matchOne(tok: Token, ch: string): boolean {
  switch (tok.t) {
    case 'char':
      return tok.c === ch;
    case 'any':
      return true;
    case 'class': {
      const cp = ch.codePointAt(0)!;
      const inside = tok.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
      return inside !== tok.negated;
    }
    default:
      return false;
  }
}
