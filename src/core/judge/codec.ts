// The stored form of a judgment model and its decoding: feature names joined by newlines,
// weights as base64 little-endian int16 with one scale per array, the network's word vectors as
// base64 int8 — so loading a bundle that holds one costs a few string literals per language, and
// decoding happens once, on first use. `atob`/`btoa` exist in Node ≥ 16 and in every browser.
import { Model, type LangModelData, type LazyNet, type ModelData, type Sensitivity, type Thresholds } from './model.js';
import type { NetData } from './net.js';

/** An array of numbers as base64 int16 and its scale. */
interface StoredArray {
  weights: string;
  scale: number;
}

export interface StoredNet {
  words: string;
  dim: number;
  widths: number[];
  filters: number;
  maxWords?: number;
  emb: string;
  embScale: StoredArray;
  conv: StoredArray[];
  convBias: StoredArray;
  out: StoredArray;
  outBias: StoredArray;
  mix: number;
}

export interface StoredLang {
  features: string;
  weights: string;
  scale: number;
  thresholds: Record<Sensitivity, Thresholds>;
  net?: StoredNet;
}

export interface StoredModel {
  /** 1: n-gram weights only; 2: with sentence networks (a core that reads only 1 refuses it
   * rather than use thresholds chosen for the average without the network). */
  version: 1 | 2;
  meta: Record<string, unknown>;
  langs: { en: StoredLang; zh: StoredLang };
}

function decodeWeights(b64: string, scale: number): number[] {
  const bin = atob(b64);
  const out = new Array<number>(bin.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const u = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    out[i] = (u >= 0x8000 ? u - 0x10000 : u) * scale;
  }
  return out;
}

function encodeWeights(w: readonly number[]): { weights: string; scale: number } {
  const maxAbs = w.reduce((m, x) => Math.max(m, Math.abs(x)), 0) || 1;
  const scale = maxAbs / 32767;
  let bin = '';
  for (const x of w) {
    const v = Math.round(x / scale) & 0xffff;
    bin += String.fromCharCode(v & 0xff, v >> 8);
  }
  return { weights: btoa(bin), scale };
}

function encodeInt8(a: Int8Array): string {
  let bin = '';
  for (let i = 0; i < a.length; i++) bin += String.fromCharCode(a[i]! & 0xff);
  return btoa(bin);
}

function decodeInt8(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

const floats = (a: StoredArray): Float32Array => Float32Array.from(decodeWeights(a.weights, a.scale));

function encodeNet(n: NetData | LazyNet): StoredNet {
  if ('decode' in n) n = n.decode();
  return {
    words: n.words.join('\n'),
    dim: n.dim,
    widths: n.widths,
    filters: n.filters,
    maxWords: n.maxWords,
    emb: encodeInt8(n.emb),
    embScale: encodeWeights([...n.embScale]),
    conv: n.conv.map((c) => encodeWeights([...c])),
    convBias: encodeWeights([...n.convBias]),
    out: encodeWeights([...n.out]),
    outBias: encodeWeights([...n.outBias]),
    mix: n.mix,
  };
}

function decodeNet(s: StoredNet): NetData {
  return {
    words: s.words.split('\n'),
    dim: s.dim,
    widths: s.widths,
    filters: s.filters,
    maxWords: s.maxWords ?? 80,
    emb: decodeInt8(s.emb),
    embScale: floats(s.embScale),
    conv: s.conv.map(floats),
    convBias: floats(s.convBias),
    out: floats(s.out),
    outBias: floats(s.outBias),
    mix: s.mix,
  };
}

/** The stored form of a model (what `npm run train` writes and `decodeModel` reads). */
export function encodeModel(data: ModelData): StoredModel {
  const lang = (l: LangModelData): StoredLang => ({
    features: l.features.join('\n'),
    ...encodeWeights(l.w),
    thresholds: l.thresholds,
    ...(l.net ? { net: encodeNet(l.net) } : {}),
  });
  const version = data.langs.en.net || data.langs.zh.net ? 2 : 1;
  return { version, meta: data.meta, langs: { en: lang(data.langs.en), zh: lang(data.langs.zh) } };
}

/** A model from its stored form (the shipped file, or one the trainer just wrote). */
export function decodeModel(stored: StoredModel): Model {
  if (stored?.version !== 1 && stored?.version !== 2) throw new Error(`Unsupported model version ${String(stored?.version)}`);
  const lang = (l: StoredLang): LangModelData => ({
    features: l.features ? l.features.split('\n') : [],
    w: decodeWeights(l.weights, l.scale),
    thresholds: l.thresholds,
    ...(l.net ? { net: { mix: l.net.mix, decode: () => decodeNet(l.net!) } } : {}),
  });
  const data: ModelData = { version: stored.version, meta: stored.meta, langs: { en: lang(stored.langs.en), zh: lang(stored.langs.zh) } };
  return new Model(data);
}

