// The corpus tools' own guarantees: the training-only rows never repeat a scored sentence or each
// other, and the trainer's pruning drops only features that hardly move one class against another.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { fit, loadCorpus, loadSilver, SILVER_IN_TRAINING } from '../../corpus/tools/lib.mjs';

type Row = { id: string; text: string; lang: string; source: string };
const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

describe('training-only rows', () => {
  it('repeat no sentence of the scored corpus, and no sentence twice', () => {
    const scored = new Set((loadCorpus() as Row[]).map((r) => norm(r.text)));
    const silver = loadSilver() as Row[];
    const seen = new Set<string>();
    for (const r of silver) {
      const t = norm(r.text);
      expect(scored.has(t), r.id).toBe(false);
      expect(seen.has(t), r.id).toBe(false);
      seen.add(t);
    }
    expect(silver.filter((r) => SILVER_IN_TRAINING.test(r.id)).length).toBeGreaterThan(20000);
  });
});

describe('sources', () => {
  it('include no repository reserved for the independent evaluation (corpus/reserved.txt)', () => {
    const reserved = readFileSync(new URL('../../corpus/reserved.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#'));
    const isReserved = (repo: string) =>
      reserved.some((r) => (r.endsWith('/*') ? repo.startsWith(r.slice(0, -1)) : repo === r || repo.startsWith(`${r}-`)));
    const repos = new Set([...(loadCorpus() as Row[]), ...(loadSilver() as Row[])].map((r) => r.source.split(':')[0]!.toLowerCase()));
    expect([...repos].filter(isReserved)).toEqual([]);
  });
});

describe('fit', () => {
  // Two informative features, one that appears equally in every class (its weights stay equal).
  const items: { whole: string[]; y: number; repo: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const y = i % 3;
    items.push({ whole: ['bias', `f:${y}`, 'f:everywhere'], y, repo: `r${i % 6}` });
  }
  const predict = (m: { features: string[]; w: number[] }, feats: string[]) => {
    const z = [0, 0, 0];
    for (const f of feats) {
      const j = m.features.indexOf(f);
      if (j >= 0) for (let c = 0; c < 3; c++) z[c]! += m.w[3 * j + c]!;
    }
    const e = z.map((x) => Math.exp(x - Math.max(...z)));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  };

  it('drops a feature whose three weights hardly differ, and keeps the bias and informative ones', () => {
    const full = fit(items, { l2: 1, minSources: 1, iterations: 200, minSpread: 0 });
    const pruned = fit(items, { l2: 1, minSources: 1, iterations: 200, minSpread: 0.03 });
    expect(full.features).toContain('f:everywhere');
    expect(pruned.features).not.toContain('f:everywhere');
    expect(pruned.features).toEqual(expect.arrayContaining(['bias', 'f:0', 'f:1', 'f:2']));
    for (const y of [0, 1, 2]) {
      const a = predict(full, ['bias', `f:${y}`, 'f:everywhere']);
      const b = predict(pruned, ['bias', `f:${y}`, 'f:everywhere']);
      a.forEach((p, c) => expect(Math.abs(p - b[c]!)).toBeLessThan(0.03));
    }
  });
});
