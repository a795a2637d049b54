// The stored form of a judgment model and its decoding: feature names joined by newlines,
// weights as base64 little-endian int16 with one scale per language — so loading a bundle that
// holds one costs two string literals per language, and decoding happens once, on first use.
// `atob`/`btoa` exist in Node ≥ 16 and in every browser.
import { Model, type ModelData, type Sensitivity, type Thresholds } from './model.js';

export interface StoredLang {
  features: string;
  weights: string;
  scale: number;
  thresholds: Record<Sensitivity, Thresholds>;
}

export interface StoredModel {
  version: 1;
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

/** The stored form of a model (what `npm run train` writes and `decodeModel` reads). */
export function encodeModel(data: ModelData): StoredModel {
  const lang = (l: ModelData['langs']['en']): StoredLang => ({ features: l.features.join('\n'), ...encodeWeights(l.w), thresholds: l.thresholds });
  return { version: 1, meta: data.meta, langs: { en: lang(data.langs.en), zh: lang(data.langs.zh) } };
}

/** A model from its stored form (the shipped file, or one the trainer just wrote). */
export function decodeModel(stored: StoredModel): Model {
  if (stored?.version !== 1) throw new Error(`Unsupported model version ${String(stored?.version)}`);
  const lang = (l: StoredLang) => ({ features: l.features ? l.features.split('\n') : [], w: decodeWeights(l.weights, l.scale), thresholds: l.thresholds });
  const data: ModelData = { version: 1, meta: stored.meta, langs: { en: lang(stored.langs.en), zh: lang(stored.langs.zh) } };
  return new Model(data);
}

