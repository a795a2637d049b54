// Shared helpers of the benchmark: paths, statistics, a seeded PRNG, timing, the corpus walk.
import { openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The corpora (../shared/bench beside the repository), or BIZLANG_BENCH_CORPUS. */
export const CORPUS = process.env.BIZLANG_BENCH_CORPUS ? resolve(process.env.BIZLANG_BENCH_CORPUS) : resolve(REPO, '..', 'shared', 'bench');
/** Scratch folder for the bundles the bench builds from the current sources (git-ignored). */
export const SCRATCH = join(REPO, '.cache', 'bench');

export const DOCS = ['en-typical', 'zh-typical', 'en-large', 'zh-large'];
export const docPath = (name) => join(CORPUS, 'docs', `${name}.md`);

// ---------------------------------------------------------------------------------------------
// Statistics

export function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}

/** Quantile by linear interpolation (q in [0, 1]). */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** median, min, max, p95 and n of a sample. */
export function summary(xs) {
  if (xs.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, p95: NaN };
  return { n: xs.length, median: quantile(xs, 0.5), min: Math.min(...xs), max: Math.max(...xs), p95: quantile(xs, 0.95) };
}

/** The run count and a summary() per field over runs: `fields` maps each output name to a run's field. */
export function summarizeRuns(runs, fields) {
  return { runs: runs.length, ...Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, summary(runs.map((r) => r[field]))])) };
}

// ---------------------------------------------------------------------------------------------
// Timing

/** CPU time (user + system, all threads of this process) in ms. */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let schedFd;
const schedBuf = Buffer.alloc(96);
/**
 * On-CPU time of this process's main thread in ms (Linux /proc/<pid>/task/<pid>/schedstat), or
 * NaN elsewhere. Unlike wall time it does not grow while other processes hold the CPU, and unlike
 * process.cpuUsage() it leaves out V8's background threads (concurrent GC and compilers); but the
 * kernel updates it only at scheduler ticks and switches, so one reading can lag by a few ms:
 * good for stretches of tens of ms (slices), and for sums over many calls.
 */
export function threadCpuMs() {
  if (schedFd === undefined) {
    try {
      schedFd = openSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'r');
    } catch {
      schedFd = null;
    }
  }
  if (schedFd === null) return NaN;
  const n = readSync(schedFd, schedBuf, 0, schedBuf.length, 0);
  return Number(schedBuf.toString('latin1', 0, n).split(' ')[0]) / 1e6;
}

/** Runs `fn` once; returns its CPU (whole process), main-thread CPU and wall time in ms, and its value. */
export function measure(fn) {
  const c0 = cpuMs();
  const m0 = threadCpuMs();
  const t0 = performance.now();
  const value = fn();
  const t1 = performance.now();
  const m1 = threadCpuMs();
  const c1 = cpuMs();
  return { cpu: c1 - c0, thread: m1 - m0, wall: t1 - t0, value };
}

/**
 * Runs `analyzer.analyzeAsync(text)` with the given slice length, its yield function wrapped to
 * time every synchronous stretch between yields (from the call to the first yield, between
 * yields, from the last yield to the result). Longest stretch by wall time and by main-thread
 * CPU time.
 */
export async function slicedRun(analyzer, text, sliceMs) {
  const slices = [];
  let w0 = performance.now();
  let m0 = threadCpuMs();
  const close = () => slices.push({ wall: performance.now() - w0, thread: threadCpuMs() - m0 });
  const yieldFn = async () => {
    close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    w0 = performance.now();
    m0 = threadCpuMs();
  };
  const t0 = performance.now();
  const result = await analyzer.analyzeAsync(text, { sliceMs, yieldFn });
  close();
  return {
    slices: slices.length,
    longestWall: Math.max(...slices.map((s) => s.wall)),
    longestThread: Math.max(...slices.map((s) => s.thread)),
    firstWall: slices[0].wall,
    lastWall: slices.at(-1).wall,
    totalWall: performance.now() - t0,
    result,
  };
}

/** A full collection between measurements when node runs with --expose-gc. */
export function collect() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// ---------------------------------------------------------------------------------------------
// Corpus

const MARKDOWN = new Set(['.md', '.markdown']);
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * The Markdown files under `root` as `bizlang check DIR` finds them (src/node/expand.ts): depth
 * first in name order, *.md and *.markdown, skipping node_modules and .git (dot folders included).
 */
export function markdownFiles(root) {
  const out = [];
  const visit = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (SKIPPED.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && MARKDOWN.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  visit(root);
  return out;
}

export function totalBytes(files) {
  return files.reduce((a, f) => a + statSync(f).size, 0);
}

// ---------------------------------------------------------------------------------------------
// Typing

/**
 * Where one character can be typed inside a paragraph's prose (between two letters, or two Han
 * characters for 'zh'), in the middle half of the doc: one list of offsets per paragraph (a paragraph
 * that is a lone link, as in a table of contents, is left out). `tree` is the doc's mdast (from the
 * floor parser).
 */
export function typingSpots(tree, text, lang) {
  const lo = text.length * 0.25;
  const hi = text.length * 0.75;
  const paragraphs = [];
  const visit = (node) => {
    if (node.type === 'paragraph' && node.position) {
      const start = node.position.start.offset;
      const end = node.position.end.offset;
      // A paragraph that is only a link is a table-of-contents entry, not prose one types into.
      const linkOnly = node.children.length === 1 && node.children[0].type === 'link';
      if (start >= lo && end <= hi && !linkOnly) paragraphs.push([start, end]);
      return;
    }
    if (node.type === 'code' || node.type === 'html') return;
    for (const c of node.children ?? []) visit(c);
  };
  visit(tree);
  const letter = lang === 'zh' ? /[\u4e00-\u9fff]/ : /[A-Za-z]/;
  const spots = [];
  for (const [start, end] of paragraphs) {
    const mine = [];
    for (let i = start + 1; i < end; i++) if (letter.test(text[i - 1]) && letter.test(text[i])) mine.push(i);
    if (mine.length >= 10) spots.push(mine);
  }
  return spots;
}

// ---------------------------------------------------------------------------------------------
// Formatting

export function ms(x, digits) {
  if (!Number.isFinite(x)) return '—';
  const d = digits ?? (x >= 100 ? 0 : x >= 10 ? 1 : 2);
  return x.toFixed(d);
}

/** "median [min–max]" */
export function range(s, digits) {
  if (!s || !s.n) return '—';
  return `${ms(s.median, digits)} [${ms(s.min, digits)}–${ms(s.max, digits)}]`;
}

export function ratio(x) {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '—';
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Renders rows (arrays of strings) as an aligned table; numeric-looking cells right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const numeric = (s) => /^[\d.,\-—×%\s[\]–]+(ms|MB|KB|×)?/.test(s) && /\d|—/.test(s);
  const line = (r) =>
    r
      .map((c, i) => {
        const s = String(c ?? '');
        return i > 0 && numeric(s) ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
