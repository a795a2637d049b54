import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/core/index.js';
import { buildReportModel, sourceSentence, contentSecurityPolicy, escapeHtml, makeNonce, parsePageMessage, renderReportHtml } from '../../src/vscode/report.js';

const EN = `# Query cache

We will reduce latency of the query service. This improves developer productivity.

The new cache cuts costs by [X]%.
`;

const shell = (nonce = 'N0nceN0nceN0nceN0nceN0nceN0nce12') =>
  renderReportHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css',
    uiLang: 'en',
    title: 'Bizlang Score',
    loading: 'Loading…',
  });

describe('report model', () => {
  test('carries total, level, the five components in order, and findings grouped by component', () => {
    const result = analyze(EN);
    const model = buildReportModel(result, { name: 'doc.md', uri: 'file:///ws/doc.md', version: 7 });
    expect(model.total).toBe(result.score.total);
    expect(model.level).toBe(result.score.level);
    expect(model.levelLabel).toBe('platform view');
    expect(model.doc).toEqual({ name: 'doc.md', uri: 'file:///ws/doc.md', version: 7, lang: 'en' });
    expect(model.components.map((c) => c.id)).toEqual(['businessFraming', 'quantified', 'beneficiaries', 'valueMap', 'placeholders']);
    // Findings inside a sentence that cost points are shown on it; the rest are listed per component.
    const byId = Object.fromEntries(model.components.map((c) => [c.id, c]));
    const costWith = (id: string, rule: string) => byId[id]!.items.filter((i) => i.effect === 'cost' && i.rules?.includes(rule));
    expect(costWith('businessFraming', 'tech-value').map((i) => i.text)).toEqual(['We will reduce latency of the query service.']);
    expect(costWith('quantified', 'unquantified-impact').map((i) => i.text)).toEqual(['This improves developer productivity.']);
    expect(costWith('placeholders', 'unfilled-placeholder').map((i) => i.text)).toEqual(['The new cache cuts costs by [X]%.']);
    expect(model.findings.valueMap?.map((f) => f.ruleId)).toEqual(['value-map']);
    expect(model.findings.businessFraming).toBeUndefined();
    // Every finding of the analysis appears exactly once.
    const shown = model.components.flatMap((c) => c.items.flatMap((i) => i.rules ?? [])).length + Object.values(model.findings).flat().length;
    expect(shown).toBe(result.messages.length);
    // Plain JSON: survives postMessage unchanged.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

test('sentences are shown as written, on one line', () => {
  const src = 'We ship `fast-cache`\n  to cut costs.';
  expect(sourceSentence(src, { offset: 0, endOffset: src.length, text: 'We ship TECHTERM to cut costs.' })).toBe('We ship `fast-cache` to cut costs.');
  expect(sourceSentence(undefined, { offset: 0, endOffset: 3, text: 'abc' })).toBe('abc');
  expect(sourceSentence('ab', { offset: 0, endOffset: 9, text: 'stale' })).toBe('stale');
});

describe('webview HTML', () => {
  test('strict CSP with a nonce; scripts only with that nonce; no inline code, no remote sources', () => {
    const nonce = makeNonce();
    const html = shell(nonce);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*\s|https?:\/\/(?!file\+\.vscode-resource)/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain(`nonce="${nonce}"`);
    expect(scripts[0]![2]).toBe('');
    // Every src/href is the webview's own resource origin.
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\//);
    expect(html).not.toMatch(/\son\w+=/);
  });

  test('CSP helper names no remote host', () => {
    const csp = contentSecurityPolicy('vscode-webview://abc', 'xyz');
    expect(csp).toBe("default-src 'none'; img-src vscode-webview://abc data:; style-src vscode-webview://abc; font-src vscode-webview://abc; script-src 'nonce-xyz'; connect-src 'none'; form-action 'none'; base-uri 'none'");
  });

  test('nonces are long, alphanumeric and fresh', () => {
    const a = makeNonce();
    const b = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
  });

  test('shell values are escaped', () => {
    const html = renderReportHtml({
      cspSource: 'x',
      nonce: 'n',
      scriptUri: 'a"><script>alert(1)</script>',
      styleUri: 's',
      uiLang: 'en',
      title: '<b>t</b>',
      loading: '<img src=x onerror=alert(1)>',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('messages from the page', () => {
  test('known shapes pass', () => {
    expect(parsePageMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parsePageMessage({ type: 'reveal', uri: 'file:///a.md', version: 3, offset: 5, endOffset: 9, extra: 1 })).toEqual({
      type: 'reveal',
      uri: 'file:///a.md',
      version: 3,
      offset: 5,
      endOffset: 9,
    });
  });

  test('anything else is dropped', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'reveal',
      42,
      [],
      { type: 'exec', command: 'workbench.action.terminal.new' },
      { type: 'reveal', uri: 'file:///a.md', version: 1, offset: -1, endOffset: 3 },
      { type: 'reveal', uri: 'file:///a.md', version: 1, offset: 5, endOffset: 3 },
      { type: 'reveal', uri: 'file:///a.md', version: 1, offset: 1.5, endOffset: 3 },
      { type: 'reveal', uri: 'file:///a.md', version: 1, offset: '1', endOffset: 3 },
      { type: 'reveal', uri: 'file:///a.md', version: 1, offset: 1, endOffset: Number.POSITIVE_INFINITY },
      { type: 'reveal', uri: 7, version: 1, offset: 1, endOffset: 3 },
      { type: 'reveal', uri: 'file:///a.md', version: '1', offset: 1, endOffset: 3 },
      { type: 'reveal', uri: 'x'.repeat(5000), version: 1, offset: 1, endOffset: 3 },
    ];
    for (const b of bad) expect(parsePageMessage(b)).toBeUndefined();
  });
});
