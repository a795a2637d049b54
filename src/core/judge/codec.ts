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
  thresholds?: Record<Sensitivity, Thresholds>;
  /** In a network stored on its own: the `modelId` of the n-gram model it was trained with (its
   * thresholds hold only for that one). */
  model?: string;
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

/** Base64 to bytes, straight into a typed array (atob's intermediate string and a second pass
 * over it cost several milliseconds on the networks' ~0.9 MB of vectors). */
const B64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
function base64Bytes(b64: string): Uint8Array {
  let end = b64.length;
  while (end > 0 && b64.charCodeAt(end - 1) === 61 /* = */) end--;
  const out = new Uint8Array((end * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = b64.charCodeAt(i);
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) throw new Error('malformed base64 in the model');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function decodeWeights(b64: string, scale: number): number[] {
  const bytes = base64Bytes(b64);
  const out = new Array<number>(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const u = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
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
  const bytes = base64Bytes(b64);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

const floats = (a: StoredArray): Float32Array => Float32Array.from(decodeWeights(a.weights, a.scale));

export function encodeNet(n: NetData | LazyNet): StoredNet {
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
    ...(n.thresholds ? { thresholds: n.thresholds } : {}),
  };
}

export function decodeNet(s: StoredNet): NetData {
  const n: NetData = {
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
    ...(s.thresholds ? { thresholds: s.thresholds } : {}),
  };
  // Every array the right size for the others, or inference would read past them.
  const V = n.words.length + 2;
  const H = n.filters * n.widths.length;
  const sized =
    n.dim > 0 && n.emb.length === V * n.dim && n.embScale.length === V && n.conv.length === n.widths.length &&
    n.conv.every((c, a) => c.length === n.filters * n.widths[a]! * n.dim) && n.convBias.length === H &&
    n.out.length === 3 * H && n.outBias.length === 3 && n.mix >= 0 && n.mix <= 1;
  if (!sized) throw new Error('malformed network: array sizes do not match');
  return n;
}

/** What identifies a language's stored n-gram model (a network stored on its own names the one it
 * was trained with): a short hash of its weights. */
export function modelId(l: StoredLang): string {
  let h = 0x811c9dc5;
  const text = `${l.scale}\n${l.weights}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${l.weights.length.toString(36)}-${(h >>> 0).toString(36)}`;
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
    id: modelId(l),
    ...(l.net ? { net: { mix: l.net.mix, decode: () => decodeNet(l.net!) } } : {}),
  });
  const data: ModelData = { version: stored.version, meta: stored.meta, langs: { en: lang(stored.langs.en), zh: lang(stored.langs.zh) } };
  return new Model(data);
}

