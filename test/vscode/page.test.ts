// @vitest-environment happy-dom
// The report page script (media/report.js) in a DOM: it renders the posted model as text (no HTML
// injection from the document), draws the chart as SVG, and posts only reveal/ready messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { analyze } from '../../src/core/index.js';
import { buildReportModel } from '../../src/vscode/report.js';

// The root tsconfig has no DOM lib (src must not use it); reach happy-dom's globals untyped.
/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
const document: any = new Proxy({}, { get: (_t, k) => (typeof g.document[k] === 'function' ? g.document[k].bind(g.document) : g.document[k]) });

const script = readFileSync(join(process.cwd(), 'media', 'report.js'), 'utf8');

let posted: unknown[];
let state: unknown;

function load(): void {
  document.body.innerHTML = '<main id="app"><p id="empty">Loading…</p></main>';
  posted = [];
  (globalThis as Record<string, unknown>).acquireVsCodeApi = () => ({
    postMessage: (m: unknown) => posted.push(m),
    getState: () => state,
    setState: (s: unknown) => {
      state = s;
    },
  });
  // Run the page script as the webview would (a classic script).
  new Function(script)();
}

function post(data: unknown): void {
  g.window.dispatchEvent(new g.MessageEvent('message', { data }));
}

const EVIL = `# <script>alert('title')</script> Cache

We will reduce latency of the \`<img src=y onerror=alert(2)>\` query service.

This improves developer productivity for <b>teams</b> & <iframe src="https://evil.example"></iframe>.
`;

describe('report page', () => {
  beforeEach(() => {
    state = undefined;
    load();
  });

  test('announces itself', () => {
    expect(posted).toEqual([{ type: 'ready' }]);
  });

  test('renders score, level, chart and components from the model', () => {
    const model = buildReportModel(analyze(EVIL), { name: 'evil.md', uri: 'file:///ws/evil.md', version: 4 });
    post({ type: 'update', model });
    expect(document.getElementById('total')?.textContent).toBe(String(model.total));
    expect(document.getElementById('level')?.textContent).toBe(model.level);
    expect(document.getElementById('level-label')?.textContent).toBe(model.levelLabel);
    expect(document.getElementById('doc-name')?.textContent).toBe('evil.md');
    const svg = document.querySelector('#chart svg');
    expect(svg).not.toBeNull();
    expect(svg!.querySelectorAll('rect.bar')).toHaveLength(5);
    expect(document.querySelectorAll('section.component')).toHaveLength(5);
  });

  test('document text containing HTML renders as text, never as elements', () => {
    const model = buildReportModel(analyze(EVIL), { name: '<img src=x onerror=alert(1)>.md', uri: 'file:///ws/evil.md', version: 4 }, undefined, EVIL);
    // Whatever the core keeps of a sentence, the page must show it literally: put markup everywhere.
    const c = model.components[0]!;
    c.label = '<script>alert("label")</script>';
    c.detail = '<iframe src="https://evil.example"></iframe>';
    c.items.push({ ...c.items[0]!, text: '<img src=x onerror="alert(1)">' });
    c.items[0]!.why = '<b>bold</b>';
    model.levelLabel = '<svg onload=alert(1)>';
    model.findings.businessFraming = [{ ruleId: '<i>r</i>', reason: '<a href="javascript:alert(1)">x</a>', line: 3, offset: 0, endOffset: 1 }];
    c.items[0]!.rules = ['<u>rule</u>'];
    post({ type: 'update', model });
    expect(document.querySelectorAll('#app script, #app img, #app iframe, #app b, #app a, #app i, #app u, #app svg svg').length).toBe(0);
    const text = document.getElementById('app')!.textContent!;
    for (const s of ['<img src=x onerror="alert(1)">', '<iframe src="https://evil.example"></iframe>', '<script>alert("label")</script>', '<b>bold</b>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<i>r</i>', '<u>rule</u>']) {
      expect(text).toContain(s);
    }
    expect(document.getElementById('doc-name')!.textContent).toBe('<img src=x onerror=alert(1)>.md');
    // Sentences are shown as written (source text), inline code and all; as text too.
    expect(text).toContain('We will reduce latency of the `<img src=y onerror=alert(2)>` query service.');
    // No attribute anywhere carries an event handler.
    for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(a.startsWith('on')).toBe(false);
  });

  test('clicking a sentence asks the extension to reveal exactly its range', () => {
    const model = buildReportModel(analyze(EVIL), { name: 'evil.md', uri: 'file:///ws/evil.md', version: 4 });
    post({ type: 'update', model });
    const button = document.querySelector('section.component[data-id="businessFraming"] button.item.cost')!;
    expect(button).not.toBeNull();
    button.querySelector('.text')!.dispatchEvent(new g.MouseEvent('click', { bubbles: true }));
    const item = model.components[0]!.items.find((i) => i.effect === 'cost')!;
    expect(posted.at(-1)).toEqual({ type: 'reveal', uri: 'file:///ws/evil.md', version: 4, offset: item.offset, endOffset: item.endOffset });
  });

  test('malformed messages are ignored; empty state renders text', () => {
    post({ type: 'update', model: { total: '<b>9</b>' } });
    post(null);
    post('update');
    expect(document.getElementById('empty')?.textContent).toBe('Loading…');
    post({ type: 'empty', text: '<img src=x onerror=alert(1)>' });
    expect(document.querySelector('img')).toBeNull();
    expect(document.getElementById('empty')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  test('restores the last model from webview state when reloaded', () => {
    const model = buildReportModel(analyze(EVIL), { name: 'evil.md', uri: 'file:///ws/evil.md', version: 4 });
    post({ type: 'update', model });
    load();
    expect(document.getElementById('total')?.textContent).toBe(String(model.total));
  });
});
