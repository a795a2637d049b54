// schema/bizlangrc.schema.json must accept exactly what the core's validateConfig accepts.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config.js';
import { RULES, RULE_IDS } from '../../src/core/index.js';
import { CONFIG_CLASS } from '../../src/core/lexicon.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/bizlangrc.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

const schemaAccepts = (config: unknown) => validate(config) === true;
const coreAccepts = (config: unknown) => validateConfig(config).problems.length === 0;

const VALID: unknown[] = [
  {},
  { $schema: './schema/bizlangrc.schema.json' },
  { language: 'auto' },
  { language: 'en' },
  { language: 'zh' },
  { rules: {} },
  { rules: { 'tech-value': 'error', 'unquantified-impact': 'warning', 'unfilled-placeholder': 'info', 'value-map': 'hint' } },
  { rules: { 'tech-value': 'off', 'value-map': false, 'unfilled-placeholder': true } },
  { words: {} },
  { words: { en: {}, zh: {} } },
  { words: { en: { techActions: ['harden'], techObjects: ['sidecar'], techQualities: ['idempotent'] } } },
  { words: { zh: { businessOutcomes: ['退款率'], beneficiaries: ['商家'], descriptive: ['本节介绍'] } } },
  { words: { en: { businessOutcomes: [] } } },
  { words: { en: { businessOutcomes: [' padded '] } } },
  { words: { en: { businessOutcomes: ['x'.repeat(200)] } } },
  { ignore: [] },
  { ignore: ['drafts/**', '*.generated.md'] },
  { maxFileSize: 1 },
  { maxFileSize: 10_000_000 },
  { sensitivity: 'precise' },
  { sensitivity: 'balanced' },
  { sensitivity: 'thorough' },
  { language: 'en', rules: { 'tech-value': 'warning' }, words: { en: { beneficiaries: ['merchants'] } }, ignore: ['x'], maxFileSize: 42 },
];

const INVALID: unknown[] = [
  null,
  [],
  'config',
  42,
  { colour: true },
  { language: 'fr' },
  { language: null },
  { language: 1 },
  { rules: [] },
  { rules: null },
  { rules: { 'tech-valu': 'error' } },
  { rules: { 'tech-value': 'loud' } },
  { rules: { 'tech-value': 2 } },
  { rules: { 'tech-value': null } },
  { rules: { 'tech-value': 'ERROR' } },
  { words: [] },
  { words: { fr: {} } },
  { words: { en: [] } },
  { words: { en: { verbs: ['x'] } } },
  { words: { en: { businessOutcomes: 'revenue' } } },
  { words: { en: { businessOutcomes: ['revenue', 3] } } },
  { words: { en: { businessOutcomes: [''] } } },
  { words: { en: { businessOutcomes: ['   '] } } },
  { words: { en: { businessOutcomes: ['x'.repeat(201)] } } },
  { ignore: 'drafts/**' },
  { ignore: [''] },
  { ignore: [' '] },
  { ignore: [1] },
  { maxFileSize: 0 },
  { maxFileSize: -5 },
  { maxFileSize: 1.5 },
  { maxFileSize: '10' },
  { maxFileSize: null },
  { sensitivity: 'loud' },
  { sensitivity: 'Precise' },
  { sensitivity: 1 },
  { sensitivity: null },
];

describe('schema/bizlangrc.schema.json', () => {
  it('should be a draft-07 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('should list exactly the known rule ids, with their default severities', () => {
    expect(Object.keys(schema.properties.rules.properties)).toEqual(RULE_IDS);
    for (const rule of RULES) expect(schema.properties.rules.properties[rule.id].description).toContain(`(default: ${rule.defaultSeverity})`);
  });

  it('should list exactly the word classes and languages of the config', () => {
    expect(Object.keys(schema.properties.words.properties)).toEqual(['en', 'zh']);
    for (const lang of ['en', 'zh']) expect(Object.keys(schema.properties.words.properties[lang].properties).sort()).toEqual(Object.keys(CONFIG_CLASS).sort());
  });

  it.each(VALID.map((c) => [JSON.stringify(c), c]))('should accept %s, as validateConfig does', (_, config) => {
    expect(coreAccepts(config)).toBe(true);
    expect(schemaAccepts(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID.map((c) => [JSON.stringify(c), c]))('should reject %s, as validateConfig does', (_, config) => {
    expect(coreAccepts(config)).toBe(false);
    expect(schemaAccepts(config)).toBe(false);
  });

  it('should agree with validateConfig on generated configs', () => {
    const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 4 }));
    const word = fc.oneof(fc.constantFrom('', ' ', 'x', ' padded ', '退款率', 'x'.repeat(200), 'x'.repeat(201)), anyValue);
    const wordList = fc.oneof(fc.array(word, { maxLength: 3 }), anyValue);
    const classes = fc.oneof(fc.dictionary(fc.constantFrom(...Object.keys(CONFIG_CLASS), 'verbs'), wordList, { maxKeys: 3 }), anyValue);
    const severity = fc.oneof(fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'ERROR', 'loud', true, false), anyValue);
    const config = fc.oneof(
      fc.record(
        {
          $schema: anyValue,
          language: fc.oneof(fc.constantFrom('auto', 'en', 'zh', 'fr'), anyValue),
          rules: fc.oneof(fc.dictionary(fc.constantFrom(...RULE_IDS, 'tech-valu'), severity, { maxKeys: 3 }), anyValue),
          words: fc.oneof(fc.dictionary(fc.constantFrom('en', 'zh', 'fr'), classes, { maxKeys: 2 }), anyValue),
          ignore: fc.oneof(fc.array(fc.oneof(fc.constantFrom('', ' ', 'drafts/**'), anyValue), { maxLength: 3 }), anyValue),
          maxFileSize: fc.oneof(fc.integer({ min: -2, max: 1_000_000 }), anyValue),
          sensitivity: fc.oneof(fc.constantFrom('precise', 'balanced', 'thorough', 'loud'), anyValue),
          colour: anyValue,
        },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    fc.assert(
      fc.property(config, (c) => {
        expect(schemaAccepts(c)).toBe(coreAccepts(c));
      }),
      { numRuns: 2000 },
    );
  });
});
