// Where the shipped model's sentence networks come from. Their data (about 1 MB a language) is
// not in the JavaScript bundle: every process and worker thread that loads the bundle would hold
// it, and most of them never judge a sentence. An adapter that can read files gives the core a
// source (`useNetworks`); the core asks it for a language's network the first time it judges a
// sentence in that language, and never again. Without a source, or when it has nothing, the
// judgment uses the n-gram model alone, with the thresholds chosen for it — about the same
// precision with fewer findings (docs/judgment.md); a sentence near a threshold may be judged
// differently with and without the network.
import type { Lang } from '../types.js';
import { decodeNet, type StoredNet } from './codec.js';
import { SentenceNet } from './net.js';

/** A language's stored network — the bytes of its file (`npm run train` writes net-<lang>.bin),
 * or its JSON form — or null when there is none to give. May throw: the core then goes on
 * without it (the adapter says why to its user). */
export type NetworkSource = (lang: Lang) => Uint8Array | StoredNet | null | undefined;

let source: NetworkSource | null = null;
let report: ((lang: Lang, problem: string) => void) | undefined;
const loaded = new Map<Lang, SentenceNet | null>();
let generation = 0;

/** Sets (or, with null, removes) where the shipped model's networks come from; `onProblem` hears
 * of a network that cannot be used (malformed, or made for other weights). Judgments made
 * before may differ from those after: analyzers drop what they cached (`networksGeneration`). */
export function useNetworks(src: NetworkSource | null, onProblem?: (lang: Lang, problem: string) => void): void {
  source = src;
  report = onProblem;
  loaded.clear();
  generation++;
}

/** Changes whenever `useNetworks` is called. */
export const networksGeneration = (): number => generation;

/** The shipped model's network for `lang` whose n-gram half is `modelId`, loaded on first use;
 * null without a source, or when the source's network was trained with another model. */
export function shippedNetwork(lang: Lang, modelId: string): SentenceNet | null {
  if (!source) return null;
  let net = loaded.get(lang);
  if (net === undefined) {
    net = null;
    try {
      const stored = source(lang);
      const data = stored ? decodeNet(stored) : null;
      if (data && data.model !== modelId) report?.(lang, `the ${lang} sentence network was trained with other weights than this version's (${String(data.model)}, not ${modelId}); judging without it`);
      else if (data) net = new SentenceNet(data);
    } catch (e) {
      report?.(lang, `the ${lang} sentence network cannot be used (${(e as Error).message}); judging without it`);
      net = null;
    }
    loaded.set(lang, net);
  }
  return net;
}
