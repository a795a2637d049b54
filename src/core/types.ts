// The public, JSON-serialisable shapes of Bizlang's core. Nothing here depends on vscode, fs or
// process: strings and options in, plain data out.
import type { StoredModel } from './judge/load.js';

/** How loud a message is. `off` is only valid in configuration. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Languages the core understands. */
export type Lang = 'en' | 'zh';

/** The ids of the built-in rules. */
export type RuleId = 'tech-value' | 'unquantified-impact' | 'unfilled-placeholder' | 'value-map';

/** A place in the source: 1-based line and column, 0-based UTF-16 offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** One edit that turns the flagged text into a suggested rewrite. */
export interface Suggestion {
  /** Short label for a menu ("Add business impact: onboarding time, tickets"). */
  title: string;
  /** Text that replaces the source between `offset` and `endOffset`. */
  text: string;
  /** 0-based UTF-16 offset where the replaced range starts. */
  offset: number;
  /** 0-based UTF-16 offset where the replaced range ends (exclusive). */
  endOffset: number;
}

/** One finding, in the vfile-message spirit. */
export interface Message {
  ruleId: RuleId;
  severity: Severity;
  /** Short, one line. */
  reason: string;
  /** Why, and the question the author should answer. */
  note: string;
  /** The rule's documentation. */
  url: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  /** The source text at [offset, endOffset). */
  actual: string;
  place: { start: Point; end: Point };
  /** Language of the flagged text. */
  lang: Lang;
  /** How sure Bizlang is of this finding, 0–1: the judgment's probability for a sentence
   * finding; 1 for findings that are facts (a placeholder, a missing Value Map part). */
  confidence: number;
  /** The same in words: `certain` for a fact; `likely` for a judgment the default sensitivity
   * (`precise`) reports; `possible` for one only a looser sensitivity reports. */
  certainty: Certainty;
  suggestions: Suggestion[];
}

export type Certainty = 'certain' | 'likely' | 'possible';

/** A sentence that contributed to (or cost points in) a score component. */
export interface ScoreItem {
  offset: number;
  endOffset: number;
  line: number;
  text: string;
  /** What this item did to the component: gained or cost points. */
  effect: 'gain' | 'cost';
  why: string;
}

export type ScoreComponentId = 'businessFraming' | 'quantified' | 'beneficiaries' | 'valueMap' | 'placeholders';

/** One part of the 0–100 score. */
export interface ScoreComponent {
  id: ScoreComponentId;
  label: string;
  /** Points earned, 0..max. */
  points: number;
  max: number;
  /** Ratio 0..1 the points come from. */
  ratio: number;
  /** Plain-language account of how the points were computed. */
  detail: string;
  items: ScoreItem[];
}

export type Level = 'L2' | 'L3';

export interface Score {
  total: number;
  level: Level;
  /** "platform view" / "business view" (or their Chinese equivalents). */
  levelLabel: string;
  components: Record<ScoreComponentId, ScoreComponent>;
  /** Counts of sentences by judgment, for reports. */
  counts: { tech: number; bizVague: number; bizQuant: number; other: number; placeholders: number };
}

export interface AnalyzeResult {
  /** The document's dominant language. */
  language: Lang;
  messages: Message[];
  score: Score;
  /** Set when the document was not analysed (too large); messages is then empty. */
  skipped?: string;
  /** Parts of the document that were not analysed, and why ("line 12: Block nests …"). */
  notices?: string[];
}

/** Extra words per word class, per language (from user config). */
export type WordClass =
  | 'techActions'
  | 'techObjects'
  | 'techQualities'
  | 'businessOutcomes'
  | 'beneficiaries'
  | 'descriptive';
export type ExtraWords = Partial<Record<Lang, Partial<Record<WordClass, string[]>>>>;

export interface AnalyzeOptions {
  /** Force one language for every sentence; default decides per paragraph. */
  language?: Lang | 'auto';
  /** Per-rule severity; `off` disables. */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra words per class and language. */
  words?: ExtraWords;
  /** Documents over this many UTF-16 code units are skipped with a message (default 5,000,000). */
  maxFileSize?: number;
  /** How many judgment findings to risk: `precise` (default) reports only likely claims,
   * `balanced` and `thorough` report more, with more false alarms. */
  sensitivity?: Sensitivity;
  /** A judgment model in the stored form `npm run train` writes (default: the shipped one). For
   * experiments and tests; not settable from `.bizlangrc.json`. */
  model?: StoredModel;
}

/** Judgment sensitivity levels, from quietest to most thorough. */
export type Sensitivity = 'precise' | 'balanced' | 'thorough';

/** Labels of the sentence judgment. */
export type Judgment = 'TECH' | 'BIZ_VAGUE' | 'BIZ_QUANT' | 'OTHER';
