// `npm run eval` scores what ships: on corpus rows fed as bare paragraphs, the evaluation's
// decision path (corpus/tools/lib.mjs: featurize → predictRows → decideLevels) flags exactly the
// rows the core's `analyze` flags with the shipped model and networks, at every sensitivity.
// (corpus/experiments/parity.mjs runs the same check over every row through the CLI.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { decodeModel, decodeNet, encodeNet, type StoredModel } from '../../src/core/judge/codec.js';
import { SENSITIVITIES } from '../../src/core/judge/model.js';
import { shownConfidence } from '../../src/core/judge/index.js';
import type { Lang } from '../../src/core/types.js';
// @ts-expect-error plain ES module without types
import { decideLevels, featurize, loadCore, loadCorpus, predictRows, ROOT } from '../../corpus/tools/lib.mjs';

type Row = { id: string; lang: Lang; text: string };
type Flags = { tech: boolean; vague: boolean; techConfidence: number | null; vagueConfidence: number | null };
const EVERY = 7; // a deterministic sample: every seventh row of each language (~550 rows)

describe('the evaluation decides as the core does', () => {
  // The shipped model read from its file (the test setup replaces the bundled one), with each
  // language's network stored in it, so `analyze` judges with both readers.
  const stored = JSON.parse(readFileSync(join(ROOT, 'src/core/data/model.json'), 'utf8')) as StoredModel;
  const nets = Object.fromEntries((['en', 'zh'] as const).map((l) => [l, decodeNet(new Uint8Array(readFileSync(join(ROOT, `src/core/data/net-${l}.bin`))))]));
  const withNets: StoredModel = { ...stored, version: 2, langs: { en: { ...stored.langs.en, net: encodeNet(nets.en!) }, zh: { ...stored.langs.zh, net: encodeNet(nets.zh!) } } };
  let core: unknown;
  beforeAll(async () => {
    core = await loadCore();
  }, 60_000);

  for (const lang of ['en', 'zh'] as const) {
    it(`flags the same ${lang} rows at every sensitivity`, () => {
      const rows = (loadCorpus() as Row[]).filter((r, i) => r.lang === lang && i % EVERY === 0);
      const items = featurize(core, rows);
      const preds = predictRows(core, { ...decodeModel(stored).data.langs[lang], net: nets[lang] }, items);
      const differ: string[] = [];
      rows.forEach((row, i) => {
        const evalFlags = decideLevels(preds[i], nets[lang]!.thresholds) as Record<string, Flags>;
        for (const sensitivity of SENSITIVITIES) {
          const messages = analyze(`${row.text.replace(/\s+/g, ' ').trim()}\n`, { model: withNets, sensitivity }).messages;
          const ids = new Set(messages.map((m) => m.ruleId));
          const e = evalFlags[sensitivity]!;
          if (e.tech !== ids.has('tech-value') || e.vague !== ids.has('unquantified-impact')) differ.push(`${sensitivity} ${row.id}: eval ${JSON.stringify(e)}, core ${[...ids].join(',')}`);
          // The confidence eval reports for a row's findings is the one the core shows.
          const shown = (rule: string) => {
            const c = messages.filter((m) => m.ruleId === rule).map((m) => m.confidence!);
            return c.length ? Math.max(...c) : null;
          };
          const round = (c: number | null) => (c === null ? null : shownConfidence(c));
          if (round(e.techConfidence) !== shown('tech-value') || round(e.vagueConfidence) !== shown('unquantified-impact')) {
            differ.push(`${sensitivity} ${row.id}: eval confidence ${e.techConfidence}/${e.vagueConfidence}, core ${shown('tech-value')}/${shown('unquantified-impact')}`);
          }
          // "likely" in the core: the default level reports the finding too; in eval: it flags the row for the rule.
          for (const [rule, key] of [['tech-value', 'tech'], ['unquantified-impact', 'vague']] as const) {
            const mine = messages.filter((m) => m.ruleId === rule);
            if (mine.length && mine.some((m) => m.certainty === 'likely') !== evalFlags.precise![key]) differ.push(`${sensitivity} ${row.id}: ${rule} certainty ${mine.map((m) => m.certainty)}, eval precise ${evalFlags.precise![key]}`);
          }
        }
      });
      expect(rows.length).toBeGreaterThan(200);
      expect(differ).toEqual([]);
    }, 120_000);
  }
});
