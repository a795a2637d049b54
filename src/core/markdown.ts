// Turns one Markdown block into prose runs: the readable text of paragraphs, headings and table
// cells, each with a map from every character back to its exact source offset. Code, HTML, front
// matter and URLs are skipped; inline code becomes one opaque technical term. Also collects the
// `<!-- bizlang-… -->` directives found in the block.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Parents, Root, PhrasingContent } from 'mdast';

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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

const DIRECTIVE = /<!--\s*bizlang-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

function collectDirectives(html: string, base: number, out: Directive[]): void {
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(html); m; m = DIRECTIVE.exec(html)) {
    const rules = m[2]!
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules, start: base + m.index, end: base + m.index + m[0].length });
  }
}

/** Builds a run character by character, aligning node values with their source. */
class RunBuilder {
  private chars: string[] = [];
  private s: number[] = [];
  private e: number[] = [];
  constructor(private readonly source: string) {}

  /** Appends `value` whose source is [start, end); aligns escapes and entities greedily. */
  text(value: string, start: number, end: number): void {
    const src = this.source;
    if (src.slice(start, end) === value) {
      for (let i = 0; i < value.length; i++) {
        this.chars.push(value[i]!);
        this.s.push(start + i);
        this.e.push(start + i + 1);
      }
      return;
    }
    let j = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      let k = j;
      while (k < end && src[k] !== ch) k++;
      if (k < end) {
        this.chars.push(ch);
        this.s.push(k);
        this.e.push(k + 1);
        j = k + 1;
      } else {
        // Not found literally (entity or normalised line ending): map to the current position.
        this.chars.push(ch);
        this.s.push(Math.min(j, end));
        this.e.push(Math.min(j + 1, end));
      }
    }
  }

  /** Appends an opaque token covering [start, end). */
  token(word: string, start: number, end: number): void {
    this.space(start);
    for (let i = 0; i < word.length; i++) {
      this.chars.push(word[i]!);
      this.s.push(i === 0 ? start : end);
      this.e.push(i === word.length - 1 ? end : start);
    }
  }

  space(at: number): void {
    this.chars.push(' ');
    this.s.push(at);
    this.e.push(at);
  }

  build(kind: RunKind, depth: number, inList: boolean): ProseRun | null {
    const text = this.chars.join('');
    if (!/[\p{L}\p{N}]/u.test(text)) return null;
    return { kind, depth, inList, text, starts: Int32Array.from(this.s), ends: Int32Array.from(this.e) };
  }
}

function isUrlLike(s: string): boolean {
  return /^(https?:\/\/|mailto:|www\.)\S+$/i.test(s.trim()) || /^\S+@\S+\.\S+$/.test(s.trim());
}

function phrasing(nodes: PhrasingContent[], b: RunBuilder, dirs: Directive[]): void {
  for (const node of nodes) {
    const pos = node.position;
    if (!pos) continue;
    const start = pos.start.offset ?? 0;
    const end = pos.end.offset ?? start;
    switch (node.type) {
      case 'text':
        b.text(node.value, start, end);
        break;
      case 'inlineCode':
        b.token(CODE_TOKEN, start, end);
        b.space(end);
        break;
      case 'break':
        b.space(start);
        break;
      case 'html':
        collectDirectives(node.value, start, dirs);
        break;
      case 'link': {
        const label = node.children.map((c) => ('value' in c ? c.value : '')).join('');
        if (isUrlLike(label) || label === node.url) break; // autolinks: a URL, not prose
        phrasing(node.children, b, dirs);
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        phrasing(node.children, b, dirs);
        break;
      default:
        // image, imageReference, footnoteReference: not prose
        break;
    }
  }
}

function walk(node: Nodes, inList: boolean, source: string, out: ParsedBlock): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const b = new RunBuilder(source);
      phrasing(node.children, b, out.directives);
      const run = b.build(node.type, node.type === 'heading' ? node.depth : 0, inList);
      if (run) out.runs.push(run);
      return;
    }
    case 'table':
      for (const row of node.children) {
        for (const cell of row.children) {
          const b = new RunBuilder(source);
          phrasing(cell.children, b, out.directives);
          const run = b.build('cell', 0, false);
          if (run) out.runs.push(run);
        }
      }
      return;
    case 'html':
      if (node.position) collectDirectives(node.value, node.position.start.offset ?? 0, out.directives);
      return;
    case 'code':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node) {
        const nextInList = inList || node.type === 'listItem';
        for (const child of (node as Parents).children) walk(child as Nodes, nextInList, source, out);
      }
  }
}

/** Parses one block (text relative to its own start) into prose runs and directives. */
export function parseBlock(source: string): ParsedBlock {
  const tree = processor.parse(source) as Root;
  const out: ParsedBlock = { runs: [], directives: [] };
  walk(tree, false, source, out);
  return out;
}
