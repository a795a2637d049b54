// Linear growth, measured robustly: never an absolute time limit (machines are noisy, and the
// project forbids timed unit tests), only how the cost grows when the input grows k-fold.
//
// - CPU time of this process (process.cpuUsage), not wall-clock time, so being descheduled on a
//   shared machine does not count; the best (minimum) of a few measurements at the small size.
// - Cheap operations are repeated until one measurement takes at least `minMs`, so timer
//   resolution and call overhead do not decide the ratio; the same repetition count is used at
//   both sizes.
// - A warm-up run first (JIT, lexicon compilation, lazily built parsers).
// - Linear work grows k-fold, quadratic k²-fold: the check allows k × slack (default 2.5, i.e.
//   10× for 4n and 20× for 8n; quadratic work shows k², 16× or 64×), and re-measures up to
//   `tries` times before calling it super-linear.

export interface Growth {
  n: number;
  factor: number;
  /** Repetitions per measurement. */
  reps: number;
  /** Best CPU milliseconds for `reps` runs at n and at factor·n. */
  small: number;
  big: number;
  ratio: number;
  allowed: number;
  ok: boolean;
}

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeIt(fn: () => void, reps: number): number {
  const t = cpuMs();
  for (let i = 0; i < reps; i++) fn();
  return cpuMs() - t;
}

export interface GrowthOptions {
  /** Growth factor between the two sizes (default 4). */
  factor?: number;
  /** Allowed ratio = factor × slack (default 2.5). */
  slack?: number;
  /** Minimum CPU milliseconds per measurement at the small size (default 10). */
  minMs?: number;
  /** Measurements taken at the small size; the minimum counts (default 3). */
  samples?: number;
  /** Measurements taken at the large size (default 1: a noisy one is caught by the re-tries). */
  bigSamples?: number;
  /** Attempts before the growth is declared super-linear (default 3). */
  tries?: number;
}

/**
 * Measures how `run(make(n))` grows from n to factor·n. The inputs are built outside the timed
 * region. Returns the best (lowest) ratio seen over up to `tries` attempts.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, opts: GrowthOptions = {}): Growth {
  const factor = opts.factor ?? 4;
  const allowed = factor * (opts.slack ?? 2.5);
  const minMs = opts.minMs ?? 10;
  const samples = opts.samples ?? 3;
  const bigSamples = opts.bigSamples ?? 1;
  const tries = opts.tries ?? 3;
  const small = make(n);
  const big = make(n * factor);
  // Warm-up (the first runs include compilation), then the repetition count that makes one
  // small measurement take at least minMs.
  let once = Infinity;
  for (let i = 0; i < 3; i++) once = Math.min(once, timeIt(() => run(small), 1));
  once = Math.max(once, 0.001);
  const reps = Math.max(1, Math.min(10_000, Math.ceil(minMs / once)));
  let best: Growth | undefined;
  for (let attempt = 0; attempt < tries; attempt++) {
    let s = Infinity;
    let b = Infinity;
    for (let i = 0; i < Math.max(samples, bigSamples); i++) {
      if (i < samples) s = Math.min(s, timeIt(() => run(small), reps));
      if (i < bigSamples) b = Math.min(b, timeIt(() => run(big), reps));
    }
    s = Math.max(s, 0.001);
    const ratio = b / s;
    const g: Growth = { n, factor, reps, small: round(s), big: round(b), ratio: round(ratio), allowed, ok: ratio <= allowed };
    if (!best || g.ratio < best.ratio) best = g;
    if (best.ok) break;
  }
  return best!;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** One line describing a measurement, for failure messages and logs. */
export function describeGrowth(label: string, g: Growth): string {
  return `${label}: n=${g.n} → ${g.factor}n, ${g.reps} run(s) each: ${g.small} ms → ${g.big} ms CPU, ratio ${g.ratio} (allowed ≤ ${g.allowed})`;
}
