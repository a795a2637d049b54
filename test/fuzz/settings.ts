// Fuzz settings from the environment. `npm test` runs a short pass with the defaults;
// `npm run test:fuzz` (vitest.fuzz.config.ts) sets more runs and the full pathological sizes.
//
//   BIZLANG_FUZZ_SEED   fast-check seed (default fixed, so CI failures reproduce)
//   BIZLANG_FUZZ_RUNS   base number of cases per property (default 800; test:fuzz 3000)
//   BIZLANG_FUZZ_PATH   fast-check replay path printed with a failure (replays just that case)
//   BIZLANG_FUZZ_FULL   "1": full-size pathological inputs and the full regex attack set

export const DEFAULT_SEED = 20261122;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

export const SEED = intFromEnv('BIZLANG_FUZZ_SEED', DEFAULT_SEED);
export const RUNS = Math.max(1, intFromEnv('BIZLANG_FUZZ_RUNS', 800));
export const FULL = process.env.BIZLANG_FUZZ_FULL === '1';
export const PATH = process.env.BIZLANG_FUZZ_PATH || undefined;

/** Runs for one property: the base count times its weight (cheaper properties run more cases). */
export function runs(weight = 1): number {
  return Math.max(1, Math.round(RUNS * weight));
}
