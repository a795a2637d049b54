// The score report's plain parts: the JSON model posted to the webview, the page's HTML shell
// (strict CSP with a nonce, local script and style only) and validation of what the page posts
// back. No vscode import. The page (media/report.js) builds its DOM from the model with
// textContent, so document text is never parsed as HTML.
import type { AnalyzeResult, Lang, ScoreComponentId } from '../core/index.js';
import { formatMessage, type Translate } from './mapping.js';

export interface ReportItem {
  offset: number;
  endOffset: number;
  line: number;
  text: string;
  effect: 'gain' | 'cost';
  why: string;
  /** Rules that flagged this sentence (their findings are shown here, not listed again). */
  rules?: string[];
}

export interface ReportComponent {
  id: ScoreComponentId;
  label: string;
  points: number;
  max: number;
  ratio: number;
  detail: string;
  items: ReportItem[];
}

export interface ReportFinding {
  ruleId: string;
  reason: string;
  line: number;
  offset: number;
  endOffset: number;
}

/** Everything the page shows; plain JSON. */
export interface ReportModel {
  /** Which document, and which version of it, the numbers describe. */
  doc: { name: string; uri: string; version: number; lang: Lang };
  total: number;
  level: 'L2' | 'L3';
  levelLabel: string;
  skipped?: string;
  components: ReportComponent[];
  /** Lint findings per score component (by the rule that feeds it) not already shown on a sentence. */
  findings: Partial<Record<ScoreComponentId, ReportFinding[]>>;
  /** UI strings in the user's display language. */
  ui: ReportStrings;
}

export interface ReportStrings {
  title: string;
  score: string;
  level: string;
  chart: string;
  components: string;
  needsWork: string;
  counted: string;
  findings: string;
  line: string;
  nothing: string;
  empty: string;
  stale: string;
}

export function reportStrings(t: Translate = formatMessage): ReportStrings {
  return {
    title: t('Bizlang Score'),
    score: t('Score'),
    level: t('Level'),
    chart: t('Score by component'),
    components: t('Components'),
    needsWork: t('Needs work'),
    counted: t('Counted in favour'),
    findings: t('Findings'),
    line: t('Line {0}'),
    nothing: t('Nothing to fix here.'),
    empty: t('Open a Markdown document to see its score.'),
    stale: t('Updating…'),
  };
}

/** Which score component each rule's findings belong to. */
export const RULE_COMPONENT: Record<string, ScoreComponentId> = {
  'tech-value': 'businessFraming',
  'unquantified-impact': 'quantified',
  'unfilled-placeholder': 'placeholders',
  'value-map': 'valueMap',
};

export const COMPONENT_ORDER: ScoreComponentId[] = ['businessFraming', 'quantified', 'beneficiaries', 'valueMap', 'placeholders'];

/**
 * The sentence as written: the source between its offsets, on one line. The core's sentence text
 * stands code spans in as a token, which would read oddly in a report.
 */
export function sourceSentence(source: string | undefined, item: { offset: number; endOffset: number; text: string }): string {
  if (source === undefined || item.endOffset <= item.offset || item.endOffset > source.length) return item.text;
  const slice = source.slice(item.offset, item.endOffset).replace(/\s+/g, ' ').trim();
  return slice || item.text;
}

/** The JSON the page renders, from one analysis of one document version (`source`: its text). */
export function buildReportModel(
  result: AnalyzeResult,
  doc: { name: string; uri: string; version: number },
  t: Translate = formatMessage,
  source?: string,
): ReportModel {
  const s = result.score;
  const findings: ReportModel['findings'] = {};
  const items = new Map<ScoreComponentId, ReportItem[]>();
  for (const id of COMPONENT_ORDER) {
    items.set(
      id,
      s.components[id].items.map((i) => ({ offset: i.offset, endOffset: i.endOffset, line: i.line, text: sourceSentence(source, i), effect: i.effect, why: i.why })),
    );
  }
  for (const m of result.messages) {
    const id = RULE_COMPONENT[m.ruleId];
    if (!id) continue;
    // A finding inside a sentence that cost points is shown on that sentence.
    const on = items.get(id)!.find((i) => i.effect === 'cost' && m.offset >= i.offset && m.offset < Math.max(i.endOffset, i.offset + 1));
    if (on) {
      if (!(on.rules ??= []).includes(m.ruleId)) on.rules.push(m.ruleId);
    } else {
      (findings[id] ??= []).push({ ruleId: m.ruleId, reason: m.reason, line: m.line, offset: m.offset, endOffset: m.endOffset });
    }
  }
  const model: ReportModel = {
    doc: { ...doc, lang: result.language },
    total: s.total,
    level: s.level,
    levelLabel: s.levelLabel,
    components: COMPONENT_ORDER.map((id) => {
      const c = s.components[id];
      return {
        id,
        label: c.label,
        points: c.points,
        max: c.max,
        ratio: c.ratio,
        detail: c.detail,
        items: items.get(id)!,
      };
    }),
    findings,
    ui: reportStrings(t),
  };
  if (result.skipped) model.skipped = result.skipped;
  return model;
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A fresh nonce: 32 random alphanumerics from the platform's crypto (Node 20 and browsers). */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = random(new Uint8Array(32));
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export interface ShellOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(media/report.js) */
  scriptUri: string;
  /** webview.asWebviewUri(media/report.css) */
  styleUri: string;
  /** UI language for the html lang attribute (e.g. "en", "zh-cn"). */
  uiLang: string;
  title: string;
  loading: string;
}

/** The Content-Security-Policy of the report page. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The page's HTML: a static shell; media/report.js fills it from posted JSON. */
export function renderReportHtml(o: ShellOptions): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="${a(o.uiLang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p id="empty" class="empty">${escapeHtml(o.loading)}</p></main>
<script nonce="${a(o.nonce)}" src="${a(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** Messages the page may send. */
export type PageMessage = { type: 'ready' } | { type: 'reveal'; uri: string; version: number; offset: number; endOffset: number };

const MAX_OFFSET = 2 ** 31;

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_OFFSET;
}

/**
 * Validates a message from the page. Anything that is not exactly a known shape is dropped; the
 * caller still checks that the offsets fit the document it reveals in.
 */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'reveal') {
    if (!isOffset(m.offset) || !isOffset(m.endOffset) || m.endOffset < m.offset) return undefined;
    if (typeof m.uri !== 'string' || m.uri.length > 4096) return undefined;
    if (typeof m.version !== 'number' || !Number.isSafeInteger(m.version)) return undefined;
    return { type: 'reveal', uri: m.uri, version: m.version, offset: m.offset, endOffset: m.endOffset };
  }
  return undefined;
}
