// Turns one Markdown block into prose runs: the readable text of paragraphs, headings and table
// cells, each with a map from every character back to its exact source offset. Code, HTML, front
// matter, link destinations and URLs are skipped; inline code becomes one opaque technical term.
// Also collects the `<!-- bizlang-… -->` directives found in the block.
//
// This reads micromark's event stream directly — the tokenizer remark-parse runs, with the GFM
// and front-matter syntax extensions remark-gfm and remark-frontmatter add — instead of building
// an mdast tree: the tree compile is about half the parse cost and Bizlang needs only the text.
// The parser is constructed once; its only per-document state (`defined`, `lazy`) is reset per
// block, so every block parses exactly as it would alone.
import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** The word that stands for an inline code span in prose runs. */
export const CODE_TOKEN = 'TECHTERM';

export type RunKind = 'paragraph' | 'heading' | 'cell';

/** Readable text of one paragraph, heading or table cell. */
export interface ProseRun {
  kind: RunKind;
  /** Heading depth (1–6), 0 otherwise. */
  depth: number;
  /** True when the run sits in a list item (goal lists, feature lists). */
  inList: boolean;
  text: string;
  /** Source offset (relative to the block) of each character of `text`. */
  starts: Int32Array;
  /** Source offset just after each character of `text`. */
  ends: Int32Array;
}

/** A `<!-- bizlang-disable… -->` style comment. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids it names; empty means all rules. */
  rules: string[];
  /** Block-relative offsets of the comment. */
  start: number;
  end: number;
}

export interface ParsedBlock {
  runs: ProseRun[];
  directives: Directive[];
}

// Rule lists are short: a bounded body keeps an unclosed comment from being rescanned per opener.
const DIRECTIVE = /<!--\s*bizlang-(disable-next-line|disable-line|disable|enable)\b([^>]{0,300}?)-->/g;

function collectDirectives(html: string, base: number, out: Directive[]): void {
  if (!html.includes('bizlang-')) return;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(html); m; m = DIRECTIVE.exec(html)) {
    const rules = m[2]!
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules, start: base + m.index, end: base + m.index + m[0].length });
  }
}

/** Builds a run from segments; the character maps are filled once, at the end. */
class RunBuilder {
  private readonly parts: string[] = [];
  /** Per segment: kind (0 linear, 1 token, 2 point), source start, source end, text length. */
  private readonly segs: number[] = [];
  private length = 0;

  constructor(
    readonly kind: RunKind,
    readonly inList: boolean,
    public depth: number,
  ) {}

  /** Source text copied as is: character i maps to start + i. */
  linear(text: string, start: number): void {
    this.parts.push(text);
    this.segs.push(0, start, start + text.length, text.length);
    this.length += text.length;
  }

  /** An opaque word covering [start, end), with spaces around it. */
  token(word: string, start: number, end: number): void {
    this.point(' ', start, start);
    this.parts.push(word);
    this.segs.push(1, start, end, word.length);
    this.length += word.length;
    this.point(' ', end, end);
  }

  /** Text whose every character stands for the whole source range [start, end). */
  point(text: string, start: number, end: number): void {
    this.parts.push(text);
    this.segs.push(2, start, end, text.length);
    this.length += text.length;
  }

  build(): ProseRun | null {
    const text = this.parts.join('');
    if (!/[\p{L}\p{N}]/u.test(text)) return null;
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    let at = 0;
    const segs = this.segs;
    for (let i = 0; i < segs.length; i += 4) {
      const kind = segs[i]!;
      const s = segs[i + 1]!;
      const e = segs[i + 2]!;
      const n = segs[i + 3]!;
      for (let k = 0; k < n; k++, at++) {
        if (kind === 0) {
          starts[at] = s + k;
          ends[at] = s + k + 1;
        } else if (kind === 1) {
          starts[at] = k === 0 ? s : e;
          ends[at] = k === n - 1 ? e : s;
        } else {
          starts[at] = s;
          ends[at] = e;
        }
      }
    }
    return { kind: this.kind, depth: this.depth, inList: this.inList, text, starts, ends };
  }
}

/** Token types whose whole subtree is not prose. */
const SKIP = new Set([
  'codeFenced',
  'codeIndented',
  'definition',
  'frontmatter',
  'yaml',
  'toml',
  'thematicBreak',
  'image',
  'resource',
  'reference',
  'autolink',
  'literalAutolink',
  'gfmFootnoteCall',
  'gfmFootnoteDefinitionLabel',
  'taskListCheck',
  'tableDelimiterRow',
  'setextHeadingLine',
  'atxHeadingSequence',
  'emphasisSequence',
  'strongSequence',
  'strikethroughSequence',
  'labelMarker',
  'labelImageMarker',
  'escapeMarker',
  'lineSuffix',
]);

type Parser = ReturnType<typeof parse>;
let parser: Parser | undefined;

/** What the footnote extension asks of its list of defined labels (`parser.gfmFootnotes`). GFM
 * makes `[^label]` a footnote call only when the document defines the label; blocks are parsed
 * one at a time, and the definitions usually sit in another block at the end, so the parser's
 * list would hold whatever earlier blocks — of any document the process read — happened to
 * define, and the same sentence would read differently by history (seen in a batch: the worker
 * that had read a KEP defining `[^4]` judged another KEP's `design [^4].` differently). Every
 * `[^label]` is taken as a footnote call: a marker, not prose, wherever its definition is. */
const EVERY_FOOTNOTE = { includes: (): boolean => true, push: (): number => 0 };

function events(source: string) {
  parser ??= Object.assign(parse({ extensions: [gfm(), frontmatter(['yaml', 'toml'])] }), { gfmFootnotes: EVERY_FOOTNOTE });
  parser.defined.length = 0;
  for (const key of Object.keys(parser.lazy)) delete parser.lazy[key as unknown as number];
  return postprocess(parser.document().write(preprocess()(source, undefined, true)));
}

function decodeReference(raw: string): string {
  // raw is "&amp;", "&#123;" or "&#x1F600;"
  const body = raw.slice(1, -1);
  if (body.startsWith('#x') || body.startsWith('#X')) return decodeNumericCharacterReference(body.slice(2), 16);
  if (body.startsWith('#')) return decodeNumericCharacterReference(body.slice(1), 10);
  return decodeNamedCharacterReference(body) || raw;
}

/** Parses one block (text relative to its own start) into prose runs and directives. */
export function parseBlock(source: string): ParsedBlock {
  const out: ParsedBlock = { runs: [], directives: [] };
  let run: RunBuilder | null = null;
  let skipUntil: unknown = null;
  let lists = 0;
  let headingDepth = 0;
  const finish = () => {
    const built = run?.build();
    if (built) out.runs.push(built);
    run = null;
  };
  for (const [kind, token] of events(source)) {
    const type = token.type as string;
    const start = token.start.offset;
    const end = token.end.offset;
    if (skipUntil) {
      if (kind === 'exit' && token === skipUntil) skipUntil = null;
      continue;
    }
    if (kind === 'enter') {
      switch (type) {
        case 'listOrdered':
        case 'listUnordered':
          lists++;
          break;
        case 'paragraph':
          run = new RunBuilder('paragraph', lists > 0, 0);
          break;
        case 'atxHeading':
          headingDepth = 0;
          break;
        case 'atxHeadingSequence':
          if (!headingDepth) headingDepth = end - start;
          skipUntil = token;
          break;
        case 'atxHeadingText':
        case 'setextHeadingText':
          run = new RunBuilder('heading', lists > 0, type === 'atxHeadingText' ? headingDepth : 1);
          break;
        case 'setextHeadingLine':
          if (run && run.kind === 'heading') run.depth = source[start] === '-' ? 2 : 1;
          skipUntil = token;
          break;
        case 'tableHeader':
        case 'tableData':
          run = new RunBuilder('cell', false, 0);
          break;
        case 'htmlFlow':
        case 'htmlText':
          collectDirectives(source.slice(start, end), start, out.directives);
          skipUntil = token;
          break;
        case 'codeText':
          run?.token(CODE_TOKEN, start, end);
          skipUntil = token;
          break;
        case 'literalAutolink': {
          // GFM extends a bare URL to the next white space, and Chinese text puts none after one:
          // "见 https://example.com）是一个框架" would lose its sentence to the link. From the
          // first character outside ASCII on, the "link" is prose.
          let cut = start;
          while (cut < end && source.charCodeAt(cut) < 0x80) cut++;
          if (cut > start && cut < end) run?.linear(source.slice(cut, end), cut);
          skipUntil = token;
          break;
        }
        case 'characterReference':
          run?.point(decodeReference(source.slice(start, end)), start, end);
          skipUntil = token;
          break;
        case 'lineEnding':
        case 'hardBreakEscape':
        case 'hardBreakTrailing':
          run?.point(' ', start, start);
          if (type !== 'lineEnding') skipUntil = token;
          break;
        case 'data':
        case 'characterEscapeValue':
          run?.linear(source.slice(start, end), start);
          break;
        default:
          if (SKIP.has(type)) skipUntil = token;
      }
    } else {
      switch (type) {
        case 'listOrdered':
        case 'listUnordered':
          lists--;
          break;
        case 'paragraph':
        case 'atxHeadingText':
        case 'tableHeader':
        case 'tableData':
          finish();
          break;
        case 'setextHeading':
          finish();
          break;
      }
    }
  }
  finish();
  return out;
}
