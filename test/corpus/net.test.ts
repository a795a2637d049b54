// The sentence network's trainer (corpus/tools/net.mjs) learns what the core's inference (net.ts)
// then reads — the training sentences come out right through the core's own code — and, on a toy
// task whose classes are told apart by word meaning (the word vectors), it ranks sentences with
// words it never saw labeled as it ranks those it did. The stored form keeps its predictions.
import { describe, expect, it } from 'vitest';
import { SentenceNet } from '../../src/core/judge/net.js';
import { NameTable } from '../../src/core/judge/names.js';
import { decodeModel, encodeModel } from '../../src/core/judge/codec.js';
import { judgeSentence } from '../../src/core/judge/index.js';
import { getLexicon } from '../../src/core/lexicon.js';
import type { NetData } from '../../src/core/judge/net.js';
// @ts-expect-error plain ES module without types
import { encodeWords, fitNet, wordIndex } from '../../corpus/tools/net.mjs';

// Toy vectors: "fast…" words point one way, "money…" words another, filler words a third way.
const groups = { tech: ['fast', 'faster', 'quick', 'quicker', 'speedy'], biz: ['money', 'revenue', 'profit', 'cash', 'sales'], filler: ['the', 'a', 'service', 'now', 'is', 'our', 'team', 'this'] };
const dim = 8;
const words = [...groups.tech, ...groups.biz, ...groups.filler];
const vec = new Float32Array(words.length * dim);
words.forEach((w, i) => {
  const axis = groups.tech.includes(w) ? 0 : groups.biz.includes(w) ? 1 : 2;
  for (let k = 0; k < dim; k++) vec[i * dim + k] = (k === axis ? 0.9 : 0) + (((i * 7 + k * 3) % 5) - 2) * 0.05;
});
const vectors = { words: [...words], dim, vec, known: words.length };
const index = wordIndex(vectors.words) as Map<string, number>;

function sentence(i: number, cls: number, pool: string[]): string[] {
  const f = groups.filler;
  const out = [f[i % f.length]!, f[(i * 3 + 1) % f.length]!, f[(i * 5 + 2) % f.length]!];
  if (cls) out.splice(i % 3, 0, pool[Math.floor(i / 3) % pool.length]!);
  return out;
}

describe('sentence network', () => {
  // Trained on the first three words of each group only; tested on the other two.
  const seen = { tech: groups.tech.slice(0, 3), biz: groups.biz.slice(0, 3) };
  const unseen = { tech: groups.tech.slice(3), biz: groups.biz.slice(3) };
  const examples: { ids: Int32Array; y: number }[] = [];
  for (let i = 0; i < 300; i++) {
    const cls = i % 3;
    const ws = sentence(i, cls, cls === 1 ? seen.tech : seen.biz);
    examples.push({ ids: encodeWords(ws, index), y: cls });
  }
  const opt = { dim, words: 100, widths: [1, 2, 3], filters: 6, epochs: 10, batch: 16, lr: 0.01, dropout: 0.1, mix: 0.5, maxWords: 80 };
  const net = fitNet(examples, vectors, opt, 7) as NetData;
  const model = new SentenceNet(net);
  const cls = (ws: string[]) => {
    const p = model.predict(ws);
    return [p.OTHER, p.TECH, p.BIZ].indexOf(Math.max(p.OTHER, p.TECH, p.BIZ));
  };

  it('learns the training sentences, as the core reads them', () => {
    let right = 0;
    for (let i = 0; i < 60; i++) right += Number(cls(sentence(i, i % 3, i % 3 === 1 ? seen.tech : seen.biz)) === i % 3);
    expect(right).toBeGreaterThanOrEqual(57);
  });

  it('carries what it learned to words it never saw labeled, through their vectors', () => {
    // Ranking, as the blend with the n-gram model uses it: a sentence with an unseen "fast" word
    // gets a higher TECH probability than any sentence of filler words, and likewise for BIZ.
    const filler = Array.from({ length: 30 }, (_, i) => model.predict(sentence(i + 1000, 0, [])));
    for (let i = 0; i < 30; i++) {
      const tech = model.predict(sentence(i + 2000, 1, unseen.tech));
      const biz = model.predict(sentence(i + 3000, 2, unseen.biz));
      expect(tech.TECH).toBeGreaterThan(Math.max(...filler.map((p) => p.TECH)));
      expect(biz.BIZ).toBeGreaterThan(Math.max(...filler.map((p) => p.BIZ)));
    }
  });

  it('reads unknown words, empty and over-long sentences without failing', () => {
    for (const ws of [[], ['zzz', 'qqq'], Array.from({ length: 500 }, (_, i) => words[i % words.length]!)]) {
      const p = model.predict(ws);
      expect(p.OTHER + p.TECH + p.BIZ).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic for a seed', () => {
    const again = fitNet(examples, vectors, opt, 7) as NetData;
    expect(Array.from(again.out)).toEqual(Array.from(net.out));
  });

  it('joins the judgment where it can change a verdict, and only there', () => {
    // An n-gram model that knows nothing (every class 1/3): a threshold of 0.5 is reachable with
    // the network at 0.4 (0.6 × 1/3 + 0.4 = 0.6), a threshold of 0.7 is not.
    const flat = (t: number) => ({ features: ['bias'], w: [0, 0, 0], thresholds: { precise: { tech: t, biz: t }, balanced: { tech: t, biz: t }, thorough: { tech: t, biz: t } }, net: { ...net, mix: 0.4 } });
    const lex = getLexicon();
    const text = 'the service is faster now';
    const words = text.split(' ');
    expect(model.predict(words).TECH).toBeGreaterThan(0.9);
    const open = encodeModel({ version: 2, meta: {}, langs: { en: flat(0.5), zh: flat(0.5) } });
    const shut = encodeModel({ version: 2, meta: {}, langs: { en: flat(0.7), zh: flat(0.7) } });
    const a = judgeSentence(text, 'en', lex, { model: open });
    expect(a.label).toBe('TECH');
    expect(a.confidence).toBeCloseTo(0.6 / 3 + 0.4 * model.predict(words).TECH, 2);
    const b = judgeSentence(text, 'en', lex, { model: shut });
    expect(b.label).toBe('OTHER');
    expect(b.confidence).toBeCloseTo(1 / 3, 5); // the n-gram model's alone: the network did not run
  });

  it('survives the stored form (int16 weights, int8 vectors) with its predictions', () => {
    const lang = { features: ['bias'], w: [0, 0, 0], thresholds: { precise: { tech: 0.5, biz: 0.5 }, balanced: { tech: 0.5, biz: 0.5 }, thorough: { tech: 0.5, biz: 0.5 } }, net };
    const stored = JSON.parse(JSON.stringify(encodeModel({ version: 1, meta: {}, langs: { en: lang, zh: lang } })));
    const back = decodeModel(stored).langs.en.net!;
    for (let i = 0; i < 30; i++) {
      const ws = sentence(i, i % 3, i % 3 === 1 ? groups.tech : groups.biz);
      const a = model.predict(ws);
      const b = back.predict(ws);
      expect(Math.abs(a.TECH - b.TECH)).toBeLessThan(0.01);
      expect(Math.abs(a.BIZ - b.BIZ)).toBeLessThan(0.01);
    }
  });
});

describe('skipping the network', () => {
  it('only where the average could not reach the threshold whatever the network says', async () => {
    const { blend, reachable } = await import('../../src/core/judge/net.js');
    let x = 12345;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 5000; i++) {
      const a = rand(), b = rand() * (1 - a), q1 = rand(), q2 = rand() * (1 - q1);
      const p = { OTHER: 1 - a - b, TECH: a, BIZ: b };
      const q = { OTHER: 1 - q1 - q2, TECH: q1, BIZ: q2 };
      const mix = rand(), th = rand();
      const avg = blend(p, q, mix);
      if (!reachable(p.TECH, th, mix)) expect(avg.TECH).toBeLessThan(th);
      if (!reachable(p.BIZ, th, mix)) expect(avg.BIZ).toBeLessThan(th);
    }
  });
});

describe('networks stored on their own (the shipped model)', async () => {
  const { encodeNet, encodeNetBytes, decodeNet, modelId } = await import('../../src/core/judge/codec.js');
  const { useNetworks } = await import('../../src/core/judge/networks.js');
  const { Analyzer } = await import('../../src/core/analyze.js');
  const { shippedModel } = await import('../../src/core/judge/load.js');
  const { nodeNetworks, useNodeNetworks } = await import('../../src/node/networks.js');
  const { default: shipped } = await import('../../src/core/data/model.json');
  const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');

  // A network that calls every sentence with "faster" technical, stored for the shipped weights.
  const examples: { ids: Int32Array; y: number }[] = [];
  for (let i = 0; i < 300; i++) examples.push({ ids: encodeWords(sentence(i, i % 2, groups.tech), index), y: i % 2 });
  const net = fitNet(examples, vectors, { dim, words: 100, widths: [1, 2, 3], filters: 6, epochs: 10, batch: 16, lr: 0.01, dropout: 0.1, mix: 0.5, maxWords: 80 }, 3) as NetData;
  const en = (shipped as { langs: { en: Parameters<typeof modelId>[0] } }).langs.en;
  const text = 'the service is faster now';
  const lex = getLexicon();
  const always = { tech: 0.3, biz: 0.99 };
  const never = { tech: 1.01, biz: 1.01 };
  const stored = (thresholds: NetData['thresholds'], model = modelId(en)) => ({ ...encodeNet({ ...net, thresholds }), model });
  const bytes = (thresholds: NetData['thresholds'], model = modelId(en)) => encodeNetBytes(stored(thresholds, model));

  it('name the weights they were trained with as the shipped model names its own', async () => {
    // The id the trainer stored beside the shipped weights is their hash (the core trusts it on load),
    // and each shipped network names it.
    const { SHIPPED_MODEL } = await import('../fixtures/shipped-model.js');
    const { existsSync, readFileSync } = await import('node:fs');
    for (const lang of ['en', 'zh'] as const) {
      const l = SHIPPED_MODEL.langs[lang];
      expect(l.id).toBe(modelId({ ...l, id: undefined }));
      const file = new URL(`../../src/core/data/net-${lang}.bin`, import.meta.url);
      if (existsSync(file)) expect(decodeNet(readFileSync(file)).model).toBe(l.id);
    }
  });

  it('read the same from their file form (bytes) as from JSON, and refuse a broken file', () => {
    const th = { precise: { ...always, mix: 0.4 }, balanced: { ...always, mix: 0.4 }, thorough: { ...always, mix: 1 } };
    const fromJson = decodeNet(stored(th));
    const fromBytes = decodeNet(bytes(th));
    // The file holds the words as a name table (word → id), the JSON form as a list in id order.
    expect(fromBytes.words).toBeInstanceOf(NameTable);
    const table = fromBytes.words as NameTable;
    const inIdOrder = table.entries().sort((a, b) => a[1] - b[1]).map(([w]) => w);
    expect({ ...fromBytes, words: inIdOrder }).toEqual(fromJson);
    (fromJson.words as string[]).forEach((w, i) => expect(table.get(w)).toBe(i + 2));
    expect(fromBytes.model).toBe(modelId(en));
    expect(new SentenceNet(fromBytes).predict(text.split(' '))).toEqual(new SentenceNet(fromJson).predict(text.split(' ')));
    expect(new SentenceNet(fromBytes).predict(text.split(' ')).TECH).toBeCloseTo(new SentenceNet(net).predict(text.split(' ')).TECH, 2);
    // The vectors are read where they lie in the file, not copied.
    const file = bytes(th);
    expect(decodeNet(file).emb.buffer).toBe(file.buffer);
    expect(() => decodeNet(new TextEncoder().encode('{"words":""}'))).toThrow(/not a Bizlang network file/);
    expect(() => decodeNet(file.subarray(0, 20))).toThrow(/malformed network/);
    expect(() => decodeNet(file.subarray(0, file.length - 1))).toThrow(/array sizes do not match/);
  });

  it('are used with their own thresholds and share, per sensitivity, and only for the weights they name', () => {
    const base = judgeSentence(text, 'en', lex, { sensitivity: 'thorough' });
    const problems: string[] = [];
    try {
      // thorough: the network at share 1 (its own verdict, TECH); precise: the n-gram model alone at a threshold it cannot reach.
      useNetworks((lang) => (lang === 'en' ? bytes({ precise: { ...never, mix: 0 }, balanced: { ...never, mix: 0 }, thorough: { ...always, mix: 1 } }) : null), (_l, p) => problems.push(p));
      const t = judgeSentence(text, 'en', lex, { sensitivity: 'thorough' });
      expect(t.label).toBe('TECH');
      expect(t.confidence).toBeCloseTo(new SentenceNet(net).predict(text.split(' ')).TECH, 2);
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'precise' }).label).toBe('OTHER');
      // Made for other weights: not used, and said.
      useNetworks(() => stored({ precise: always, balanced: always, thorough: { ...always, mix: 1 } }, 'other'), (_l, p) => problems.push(p));
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'thorough' })).toEqual(base);
      expect(problems.join('\n')).toMatch(/trained with other weights/);
      // Malformed: not used, and said.
      useNetworks(() => ({ ...stored(undefined), emb: 'AAAA' }), (_l, p) => problems.push(p));
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'thorough' })).toEqual(base);
      expect(problems.join('\n')).toMatch(/cannot be used \(malformed network/);
    } finally {
      useNetworks(null);
    }
  });

  it('keep a looser sensitivity reporting what a stricter one does when their shares differ', () => {
    try {
      // precise: the network alone flags it; thorough: the n-gram model alone at a threshold it cannot reach.
      useNetworks(() => stored({ precise: { ...always, mix: 1 }, balanced: { ...never, mix: 0 }, thorough: { ...never, mix: 0 } }));
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'precise' }).label).toBe('TECH');
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'balanced' }).label).toBe('TECH');
      expect(judgeSentence(text, 'en', lex, { sensitivity: 'thorough' }).label).toBe('TECH');
    } finally {
      useNetworks(null);
    }
  });

  it('make analyzers drop blocks judged before them', () => {
    const a = new Analyzer({ sensitivity: 'thorough' });
    const doc = `# Notes\n\n${text}.\n`;
    const before = a.analyze(doc).messages.filter((m) => m.ruleId === 'tech-value').length;
    try {
      useNetworks(() => stored({ precise: { ...never, mix: 1 }, balanced: { ...never, mix: 1 }, thorough: { ...never, mix: 1 } }));
      const after = a.analyze(doc).messages.filter((m) => m.ruleId === 'tech-value').length;
      expect(after).toBe(new Analyzer({ sensitivity: 'thorough' }).analyze(doc).messages.filter((m) => m.ruleId === 'tech-value').length);
      expect(after).toBe(0);
      expect(before).toBe(1);
    } finally {
      useNetworks(null);
    }
    expect(shippedModel().langs.en.id).toBe(modelId(en));
  });

  it('are read from files by the Node adapters: none is no error, a broken one is said once', () => {
    const warnings: string[] = [];
    const source = nodeNetworks((m) => warnings.push(m));
    // The sources' data folder has the shipped files or none; either way, no warning.
    source('en');
    expect(warnings).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'bizlang-net-'));
    const inDir = nodeNetworks((m) => warnings.push(m), [pathToFileURL(`${dir}/`)]);
    expect(inDir('zh')).toBeNull();
    expect(warnings).toEqual([]);
    // A file that cannot be read (here: a folder in its place) is said; the core decodes what is read.
    mkdirSync(join(dir, 'net-zh.bin'));
    expect(inDir('zh')).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot read .*net-zh\.bin/);
    writeFileSync(join(dir, 'net-en.bin'), bytes(undefined));
    const read = inDir('en');
    expect(read && decodeNet(read).model).toBe(modelId(en));
    // A file the core cannot use is named in the warning, once.
    writeFileSync(join(dir, 'net-en.bin'), bytes(undefined).subarray(0, 100));
    const said: string[] = [];
    try {
      useNodeNetworks((m) => said.push(m), [pathToFileURL(`${dir}/`)]);
      judgeSentence(text, 'en', lex, { sensitivity: 'thorough' });
      judgeSentence(`${text} again`, 'en', lex, { sensitivity: 'thorough' });
    } finally {
      useNetworks(null);
    }
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/net-en\.bin: the en sentence network cannot be used \(malformed network/);
  });
});
