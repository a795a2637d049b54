// The extension's logic as plain functions: no vscode import, so all of it is unit-tested without
// an editor. The adapter (extension.ts and friends) only turns these plain shapes into vscode
// objects. All judgment, suggestions and scores come from src/core.
import { LineIndex, PLACEHOLDER, RULE_IDS, SENSITIVITY_LEVELS } from '../core/index.js';
import type { AnalyzeOptions, Message, RuleId, Sensitivity, Severity, SeveritySetting, Suggestion } from '../core/index.js';
import type { BizlangConfig } from '../core/config.js';
import { configToOptions } from '../core/config.js';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_LANGUAGES, DEFAULT_RUN, DIAGNOSTIC_SOURCE, SKIPPED_SCHEMES, type RunMode } from './constants.js';

/** A translation function with vscode.l10n.t's shape; identity formatting by default. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Formats `{0}`-style arguments, like vscode.l10n.t does for English. */
export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

// ---------------------------------------------------------------------------------------------
// Settings

/** Severity names as the user writes them in settings (VS Code's words, plus `off`). */
export type SettingSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SETTING_SEVERITIES: SettingSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface Settings {
  enable: boolean;
  run: RunMode;
  languages: string[];
  /** Per-rule severity chosen in settings, already in core terms (`info`, not `information`). */
  severity: Partial<Record<RuleId, SeveritySetting>>;
  debounceMs: number;
  /** `auto` follows `.bizlangrc.json` (precise when it says nothing). */
  sensitivity: Sensitivity | 'auto';
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: DEFAULT_RUN,
  languages: DEFAULT_LANGUAGES,
  severity: {},
  debounceMs: DEFAULT_DEBOUNCE_MS,
  sensitivity: 'auto',
};

/** `information` (VS Code's word) → `info` (the core's); unknown → undefined. */
export function settingToCoreSeverity(value: unknown): SeveritySetting | undefined {
  if (value === 'information' || value === 'info') return 'info';
  if (value === 'error' || value === 'warning' || value === 'hint' || value === 'off') return value;
  return undefined;
}

/**
 * Reads raw setting values (whatever the user typed, as `getConfiguration` returns them) into
 * Settings. Invalid values fall back to defaults and are reported, never guessed.
 */
export function normalizeSettings(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else problems.push(`bizlang.enable: must be true or false, got ${JSON.stringify(raw.enable)}`);
  }
  if (raw.run !== undefined) {
    if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
    else problems.push(`bizlang.run: must be "onType" or "onSave", got ${JSON.stringify(raw.run)}`);
  }
  if (raw.languages !== undefined) {
    if (Array.isArray(raw.languages) && raw.languages.every((l) => typeof l === 'string' && l.trim() !== '')) {
      settings.languages = [...new Set(raw.languages as string[])];
    } else problems.push(`bizlang.languages: must be a list of language ids, got ${JSON.stringify(raw.languages)}`);
  }
  if (raw.debounce !== undefined) {
    const n = raw.debounce;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) settings.debounceMs = Math.min(5000, Math.round(n));
    else problems.push(`bizlang.debounce: must be a number of milliseconds, got ${JSON.stringify(n)}`);
  }
  if (raw.sensitivity !== undefined) {
    const v = raw.sensitivity;
    if (v === 'auto' || (SENSITIVITY_LEVELS as unknown[]).includes(v)) settings.sensitivity = v as Settings['sensitivity'];
    else problems.push(`bizlang.sensitivity: must be one of auto, ${SENSITIVITY_LEVELS.join(', ')}, got ${JSON.stringify(v)}`);
  }
  if (raw.severity !== undefined && raw.severity !== null) {
    if (typeof raw.severity !== 'object' || Array.isArray(raw.severity)) {
      problems.push(`bizlang.severity: must be an object mapping rule ids to severities, got ${JSON.stringify(raw.severity)}`);
    } else {
      for (const [rule, value] of Object.entries(raw.severity as Record<string, unknown>)) {
        if (!(RULE_IDS as string[]).includes(rule)) {
          problems.push(`bizlang.severity.${rule}: unknown rule id (known: ${RULE_IDS.join(', ')})`);
          continue;
        }
        const sev = settingToCoreSeverity(value);
        if (sev) settings.severity[rule as RuleId] = sev;
        else problems.push(`bizlang.severity.${rule}: must be one of ${SETTING_SEVERITIES.join(', ')}, got ${JSON.stringify(value)}`);
      }
    }
  }
  return { settings, problems };
}

/**
 * The analysis options for a document: its `.bizlangrc.json` (already validated by the core),
 * with the user's `bizlang.severity` and `bizlang.sensitivity` settings on top — per-user display
 * choices, like ESLint's `rules.customizations`.
 */
export function mergeOptions(config: BizlangConfig, settings: Pick<Settings, 'severity'> & Partial<Pick<Settings, 'sensitivity'>>): AnalyzeOptions {
  const options = configToOptions(config);
  if (settings.sensitivity && settings.sensitivity !== 'auto') options.sensitivity = settings.sensitivity;
  const rules = { ...(options.rules ?? {}), ...settings.severity };
  for (const key of Object.keys(rules) as RuleId[]) if (rules[key] === undefined) delete rules[key];
  if (Object.keys(rules).length) options.rules = rules;
  else delete options.rules;
  return options;
}

/** A stable key for options, to know when a document's Analyzer must be rebuilt. */
export function optionsKey(options: AnalyzeOptions): string {
  return stableStringify(options);
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** True when a document of this scheme and language is linted. */
export function isLintable(scheme: string, languageId: string, languages: string[]): boolean {
  return !SKIPPED_SCHEMES.includes(scheme) && languages.includes(languageId);
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** vscode.DiagnosticSeverity's numeric values (Error 0, Warning 1, Information 2, Hint 3). */
export const DIAGNOSTIC_SEVERITY = { error: 0, warning: 1, info: 2, hint: 3 } as const satisfies Record<Severity, number>;

export interface PlainPosition {
  line: number;
  character: number;
}
export interface PlainRange {
  start: PlainPosition;
  end: PlainPosition;
}

export interface DiagnosticData {
  range: PlainRange;
  message: string;
  severity: 0 | 1 | 2 | 3;
  source: string;
  code: { value: string; target: string };
}

/** The core's 1-based line/column (UTF-16 columns, same line breaks as VS Code) → 0-based. */
export function messageRange(m: Pick<Message, 'line' | 'column' | 'endLine' | 'endColumn'>): PlainRange {
  return {
    start: { line: m.line - 1, character: m.column - 1 },
    end: { line: m.endLine - 1, character: m.endColumn - 1 },
  };
}

/** One core message → the data of one vscode.Diagnostic. */
export function toDiagnosticData(m: Message): DiagnosticData {
  return {
    range: messageRange(m),
    message: m.reason,
    severity: DIAGNOSTIC_SEVERITY[m.severity],
    source: DIAGNOSTIC_SOURCE,
    code: { value: m.ruleId, target: m.url },
  };
}

// ---------------------------------------------------------------------------------------------
// Snippets

/** Escapes text for a snippet: `$`, `}` and `\` are literal. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * Turns suggestion text into snippet syntax: every placeholder ([X], [N], [baseline], [团队]…)
 * becomes its own numbered tab stop that keeps the placeholder as default text (`${1:[X]}`), in
 * order, so Tab walks through them; everything else is escaped. `first` numbers the first stop.
 */
export function toSnippet(text: string, first = 1): { snippet: string; tabStops: number } {
  const re = new RegExp(PLACEHOLDER.source, 'g');
  let out = '';
  let last = 0;
  let n = first;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += escapeSnippet(text.slice(last, m.index));
    out += `\${${n}:${escapeSnippet(m[0])}}`;
    n++;
    last = m.index + m[0].length;
  }
  out += escapeSnippet(text.slice(last));
  return { snippet: out, tabStops: n - first };
}

// ---------------------------------------------------------------------------------------------
// Fixes (code actions)

/** One planned edit, in 0-based source offsets of the analysed version. */
export interface PlannedEdit {
  offset: number;
  endOffset: number;
  /** Snippet syntax when `snippet` is true, plain text otherwise. */
  text: string;
  snippet: boolean;
}

export type FixKind = 'suggestion' | 'disable' | 'learn';

export interface FixPlan {
  /** Unique within one analysed version of a document. */
  id: string;
  kind: FixKind;
  title: string;
  ruleId: RuleId;
  /** Index of the message in the analysed result. */
  message: number;
  edit?: PlannedEdit;
  url?: string;
  preferred?: boolean;
}

/** Offsets where each line starts (CRLF, CR and LF end a line, as in VS Code and the core). */
export function lineStarts(text: string): number[] {
  return [...new LineIndex(text).lineStarts];
}

/** Offset of the line break ending the line that starts at `start` (or the text's end). */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * Builds the edit that inserts `<!-- bizlang-disable-next-line rule -->` above a 1-based line,
 * with the line's indentation. Pass `starts` (from lineStarts) when calling it many times.
 */
export function disableLineEdit(text: string, line: number, rule: RuleId, starts: number[] = lineStarts(text)): PlannedEdit {
  const idx = Math.max(0, Math.min(line - 1, starts.length - 1));
  const start = starts[idx]!;
  const lineText = text.slice(start, lineEnd(text, start));
  const indent = /^[ \t]*/.exec(lineText)![0];
  // An existing directive on the line above: add the rule to it instead of stacking comments.
  if (idx > 0) {
    const prevStart = starts[idx - 1]!;
    const prev = text.slice(prevStart, lineEnd(text, prevStart));
    const m = /^([ \t]*)<!--\s*bizlang-disable-next-line\b([^>]{0,300}?)\s*-->\s*$/.exec(prev);
    if (m) {
      const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
      if (rules.length === 0 || rules.includes(rule)) return { offset: start, endOffset: start, text: '', snippet: false };
      const replacement = `${m[1]}<!-- bizlang-disable-next-line ${[...rules, rule].join(' ')} -->`;
      return { offset: prevStart, endOffset: prevStart + prev.length, text: replacement, snippet: false };
    }
  }
  const br = idx > 0 ? text.slice(lineEnd(text, starts[idx - 1]!), start) : idx + 1 < starts.length ? text.slice(lineEnd(text, start), starts[idx + 1]) : '';
  const nl = br || '\n';
  return { offset: start, endOffset: start, text: `${indent}<!-- bizlang-disable-next-line ${rule} -->${nl}`, snippet: false };
}

/** A snippet edit for one core suggestion. */
export function suggestionEdit(s: Suggestion): PlannedEdit {
  return { offset: s.offset, endOffset: s.endOffset, text: toSnippet(s.text).snippet, snippet: true };
}

/**
 * The fixes of one analysed document version, computed per message on first use (a large
 * document can have thousands of findings; nothing is built until a quick fix menu asks). Per
 * message, in menu order: one per core suggestion (the first preferred), then "Disable <rule> for
 * this line", then "Learn more about <rule>". Titles are exact and stable (end-to-end tests
 * select them by text). Ids are `<message index>.<kind>`.
 */
export class FixTable {
  private starts: number[] | undefined;
  private readonly cache = new Map<number, FixPlan[]>();

  constructor(
    readonly text: string,
    readonly messages: readonly Message[],
    private readonly t: Translate = formatMessage,
  ) {}

  forMessage(i: number): FixPlan[] {
    let plans = this.cache.get(i);
    if (plans) return plans;
    const m = this.messages[i];
    if (!m) return [];
    plans = m.suggestions.map((s, j) => ({ id: `${i}.s${j}`, kind: 'suggestion' as const, title: s.title, ruleId: m.ruleId, message: i, edit: suggestionEdit(s), preferred: j === 0 }));
    this.starts ??= lineStarts(this.text);
    plans.push({
      id: `${i}.d`,
      kind: 'disable',
      title: this.t('Disable {0} for this line', m.ruleId),
      ruleId: m.ruleId,
      message: i,
      edit: disableLineEdit(this.text, m.line, m.ruleId, this.starts),
    });
    plans.push({ id: `${i}.l`, kind: 'learn', title: this.t('Learn more about {0}', m.ruleId), ruleId: m.ruleId, message: i, url: m.url });
    this.cache.set(i, plans);
    return plans;
  }

  /** A fix by id, or undefined. */
  get(id: string): FixPlan | undefined {
    const m = /^(\d+)\.(?:s\d+|d|l)$/.exec(id);
    if (!m) return undefined;
    return this.forMessage(Number(m[1])).find((f) => f.id === id);
  }

  /** Every fix, in message order. */
  all(): FixPlan[] {
    return this.messages.flatMap((_, i) => this.forMessage(i));
  }
}

/** Every fix of an analysed document (see FixTable). */
export function planFixes(text: string, messages: Message[], t: Translate = formatMessage): FixPlan[] {
  return new FixTable(text, messages, t).all();
}

/** True when ranges [a, b) and [c, d) touch (an empty request range inside or at an edge counts). */
export function offsetsTouch(a: number, b: number, c: number, d: number): boolean {
  return a <= d && c <= b;
}

/** Why a fix can't be applied, or undefined when it can. */
export function fixRefusal(fixVersion: number, recordVersion: number | undefined, documentVersion: number): 'stale' | 'missing' | undefined {
  if (recordVersion === undefined) return 'missing';
  if (fixVersion !== documentVersion || recordVersion !== documentVersion) return 'stale';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Hover

/** Escapes Markdown (and HTML) syntax so document text shows literally in a MarkdownString. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}

/** The sentence as it reads after a suggestion, when the suggestion edits inside the flagged text. */
export function previewRewrite(m: Pick<Message, 'offset' | 'endOffset' | 'actual'>, s: Suggestion): string | undefined {
  if (s.offset < m.offset || s.endOffset > m.endOffset + 1 || s.offset > s.endOffset) return undefined;
  const a = s.offset - m.offset;
  const b = Math.min(m.actual.length, s.endOffset - m.offset);
  return m.actual.slice(0, a) + s.text + m.actual.slice(b);
}

/**
 * Hover Markdown for one message: why it was flagged and the question to answer (the note), the
 * suggestions as they would read, and the rule's documentation. The editor already shows the
 * diagnostic's reason and rule just above, so they are not repeated.
 */
export function hoverMarkdown(m: Message, t: Translate = formatMessage): string {
  const lines: string[] = [];
  lines.push(escapeMarkdown(m.note));
  const sure = m.certainty;
  if (sure !== 'certain') {
    lines.push('');
    const percent = Math.round(m.confidence * 100);
    lines.push(`*${escapeMarkdown(sure === 'likely' ? t('Likely ({0}% confidence)', percent) : t('Possible ({0}% confidence)', percent))}*`);
  }
  if (m.suggestions.length) {
    lines.push('');
    lines.push(`**${escapeMarkdown(t('Suggested rewrites (Quick Fix, Ctrl+.):'))}**`);
    for (const s of m.suggestions) {
      const preview = previewRewrite(m, s);
      lines.push(`- ${escapeMarkdown(s.title)}${preview !== undefined ? `: *${escapeMarkdown(preview)}*` : ''}`);
    }
  }
  lines.push('');
  lines.push(`[${escapeMarkdown(t('Learn more about {0}', m.ruleId))}](${m.url})`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Config files and ignore globs

/** Directories to search for a config, nearest first: from the document's folder up to `root`. */
export function configSearchDirs(documentPath: string, rootPath: string | undefined): string[] {
  if (rootPath === undefined) return [];
  const root = trimSlash(rootPath);
  const inside = (d: string) => d === root || (root === '/' ? d.startsWith('/') : d.startsWith(`${root}/`));
  let dir = dirname(documentPath);
  const out: string[] = [];
  while (inside(dir)) {
    out.push(dir);
    if (dir === root) break;
    dir = dirname(dir);
  }
  return out;
}

/** The folder part of a `/`-separated path (`/a/b.md` → `/a`, `/b.md` → `/`). */
export function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** `path` relative to `dir` (both `/`-separated, `path` inside `dir`), or undefined. */
export function relativeTo(dir: string, path: string): string | undefined {
  const d = trimSlash(dir);
  if (d === '/' || d === '') return path.replace(/^\//, '');
  return path.startsWith(`${d}/`) ? path.slice(d.length + 1) : undefined;
}
