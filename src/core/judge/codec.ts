// The stored form of a judgment model and its decoding: feature names joined by newlines,
// weights as base64 little-endian int16 with one scale per array, the network's word vectors as
// base64 int8 — so loading a bundle that holds one costs a few string literals per language, and
// decoding happens once, on first use. `atob`/`btoa` exist in Node ≥ 16 and in every browser.
// Feature names and network words come with a hash table (names.ts), looked up where it lies.
import { CLASSES, Model, perLang, weightArray, type LangModelData, type LazyNet, type ModelData, type PackedWeights, type Sensitivity, type Thresholds } from './model.js';
import type { NetData } from './net.js';
import { buildNameTable, isList, NameTable, type NameTableData } from './names.js';

/** A name table's byte strings (names.ts), base64; its names are stored beside it. */
export interface StoredTable {
  buckets: string;
  meta: string;
  values?: string;
}

const storeTable = (t: Omit<NameTableData, 'names'>): StoredTable => ({
  buckets: btoa(t.buckets),
  meta: btoa(t.meta),
  ...(t.values !== undefined ? { values: btoa(t.values) } : {}),
});

function readTable(names: string, t: StoredTable): NameTable {
  if (typeof t !== 'object' || t === null || typeof t.buckets !== 'string' || typeof t.meta !== 'string') throw new Error('malformed name table in the model');
  return new NameTable({
    names,
    buckets: byteString(t.buckets),
    meta: byteString(t.meta),
    ...(typeof t.values === 'string' ? { values: byteString(t.values) } : {}),
  });
}

/** An array of numbers as base64 int16 and its scale. */
interface StoredArray {
  weights: string;
  scale: number;
}

export interface StoredNet {
  /** The words joined by newlines: in id order, or with `table`, in the order of their name
   * table (names.ts), whose values are the ids. */
  words: string;
  table?: StoredTable;
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
  /** The feature names joined by newlines; with `table`, in the order of their name table (and
   * the weights in the same order). */
  features: string;
  /** The features' name table (names.ts), its byte strings in base64; absent in models written
   * before 2026-12-02, whose names are put in a `Map` on load. */
  table?: StoredTable;
  weights: string;
  scale: number;
  thresholds: Record<Sensitivity, Thresholds>;
  /** `modelId` of these weights, as the trainer wrote it (hashing ~0.3 MB of base64 on every
   * first judgment cost a few milliseconds); computed when absent. */
  id?: string;
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

/** Little-endian int16 weights times their scale, straight into the typed array the model
 * reads (a plain array first, then a copy, cost the first judgment a few milliseconds). */
function decodeWeights(b64: string, scale: number): Float64Array {
  const bytes = base64Bytes(b64);
  const out = new Float64Array(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const u = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    out[i] = (u >= 0x8000 ? u - 0x10000 : u) * scale;
  }
  return out;
}

/** Stored int16 weights as a byte string, read in place by the model (model.ts `packedAt`):
 * `atob` is native, where a loop over the base64 and another into numbers cost a fresh process
 * ~4 ms of its first English judgment. */
function packWeights(b64: string, scale: number): PackedWeights {
  const bytes = byteString(b64);
  if (bytes.length % 2 !== 0) throw new Error('malformed weights in the model: odd number of bytes');
  return { bytes, scale, length: bytes.length >> 1 };
}

/** A base64 string's bytes, one per character. */
function byteString(b64: string): string {
  try {
    return atob(b64);
  } catch {
    throw new Error('malformed base64 in the model');
  }
}

/** A network's words in id order (word i has id i + 2), from a list or a stored name table. */
function wordList(w: NetData['words']): readonly string[] {
  if (isList(w)) return w;
  const out: string[] = new Array<string>(w.length);
  for (const [name, id] of w.entries()) out[id - 2] = name;
  return out;
}

/** Feature names as a list, from a trainer's list or a stored name table. */
const featureList = (f: LangModelData['features']): readonly string[] => (isList(f) ? f : f.entries().map(([name]) => name));

function encodeWeights(w: readonly number[] | Float64Array): { weights: string; scale: number } {
  let maxAbs = 0;
  for (const x of w) maxAbs = Math.max(maxAbs, Math.abs(x));
  maxAbs ||= 1;
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
    words: wordList(n.words).join('\n'),
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

/** A network stored on its own, as a file of bytes: the magic "BZN1", the header's length
 * (uint32, little-endian), the header (UTF-8 JSON: the words and sizes, its share, thresholds and
 * the `modelId` it was trained with), padded to a multiple of 4 bytes; then the word vectors as
 * int8, padded likewise, and the float32 arrays (little-endian, as every platform JavaScript runs
 * on stores them): the vectors' scales, each width's filters, their biases, the output weights
 * and biases. Reading one costs a small JSON parse; the vectors are used where they lie. (The
 * JSON form's base64 made a language's first judgment ~10 ms slower: docs/bench.md.) */
const MAGIC = [0x42, 0x5a, 0x4e, 0x31]; // "BZN1"

type NetHeader = Omit<StoredNet, 'emb' | 'embScale' | 'conv' | 'convBias' | 'out' | 'outBias'>;
const pad4 = (n: number): number => (n + 3) & ~3;

export function encodeNetBytes(s: StoredNet): Uint8Array {
  const n = decodeNet(s);
  // The words as a name table (word → id), so that loading the file inserts nothing.
  const list = wordList(n.words);
  const table = buildNameTable(list, list.map((_, i) => i + 2));
  const words = table ? { words: table.names, table: storeTable(table) } : { words: list.join('\n') };
  const header: NetHeader = {
    ...words, dim: n.dim, widths: n.widths, filters: n.filters, maxWords: n.maxWords, mix: n.mix,
    ...(n.thresholds ? { thresholds: n.thresholds } : {}),
    ...(n.model !== undefined ? { model: n.model } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(pad4(8 + json.length) - 8).fill(0x20); // JSON allows trailing spaces
  head.set(json);
  const floats = [n.embScale, ...n.conv, n.convBias, n.out, n.outBias];
  const embAt = 8 + head.length;
  const floatsAt = embAt + pad4(n.emb.length);
  const bytes = new Uint8Array(floatsAt + floats.reduce((t, f) => t + f.length * 4, 0));
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, head.length, true);
  bytes.set(head, 8);
  bytes.set(new Uint8Array(n.emb.buffer, n.emb.byteOffset, n.emb.length), embAt);
  let at = floatsAt;
  for (const f of floats) {
    bytes.set(new Uint8Array(f.buffer, f.byteOffset, f.length * 4), at);
    at += f.length * 4;
  }
  return bytes;
}

/** The network of a file written by `encodeNetBytes`. */
function decodeNetBytes(b: Uint8Array): NetData & { model?: string } {
  if (b.length < 8 || MAGIC.some((m, i) => b[i] !== m)) throw new Error('malformed network: not a Bizlang network file');
  const length = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(4, true);
  if (8 + length > b.length) throw new Error('malformed network: header longer than the file');
  const h = JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + length))) as NetHeader;
  if (typeof h !== 'object' || h === null || typeof h.words !== 'string' || !Array.isArray(h.widths) || !(h.dim > 0) || !(h.filters > 0))
    throw new Error('malformed network: fields missing');
  const words = h.table !== undefined ? readTable(h.words, h.table) : h.words.split('\n');
  const V = words.length + 2;
  const H = h.filters * h.widths.length;
  const sizes = [V, ...h.widths.map((w) => h.filters * w * h.dim), H, 3 * H, 3];
  const embAt = 8 + length;
  const floatsAt = embAt + pad4(V * h.dim);
  if (floatsAt + sizes.reduce((t, n) => t + n * 4, 0) !== b.length) throw new Error('malformed network: array sizes do not match');
  // The float arrays are copied (small) so that they are aligned wherever the file's bytes lie.
  const all = new Float32Array(b.buffer.slice(b.byteOffset + floatsAt, b.byteOffset + b.length));
  let at = 0;
  const [embScale, ...rest] = sizes.map((n) => all.subarray(at, (at += n)));
  return {
    words, dim: h.dim, widths: h.widths, filters: h.filters, maxWords: h.maxWords ?? 80, mix: h.mix,
    emb: new Int8Array(b.buffer, b.byteOffset + embAt, V * h.dim),
    embScale: embScale!,
    conv: rest.slice(0, h.widths.length),
    convBias: rest[h.widths.length]!,
    out: rest[h.widths.length + 1]!,
    outBias: rest[h.widths.length + 2]!,
    ...(h.thresholds ? { thresholds: h.thresholds } : {}),
    ...(typeof h.model === 'string' ? { model: h.model } : {}),
  };
}

/** A network's data from its stored form, JSON (`StoredNet`) or bytes (`encodeNetBytes`), with
 * the `modelId` it names, if any. Throws on anything malformed. */
export function decodeNet(s: StoredNet | Uint8Array): NetData & { model?: string } {
  const n: NetData & { model?: string } = ArrayBuffer.isView(s)
    ? decodeNetBytes(s)
    : {
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
        ...(typeof s.model === 'string' ? { model: s.model } : {}),
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
  const lang = (l: LangModelData): StoredLang => {
    const names = featureList(l.features);
    const w = weightArray(l.w);
    const table = buildNameTable(names);
    if (!table) return { features: names.join('\n'), ...encodeWeights(w), thresholds: l.thresholds, ...(l.net ? { net: encodeNet(l.net) } : {}) };
    // The weights follow the names into the table's order.
    const K = CLASSES.length;
    const ordered = new Float64Array(w.length);
    table.order.forEach((from, to) => ordered.set(w.subarray(from * K, from * K + K), to * K));
    return {
      features: table.names,
      table: storeTable(table),
      ...encodeWeights(ordered),
      thresholds: l.thresholds,
      ...(l.net ? { net: encodeNet(l.net) } : {}),
    };
  };
  const version = data.langs.en.net || data.langs.zh.net ? 2 : 1;
  return { version, meta: data.meta, langs: { en: lang(data.langs.en), zh: lang(data.langs.zh) } };
}

/** A model from its stored form (the shipped file, or one the trainer just wrote). */
export function decodeModel(stored: StoredModel): Model {
  if (stored?.version !== 1 && stored?.version !== 2) throw new Error(`Unsupported model version ${String(stored?.version)}`);
  const lang = (l: StoredLang): LangModelData => ({
    features: l.table !== undefined ? readTable(l.features, l.table) : l.features ? l.features.split('\n') : [],
    w: packWeights(l.weights, l.scale),
    thresholds: l.thresholds,
    id: l.id ?? modelId(l),
    ...(l.net ? { net: { mix: l.net.mix, decode: () => decodeNet(l.net!) } } : {}),
  });
  const data: ModelData = { version: stored.version, meta: stored.meta, langs: perLang((l) => lang(stored.langs[l])) };
  return new Model(data);
}

