// The learned part of the judgment: a multinomial logistic regression over the named features of
// features.ts, one per language, trained by corpus/tools/train.mjs and shipped as data
// (src/core/data/model.json). Inference is a sum of weights and a softmax, in plain TypeScript,
// so the web extension runs it too.
import type { Lang } from '../types.js';
import { isList, type NameLookup, type NameTable } from './names.js';
import { SentenceNet, type NetData } from './net.js';

/** The classes the model tells apart. Business with or without a number is decided by the rules
 * (a number is a pattern, not a judgment call). */
export const CLASSES = ['OTHER', 'TECH', 'BIZ'] as const;
export type ModelClass = (typeof CLASSES)[number];

export type Sensitivity = 'precise' | 'balanced' | 'thorough';
export const SENSITIVITIES: Sensitivity[] = ['precise', 'balanced', 'thorough'];

/** Minimum probabilities for a finding, per rule class. */
export interface Thresholds {
  tech: number;
  biz: number;
  /** The sentence network's share of the average these thresholds were chosen for (absent: the
   * n-gram model alone, or the network's own `mix` in models that predate the choice). */
  mix?: number;
}

/** One language's model as stored. */
export interface LangModelData {
  /** Feature names (a trainer's list, or a stored model's name table, names.ts); weights for
   * feature i are w[i*K .. i*K+K-1] in CLASSES order. */
  features: readonly string[] | NameTable;
  /** A trainer's weights (copied into a Float64Array), or stored ones read where they lie. */
  w: readonly number[] | Float64Array | PackedWeights;
  thresholds: Record<Sensitivity, Thresholds>;
  /** What identifies these weights (codec.ts `modelId`), for a network stored on its own. */
  id?: string;
  /** The sentence network averaged with the n-gram weights (net.ts), or its share of the
   * average and how to decode it on first use (codec.ts); absent in older models. */
  net?: NetData | LazyNet;
}

/** Stored weights as codec.ts keeps them: little-endian int16 pairs, one per character of a
 * byte string (what `atob` returns), times `scale`. Read in place: turning 60,000 of them into
 * numbers up front was a fifth of a fresh process's first judgment. */
export interface PackedWeights {
  bytes: string;
  scale: number;
  length: number;
}

/** Weight i of packed weights: the same number a decode into an array would hold. */
export const packedAt = (p: PackedWeights, i: number): number =>
  (((p.bytes.charCodeAt(2 * i) | (p.bytes.charCodeAt(2 * i + 1) << 8)) << 16) >> 16) * p.scale;

/** Every weight as a number (tests and tools; inference reads them in place). */
export function weightArray(w: LangModelData['w']): Float64Array {
  if (w instanceof Float64Array) return w;
  if (!('bytes' in w)) return Float64Array.from(w);
  const out = new Float64Array(w.length);
  for (let i = 0; i < out.length; i++) out[i] = packedAt(w, i);
  return out;
}

export interface LazyNet {
  mix: number;
  decode(): NetData;
}

export interface ModelData {
  version: 1 | 2;
  /** How it was made (corpus size, seed, date): shown by `npm run eval -- --stats`. */
  meta: Record<string, unknown>;
  langs: Record<Lang, LangModelData>;
}

export interface Probabilities {
  OTHER: number;
  TECH: number;
  BIZ: number;
}

/** A compiled language model: feature name → its number, whose weights are at K times it. */
export class LangModel {
  private readonly index: NameLookup;
  /** Weights as numbers (a trainer's), or packed (the stored model's): exactly one is set. */
  private readonly w: Float64Array | null;
  private readonly packed: PackedWeights | null;
  readonly thresholds: Record<Sensitivity, Thresholds>;
  readonly id: string;
  private readonly netSource: NetData | LazyNet | undefined;
  private decodedNet: SentenceNet | undefined;

  constructor(data: LangModelData) {
    const w = data.w;
    this.packed = 'bytes' in w ? w : null;
    this.w = this.packed ? null : weightArray(w);
    const weights = this.packed ? this.packed.length : this.w!.length;
    if (weights !== data.features.length * CLASSES.length)
      throw new Error(`malformed model: ${data.features.length} feature names but ${weights} weights`);
    this.index = isList(data.features) ? new Map(data.features.map((name, i) => [name, i])) : data.features;
    this.thresholds = data.thresholds;
    this.id = data.id ?? '';
    this.netSource = data.net;
  }

  /** The sentence network, decoded on first use (a document in one language never decodes the
   * other's); null without one. */
  get net(): SentenceNet | null {
    const src = this.netSource;
    if (!src) return null;
    return (this.decodedNet ??= new SentenceNet('decode' in src ? src.decode() : src));
  }

  /** The thresholds of each sensitivity with `net` (this model's own network, or one stored on
   * its own for it): the network's own choice of share and thresholds per level, or — in models
   * whose network predates that choice — this model's thresholds at the network's `mix`. Without
   * a network, the n-gram model's own. */
  thresholdsWith(net: SentenceNet | null): Record<Sensitivity, Thresholds> {
    if (!net) return this.thresholds;
    if (net.thresholds) return net.thresholds;
    const at = (t: Thresholds): Thresholds => ({ ...t, mix: net.mix });
    return { precise: at(this.thresholds.precise), balanced: at(this.thresholds.balanced), thorough: at(this.thresholds.thorough) };
  }

  /** Class probabilities for a sentence's features (unknown features weigh nothing). */
  predict(features: readonly string[]): Probabilities {
    let o = 0;
    let t = 0;
    let b = 0;
    const w = this.w;
    const p = this.packed;
    for (const name of features) {
      const i = this.index.get(name);
      if (i === undefined) continue;
      const at = i * 3; // CLASSES.length
      if (w) {
        o += w[at]!;
        t += w[at + 1]!;
        b += w[at + 2]!;
      } else {
        o += packedAt(p!, at);
        t += packedAt(p!, at + 1);
        b += packedAt(p!, at + 2);
      }
    }
    const m = Math.max(o, t, b);
    const eo = Math.exp(o - m);
    const et = Math.exp(t - m);
    const eb = Math.exp(b - m);
    const z = eo + et + eb;
    return { OTHER: eo / z, TECH: et / z, BIZ: eb / z };
  }

  /** The features that pushed a class most (for debugging and `--errors`). */
  explain(features: readonly string[], cls: ModelClass, top = 8): Array<[string, number]> {
    const k = CLASSES.indexOf(cls);
    const wt = (i: number): number => (this.w ? this.w[i]! : packedAt(this.packed!, i));
    const out: Array<[string, number]> = [];
    for (const name of features) {
      const i = this.index.get(name);
      if (i === undefined) continue;
      const at = i * CLASSES.length;
      // Contribution relative to the mean of the other classes.
      let others = 0;
      for (let j = 0; j < CLASSES.length; j++) if (j !== k) others += wt(at + j);
      out.push([name, wt(at + k) - others / (CLASSES.length - 1)]);
    }
    return out.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top);
  }
}

/** One `T` per language, each made on first use (a document in one language, or a batch worker
 * that only sees one, never decodes the other's weights). */
export function perLang<T>(make: (lang: Lang) => T): Record<Lang, T> {
  const out = {} as Record<Lang, T>;
  for (const lang of ['en', 'zh'] as const) {
    Object.defineProperty(out, lang, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = make(lang);
        Object.defineProperty(out, lang, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}

export class Model {
  readonly langs: Record<Lang, LangModel>;
  constructor(readonly data: ModelData) {
    this.langs = perLang((lang) => new LangModel(data.langs[lang]));
  }
}
