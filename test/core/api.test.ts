import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.js';
import { analyze, RULES } from '../../src/core/index.js';

describe('public API', () => {
  it('should export exactly these names', () => {
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "Analyzer",
        "DEFAULT_MAX_FILE_SIZE",
        "DOCS_URL",
        "L3_THRESHOLD",
        "LineIndex",
        "PART_LABELS",
        "PLACEHOLDER",
        "RULES",
        "RULE_IDS",
        "SENSITIVITY_LEVELS",
        "VALUE_MAP_PARTS",
        "WEIGHTS",
        "analyze",
        "classifySentence",
        "compileGlob",
        "compileGlobs",
        "defaultSeverity",
        "forgetJudgments",
        "getLexicon",
        "isIgnoredPath",
        "judgeSentence",
        "matchGlob",
        "ruleMeta",
        "useNetworks",
        "valueMapSection",
      ]
    `);
  });

  it('should declare every rule once with id, url and default severity', () => {
    expect(RULES.map((r) => [r.id, r.defaultSeverity, r.url])).toMatchInlineSnapshot(`
      [
        [
          "tech-value",
          "info",
          "https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value",
        ],
        [
          "unquantified-impact",
          "info",
          "https://github.com/bizlang/bizlang/blob/main/docs/rules.md#unquantified-impact",
        ],
        [
          "unfilled-placeholder",
          "info",
          "https://github.com/bizlang/bizlang/blob/main/docs/rules.md#unfilled-placeholder",
        ],
        [
          "value-map",
          "info",
          "https://github.com/bizlang/bizlang/blob/main/docs/rules.md#value-map",
        ],
      ]
    `);
  });

  it('should produce this whole message for a technical claim', () => {
    const m = analyze('# Doc\n\nWe unified permissions.\n').messages.find((x) => x.ruleId === 'tech-value');
    expect(m).toMatchInlineSnapshot(`
      {
        "actual": "We unified permissions.",
        "certainty": "likely",
        "column": 1,
        "confidence": 1,
        "endColumn": 24,
        "endLine": 3,
        "endOffset": 30,
        "lang": "en",
        "line": 3,
        "note": ""unified permissions" says what changed technically, not what it is worth. Who benefits (which business line, team or customers)? What gets cheaper, faster or less risky for them, by how much, from what baseline, and who measured it?",
        "offset": 7,
        "place": {
          "end": {
            "column": 24,
            "line": 3,
            "offset": 30,
          },
          "start": {
            "column": 1,
            "line": 3,
            "offset": 7,
          },
        },
        "reason": "Technical value claim with no business consequence",
        "ruleId": "tech-value",
        "severity": "info",
        "suggestions": [
          {
            "endOffset": 29,
            "offset": 29,
            "text": ", cutting onboarding of a new business line from [N] days to [M] days and permission-related tickets by [X]%",
            "title": "Add business impact: onboarding time, permission tickets",
          },
          {
            "endOffset": 29,
            "offset": 29,
            "text": ", reducing compliance risk by [X]% ([N] fewer audit findings per year)",
            "title": "Add business impact: compliance risk",
          },
          {
            "endOffset": 29,
            "offset": 29,
            "text": ", cutting the cost of onboarding a new business by [X]%, speeding up time to market for new business by [Y]% and reducing compliance risk by [Z]%",
            "title": "Add business impact: onboarding cost, launch speed, compliance risk",
          },
        ],
        "url": "https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value",
      }
    `);
  });

  it('should be JSON-serialisable', () => {
    const r = analyze('# Doc\n\nWe unified permissions.\n');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
