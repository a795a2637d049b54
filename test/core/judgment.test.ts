// The learned judgment as it ships (src/core/data/model.json). How good it is across sources is
// measured by `npm run eval`, not here; these tests hold what must stay true of any trained model:
// a sound stored form, confidence on every finding, nested sensitivity levels, numbers read as
// numbers, and quiet on the plainest non-claims.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, Analyzer, type Message, type Sensitivity } from '../../src/core/index.js';
import { sectionRole } from '../../src/core/judge/sections.js';
import { decodeModel, decodeNet, encodeModel, encodeNet, type StoredModel } from '../../src/core/judge/codec.js';
import { weightArray } from '../../src/core/judge/model.js';
import { SHIPPED_MODEL } from '../fixtures/shipped-model.js';
import { classifySentence } from '../../src/core/classify.js';
import { getLexicon } from '../../src/core/lexicon.js';
import { forgetJudgments, judgeSentence } from '../../src/core/judge/index.js';

const LEVELS: Sensitivity[] = ['precise', 'balanced', 'thorough'];
const JUDGMENT = new Set(['tech-value', 'unquantified-impact']);
const examples = ['design-doc.en.md', 'design-doc.zh.md'].map((f) => readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8'));
const judged = (text: string, sensitivity: Sensitivity): Message[] =>
  analyze(text, { model: SHIPPED_MODEL, sensitivity }).messages.filter((m) => JUDGMENT.has(m.ruleId));

describe('the shipped judgment model', () => {
  it('decodes, with thresholds that never loosen from precise to thorough', () => {
    const model = decodeModel(SHIPPED_MODEL);
    for (const lang of ['en', 'zh'] as const) {
      const data = model.data.langs[lang];
      expect(data.features.length).toBeGreaterThan(500);
      expect(data.w.length).toBe(data.features.length * 3);
      const t = data.thresholds;
      for (const k of ['tech', 'biz'] as const) {
        expect(t.precise[k]).toBeGreaterThanOrEqual(t.balanced[k]);
        expect(t.balanced[k]).toBeGreaterThanOrEqual(t.thorough[k]);
        expect(t.thorough[k]).toBeGreaterThan(0);
      }
    }
  });

  it('survives encoding and decoding within one int16 step of its weights', () => {
    const once = decodeModel(SHIPPED_MODEL);
    const twice = decodeModel(encodeModel(once.data));
    for (const lang of ['en', 'zh'] as const) {
      const a = weightArray(once.data.langs[lang].w);
      const b = weightArray(twice.data.langs[lang].w);
      const step = Math.max(...a.map(Math.abs)) / 32767;
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(step);
      expect(twice.data.langs[lang].features).toEqual(once.data.langs[lang].features);
    }
  });

  it('reads each stored weight in place as exactly its int16 times the scale', () => {
    for (const lang of ['en', 'zh'] as const) {
      const stored = SHIPPED_MODEL.langs[lang];
      const bytes = Buffer.from(stored.weights, 'base64');
      const w = weightArray(decodeModel(SHIPPED_MODEL).data.langs[lang].w);
      expect(w.length).toBe(bytes.length / 2);
      for (let i = 0; i < w.length; i++) expect(w[i]).toBe(bytes.readInt16LE(2 * i) * stored.scale);
    }
    expect(() => decodeModel({ ...SHIPPED_MODEL, langs: { ...SHIPPED_MODEL.langs, en: { ...SHIPPED_MODEL.langs.en, weights: 'QUJD' } } }).langs.en).toThrow(/odd number/);
  });

  it('decodes each language on first use, so one language never pays for the other', () => {
    // A Chinese part that cannot be decoded does not stop English, and fails when Chinese is judged.
    const broken = { ...SHIPPED_MODEL, langs: { ...SHIPPED_MODEL.langs, zh: { ...SHIPPED_MODEL.langs.zh, weights: '!!!!' } } };
    const model = decodeModel(broken);
    expect(model.langs.en.predict(['bias']).TECH).toBeGreaterThan(0);
    expect(model.langs.en).toBe(model.langs.en);
    expect(() => model.langs.zh).toThrow(/malformed base64/);
    expect(Object.keys(model.langs)).toEqual(['en', 'zh']);
  });

  it('gives every judgment finding a confidence at or above its sensitivity threshold', () => {
    const model = decodeModel(SHIPPED_MODEL);
    for (const text of examples) {
      for (const level of LEVELS) {
        for (const m of judged(text, level)) {
          const th = model.data.langs[m.lang].thresholds[level];
          expect(m.confidence).toBeGreaterThan(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          // Rounded to two places in the message.
          expect(m.confidence).toBeGreaterThanOrEqual((m.ruleId === 'tech-value' ? th.tech : th.biz) - 0.006);
        }
      }
    }
  });

  it('reports, at a looser sensitivity, every finding of a stricter one', () => {
    for (const text of examples) {
      const keys = LEVELS.map((level) => new Set(judged(text, level).map((m) => `${m.ruleId}@${m.offset}`)));
      for (const k of keys[0]!) expect(keys[1]!.has(k), k).toBe(true);
      for (const k of keys[1]!) expect(keys[2]!.has(k), k).toBe(true);
      expect(keys[2]!.size).toBeGreaterThan(0);
    }
  });

  it('reads amounts and shares as numbers: no "has no number" finding for them', () => {
    for (const level of LEVELS) {
      for (const text of ['The agency spent $2.3 million annually on the data center.', 'Moving saved $0.8 million of annual spend.', '公司的市场份额已扩大至 31.5%。']) {
        const vague = judged(text, level).filter((m) => m.ruleId === 'unquantified-impact');
        expect(vague, `${level}: ${text}`).toEqual([]);
      }
    }
  });

  it('stays quiet on invitations, mechanics, questions and company facts at the default sensitivity', () => {
    const doc = [
      'Join us at KubeCon to learn more!',
      'The scheduler assigns pods to nodes by score.',
      'How should we handle version skew?',
      'In 2019 the company had 2,000 employees.',
      '欢迎加入社区交流群。',
      '调度器根据打分把 Pod 分配到节点上。',
    ].join('\n\n');
    expect(judged(doc, 'precise')).toEqual([]);
  });

  it('reads the role of a section from its heading, in either language', () => {
    expect(sectionRole('Goals')).toBe('value');
    expect(sectionRole('Motivation and Goals')).toBe('value');
    expect(sectionRole('Design Details')).toBe('description');
    expect(sectionRole('Test Plan')).toBe('description');
    expect(sectionRole('Background')).toBe('background');
    expect(sectionRole('背景与目标')).toBe('value+background');
    expect(sectionRole('实现原理')).toBe('description');
    expect(sectionRole('Appendix')).toBe('');
    expect(sectionRole(undefined)).toBe('');
  });

  it('lets the section change its confidence, and re-judges the blocks below an edited heading', () => {
    const claim = 'Add a cache in front of the policy engine to cut p99 latency.';
    const conf = (heading: string) => analyze(`# Doc\n\n## ${heading}\n\n${claim}\n`, { model: SHIPPED_MODEL, sensitivity: 'thorough' }).messages.find((m) => m.ruleId === 'tech-value')?.confidence ?? 0;
    const bare = analyze(`${claim}\n`, { model: SHIPPED_MODEL, sensitivity: 'thorough' }).messages.find((m) => m.ruleId === 'tech-value')?.confidence ?? 0;
    expect(conf('Goals')).not.toBe(conf('Test Plan'));
    expect(conf('Appendix')).toBe(bare);
    // An analyzer reused across an edit of the heading gives what a fresh analysis gives.
    const analyzer = new Analyzer({ model: SHIPPED_MODEL, sensitivity: 'thorough' });
    const before = `# Doc\n\n## Goals\n\n${claim}\n\nMore text.\n`;
    const after = before.replace('## Goals', '## Test Plan');
    analyzer.analyze(before);
    expect(analyzer.analyze(after)).toEqual(analyze(after, { model: SHIPPED_MODEL, sensitivity: 'thorough' }));
  });

  it('reports a plain technical value claim, with a rewrite and its confidence in the JSON', () => {
    const [m] = judged('# Plan\n\nThis change improves API server performance and stability.\n', 'precise');
    expect(m?.ruleId).toBe('tech-value');
    expect(m!.suggestions.length).toBeGreaterThan(0);
    expect(m!.suggestions.every((s) => !/\d/.test(s.text.replace(/\[[A-Z]\]|\[N\]|\[M\]/g, '')))).toBe(true);
    expect(JSON.parse(JSON.stringify(m)).confidence).toBe(m!.confidence);
  });
});

describe('tech-value wording without a quoted phrase', () => {
  it('never quotes an empty phrase when the model reports a claim the rules found no words for', () => {
    for (const level of LEVELS) {
      for (const text of examples) {
        for (const m of judged(text, level)) expect(m.note).not.toMatch(/^""|^“”/);
      }
    }
  });
});

describe('business outcomes in the word lists', () => {
  // People's effort and their experience of the tools are business outcomes (the guide); the
  // phrases below were added where labeled training rows named them and the lists did not (twelfth
  // session). "Burden" counts only with people near it: a server's burden is technical.
  const lexicon = getLexicon();
  const phrases = (text: string, lang: 'en' | 'zh'): string[] => {
    const f = classifySentence(text, lang, lexicon);
    return f.label === 'BIZ_VAGUE' ? f.biz.map((b) => text.slice(b.start, b.end)) : [];
  };
  it('finds people\'s burden, time-consuming work and the experience of developers', () => {
    expect(phrases('This removes the maintenance burden of the release scripts.', 'en')).toEqual(['maintenance burden']);
    expect(phrases('It reduces the burden on maintainers.', 'en')).toEqual(['burden']);
    expect(phrases('Rebuilding the index by hand is time-consuming for operators.', 'en')).toEqual(['time-consuming']);
    expect(phrases('新的命令行显著改善了开发体验。', 'zh')).toEqual(['开发体验']);
  });
  it('leaves a machine\'s burden technical', () => {
    expect(phrases('The new cache reduces the burden on the API server.', 'en')).toEqual([]);
  });
});

describe('judgments remembered across sentences', () => {
  it('hands out the same frozen judgment for the same sentence, language, sensitivity and section', () => {
    const lexicon = getLexicon();
    const text = 'We unified permission management across services.';
    const first = judgeSentence(text, 'en', lexicon);
    expect(judgeSentence(text, 'en', lexicon)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.biz) && Object.isFrozen(first.placeholders)).toBe(true);
    if (first.trigger) expect(Object.isFrozen(first.trigger)).toBe(true);
    expect(judgeSentence(text, 'en', lexicon, { sensitivity: 'thorough' })).not.toBe(first);
    expect(judgeSentence(text, 'en', lexicon, { sectionRole: 'design' })).not.toBe(first);
    // A given model is never served from what the shipped one judged.
    forgetJudgments();
    const afresh = judgeSentence(text, 'en', lexicon);
    expect(afresh).not.toBe(first);
    expect(afresh).toEqual(first);
    const given = judgeSentence(text, 'en', lexicon, { model: SHIPPED_MODEL });
    expect(judgeSentence(text, 'en', lexicon, { model: SHIPPED_MODEL })).not.toBe(given);
  });

  it('keeps each configuration\'s words apart', () => {
    const text = '这次改造让退款率下降了。';
    const plain = judgeSentence(text, 'zh', getLexicon());
    const configured = judgeSentence(text, 'zh', getLexicon({ zh: { businessOutcomes: ['退款率'] } }));
    expect(configured).not.toBe(plain);
    expect(configured.biz.map((b) => text.slice(b.start, b.end))).toEqual(['退款率']);
  });
});

describe('certainty', () => {
  // The shipped model with each language's network in it, so `analyze` judges with both readers
  // (the networks are separate files; without them every level uses the n-gram model alone).
  const nets = Object.fromEntries((['en', 'zh'] as const).map((l) => [l, decodeNet(new Uint8Array(readFileSync(new URL(`../../src/core/data/net-${l}.bin`, import.meta.url))))]));
  const withNets: StoredModel = { ...SHIPPED_MODEL, version: 2, langs: { en: { ...SHIPPED_MODEL.langs.en, net: encodeNet(nets.en!) }, zh: { ...SHIPPED_MODEL.langs.zh, net: encodeNet(nets.zh!) } } };
  const found = (text: string, sensitivity: Sensitivity): Message[] => analyze(text, { model: withNets, sensitivity }).messages.filter((m) => JUDGMENT.has(m.ruleId));
  const key = (m: Message) => `${m.ruleId}@${m.offset}`;

  it('calls "likely" exactly the findings the default sensitivity reports, at every level', () => {
    for (const text of examples) {
      const precise = new Set(found(text, 'precise').map(key));
      for (const m of found(text, 'precise')) expect(m.certainty).toBe('likely');
      for (const level of ['balanced', 'thorough'] as const) {
        for (const m of found(text, level)) expect(m.certainty, `${level} ${key(m)}`).toBe(precise.has(key(m)) ? 'likely' : 'possible');
      }
    }
  });

  it('does not read it off the confidence: a Chinese claim the default reports stays likely below its threshold', () => {
    // Chinese `precise` judges with the n-gram model alone, `thorough` with the network averaged
    // in: the same claim can show a confidence under the `precise` threshold and still be reported
    // by `precise` (the eighteenth session's fix; docs/judgment.md).
    const th = nets.zh!.thresholds!.precise.tech;
    const zh = examples[1]!;
    expect(found(zh, 'thorough').some((m) => m.ruleId === 'tech-value' && m.certainty === 'likely' && m.confidence < th)).toBe(true);
  });
});
