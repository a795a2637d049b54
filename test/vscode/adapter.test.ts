// The vscode-dependent layer against a fake `vscode`: diagnostics published per version, stale
// results dropped, fixes as snippet edits from the side table and refused when stale, hover,
// config handling, and activation wiring.
import { beforeEach, describe, expect, test, vi } from 'vitest';

vi.mock('vscode', async () => await import('./vscode-mock.js'));

import * as vscode from 'vscode';
import { ConfigStore } from '../../src/vscode/configStore.js';
import { COMMANDS } from '../../src/vscode/constants.js';
import { FixProvider, buildCodeActions } from '../../src/vscode/fixes.js';
import { Linter } from '../../src/vscode/linter.js';
import { FakeDocument } from './fake-document.js';
import * as mock from './vscode-mock.js';

const EN = `# Query cache

We will reduce latency of the query service. This improves developer productivity.

The new cache cuts costs by [X]%.
`;

function setup() {
  const log = mock.window.createOutputChannel() as unknown as vscode.LogOutputChannel;
  const configs = new ConfigStore(log);
  const linter = new Linter(configs, log);
  const fixes = new FixProvider(linter);
  const collection = mock.calls.collections.at(-1)!;
  return { configs, linter, fixes, collection };
}

function open(uri: string, text: string, languageId = 'markdown'): FakeDocument {
  const doc = new FakeDocument(uri, text, languageId);
  mock.workspace.textDocuments.push(doc);
  return doc;
}

const asDoc = (d: FakeDocument) => d as unknown as vscode.TextDocument;

beforeEach(() => {
  mock.resetMock();
  mock.workspace.workspaceFolders = [{ uri: mock.Uri.parse('file:///ws'), name: 'ws', index: 0 }];
});

describe('diagnostics', () => {
  test('published with source, rule code + doc link, Information severity, exact ranges', async () => {
    const { linter, collection } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = await linter.lint(asDoc(doc));
    expect(rec?.version).toBe(1);
    const diags = collection.get(doc.uri)!;
    expect(diags.length).toBe(rec!.result.messages.length);
    const tech = diags.find((d) => (d.code as { value: string }).value === 'tech-value')!;
    expect(tech.source).toBe('bizlang');
    expect((tech.code as { target: mock.Uri }).target.toString()).toBe('https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value');
    expect(tech.severity).toBe(mock.DiagnosticSeverity.Information);
    expect(tech.range).toEqual(new mock.Range(2, 0, 2, 44));
    expect(tech.message).toBe('Technical value claim with no business consequence');
  });

  test('a result for an older version is never shown', async () => {
    const { linter, collection } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const pending = linter.lint(asDoc(doc));
    doc.setText(`${EN}\nWe improved stability.\n`); // edited while the analysis ran
    expect(await pending).toBeUndefined();
    expect(collection.get(doc.uri)).toBeUndefined();
    expect(linter.records.get(doc.uri.toString())).toBeUndefined();
  });

  test('of two overlapping runs only the newest publishes', async () => {
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const first = linter.lint(asDoc(doc));
    const second = linter.lint(asDoc(doc));
    expect(await first).toBeUndefined();
    expect((await second)?.version).toBe(1);
  });

  test('an edit cancels the running analysis (generation bump) before the debounce re-lints', async () => {
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const pending = linter.lint(asDoc(doc));
    linter.changed(asDoc(doc));
    expect(await pending).toBeUndefined();
  });

  test('closing clears diagnostics and the side table', async () => {
    const { linter, collection } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    linter.clear(doc.uri as unknown as vscode.Uri);
    expect(collection.get(doc.uri)).toBeUndefined();
    expect(linter.records.size).toBe(0);
  });

  test('other languages are left alone unless bizlang.languages adds them', async () => {
    const { linter, collection } = setup();
    const txt = open('file:///ws/notes.txt', EN, 'plaintext');
    expect(await linter.lint(asDoc(txt))).toBeUndefined();
    expect(collection.get(txt.uri)).toBeUndefined();
    mock.settingsStore.languages = ['markdown', 'plaintext'];
    expect(await linter.lint(asDoc(txt))).toBeDefined();
  });

  test('bizlang.severity changes the reported severity, off hides the rule', async () => {
    const { linter, collection } = setup();
    mock.settingsStore.severity = { 'tech-value': 'error', 'unquantified-impact': 'off' };
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    const diags = collection.get(doc.uri)!;
    expect(diags.find((d) => (d.code as { value: string }).value === 'tech-value')!.severity).toBe(mock.DiagnosticSeverity.Error);
    expect(diags.some((d) => (d.code as { value: string }).value === 'unquantified-impact')).toBe(false);
  });

  test('a large document is analysed in slices: the event loop keeps turning', async () => {
    const { linter } = setup();
    const para = 'We will reduce latency of the query service. This improves developer productivity for the payments team.';
    const big = `# Big\n\n${Array.from({ length: 1000 }, (_, i) => `${para} Section ${i}.`).join('\n\n')}\n`;
    const doc = open('file:///ws/big.md', big);
    let last = performance.now();
    let maxGap = 0;
    let ticks = 0;
    let running = true;
    const tick = () => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const rec = await linter.lint(asDoc(doc));
    // The stretch from the last tick to here (publishing the result) counts too.
    maxGap = Math.max(maxGap, performance.now() - last);
    running = false;
    expect(rec?.result.messages.length).toBeGreaterThan(1000);
    expect(ticks).toBeGreaterThan(10);
    // Slices are ~20 ms; allow for slow CI machines, but never a long freeze.
    expect(maxGap).toBeLessThan(250);
  }, 60_000);
});

describe('config', () => {
  test('nearest .bizlangrc.json applies; a broken one is reported and linting continues with the valid part', async () => {
    mock.files.set('file:///ws/.bizlangrc.json', JSON.stringify({ rules: { 'tech-value': 'warning' } }));
    mock.files.set('file:///ws/docs/.bizlangrc.json', JSON.stringify({ rules: { 'tech-value': 'hint', 'tech-valu': 'off' }, language: 'klingon' }));
    const { linter, collection } = setup();
    const root = open('file:///ws/a.md', EN);
    const nested = open('file:///ws/docs/design/b.md', EN);
    await linter.lint(asDoc(root));
    const rec = await linter.lint(asDoc(nested));
    const sev = (uri: mock.Uri) => collection.get(uri)!.find((d) => (d.code as { value: string }).value === 'tech-value')!.severity;
    expect(sev(root.uri)).toBe(mock.DiagnosticSeverity.Warning);
    expect(sev(nested.uri)).toBe(mock.DiagnosticSeverity.Hint);
    expect(rec!.config.problems.map((p) => p.field).sort()).toEqual(['language', 'rules.tech-valu']);
    expect(mock.calls.log.join('\n')).toMatch(/docs\/\.bizlangrc\.json: rules\.tech-valu: unknown rule id/);
  });

  test('invalid JSON: defaults, with the problem logged; fixing the file clears it', async () => {
    mock.files.set('file:///ws/.bizlangrc.json', '{ "rules": { ');
    const { linter, configs } = setup();
    const doc = open('file:///ws/a.md', EN);
    const rec = await linter.lint(asDoc(doc));
    expect(rec!.result.messages.length).toBeGreaterThan(0);
    expect(rec!.config.problems[0]!.message).toMatch(/invalid JSON/);
    mock.files.set('file:///ws/.bizlangrc.json', '{ "rules": { "value-map": "off" } }');
    configs.invalidate();
    const again = await linter.lint(asDoc(doc));
    expect(again!.config.problems).toEqual([]);
    expect(again!.result.messages.some((m) => m.ruleId === 'value-map')).toBe(false);
  });

  test('ignore globs skip documents', async () => {
    mock.files.set('file:///ws/.bizlangrc.json', JSON.stringify({ ignore: ['archive/**'] }));
    const { linter, collection } = setup();
    const doc = open('file:///ws/archive/old.md', EN);
    expect(await linter.lint(asDoc(doc))).toBeUndefined();
    expect(collection.get(doc.uri)).toBeUndefined();
  });
});

describe('quick fixes', () => {
  test('code actions: one per suggestion, disable, learn more; commands carry uri, version, fix id', async () => {
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = (await linter.lint(asDoc(doc)))!;
    const actions = buildCodeActions(rec, doc.uri as unknown as vscode.Uri, new mock.Range(2, 5, 2, 5) as unknown as vscode.Range);
    expect(actions.map((a) => a.title)).toEqual([
      'Add business impact: user wait, conversion',
      'Add business impact: capacity cost',
      'Add business impact: onboarding cost, launch speed, compliance risk',
      'Disable tech-value for this line',
      'Learn more about tech-value',
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
    expect(actions[0]!.kind).toBe(mock.CodeActionKind.QuickFix);
    expect(actions[0]!.diagnostics?.[0]?.message).toBe('Technical value claim with no business consequence');
    expect(actions[0]!.command).toEqual({ command: COMMANDS.applyFix, title: actions[0]!.title, arguments: ['file:///ws/doc.md', 1, rec.fixes.all().find((f) => f.title === actions[0]!.title)!.id] });
    expect(actions[4]!.command).toEqual({ command: COMMANDS.openRuleDoc, title: 'Learn more about tech-value', arguments: ['https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value'] });
    // The provider refuses other kinds (e.g. source.fixAll).
    const ctx = { only: mock.CodeActionKind.SourceFixAll, diagnostics: [], triggerKind: 1 } as unknown as vscode.CodeActionContext;
    expect(new FixProvider(linter).provideCodeActions(asDoc(doc), new mock.Range(2, 5, 2, 5) as unknown as vscode.Range, ctx)).toEqual([]);
  });

  test('applying a suggestion is one SnippetTextEdit whose placeholders are tab stops', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = (await linter.lint(asDoc(doc)))!;
    const plan = rec.fixes.all().find((f) => f.title === 'Add business impact: user wait, conversion')!;
    expect(await fixes.applyFix('file:///ws/doc.md', 1, plan.id)).toBe(true);
    const edit = mock.calls.appliedEdits[0]!;
    const edits = edit.get(doc.uri);
    expect(edits).toHaveLength(1);
    const e = edits[0] as mock.SnippetTextEdit;
    expect(e).toBeInstanceOf(mock.SnippetTextEdit);
    expect(e.snippet.value).toBe(', cutting user-facing wait by ${1:[X]}% and lifting conversion by ${2:[Y]}% for ${3:[who]}');
    expect(e.keepWhitespace).toBe(true);
    expect(e.range).toEqual(new mock.Range(2, 43, 2, 43));
    expect(mock.calls.warnings).toEqual([]);
  });

  test('the value-map fix inserts the section as a snippet', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = (await linter.lint(asDoc(doc)))!;
    const plan = rec.fixes.all().find((f) => f.title === 'Insert Business Value Map section')!;
    expect(await fixes.applyFix('file:///ws/doc.md', 1, plan.id)).toBe(true);
    const e = mock.calls.appliedEdits[0]!.get(doc.uri)[0] as mock.SnippetTextEdit;
    expect(e.snippet.value).toContain('## Business Value Map');
    expect(e.snippet.value).toMatch(/\$\{1:\[[^\]]+\]\}/);
  });

  test('disable inserts the directive as a plain edit', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = (await linter.lint(asDoc(doc)))!;
    const plan = rec.fixes.all().find((f) => f.title === 'Disable tech-value for this line')!;
    await fixes.applyFix('file:///ws/doc.md', 1, plan.id);
    const e = mock.calls.appliedEdits[0]!.get(doc.uri)[0] as mock.TextEdit;
    expect(e).toBeInstanceOf(mock.TextEdit);
    expect(e.newText).toBe('<!-- bizlang-disable-next-line tech-value -->\n');
    expect(e.range).toEqual(new mock.Range(2, 0, 2, 0));
  });

  test('a fix for an older version is refused with a message, and the document is re-linted', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const rec = (await linter.lint(asDoc(doc)))!;
    const plan = rec.fixes.all()[0]!;
    doc.setText(`Intro line.\n\n${EN}`);
    expect(await fixes.applyFix('file:///ws/doc.md', 1, plan.id)).toBe(false);
    expect(mock.calls.appliedEdits).toEqual([]);
    expect(mock.calls.warnings[0]).toMatch(/document changed since this fix was computed/);
    await vi.waitFor(() => expect(linter.records.get('file:///ws/doc.md')?.version).toBe(2), { timeout: 10_000 });
  });

  test('unknown fix ids and malformed arguments do nothing harmful', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    expect(await fixes.applyFix('file:///ws/doc.md', 1, 'nope')).toBe(false);
    expect(await fixes.applyFix(42, 1, 'x')).toBe(false);
    expect(await fixes.applyFix('file:///ws/other.md', 1, '0.s0')).toBe(false);
    expect(mock.calls.appliedEdits).toEqual([]);
  });
});

describe('hover', () => {
  test('why, the question, and the suggestions for the flagged span; nothing when stale', async () => {
    const { linter, fixes } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    const hover = fixes.provideHover(asDoc(doc), new mock.Position(2, 10) as unknown as vscode.Position)!;
    const md = (hover.contents as unknown as mock.MarkdownString).value;
    expect(md).toContain('says what changed technically');
    expect(md).toContain('Who benefits');
    expect(md).toContain('Add business impact: capacity cost');
    expect((hover.contents as unknown as mock.MarkdownString).isTrusted).toBe(false);
    expect(fixes.provideHover(asDoc(doc), new mock.Position(1, 0) as unknown as vscode.Position)).toBeUndefined();
    doc.setText(EN.replace('query', 'search'));
    expect(fixes.provideHover(asDoc(doc), new mock.Position(2, 10) as unknown as vscode.Position)).toBeUndefined();
  });
});

describe('activation', () => {
  test('registers every command, lints open Markdown documents', async () => {
    const doc = open('file:///ws/doc.md', EN);
    const { activate } = await import('../../src/vscode/extension.js');
    const context = { subscriptions: [] as Array<{ dispose(): void }>, extensionUri: mock.Uri.parse('file:///ext') };
    const api = activate(context as unknown as vscode.ExtensionContext);
    for (const id of Object.values(COMMANDS)) expect(mock.calls.commands.has(id)).toBe(true);
    await vi.waitFor(() => expect(api.linter.records.get(doc.uri.toString())).toBeDefined(), { timeout: 10_000 });
    expect(mock.calls.statusItems.map((s) => s.id)).toContain('bizlang.score');
    for (const d of context.subscriptions) d.dispose();
  });
});

describe('run mode', () => {
  test('onType: an edit re-lints after the debounce', async () => {
    mock.settingsStore.debounce = 0;
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    doc.setText(EN.replace('query service', 'search service'));
    linter.changed(asDoc(doc));
    expect(linter.isBusy(doc.uri.toString())).toBe(true);
    await vi.waitFor(() => expect(linter.records.get(doc.uri.toString())?.version).toBe(2), { timeout: 10_000 });
  });

  test('onSave: an edit does not re-lint by itself', async () => {
    mock.settingsStore.run = 'onSave';
    mock.settingsStore.debounce = 0;
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    doc.setText(EN.replace('query service', 'search service'));
    linter.changed(asDoc(doc));
    expect(linter.isBusy(doc.uri.toString())).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(linter.records.get(doc.uri.toString())?.version).toBe(1);
  });
});

describe('commands', () => {
  test('Lint Workspace: every Markdown file not open, results in the diagnostics collection', async () => {
    mock.files.set('file:///ws/a.md', EN);
    mock.files.set('file:///ws/docs/b.md', '# B\n\nWe improved the stability of the cluster.\n');
    mock.files.set('file:///ws/node_modules/pkg/readme.md', EN);
    const { linter, collection } = setup();
    const { lintWorkspace } = await import('../../src/vscode/commands.js');
    const log = mock.window.createOutputChannel() as unknown as vscode.LogOutputChannel;
    const summary = await lintWorkspace(linter, log);
    expect(summary.files).toBe(2);
    expect(summary.findings).toBe(collection.get(mock.Uri.parse('file:///ws/a.md'))!.length + collection.get(mock.Uri.parse('file:///ws/docs/b.md'))!.length);
    expect(collection.get(mock.Uri.parse('file:///ws/node_modules/pkg/readme.md'))).toBeUndefined();
    expect(mock.calls.infos.at(-1)).toMatch(/^Bizlang: \d+ finding\(s\) in 2 file\(s\)\.$/);
  });

  test('Insert Business Value Map: the finding\'s section as a snippet where the finding puts it', async () => {
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    const inserted: Array<{ snippet: string; at: unknown }> = [];
    const editor = {
      document: doc,
      selection: new mock.Selection(new mock.Position(0, 0), new mock.Position(0, 0)),
      insertSnippet: async (s: mock.SnippetString, at: unknown) => {
        inserted.push({ snippet: s.value, at });
        return true;
      },
    };
    const { insertValueMap } = await import('../../src/vscode/commands.js');
    expect(await insertValueMap(linter, editor as unknown as vscode.TextEditor)).toBe(true);
    expect(inserted[0]!.snippet).toMatch(/^\n## Business Value Map\n\n- \*\*/);
    expect(inserted[0]!.snippet).toContain('${1:[');
    expect(inserted[0]!.at).toEqual(new mock.Range(1, 0, 1, 0));
  });

  test('Open Configuration: creates .bizlangrc.json from the template when missing', async () => {
    const { configs } = setup();
    const doc = open('file:///ws/docs/doc.md', EN);
    const { openConfiguration } = await import('../../src/vscode/commands.js');
    const uri = await openConfiguration(configs, asDoc(doc));
    expect(uri?.toString()).toBe('file:///ws/.bizlangrc.json');
    const text = mock.files.get('file:///ws/.bizlangrc.json') as string;
    expect(JSON.parse(text).rules['tech-value']).toBe('info');
    // Existing nearest config is opened, not overwritten.
    mock.files.set('file:///ws/docs/.bizlangrc.json', '{}');
    configs.invalidate();
    expect((await openConfiguration(configs, asDoc(doc)))?.toString()).toBe('file:///ws/docs/.bizlangrc.json');
    expect(mock.files.get('file:///ws/docs/.bizlangrc.json')).toBe('{}');
  });
});

describe('score report panel', () => {
  async function openReport() {
    const { linter } = setup();
    const doc = open('file:///ws/doc.md', EN);
    await linter.lint(asDoc(doc));
    const { ReportPanel } = await import('../../src/vscode/reportPanel.js');
    const report = new ReportPanel(mock.Uri.parse('file:///ext') as unknown as vscode.Uri, linter, () => asDoc(doc));
    report.show(asDoc(doc));
    const panel = mock.window.panels.at(-1)!;
    return { linter, doc, report, panel };
  }

  test('scripts enabled, resources only from media/, strict CSP, the model posted as JSON', async () => {
    const { panel, doc } = await openReport();
    const opts = panel.webview.options as { enableScripts: boolean; localResourceRoots: mock.Uri[]; enableCommandUris: boolean };
    expect(opts.enableScripts).toBe(true);
    expect(opts.enableCommandUris).toBe(false);
    expect(opts.localResourceRoots.map((u) => u.toString())).toEqual(['file:///ext/media']);
    expect(panel.webview.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9]{32}'/);
    expect(panel.title).toBe('Bizlang Score: doc.md');
    const update = panel.posted.at(-1) as { type: string; model: { doc: { uri: string; version: number }; total: number } };
    expect(update.type).toBe('update');
    expect(update.model.doc).toMatchObject({ uri: doc.uri.toString(), version: 1 });
  });

  test('reveal requests are validated: wrong document, out-of-range or malformed ones are ignored', async () => {
    const { panel, doc, linter } = await openReport();
    const uri = doc.uri.toString();
    for (const bad of [
      { type: 'reveal', uri: 'file:///ws/other.md', version: 1, offset: 0, endOffset: 3 },
      { type: 'reveal', uri, version: 1, offset: 0, endOffset: EN.length + 1 },
      { type: 'reveal', uri, version: 1, offset: 5, endOffset: 2 },
      { type: 'run', command: 'workbench.action.terminal.new' },
      'reveal',
    ]) {
      panel.receive(bad);
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(mock.window.shown).toEqual([]);
    const tech = linter.records.get(uri)!.result.messages.find((m) => m.ruleId === 'tech-value')!;
    panel.receive({ type: 'reveal', uri, version: 1, offset: tech.offset, endOffset: tech.endOffset });
    await vi.waitFor(() => expect(mock.window.shown).toHaveLength(1), { timeout: 10_000 });
    const options = mock.window.shown[0]!.options as { selection: mock.Range };
    expect(options.selection).toEqual(new mock.Range(2, 0, 2, 44));
  });

  test('follows re-lints of its document', async () => {
    const { panel, doc, linter } = await openReport();
    const before = panel.posted.length;
    doc.setText(`${EN}\nThis cuts onboarding time for new business lines from 10 days to 2 days.\n`);
    await linter.lint(asDoc(doc));
    const update = panel.posted.at(-1) as { model: { doc: { version: number } } };
    expect(panel.posted.length).toBeGreaterThan(before);
    expect(update.model.doc.version).toBe(2);
  });
});

describe('sentence networks (src/vscode/networks.ts)', () => {
  test('none in the build: the n-gram model alone, nothing said', async () => {
    const { loadNetworks } = await import('../../src/vscode/networks.js');
    const log = mock.window.createOutputChannel() as unknown as vscode.LogOutputChannel;
    mock.calls.log.length = 0;
    expect(await loadNetworks(mock.Uri.parse('file:///ext') as unknown as vscode.Uri, log)).toBe(false);
    expect(mock.calls.log.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  test('read as bytes through workspace.fs; one the core cannot use is said once, naming it, and linting goes on', async () => {
    const { loadNetworks } = await import('../../src/vscode/networks.js');
    const { useNetworks } = await import('../../src/core/index.js');
    const log = mock.window.createOutputChannel() as unknown as vscode.LogOutputChannel;
    mock.calls.log.length = 0;
    mock.files.set('file:///ext/dist/net-en.bin', new Uint8Array([0x42, 0x5a, 0x4e, 0x31, 0xff, 0, 0, 0]));
    try {
      expect(await loadNetworks(mock.Uri.parse('file:///ext') as unknown as vscode.Uri, log)).toBe(true);
      const { linter } = setup();
      const doc = open('file:///ws/net.md', EN);
      await linter.lint(asDoc(doc));
      await linter.lint(asDoc(open('file:///ws/net2.md', `${EN}\nMore text here.\n`)));
      expect(linter.records.get(doc.uri.toString())!.result.messages.some((m) => m.ruleId === 'tech-value')).toBe(true);
      const warnings = mock.calls.log.filter((l) => l.startsWith('warn'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/file:\/\/\/ext\/dist\/net-en\.bin: the en sentence network cannot be used \(malformed network/);
    } finally {
      mock.files.delete('file:///ext/dist/net-en.bin');
      useNetworks(null);
    }
  });
});
