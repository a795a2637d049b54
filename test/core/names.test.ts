// The stored name tables (src/core/judge/names.ts): every name found with its value, nothing
// else found, damaged tables refused or missing rather than wrong.
import { describe, expect, it } from 'vitest';
import { buildNameTable, NameTable } from '../../src/core/judge/names.js';
import { decodeModel } from '../../src/core/judge/codec.js';
import { SHIPPED_MODEL } from '../fixtures/shipped-model.js';

const tableOf = (names: string[], values?: number[]): NameTable => {
  const t = buildNameTable(names, values);
  if (!t) throw new Error('not stored');
  return new NameTable(t);
};

describe('name tables', () => {
  const names = ['', 'a', 'ab', 'abc', 'b', 'ba', 'w:reduce', 'p:reduce_latency', 'c4:late', '统一', '统一了', '权限', 'x'.repeat(255)];
  for (let i = 0; i < 3000; i++) names.push(`n${i}`);

  it('finds every name with its rank, and the weights can follow the stored order', () => {
    const t = buildNameTable(names)!;
    const table = new NameTable(t);
    expect(table.length).toBe(names.length);
    expect(t.order.slice().sort((a, b) => a - b)).toEqual(names.map((_, i) => i));
    t.order.forEach((from, rank) => expect(table.get(names[from]!)).toBe(rank));
    expect(table.entries().map(([name]) => name)).toEqual(t.order.map((i) => names[i]));
  });

  it('finds every name with its value when values are given', () => {
    const values = names.map((_, i) => i + 2);
    const table = tableOf(names, values);
    names.forEach((name, i) => expect(table.get(name)).toBe(i + 2));
  });

  it('finds nothing else: prefixes, extensions, neighbours joined, other scripts', () => {
    const table = tableOf(names);
    for (const other of ['abcd', 'c', 'a\nab', 'ab\na', 'w:reduc', 'p:reduce', '统', '统一了权限', 'n3000', 'n', 'x'.repeat(254), 'x'.repeat(256)])
      expect(table.get(other)).toBeUndefined();
  });

  it('holds one name, and tables of every size up to several directory steps', () => {
    expect(tableOf(['only']).get('only')).toBe(0);
    expect(tableOf(['only']).get('')).toBeUndefined();
    for (const n of [2, 3, 17, 100, 1000]) {
      const list = Array.from({ length: n }, (_, i) => `w${i * 7}`);
      const table = tableOf(list);
      const t = buildNameTable(list)!;
      t.order.forEach((from, rank) => expect(table.get(list[from]!)).toBe(rank));
      expect(table.get('w1')).toBeUndefined();
    }
  });

  it('is not built for names it cannot hold (the caller keeps a Map)', () => {
    expect(buildNameTable([])).toBeNull();
    expect(buildNameTable(['a', 'a'])).toBeNull();
    expect(buildNameTable(['a\nb'])).toBeNull();
    expect(buildNameTable(['x'.repeat(256)])).toBeNull();
    expect(buildNameTable(['a', 'b'], [1])).toBeNull();
    expect(buildNameTable(['a'], [-1])).toBeNull();
  });

  it('refuses a table whose sizes disagree, and a damaged one misses rather than finds a piece of a name', () => {
    const t = buildNameTable(names)!;
    expect(() => new NameTable({ ...t, names: t.names + 'x' })).toThrow(/malformed name table/);
    expect(() => new NameTable({ ...t, meta: t.meta.slice(2) })).toThrow(/malformed name table/);
    expect(() => new NameTable({ ...t, buckets: t.buckets.slice(1) })).toThrow(/malformed name table/);
    expect(() => new NameTable({ ...t, values: 'abc' })).toThrow(/malformed name table/);
    // Every name's length off by one: lookups land between names and miss.
    const meta = Array.from(t.meta, (c, i) => (i % 2 === 0 ? String.fromCharCode(c.charCodeAt(0) + 1) : c)).join('');
    const damaged = new NameTable({ ...t, meta });
    for (const name of names.slice(1, 40)) expect([undefined, t.order.indexOf(names.indexOf(name))]).toContain(damaged.get(name));
  });

  it('is what the shipped model stores, and finds every feature name', () => {
    for (const lang of ['en', 'zh'] as const) {
      const stored = SHIPPED_MODEL.langs[lang];
      expect(stored.table).toBeDefined();
      const features = decodeModel(SHIPPED_MODEL).data.langs[lang].features;
      expect(features).toBeInstanceOf(NameTable);
      stored.features.split('\n').forEach((name, i) => expect((features as NameTable).get(name)).toBe(i));
    }
  });
});
