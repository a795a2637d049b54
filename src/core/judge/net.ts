// The second reader of a sentence: a small convolutional network over word vectors (one layer of
// filters 1–3 words wide, max-pooled over the sentence, then a softmax over OTHER / TECH / BIZ).
// The n-gram model (model.ts) sees which words occur; the network sees what they mean — its
// vectors were learned without labels from a large body of Markdown prose, so a word the labeled
// corpus never showed still lands near the words it did. The two are averaged (`mix` is the
// network's share), and the network only runs on a sentence whose n-gram probability leaves its
// verdict open (index.ts): at `precise` and `balanced` that is a small share of sentences; at
// `thorough`, whose thresholds are low, most of them. Trained by
// corpus/tools/net.mjs; inference here, in plain TypeScript, so the web extension runs it too.
// Shipped since 2026-12-01, outside the bundle (networks.ts; docs/judgment.md, seventh and eighth sessions).
import type { Probabilities, Sensitivity, Thresholds } from './model.js';
import { isList, type NameLookup, type NameTable } from './names.js';

/** One language's network, decoded. Word i of `words` has id i + 2 (0 unused, 1 unknown word);
 * a stored network's words are a name table (names.ts) whose values are the ids. */
export interface NetData {
  words: readonly string[] | NameTable;
  dim: number;
  widths: number[];
  filters: number;
  /** A longer sentence is read up to this many words (as in training). */
  maxWords: number;
  /** (words + 2) × dim word vectors, int8 with one scale per word. */
  emb: Int8Array;
  embScale: Float32Array;
  /** Per width w: filters × w × dim weights, then the biases (filters per width). */
  conv: Float32Array[];
  convBias: Float32Array;
  /** 3 × (filters × widths) output weights and 3 biases, classes in CLASSES order. */
  out: Float32Array;
  outBias: Float32Array;
  /** The network's share of the average with the n-gram model. */
  mix: number;
  /** The thresholds to use with the network, per sensitivity, each with the share of the network
   * it was chosen for (0: the n-gram model alone); without them, the model's own and `mix`. */
  thresholds?: Record<Sensitivity, Thresholds>;
}

/** Filter projections kept once computed for the words with the lowest ids (the most frequent
 * of the vectors' vocabulary): a table of 1.5 MB per language at 32 filters of widths 1–3. Other
 * words (rarer ones, and the few appended after the vocabulary such as `<num>`) are projected
 * each time: every batch worker holds its own copy, and memory is the tighter budget. */
const TABLE_WORDS = 2048;

export class SentenceNet {
  /** Word → id: the stored name table, or a `Map` of a trainer's list. */
  private readonly ids: NameLookup;
  /** Ids run from 2 to V − 1 (V counts the unused 0 and the unknown word's 1). */
  private readonly V: number;
  readonly mix: number;
  /** Thresholds chosen for this network, per sensitivity (NetData.thresholds). */
  readonly thresholds: Record<Sensitivity, Thresholds> | undefined;
  /** Filter taps per word: every filter's weights for every position of its window. */
  private readonly taps: number;
  private readonly tapAt: number[];
  private cache: Float32Array | null = null;
  private cached: Uint8Array | null = null;
  private scratch = new Float32Array(0);

  constructor(private readonly d: NetData) {
    this.ids = isList(d.words) ? new Map(d.words.map((w, i) => [w, i + 2])) : d.words;
    this.V = d.words.length + 2;
    this.mix = d.mix;
    this.thresholds = d.thresholds;
    this.tapAt = [];
    let t = 0;
    for (const w of d.widths) {
      this.tapAt.push(t);
      t += d.filters * w;
    }
    this.taps = t;
  }

  /** A word's vector against every filter tap (the convolution's products, computed once per
   * word instead of once per position and filter). */
  private project(id: number, into: Float32Array, at: number): void {
    const { dim: D, widths, filters: F, emb, embScale, conv } = this.d;
    const s = embScale[id]!;
    const e = id * D;
    widths.forEach((w, a) => {
      const W = conv[a]!;
      const base = at + this.tapAt[a]!;
      for (let q = 0; q < F * w; q++) {
        let sum = 0;
        for (let k = 0, wAt = q * D; k < D; k++) sum += W[wAt + k]! * emb[e + k]!;
        into[base + q] = sum * s;
      }
    });
  }

  /** Class probabilities for a sentence's words (networkWords). */
  predict(words: readonly string[]): Probabilities {
    const { widths, filters: F, convBias, out, outBias } = this.d;
    const T = this.taps;
    const L = Math.max(1, Math.min(words.length, this.d.maxWords));
    const cacheSize = Math.min(TABLE_WORDS, this.V);
    this.cache ??= new Float32Array(cacheSize * T);
    this.cached ??= new Uint8Array(cacheSize);
    // Per position, the word's products with every filter tap (one buffer, reused).
    if (this.scratch.length < L * T) this.scratch = new Float32Array(this.d.maxWords * T);
    const q = this.scratch;
    for (let p = 0; p < L; p++) {
      let id = p < words.length ? (this.ids.get(words[p]!) ?? 1) : 1;
      if (!(id < this.V)) id = 1; // a malformed table's value: read as the unknown word
      if (id < cacheSize) {
        if (!this.cached[id]) {
          this.project(id, this.cache, id * T);
          this.cached[id] = 1;
        }
        q.set(this.cache.subarray(id * T, id * T + T), p * T);
      } else {
        this.project(id, q, p * T);
      }
    }
    const H = F * widths.length;
    const h = new Float32Array(H);
    widths.forEach((w, a) => {
      const off = w >> 1;
      const base = this.tapAt[a]!;
      for (let f = 0; f < F; f++) {
        let best = 0; // ReLU, then the maximum over positions
        for (let i = 0; i < L; i++) {
          let s = convBias[a * F + f]!;
          for (let j = 0; j < w; j++) {
            const p = i - off + j;
            if (p >= 0 && p < L) s += q[p * T + base + f * w + j]!;
          }
          if (s > best) best = s;
        }
        h[a * F + f] = best;
      }
    });
    const z = [0, 0, 0];
    for (let c = 0; c < 3; c++) {
      let s = outBias[c]!;
      for (let k = 0; k < H; k++) s += out[c * H + k]! * h[k]!;
      z[c] = s;
    }
    const m = Math.max(z[0]!, z[1]!, z[2]!);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e[0]! + e[1]! + e[2]!;
    return { OTHER: e[0]! / sum, TECH: e[1]! / sum, BIZ: e[2]! / sum };
  }
}

/** The average of the two readers' probabilities, the network weighing `mix`. */
export function blend(ngram: Probabilities, net: Probabilities, mix: number): Probabilities {
  const a = 1 - mix;
  return { OTHER: a * ngram.OTHER + mix * net.OTHER, TECH: a * ngram.TECH + mix * net.TECH, BIZ: a * ngram.BIZ + mix * net.BIZ };
}

/** Whether averaging with a network of share `mix` could bring probability `p` to `threshold`
 * (the network's own probability is at most 1): when not, the network need not run. */
export const reachable = (p: number, threshold: number, mix: number): boolean => (1 - mix) * p + mix >= threshold;
