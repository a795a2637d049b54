// Name → number lookups for the stored models (the n-gram model's feature names, a network's
// words) that cost nothing to load. Inserting every name into a `Map` on the first judgment took
// about half of a fresh process's first judgments (the two languages' ~32,000 feature names and
// 20,000 network words; docs/bench.md, target 7), so the trainer stores the names already grouped
// by hash bucket, with a small directory, and a lookup hashes the name and compares it with the
// names of its bucket where they lie in the stored string. Nothing is decoded or inserted on load.
//
// Stored form (`NameTableData`), every part a byte string (one character per byte, as `atob`
// returns it):
// - `names`: the names joined by "\n", in bucket order (a plain string);
// - `meta`: two bytes per name, in the same order: its length and the top eight bits of its hash
//   (so a lookup steps over the other names of its bucket without reading them, and compares text
//   only when both agree);
// - `buckets`: log2 of the number of buckets B (one byte); each bucket's number of names (one byte
//   each); then, for every STEP-th bucket and once more at the end, the rank of the next name and
//   its offset in `names` (24-bit little-endian integers);
// - `values`, optional: a 24-bit value per name (without it a name's value is its rank).

/** What a lookup needs: `Map<string, number>` is one. */
export interface NameLookup {
  get(name: string): number | undefined;
}

export interface NameTableData {
  names: string;
  buckets: string;
  meta: string;
  values?: string;
}

/** Whether names are a plain list rather than a table (`instanceof` would fail for a table made
 * by another copy of this module, as in a bundle the corpus tools load). */
export const isList = (names: readonly string[] | NameTable): names is readonly string[] => Array.isArray(names);

/** A name's hash: FNV-1a over its UTF-16 code units, then a finalizer so that every bit mixes.
 * Its low bits choose the bucket, its top eight are the name's tag. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Buckets per directory entry: a lookup walks at most STEP − 1 buckets' counts and names' lengths
 * from its entry. At 4 a lookup of the corpus's feature names costs about what `Map.get` does
 * (~100 ns); at 16 it cost ~80 ns more, with a directory a third the size. */
const STEP = 4;
const MAX24 = 0xffffff;
const u24 = (s: string, at: number): number => s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16);
const put24 = (v: number): string => String.fromCharCode(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff);

/** The stored table of `names` (each `values[i]`, or i when absent), and `order`: the index in
 * `names` of each stored name, so that data kept per name (weights) can follow the new order. Null
 * when the names cannot be stored so (an empty list, a duplicate, a name with a newline or longer
 * than 255, sizes past 24 bits): the caller keeps the plain list and a `Map`. */
export function buildNameTable(names: readonly string[], values?: readonly number[]): (NameTableData & { order: number[] }) | null {
  const n = names.length;
  if (n === 0 || n >= MAX24 || new Set(names).size !== n || names.some((x) => x.includes('\n') || x.length > 255)) return null;
  if (values && (values.length !== n || values.some((v) => !Number.isInteger(v) || v < 0 || v > MAX24))) return null;
  let bits = 0;
  while ((1 << bits) * 1.5 < n) bits++;
  const size = 1 << bits;
  const hashes = names.map(nameHash);
  const bucketOf = hashes.map((h) => h & (size - 1));
  // A stable sort by bucket keeps the given order inside a bucket.
  const order = names.map((_, i) => i).sort((a, b) => bucketOf[a]! - bucketOf[b]! || a - b);
  const joined = order.map((i) => names[i]!).join('\n');
  if (joined.length >= MAX24) return null;
  const counts = new Array<number>(size).fill(0);
  for (const b of bucketOf) counts[b]!++;
  if (counts.some((c) => c > 255)) return null;
  let dir = '';
  let rank = 0;
  let offset = 0;
  for (let b = 0; b < size; b++) {
    if (b % STEP === 0) dir += put24(rank) + put24(offset);
    for (let k = 0; k < counts[b]!; k++) offset += names[order[rank++]!]!.length + 1;
  }
  dir += put24(rank) + put24(offset);
  return {
    names: joined,
    buckets: String.fromCharCode(bits) + counts.map((c) => String.fromCharCode(c)).join('') + dir,
    meta: order.map((i) => String.fromCharCode(names[i]!.length, hashes[i]! >>> 24)).join(''),
    ...(values ? { values: order.map((i) => put24(values[i]!)).join('') } : {}),
    order,
  };
}

/** A stored table, read where it lies. A table whose sizes disagree is refused on construction;
 * a lookup in a damaged one may miss, but never reads past its bucket or finds a piece of a name. */
export class NameTable implements NameLookup {
  private readonly mask: number;
  /** Where the directory entries start in `buckets`. */
  private readonly dirAt: number;
  readonly length: number;

  constructor(private readonly d: NameTableData) {
    const bits = d.buckets.charCodeAt(0);
    const size = 2 ** bits;
    const entries = Math.ceil(size / STEP) + 1;
    if (!(bits <= 24) || d.buckets.length !== 1 + size + 6 * entries) throw new Error('malformed name table: directory size');
    this.mask = size - 1;
    this.dirAt = 1 + size;
    const end = this.dirAt + 6 * (entries - 1);
    this.length = u24(d.buckets, end);
    if (u24(d.buckets, end + 3) !== d.names.length + 1 || d.meta.length !== this.length * 2 || (d.values !== undefined && d.values.length !== this.length * 3))
      throw new Error('malformed name table: sizes do not match the names');
  }

  get(name: string): number | undefined {
    const h = nameHash(name);
    const b = h & this.mask;
    const { names, buckets, meta, values } = this.d;
    const n = this.length;
    // From the directory entry at or before the bucket, step over the buckets between.
    const from = b - (b % STEP);
    const e = this.dirAt + 6 * (from / STEP);
    let rank = u24(buckets, e);
    let at = u24(buckets, e + 3);
    for (let x = from; x < b; x++) {
      for (let k = buckets.charCodeAt(1 + x); k > 0 && rank < n; k--) at += meta.charCodeAt(2 * rank++) + 1;
    }
    const last = Math.min(rank + buckets.charCodeAt(1 + b), n);
    const len = name.length;
    const tag = h >>> 24;
    for (; rank < last; rank++) {
      const l = meta.charCodeAt(2 * rank);
      if (l === len && meta.charCodeAt(2 * rank + 1) === tag && names.startsWith(name, at) && this.whole(at, len))
        return values === undefined ? rank : u24(values, rank * 3);
      at += l + 1;
    }
    return undefined;
  }

  /** Whether `len` characters at `at` are one whole name (always, unless the table is damaged). */
  private whole(at: number, len: number): boolean {
    const { names } = this.d;
    return (at === 0 || names.charCodeAt(at - 1) === 10) && (at + len === names.length || names.charCodeAt(at + len) === 10);
  }

  /** Every name and its value, in stored order (tools; inference never lists them). */
  entries(): Array<[string, number]> {
    return this.d.names.split('\n').map((x, i) => [x, this.d.values === undefined ? i : u24(this.d.values, i * 3)]);
  }
}
