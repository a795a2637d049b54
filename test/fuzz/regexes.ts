// Every regular expression literal in src/core, found with the TypeScript parser (so a regex added
// tomorrow is tested tomorrow), and the classic worst cases for each: long repetitions of the
// characters it matches, of its literal words, of pairs of them, with and without a terminator
// that makes the match fail at the very end (the backtracking trigger), nested brackets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { growth, type Growth } from './linearity.js';

export interface CoreRegex {
  /** "src/core/classify.ts:57". */
  where: string;
  /** The literal as written, e.g. "/\\s+$/g". */
  literal: string;
  re: RegExp;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** All regex literals in the .ts files under `coreDir`. `new RegExp(…)` built from data is listed separately. */
export function coreRegexes(root: string, coreDir = 'src/core'): { literals: CoreRegex[]; dynamic: string[] } {
  const literals: CoreRegex[] = [];
  const dynamic: string[] = [];
  for (const file of tsFiles(join(root, coreDir))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(root, file).split('\\').join('/');
    const visit = (node: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const cut = literal.lastIndexOf('/');
        literals.push({ where: `${rel}:${line}`, literal, re: new RegExp(literal.slice(1, cut), literal.slice(cut + 1)) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push(`${rel}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

/** Runs a regex the way the core does: all matches for a global one, the first otherwise. */
export function runRegex(re: RegExp, s: string): number {
  if (re.global || re.sticky) {
    const r = new RegExp(re.source, re.flags);
    let count = 0;
    for (let m = r.exec(s); m; m = r.exec(s)) {
      count++;
      if (m[0].length === 0) r.lastIndex++;
    }
    return count;
  }
  return re.exec(s) ? 1 : 0;
}

const BASE_ALPHABET = [' ', 'a', 'A', '1', '.', ',', ':', '-', '_', '*', '`', '~', '@', '#', '$', '%', '/', '\\', '|', '<', '>', '!', '?', '(', ')', '[', ']', '"', "'", '\t', '\n', '\r', '一', '从', '，', '。', '：', '、', '（', '😀', '\u00a0', '\0'];

/** Characters and words a regex source mentions: its literal characters, class representatives and words. */
function vocabulary(re: RegExp): { chars: string[]; words: string[] } {
  const src = re.source;
  const chars = new Set<string>();
  const words = new Set<string>();
  for (const m of src.matchAll(/\\u([0-9a-fA-F]{4})/g)) chars.add(String.fromCharCode(parseInt(m[1]!, 16)));
  for (const m of src.matchAll(/\\([dswSWDbB])/g)) {
    const rep: Record<string, string[]> = { d: ['7'], s: [' ', '\n'], w: ['w', '_'], S: ['x'], W: ['!'], D: ['x'], b: [], B: [] };
    for (const c of rep[m[1]!] ?? []) chars.add(c);
  }
  for (const c of src.replace(/\\u[0-9a-fA-F]{4}|\\p\{[^}]*\}|\\./g, '')) {
    if (!'^$()[]{}|?+*'.includes(c)) chars.add(c);
  }
  // Literal words ("from", "bizlang-disable", "used to take") and CJK runs.
  const plain = src.replace(/\\[sS]\+?|\\[bB]/g, ' ').replace(/\\(.)/g, '$1');
  for (const m of plain.matchAll(/[A-Za-z][A-Za-z -]{1,30}[A-Za-z]|[\u4e00-\u9fff]{1,6}|<!--|-->/g)) words.add(m[0]);
  return { chars: [...chars].slice(0, 60), words: [...words].slice(0, 40) };
}

export interface Attack {
  /** Short description ("'1' × n + '!'"). */
  name: string;
  make: (n: number) => string;
}

/**
 * A few exact matches of the regex (fast-check's stringMatching over the regex anchored, with the
 * constructs it does not support removed: \b, flags i/g/y/m). Empty when it cannot generate.
 */
export function sampleMatches(re: RegExp, count = 6): string[] {
  try {
    const source = re.source.replace(/\\[bB]/g, '');
    const flags = re.flags.replace(/[igym]/g, '');
    const anchored = new RegExp(`^(?:${source})$`, flags);
    const samples = fc.sample(fc.stringMatching(anchored, { size: 'small' }), { numRuns: count, seed: 42 });
    return [...new Set(samples.filter((s) => s.length > 0 && s.length < 200))];
  } catch {
    return [];
  }
}

/**
 * The worst-case inputs to try against one regex. `quick` (inside `npm test`) pumps only the
 * regex's own characters, words and near-matches with one failing terminator; `full` (`npm run
 * test:fuzz`) adds a base alphabet of Markdown, prose and control characters and more terminators.
 */
export function attacks(re: RegExp, mode: 'quick' | 'full' = 'full'): Attack[] {
  const { chars, words } = vocabulary(re);
  const alphabet = mode === 'full' ? [...new Set([...chars, ...BASE_ALPHABET])] : [...new Set([...chars, ' ', 'a', '1', '一'])];
  const units = new Set<string>(alphabet);
  // Pairs: a char of the regex with a separator ("1,", "@.", " ,", "a "), and each word with a space.
  for (const c of chars) for (const d of [' ', '.', ',', 'a', '1', '@']) if (c !== d) units.add(c + d);
  for (const w of words) {
    units.add(`${w} `);
    units.add(w);
  }
  // Near-matches: an exact match without its last character, repeated, makes every start position
  // run almost to the end ("<!-- bizlang-disable --" × n).
  for (const m of sampleMatches(re)) {
    units.add(m);
    if (m.length > 1) units.add(m.slice(0, -1));
  }
  const out: Attack[] = [];
  const show = (s: string) => JSON.stringify(s);
  const repeat = (u: string, n: number) => u.repeat(Math.max(1, Math.ceil(n / u.length))).slice(0, Math.max(n, u.length));
  // Terminators that make a match fail at the very end.
  for (const u of units) {
    for (const end of mode === 'full' ? ['', '\0', ' x'] : ['\0']) out.push({ name: `${show(u)} × n + ${show(end)}`, make: (n) => repeat(u, n) + end });
  }
  // A word of the regex as prefix, then a pump of its own characters (e.g. "from " + "1" × n + "!").
  for (const w of words.slice(0, mode === 'full' ? 8 : 3)) {
    for (const u of [...chars, ' ', 'a', '1']) out.push({ name: `${show(`${w} `)} + ${show(u)} × n + "!"`, make: (n) => `${w} ${repeat(u, n)}!` });
  }
  // Nested brackets and long runs without the closing delimiter.
  out.push({ name: '"[" × n + "]" × n', make: (n) => '['.repeat(n >> 1) + ']'.repeat(n >> 1) });
  out.push({ name: '"(" × n', make: (n) => '('.repeat(n) });
  out.push({ name: '"<!--" + "-" × n', make: (n) => `<!--${'-'.repeat(n)}` });
  out.push({ name: '"[a" × n', make: (n) => repeat('[a', n) });
  return out;
}

export interface RegexCheck {
  ok: boolean;
  /** Attacks run. */
  tried: number;
  /** The growth measured for each candidate attack (none when nothing looked slow). */
  checks: Array<{ attack: string; growth: Growth }>;
}

/**
 * Screens a regex with its attacks at two sizes (4 K, then 16 K characters): an attack whose
 * single run takes over `thresholdMs` CPU is a candidate, and its growth (n vs 8n) is measured
 * at once. A linear scan of 16 K characters takes a fraction of a millisecond, so the screen only
 * picks out backtracking; the verdict always comes from growth(), never from the threshold. The
 * first super-linear candidate ends the check; at most `maxChecks` candidates are measured.
 */
export function checkRegex(re: RegExp, mode: 'quick' | 'full' = 'full', opts: { thresholdMs?: number; maxChecks?: number } = {}): RegexCheck {
  const list = attacks(re, mode);
  const threshold = opts.thresholdMs ?? 1;
  const maxChecks = opts.maxChecks ?? (mode === 'full' ? 12 : 6);
  const checks: RegexCheck['checks'] = [];
  let tried = 0;
  for (const attack of list) {
    tried++;
    for (const n of [4096, 16384]) {
      const u = process.cpuUsage();
      runRegex(re, attack.make(n));
      const d = process.cpuUsage(u);
      if ((d.user + d.system) / 1000 <= threshold) continue;
      const g = growth((k) => attack.make(k), (s) => runRegex(re, s), 1024, { factor: 8, minMs: 5 });
      checks.push({ attack: attack.name, growth: g });
      if (!g.ok) return { ok: false, tried, checks };
      break;
    }
    if (checks.length >= maxChecks) break;
  }
  return { ok: true, tried, checks };
}
