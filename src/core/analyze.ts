// The pipeline: split into top-level blocks → parse and judge each block (cached by its text) →
// assemble: shift offsets, apply inline suppression and severities, run document rules, score.
// A full analysis and an incremental one run the same code; the incremental analyzer only keeps
// the per-block cache between calls, so its result is identical by construction.
import { blockParts, scanBlocks, splitBlocks, type BlockRange } from './blocks.js';
import { classifySentence, type Facts } from './classify.js';
import { judgeSentence, prepareJudgment, shownConfidence, type JudgeOptions } from './judge/index.js';
import { networksGeneration } from './judge/networks.js';
import { sectionRole } from './judge/sections.js';
import { getLexicon, type Lexicon } from './lexicon.js';
import { LineIndex } from './lines.js';
import { readBlock, runSentences } from './block.js';
import type { Directive, ProseRun } from './markdown.js';
import { SENTENCE_RULES, defaultSeverity } from './rules/index.js';
import type { RawFinding } from './rules/rule.js';
import { ruleMeta } from './rules/index.js';
import { checkValueMap, headingParts, improvementLabel, valueMapLabel, valueMapState, type DocHeading, type DocSentence, type DocSummary, type ValueMapPart } from './rules/value-map.js';
import { scoreDocument } from './score.js';
import { detectLanguage, prepareSentences } from './sentences.js';
import type { AnalyzeOptions, AnalyzeResult, Lang, Message, RuleId, Severity } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

interface BlockSentence {
  /** Block-relative source offsets. */
  start: number;
  end: number;
  text: string;
  lang: Lang;
  facts: Facts;
  /** The Value Map part its leading label names, computed once per block. */
  mapPart: ValueMapPart | null;
}

interface BlockHeading {
  start: number;
  end: number;
  text: string;
  depth: number;
  parts: ValueMapPart[];
}

/** Everything learned from one block; offsets are relative to the block's start. */
interface BlockAnalysis {
  /** Why (part of) this block was not analysed, with the block-relative line. */
  notices: Array<{ line: number; message: string }>;
  /** Only the sentences document rules and the score look at: claims, placeholders, map labels. */
  sentences: BlockSentence[];
  /** How many sentences the block has in all. */
  sentenceCount: number;
  /** Characters of prose per language, for the document's dominant language. */
  chars: { en: number; zh: number };
  findings: RawFinding[];
  directives: Directive[];
  headings: BlockHeading[];
  /** The section role in force after this block (its last heading's, or the one it started with). */
  exitRole: string;
}

function sentenceRange(run: ProseRun, start: number, end: number): { offset: number; endOffset: number } {
  return { offset: run.starts[start]!, endOffset: Math.max(run.starts[start]!, run.ends[end - 1]!) };
}

/** Analyses one block. `role` is the role of the section the block starts in (from the last
 * heading above it): context for the judgment, so it is part of the block's cache key. Pauses
 * after the parse and after each run's sentences, so that an editor's slice can end inside a large
 * block (a table of contents is a hundred list items): the result is only used once complete. */
function* analyzeBlock(source: string, lexicon: Lexicon, forced: Lang | undefined, judge: JudgeOptions, role: string): Generator<undefined, BlockAnalysis, void> {
  const empty = (line: number, message: string): BlockAnalysis => ({
    notices: [{ line, message }],
    sentences: [],
    sentenceCount: 0,
    chars: { en: 0, zh: 0 },
    findings: [],
    directives: [],
    headings: [],
    exitRole: role,
  });
  const { parsed, notice } = readBlock(source);
  if (!parsed) return empty(notice.line, notice.message);
  const out: BlockAnalysis = { notices: [], sentences: [], sentenceCount: 0, chars: { en: 0, zh: 0 }, findings: [], directives: parsed.directives, headings: [], exitRole: role };
  for (const run of parsed.runs) {
    yield;
    if (run.kind === 'heading') {
      const headingText = run.text.trim();
      out.headings.push({ start: run.starts[0]!, end: run.ends[run.text.length - 1]!, text: headingText, depth: run.depth, parts: headingParts(headingText) });
      out.exitRole = sectionRole(headingText);
    }
    const sentenceJudge = { ...judge, sectionRole: out.exitRole };
    for (const span of runSentences(run, forced)) {
      const text = span.text;
      const mapPart = valueMapLabel(text);
      // Headings name sections; they are not claims (placeholders in them still count), so they
      // are not judged. A technical sentence filed under the Value Map's "how the platform
      // improves it" is in its place.
      const judged = run.kind === 'heading' ? classifySentence(text, span.lang, lexicon) : judgeSentence(text, span.lang, lexicon, sentenceJudge);
      const facts: Facts =
        run.kind === 'heading'
          ? { ...judged, label: 'OTHER', trigger: null, biz: [], why: 'heading' }
          : judged.label === 'TECH' && improvementLabel(text)
            ? { ...judged, label: 'OTHER', trigger: null, why: 'value-map-how' }
            : judged;
      const range = sentenceRange(run, span.start, span.end);
      out.sentenceCount++;
      out.chars[span.lang] += text.length;
      if (facts.label !== 'OTHER' || facts.placeholders.length > 0 || mapPart) {
        out.sentences.push({ start: range.offset, end: range.endOffset, text, lang: span.lang, facts, mapPart });
      }
      const ctx = {
        facts,
        text,
        lang: span.lang,
        range: (s: { start: number; end: number }) => sentenceRange(run, span.start + s.start, span.start + Math.max(s.end, s.start + 1)),
        insertAt: (at: number) => {
          const i = span.start + at;
          return i < span.end ? run.starts[i]! : run.ends[span.end - 1]!;
        },
      };
      for (const rule of SENTENCE_RULES) out.findings.push(...rule.check(ctx));
    }
  }
  return out;
}

/** Block results by the section role they start in, then by their text. */
type BlockCache = Map<string, Map<string, BlockAnalysis>>;

/** A block's result where it stood in the last text: its end, the role it started in, the result. */
interface PlacedBlock {
  end: number;
  role: string;
  result: BlockAnalysis;
}

function lookup(cache: BlockCache, role: string, source: string): BlockAnalysis | undefined {
  return cache.get(role)?.get(source);
}

function store(cache: BlockCache, role: string, source: string, result: BlockAnalysis): void {
  let byText = cache.get(role);
  if (!byText) cache.set(role, (byText = new Map()));
  byText.set(source, result);
}

/** Inline suppression state, built from the directives of the whole document in order. */
class Suppressions {
  private readonly ranges: Array<{ start: number; end: number; rules: string[] }> = [];
  private readonly lines = new Map<number, Array<string[]>>();

  constructor(directives: Directive[], lines: LineIndex, textLength: number) {
    const open = new Map<string, number>(); // rule ('*' = all) → start offset
    for (const d of directives) {
      const rules = d.rules.length ? d.rules : ['*'];
      if (d.kind === 'disable') {
        for (const r of rules) if (!open.has(r)) open.set(r, d.end);
      } else if (d.kind === 'enable') {
        for (const r of d.rules.length ? d.rules : [...open.keys()]) {
          const start = open.get(r);
          if (start !== undefined) {
            this.ranges.push({ start, end: d.start, rules: [r] });
            open.delete(r);
          }
        }
      } else {
        const line = lines.point(d.kind === 'disable-line' ? d.start : d.end).line + (d.kind === 'disable-next-line' ? 1 : 0);
        const list = this.lines.get(line) ?? [];
        list.push(rules);
        this.lines.set(line, list);
      }
    }
    for (const [r, start] of open) this.ranges.push({ start, end: textLength, rules: [r] });
  }

  /** True when `rule` is suppressed for a finding starting at `offset` on `line`. */
  has(rule: RuleId, offset: number, line: number): boolean {
    for (const r of this.ranges) {
      if (offset >= r.start && offset < r.end && (r.rules[0] === '*' || r.rules[0] === rule)) return true;
    }
    for (const rules of this.lines.get(line) ?? []) {
      if (rules.includes('*') || rules.includes(rule)) return true;
    }
    return false;
  }
}

function emptyResult(language: Lang, skipped: string, lexicon: Lexicon): AnalyzeResult {
  void lexicon;
  const doc: DocSummary = { text: '', language, sentences: [], headings: [], sentenceCount: 0 };
  return { language, messages: [], score: scoreDocument(doc, valueMapState(doc)), skipped };
}

/**
 * An analyzer that keeps per-block results between calls, so re-analysing after an edit only
 * parses the blocks that changed. Results are identical to a fresh `analyze`.
 */
export class Analyzer {
  /** Blocks of the last call that were looked up by text (the edited region, or all on the first call). */
  private cache: BlockCache = new Map();
  /** The last text and its blocks by start offset, to reuse untouched blocks without hashing them. */
  private prevText: string | null = null;
  private prevByStart = new Map<number, PlacedBlock>();
  private prevBlocks: BlockRange[] | null = null;
  private prevLines: LineIndex | null = null;
  private generation = networksGeneration();

  /** The blocks of `text`: the old ones before the edit, a rescan from the block holding it until
   * the scan meets an old block start again, then the old ones after it, shifted. */
  private blocksAfterEdit(text: string, prefix: number, suffix: number, delta: number): BlockRange[] {
    const old = this.prevBlocks!;
    // Keep blocks up to the last one followed by a block that starts inside the common prefix.
    let restart = 0;
    while (restart + 1 < old.length && old[restart + 1]!.start < prefix) restart++;
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Front matter is decided by a closing fence anywhere below: such documents are split anew.
    if (restart === 0 || text.startsWith('---', bom) || text.startsWith('+++', bom)) return splitBlocks(text, bom);
    const startsAt = new Map<number, number>();
    for (let k = restart + 1; k < old.length; k++) startsAt.set(old[k]!.start, k);
    const tailFrom = text.length - suffix;
    const from = old[restart]!.start;
    const { blocks, joinedAt } = scanBlocks(text, from, false, (p) => p >= tailFrom && startsAt.has(p - delta));
    const out = old.slice(0, restart);
    for (const b of blocks) out.push(b);
    if (joinedAt >= 0) {
      for (let k = startsAt.get(joinedAt - delta)!; k < old.length; k++) {
        const b = old[k]!;
        out.push({ start: b.start + delta, end: b.end + delta, kind: b.kind });
      }
    }
    return out;
  }
  private readonly lexicon: Lexicon;
  private readonly forced: Lang | undefined;
  /** The networks generation the judgment was last loaded for (analyzeAsync). */
  private prepared = -1;

  constructor(private readonly options: AnalyzeOptions = {}) {
    this.lexicon = getLexicon(options.words);
    this.forced = options.language && options.language !== 'auto' ? options.language : undefined;
  }

  /** Analyses the whole text, reusing cached blocks. */
  analyze(text: string): AnalyzeResult {
    const steps = this.steps(text);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * Same result as `analyze`, but yields to the caller's event loop whenever a slice of work has
   * run for `sliceMs`, so an editor never blocks for long on a large document.
   */
  async analyzeAsync(text: string, opts: { sliceMs?: number; yieldFn?: () => Promise<void>; isCancelled?: () => boolean } = {}): Promise<AnalyzeResult | undefined> {
    const sliceMs = opts.sliceMs ?? 20;
    const yieldFn = opts.yieldFn ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    // The judgment's first use in a process loads the model, each language's network and the
    // Chinese word segmenter (~25 ms together), and each language's sentence segmenter: each part
    // in a slice of its own, before the first block, rather than inside a block's slice. Nothing
    // to do afterwards: once per analyzer and set of networks, not on every keystroke.
    if (this.prepared !== networksGeneration() && this.options.model === undefined && text.length <= (this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) {
      const langs: Lang[] = this.forced ? [this.forced] : (['en', 'zh'] as const).filter((l) => (l === 'en' ? /[a-z]/i : /[\u4e00-\u9fff]/).test(text));
      for (const lang of langs) {
        // The sentence segmenter too: most runs are one sentence and never ask ICU (sentences.ts),
        // so the first that does would pay for loading its rules inside a block's slice.
        while (prepareSentences(lang) || prepareJudgment(lang)) {
          await yieldFn();
          if (opts.isCancelled?.()) return undefined;
        }
      }
      // A document in one language that later gains the other loads it inside a block's slice.
      this.prepared = networksGeneration();
    }
    const steps = this.steps(text);
    let sliceStart = now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      // Before a block (r.value: its length), a slice that may not also hold the block's parse
      // ends first, so a large block's parse never lands on a slice already partly used.
      const elapsed = now() - sliceStart;
      if (elapsed >= sliceMs || (r.value !== undefined && elapsed > 0.5 && elapsed + r.value * PARSE_MS_PER_CHAR >= sliceMs)) {
        await yieldFn();
        if (opts.isCancelled?.()) return undefined;
        sliceStart = now();
      }
    }
  }

  /** The analysis as a generator that pauses before (yielding its length), inside and after each
   * block it has to analyse. */
  private *steps(text: string): Generator<number | undefined, AnalyzeResult, void> {
    // Cached blocks were judged with the networks of their time: drop them when those change.
    if (this.generation !== networksGeneration()) {
      this.generation = networksGeneration();
      this.cache = new Map();
      this.prevText = null;
      this.prevByStart = new Map();
      this.prevBlocks = null;
      this.prevLines = null;
    }
    const max = this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (text.length > max) {
      return emptyResult(
        this.forced ?? 'en',
        `Document is ${text.length.toLocaleString('en-US')} characters, over maxFileSize (${max.toLocaleString('en-US')}); not analysed. Raise "maxFileSize" in .bizlangrc.json to analyse it.`,
        this.lexicon,
      );
    }
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const next: BlockCache = new Map();
    const nextByStart = new Map<number, PlacedBlock>();
    // The edit, as a common prefix and suffix with the previous text: blocks wholly inside either
    // are the same text as before (at the same, or a shifted, offset) and need no lookup by text.
    const prev = this.prevText;
    let prefix = 0;
    let suffix = 0;
    const delta = prev === null ? 0 : text.length - prev.length;
    if (prev !== null) {
      const limit = Math.min(prev.length, text.length);
      // Compare in chunks first (string equality is a memory compare), then character by character.
      const CHUNK = 2048;
      while (prefix + CHUNK <= limit && prev.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
      while (prefix < limit && prev.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
      while (suffix + CHUNK <= limit - prefix && prev.slice(prev.length - suffix - CHUNK, prev.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
      while (suffix < limit - prefix && prev.charCodeAt(prev.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    }
    let work = 0;
    const reuse = prev !== null && this.prevLines !== null && this.prevBlocks !== null && (bom === 0) === (prev.charCodeAt(0) !== 0xfeff);
    const blocks = reuse ? this.blocksAfterEdit(text, prefix, suffix, delta) : splitBlocks(text, bom);
    const lines = reuse ? LineIndex.afterEdit(this.prevLines!, text, prefix, suffix) : new LineIndex(text);
    // Block results with their base offsets, in document order. Absolute positions are
    // materialised once, in the final objects, never copied per block.
    const placed: Array<{ result: BlockAnalysis; base: number }> = [];
    const directives: Directive[] = [];
    const headings: DocHeading[] = [];
    let sentenceCount = 0;
    const notices: string[] = [];
    const chars = { en: 0, zh: 0 };
    // The role of the section each block starts in: the last heading above it decides.
    let role = '';
    for (const whole of blocks) {
      if (whole.kind !== 'markdown') continue;
      for (const block of blockParts(text, whole.start, whole.end)) {
        // Where this block stood in the previous text, if it lies wholly before or after the edit.
        const oldStart = prev === null ? -1 : block.end <= prefix ? block.start : block.start >= text.length - suffix ? block.start - delta : -1;
        const old = oldStart >= 0 ? this.prevByStart.get(oldStart) : undefined;
        let result = old && old.end - oldStart === block.end - block.start && old.role === role ? old.result : undefined;
        if (!result) {
          const source = text.slice(block.start, block.end);
          result = lookup(next, role, source) ?? lookup(this.cache, role, source);
          if (!result) {
            yield source.length;
            result = yield* analyzeBlock(source, this.lexicon, this.forced, { sensitivity: this.options.sensitivity ?? 'precise', model: this.options.model }, role);
            work += 1000;
          }
          store(next, role, source, result);
        }
        nextByStart.set(block.start, { end: block.end, role, result });
        role = result.exitRole;
        work += result.sentences.length + result.findings.length;
        if (work >= 1000) {
          work = 0;
          yield;
        }
        const base = block.start;
        placed.push({ result, base });
        sentenceCount += result.sentenceCount;
        chars.en += result.chars.en;
        chars.zh += result.chars.zh;
        if (result.notices.length || result.directives.length || result.headings.length) {
          for (const n of result.notices) notices.push(`line ${lines.point(base).line + n.line - 1}: ${n.message}`);
          for (const d of result.directives) directives.push({ ...d, start: d.start + base, end: d.end + base });
          for (const h of result.headings) {
            const end = h.end + base;
            const lineNo = lines.point(end).line;
            const lineEnd = lineNo < lines.lineCount ? lines.lineStart(lineNo + 1) : text.length;
            headings.push({ offset: h.start + base, endOffset: end, line: lines.point(h.start + base).line, lineEnd, text: h.text, depth: h.depth, parts: h.parts });
          }
        }
      }
    }
    this.cache = next;
    this.prevText = text;
    this.prevByStart = nextByStart;
    this.prevBlocks = blocks;
    this.prevLines = lines;

    // Assembling the document is a few passes over all sentences and findings: each pass may
    // start a new slice, so none is glued to the last block's slice.
    yield;
    const suppress = new Suppressions(directives, lines, text.length);
    const docSentences: DocSentence[] = [];
    for (const { result, base } of placed) {
      for (const s of result.sentences) {
        const offset = s.start + base;
        const line = lines.point(offset).line;
        docSentences.push({
          offset,
          endOffset: s.end + base,
          line,
          text: s.text,
          lang: s.lang,
          facts: s.facts,
          mapPart: s.mapPart,
          suppressed: (rule: RuleId) => suppress.has(rule, offset, line),
        });
      }
    }
    yield;
    const language = this.forced ?? dominantLanguage(chars, text);
    const doc: DocSummary = { text, language, sentences: docSentences, headings, sentenceCount };
    const map = valueMapState(doc);
    const messages: Message[] = [];
    const emit = (f: RawFinding, base: number) => {
      const severity = this.severity(f.ruleId);
      if (!severity) return;
      const offset = f.offset + base;
      const endOffset = f.endOffset + base;
      const start = lines.point(offset);
      if (suppress.has(f.ruleId, offset, start.line)) return;
      const end = lines.point(endOffset);
      messages.push({
        ruleId: f.ruleId,
        severity,
        reason: f.reason,
        note: f.note,
        url: ruleMeta(f.ruleId).url,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset,
        endOffset,
        actual: text.slice(offset, endOffset),
        place: { start, end },
        lang: f.lang,
        confidence: shownConfidence(f.confidence),
        certainty: f.certainty,
        suggestions: f.suggestions.map((g) => ({ ...g, offset: g.offset + base, endOffset: g.endOffset + base })),
      });
    };
    for (const { result, base } of placed) for (const f of result.findings) emit(f, base);
    for (const f of checkValueMap(doc, map)) emit(f, 0);
    yield;
    messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
    const result: AnalyzeResult = { language, messages, score: scoreDocument(doc, map) };
    if (notices.length) result.notices = notices;
    return result;
  }

  private severity(rule: RuleId): Severity | null {
    const set = this.options.rules?.[rule];
    if (set === 'off') return null;
    return set ?? defaultSeverity(rule);
  }
}

/** What parsing a block may cost per character before the engine has optimised the parser (a
 * 5 KB table of contents took 30 ms in a fresh process; once warm, blocks parse several times
 * faster). */
const PARSE_MS_PER_CHAR = 0.006;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** The doc's language: Chinese characters carry about twice the meaning of English ones. */
function dominantLanguage(chars: { en: number; zh: number }, text: string): Lang {
  if (chars.zh === 0 && chars.en === 0) return detectLanguage(text.slice(0, 4000));
  return chars.zh * 2 >= chars.en ? 'zh' : 'en';
}

/** Analyses a Markdown document. Pure: same text and options, same result. */
export function analyze(markdown: string, options: AnalyzeOptions = {}): AnalyzeResult {
  return new Analyzer(options).analyze(markdown);
}
