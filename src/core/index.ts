// Bizlang core: pure analysis. Strings and options in, plain JSON out. No vscode, no fs, no process.
export { analyze, Analyzer, DEFAULT_MAX_FILE_SIZE } from './analyze.js';
export { RULES, RULE_IDS, ruleMeta, defaultSeverity } from './rules/index.js';
export { DOCS_URL } from './rules/rule.js';
export { valueMapSection, VALUE_MAP_PARTS, PART_LABELS, type ValueMapPart } from './rules/value-map.js';
export { WEIGHTS, L3_THRESHOLD } from './score.js';
export { classifySentence, PLACEHOLDER, type Facts } from './classify.js';
export { judgeSentence, forgetJudgments, useNetworks, type NetworkSource } from './judge/index.js';
export type { StoredNet } from './judge/codec.js';
export { SENSITIVITY_LEVELS } from './config.js';
export { getLexicon } from './lexicon.js';
export { LineIndex } from './lines.js';
export { compileGlob, compileGlobs, isIgnoredPath, matchGlob, type Glob } from './glob.js';
export type * from './types.js';
