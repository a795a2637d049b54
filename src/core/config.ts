// `.bizlangrc.json` validation: pure (the CLI reads the file, the extension reads it through
// vscode.workspace.fs; both hand the text here). Every problem names the field; the caller adds
// the file name. The JSON schema in schema/bizlangrc.schema.json describes the same shape, and a
// test keeps the two in step.
import { compileGlob } from './glob.js';
import { CONFIG_CLASS } from './lexicon.js';
import { RULE_IDS } from './rules/index.js';
import type { AnalyzeOptions, ExtraWords, Lang, RuleId, Sensitivity, SeveritySetting, WordClass } from './types.js';

export interface BizlangConfig {
  language?: Lang | 'auto';
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  words?: ExtraWords;
  ignore?: string[];
  maxFileSize?: number;
  sensitivity?: Sensitivity;
}

export interface ConfigProblem {
  /** JSON path of the offending field, e.g. `rules.tech-valu` or `words.en.businessOutcomes[2]`. */
  field: string;
  message: string;
}

export interface ConfigResult {
  /** The usable part of the config: invalid fields are dropped, never guessed. */
  config: BizlangConfig;
  problems: ConfigProblem[];
}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const LANGS: Lang[] = ['en', 'zh'];
const TOP_KEYS = ['$schema', 'language', 'rules', 'words', 'ignore', 'maxFileSize', 'sensitivity'];
export const SENSITIVITY_LEVELS: Sensitivity[] = ['precise', 'balanced', 'thorough'];

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates an already-parsed config value. */
export function validateConfig(raw: unknown): ConfigResult {
  const problems: ConfigProblem[] = [];
  const config: BizlangConfig = {};
  if (!isObject(raw)) {
    problems.push({ field: '(root)', message: `must be an object, got ${typeName(raw)}` });
    return { config, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) problems.push({ field: key, message: `unknown setting (known: ${TOP_KEYS.slice(1).join(', ')})` });
  }
  if ('language' in raw) {
    const v = raw.language;
    if (v === 'auto' || v === 'en' || v === 'zh') config.language = v;
    else problems.push({ field: 'language', message: `must be "auto", "en" or "zh", got ${JSON.stringify(v)}` });
  }
  if ('rules' in raw) {
    if (!isObject(raw.rules)) problems.push({ field: 'rules', message: `must be an object, got ${typeName(raw.rules)}` });
    else {
      config.rules = {};
      for (const [id, sev] of Object.entries(raw.rules)) {
        if (!(RULE_IDS as string[]).includes(id)) {
          problems.push({ field: `rules.${id}`, message: `unknown rule id (known: ${RULE_IDS.join(', ')})` });
        } else if (typeof sev === 'boolean') {
          config.rules[id as RuleId] = sev ? undefined : 'off';
          if (sev) delete config.rules[id as RuleId];
        } else if (SEVERITIES.includes(sev as SeveritySetting)) {
          config.rules[id as RuleId] = sev as SeveritySetting;
        } else {
          problems.push({ field: `rules.${id}`, message: `must be one of ${SEVERITIES.join(', ')} (or true/false), got ${JSON.stringify(sev)}` });
        }
      }
    }
  }
  if ('words' in raw) {
    if (!isObject(raw.words)) problems.push({ field: 'words', message: `must be an object, got ${typeName(raw.words)}` });
    else {
      const words: ExtraWords = {};
      for (const [lang, classes] of Object.entries(raw.words)) {
        if (!LANGS.includes(lang as Lang)) {
          problems.push({ field: `words.${lang}`, message: 'unknown language (known: en, zh)' });
          continue;
        }
        if (!isObject(classes)) {
          problems.push({ field: `words.${lang}`, message: `must be an object, got ${typeName(classes)}` });
          continue;
        }
        const byClass: Partial<Record<WordClass, string[]>> = {};
        for (const [cls, list] of Object.entries(classes)) {
          if (!(cls in CONFIG_CLASS)) {
            problems.push({ field: `words.${lang}.${cls}`, message: `unknown word class (known: ${Object.keys(CONFIG_CLASS).join(', ')})` });
            continue;
          }
          if (!Array.isArray(list)) {
            problems.push({ field: `words.${lang}.${cls}`, message: `must be an array of strings, got ${typeName(list)}` });
            continue;
          }
          const ok: string[] = [];
          list.forEach((w, i) => {
            if (typeof w === 'string' && w.trim() && w.length <= 200) ok.push(w.trim());
            else problems.push({ field: `words.${lang}.${cls}[${i}]`, message: 'must be a non-empty string of at most 200 characters' });
          });
          byClass[cls as WordClass] = ok;
        }
        words[lang as Lang] = byClass;
      }
      config.words = words;
    }
  }
  if ('ignore' in raw) {
    const v = raw.ignore;
    if (!Array.isArray(v)) problems.push({ field: 'ignore', message: `must be an array of glob strings, got ${typeName(v)}` });
    else {
      config.ignore = [];
      v.forEach((g, i) => {
        if (typeof g !== 'string' || !g.trim()) {
          problems.push({ field: `ignore[${i}]`, message: 'must be a non-empty glob string' });
          return;
        }
        const compiled = compileGlob(g.trim());
        if ('error' in compiled) problems.push({ field: `ignore[${i}]`, message: `invalid glob ${JSON.stringify(g)}: ${compiled.error}` });
        else config.ignore!.push(g);
      });
    }
  }
  if ('maxFileSize' in raw) {
    const v = raw.maxFileSize;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) config.maxFileSize = v;
    else problems.push({ field: 'maxFileSize', message: `must be a positive integer (characters), got ${JSON.stringify(v)}` });
  }
  if ('sensitivity' in raw) {
    const v = raw.sensitivity;
    if (SENSITIVITY_LEVELS.includes(v as Sensitivity)) config.sensitivity = v as Sensitivity;
    else problems.push({ field: 'sensitivity', message: `must be one of ${SENSITIVITY_LEVELS.join(', ')}, got ${JSON.stringify(v)}` });
  }
  return { config, problems };
}

/** Parses and validates config text. JSON syntax errors are reported as a `(root)` problem. */
export function parseConfig(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { config: {}, problems: [{ field: '(root)', message: `invalid JSON: ${(error as Error).message}` }] };
  }
  return validateConfig(raw);
}

/** The analysis options a config asks for. */
export function configToOptions(config: BizlangConfig): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (config.language) options.language = config.language;
  if (config.rules) options.rules = config.rules;
  if (config.words) options.words = config.words;
  if (config.maxFileSize) options.maxFileSize = config.maxFileSize;
  if (config.sensitivity) options.sensitivity = config.sensitivity;
  return options;
}

/** One line per problem: `FILE: field: message`. */
export function formatConfigProblems(file: string, problems: ConfigProblem[]): string[] {
  return problems.map((p) => `${file}: ${p.field}: ${p.message}`);
}
