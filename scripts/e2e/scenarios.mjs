// The end-to-end scenarios. Each runs against a real code-server with the packaged .vsix, through
// the UI; every step is screenshotted by the runner (`t.step`). Expected findings and scores come
// from the core (t.cli), computed on the same text the editor holds.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLACEHOLDER, expectedRows, positionAt } from './cli.mjs';
import { eventually, waitForDisk } from './workbench.mjs';

const EN = 'examples/design-doc.en.md';
const ZH = 'examples/design-doc.zh.md';

/** The workspaces review at the `thorough` sensitivity, so the example docs have findings of every
 * kind for the scenarios to act on (the default, `precise`, reports only the likeliest). */
const REVIEW_CONFIG = { text: '{ "sensitivity": "thorough" }\n' };

/** The code-server instances: `en` and `zh` (display language) run the extension in the Node
 * extension host, as code-server does by default; `web` forces it into the browser's web worker
 * extension host — the host of vscode.dev and github.dev, with no Node, no `fs`, no `process` —
 * with the `remote.extensionKind` user setting, which code-server 4.100 (VS Code 1.100) honours for
 * an extension that has a `browser` entry. */
export const INSTANCES = {
  en: {},
  zh: { locale: 'zh-cn' },
  web: { settings: { 'remote.extensionKind': { 'bizlang.bizlang': ['web'] } } },
};

/** Workspace files per code-server instance: workspace path → repository file (or text). */
export const WORKSPACES = {
  en: {
    '.bizlangrc.json': REVIEW_CONFIG,
    'design-doc.en.md': EN,
    'design-doc.zh.md': ZH,
    'rewrite.en.md': EN,
    'rewrite.zh.md': ZH,
    'disable.en.md': EN,
    'disable.zh.md': ZH,
    'report.en.md': EN,
    'config/config.en.md': EN,
    'notes.txt': { text: 'Plain text is not checked by Bizlang.\n' },
  },
  zh: {
    '.bizlangrc.json': REVIEW_CONFIG,
    'design-doc.zh.md': ZH,
  },
  web: {
    '.bizlangrc.json': REVIEW_CONFIG,
    'design-doc.en.md': EN,
    'design-doc.zh.md': ZH,
    'rewrite.en.md': EN,
    'rewrite.zh.md': ZH,
    'report.en.md': EN,
    'config/config.en.md': EN,
    'notes.txt': { text: 'Plain text is not checked by Bizlang.\n' },
  },
};

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const base = (rel) => rel.slice(rel.lastIndexOf('/') + 1);

/** Opens a doc and waits until the extension's findings are underlined (the first time includes activation). */
async function openLinted(t, rel) {
  await t.wb.openFile(rel);
  await t.page.locator('.editor-group-container.active .editor-instance .squiggly-info, .editor-group-container.active .editor-instance .squiggly-warning').first().waitFor({ timeout: 45_000 });
}

/** A column inside a finding's range, away from its first character. */
function inside(m) {
  return m.endLine === m.line && m.endColumn - m.column > 2 ? m.column + 2 : m.column;
}

// 1 ---------------------------------------------------------------------------------------------
async function problemsPanel(t) {
  for (const rel of ['design-doc.en.md', 'design-doc.zh.md']) {
    const file = t.path(rel);
    const messages = t.cli.check(file);
    const rules = new Set(messages.map((m) => m.ruleId));
    assert(rules.has('tech-value') && rules.has('unquantified-impact'), `the core finds no tech-value/unquantified-impact in ${rel}: the example changed?`);
    const expected = expectedRows(messages);
    await t.step(`open ${rel}`, () => openLinted(t, rel));
    await t.step(`Problems panel lists the ${expected.length} findings of ${rel} (source bizlang, rule code, line and column)`, async () => {
      const rows = await t.wb.expectProblems(base(rel), expected);
      t.note(`${rel}: ${rows.length} rows`);
    });
    await t.step(`closing ${rel} clears its findings`, async () => {
      await t.wb.closeAllEditors();
      await t.wb.expectProblems(base(rel), []);
    });
  }
}

// 2 ---------------------------------------------------------------------------------------------
function pickRewrite(messages) {
  for (const m of messages) {
    if (m.ruleId !== 'tech-value') continue;
    for (const s of m.suggestions ?? []) {
      const placeholders = s.text.match(PLACEHOLDER) ?? [];
      if (placeholders.length >= 2) return { m, s, placeholders };
    }
  }
  return undefined;
}

async function rewrite(t, rel) {
  const file = t.path(rel);
  const original = readFileSync(file, 'utf8');
  const pick = pickRewrite(t.cli.check(file));
  assert(pick, `no tech-value rewrite with two placeholders in ${rel}`);
  const { m, s, placeholders } = pick;
  const inserted = original.slice(0, s.offset) + s.text + original.slice(s.endOffset);
  // The first tab stop selects the first placeholder; typing replaces it, Tab selects the next.
  const first = s.offset + s.text.search(PLACEHOLDER);
  const firstEnd = positionAt(inserted, first + placeholders[0].length);
  await t.step(`open ${rel}, cursor in the finding at line ${m.line}`, async () => {
    await openLinted(t, rel);
    await t.wb.gotoLine(m.line, inside(m));
  });
  await t.step(`quick fix "${s.title}"`, async () => {
    await t.wb.applyQuickFix(s.title);
    await t.wb.waitSelection(`Ln ${firstEnd.line}, Col ${firstEnd.column} (${placeholders[0].length} selected)`);
  });
  await t.step('saved file holds the rewrite with its placeholders', async () => {
    await t.wb.save();
    await waitForDisk(file, (text) => text === inserted, `${rel} on disk to hold the rewrite`);
  });
  const typedFirst = '25';
  const afterFirst = inserted.slice(0, first) + typedFirst + inserted.slice(first + placeholders[0].length);
  const secondIndex = afterFirst.slice(first + typedFirst.length).search(PLACEHOLDER) + first + typedFirst.length;
  const secondEnd = positionAt(afterFirst, secondIndex + placeholders[1].length);
  await t.step(`type ${typedFirst} in the first tab stop, Tab selects the next placeholder ${placeholders[1]}`, async () => {
    await t.page.keyboard.type(typedFirst);
    await t.page.keyboard.press('Tab');
    await t.wb.waitSelection(`Ln ${secondEnd.line}, Col ${secondEnd.column} (${placeholders[1].length} selected)`);
  });
  const typedSecond = '3';
  const final = afterFirst.slice(0, secondIndex) + typedSecond + afterFirst.slice(secondIndex + placeholders[1].length);
  await t.step(`type ${typedSecond}, save: both numbers are on disk`, async () => {
    await t.page.keyboard.type(typedSecond);
    await t.page.keyboard.press('Escape');
    await t.wb.save();
    await waitForDisk(file, (text) => text === final, `${rel} on disk to hold the filled rewrite`);
  });
  await t.wb.closeAllEditors();
}

// 3 ---------------------------------------------------------------------------------------------
async function disableLine(t, rel) {
  const file = t.path(rel);
  const original = readFileSync(file, 'utf8');
  const before = t.cli.check(file);
  const m = before.find((x) => x.ruleId === 'tech-value');
  assert(m, `no tech-value finding in ${rel}`);
  const lines = original.split('\n');
  const indent = /^[ \t]*/.exec(lines[m.line - 1])[0];
  const comment = `${indent}<!-- bizlang-disable-next-line tech-value -->`;
  const expectedText = [...lines.slice(0, m.line - 1), comment, ...lines.slice(m.line - 1)].join('\n');
  await t.step(`open ${rel}, cursor in the tech-value finding at line ${m.line}`, async () => {
    await openLinted(t, rel);
    await t.wb.expectProblems(base(rel), expectedRows(before));
    await t.wb.gotoLine(m.line, inside(m));
  });
  await t.step('quick fix "Disable tech-value for this line" inserts the comment', async () => {
    await t.wb.applyQuickFix(t.ui.disableTitle('tech-value'));
    await t.wb.save();
    await waitForDisk(file, (text) => text === expectedText, `${rel} on disk to hold the disable comment above line ${m.line}`);
  });
  await t.step(`the finding is gone (line ${m.line} is now ${m.line + 1}); the others remain`, async () => {
    const after = t.cli.check(file, expectedText);
    assertEqual(after.length, before.length - 1, 'findings after disabling one line');
    assert(!after.some((x) => x.ruleId === 'tech-value' && x.line === m.line + 1), 'the core still reports the disabled line');
    await t.wb.expectProblems(base(rel), expectedRows(after));
  });
  await t.wb.closeAllEditors();
}

// 4 ---------------------------------------------------------------------------------------------
async function scoreReport(t) {
  const rel = 'report.en.md';
  const file = t.path(rel);
  const text = readFileSync(file, 'utf8');
  const score = t.cli.score(file);
  const report = t.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await t.step(`open ${rel}`, () => openLinted(t, rel));
  await t.step('"Bizlang: Score This Document" shows the score and level', async () => {
    await t.wb.runCommand('Bizlang: Score This Document');
    await eventually(`the report to show ${score.total}`, async () => (await report.locator('#total').textContent({ timeout: 1000 })) === String(score.total));
    assertEqual(await report.locator('#level').textContent(), score.level, 'report level');
    assertEqual(await report.locator('#level-label').textContent(), score.levelLabel, 'report level label');
    assertEqual(await report.locator('#doc-name').textContent(), rel, 'report document name');
    assertEqual(await report.locator('#chart svg rect.bar').count(), 5, 'bars in the chart');
  });
  const finding = report.locator('button.finding').first();
  await t.step('clicking a finding in the report reveals it in the editor', async () => {
    const offset = Number(await finding.getAttribute('data-offset'));
    const endOffset = Number(await finding.getAttribute('data-end-offset'));
    const line = Number(await finding.getAttribute('data-line'));
    assertEqual(positionAt(text, offset).line, line, 'finding line vs its offset');
    const end = positionAt(text, endOffset);
    await finding.click();
    await t.wb.waitSelection(`Ln ${end.line}, Col ${end.column} (${endOffset - offset} selected)`);
  });
  const costs = report.locator('section.component[data-id="businessFraming"] button.item.cost');
  let target;
  await t.step('clicking a sentence that costs points reveals its line', async () => {
    const n = await costs.count();
    assert(n >= 2, `expected at least two technical claims in the report, got ${n}`);
    target = costs.nth(n - 1);
    const offset = Number(await target.getAttribute('data-offset'));
    const endOffset = Number(await target.getAttribute('data-end-offset'));
    const end = positionAt(text, endOffset);
    await target.click();
    await t.wb.waitSelection(`Ln ${end.line}, Col ${end.column} (${endOffset - offset} selected)`);
  });
  await t.step('editing the document updates the score in the open report', async () => {
    const line = Number(await costs.nth(1).getAttribute('data-line'));
    const lines = text.split('\n');
    const edited = [...lines.slice(0, line - 1), ...lines.slice(line)].join('\n');
    const next = t.cli.score(file, edited);
    assert(next.total !== score.total, `deleting line ${line} does not change the core's score (${score.total}); pick another edit`);
    await t.page.keyboard.press('Control+1');
    await t.wb.waitActiveEditor(rel);
    await t.wb.gotoLine(line, 1);
    await t.page.keyboard.press('Control+Shift+K');
    await eventually(`the open report to show ${next.total} (was ${score.total})`, async () => (await report.locator('#total').textContent({ timeout: 1000 })) === String(next.total));
    await t.wb.save();
    await waitForDisk(file, (s) => s === edited, `${rel} on disk without line ${line}`);
    assertEqual(t.cli.score(file).total, next.total, 'core score of the saved file');
  });
  await t.wb.closeAllEditors();
}

// 5 ---------------------------------------------------------------------------------------------
async function languageStatus(t) {
  for (const rel of ['design-doc.en.md', 'design-doc.zh.md']) {
    const score = t.cli.score(t.path(rel));
    const text = t.ui.statusText(score);
    await t.step(`open ${rel}: the language status shows "${text}"`, async () => {
      await openLinted(t, rel);
      await eventually(`the language status to include "${text}"`, async () => (await t.wb.languageStatusLabel()).includes(text));
    });
    await t.step(`its hover shows the score and level of ${rel}`, async () => {
      const hover = await t.wb.languageStatusHover(text);
      assert(hover.includes(score.levelLabel), `the hover does not show the level label "${score.levelLabel}": ${hover}`);
      await t.wb.escape();
    });
  }
  await t.step('a plain text file shows no Bizlang status', async () => {
    await t.wb.openFile('notes.txt');
    await eventually('the language status to drop Bizlang', async () => {
      const visible = await t.wb.languageStatus().isVisible();
      return !visible || !(await t.wb.languageStatusLabel()).includes('Bizlang');
    });
  });
  await t.wb.closeAllEditors();
}

// 6 ---------------------------------------------------------------------------------------------
async function brokenConfig(t) {
  const rel = 'config/config.en.md';
  const doc = t.path(rel);
  const cfg = t.path('config/.bizlangrc.json');
  const broken = '{ "rules": { "tech-value": "warning" }\n';
  const fixed = '{ "rules": { "tech-value": "warning" } }\n';
  let defaults;
  await t.step('write a broken config/.bizlangrc.json, open a doc beside it', async () => {
    writeFileSync(cfg, broken);
    // What the core does with the broken nearest config: its valid part (nothing), i.e. the defaults.
    defaults = expectedRows(t.cli.check(doc));
    await openLinted(t, rel);
  });
  await t.step('the language status reports the broken configuration', async () => {
    await eventually('the language status to report a configuration problem', async () => (await t.wb.languageStatusLabel()).includes('Bizlang configuration has 1 problem(s)'));
    const hover = await t.wb.languageStatusHover('.bizlangrc.json: 1 problem(s)');
    assert(hover.includes('invalid JSON'), `the hover does not say what is wrong: ${hover}`);
    await t.wb.escape();
  });
  await t.step('linting continues with the defaults', async () => {
    await t.wb.expectProblems(base(rel), defaults);
  });
  await t.step('"Bizlang: Show Output" explains the problem', async () => {
    await t.wb.runCommand('Bizlang: Show Output');
    await eventually('the Bizlang output channel to explain the problem', async () => {
      const out = await t.wb.outputText();
      return /\[error\].*config\/\.bizlangrc\.json: \(root\): invalid JSON/.test(out) && /linting continues/.test(out);
    });
  });
  await t.step('fix the file in the editor and save it', async () => {
    await t.wb.openFile('config/.bizlangrc.json');
    await t.page.keyboard.press('Control+A');
    await t.page.keyboard.press('Delete');
    // insertText: no auto-closing brackets or quotes from the JSON editor.
    await t.page.keyboard.insertText(fixed);
    await t.wb.save();
    await waitForDisk(cfg, (s) => s === fixed, 'the fixed config on disk');
  });
  await t.step('the problem is cleared and the fixed config is in force (tech-value as warning)', async () => {
    await t.wb.openFile(rel);
    await eventually('the language status to drop the configuration problem', async () => {
      const label = await t.wb.languageStatusLabel();
      return label.includes('Bizlang:') && !label.includes('Bizlang configuration');
    });
    const rows = expectedRows(t.cli.check(doc));
    assert(rows.some((r) => r.code === 'tech-value' && r.severity === 'warning'), 'the core does not apply the fixed config');
    await t.wb.expectProblems(base(rel), rows);
  });
  await t.wb.closeAllEditors();
}

// 8 ---------------------------------------------------------------------------------------------
/** Proves which extension host runs the extension: it logs its host when it activates. */
async function webHost(t) {
  const rel = 'design-doc.en.md';
  await t.step(`open ${rel}: the extension lints it`, () => openLinted(t, rel));
  await t.step('"Bizlang: Show Output" says it runs in the web worker extension host', async () => {
    await t.wb.runCommand('Bizlang: Show Output');
    await eventually('the Bizlang output channel to name the web worker host', async () => /Bizlang activated \(web worker extension host, VS Code [\d.]+\)/.test(await t.wb.outputText()));
    const line = (await t.wb.outputText()).split('\n').find((l) => l.includes('Bizlang activated'));
    t.note(line.trim());
  });
  await t.wb.closeAllEditors();
}

// 7 ---------------------------------------------------------------------------------------------
async function chineseUi(t) {
  const nls = JSON.parse(readFileSync(join(t.root, 'package.nls.zh-cn.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(t.root, 'package.json'), 'utf8'));
  const category = nls['command.category'];
  const hidden = new Set((pkg.contributes.menus.commandPalette ?? []).filter((e) => e.when === 'false').map((e) => e.command));
  const titleOf = (c) => `${category}: ${nls[c.title.replace(/^%|%$/g, '')]}`;
  const expected = pkg.contributes.commands.filter((c) => !hidden.has(c.command)).map(titleOf);
  const hiddenTitles = pkg.contributes.commands.filter((c) => hidden.has(c.command)).map(titleOf);
  const rel = 'design-doc.zh.md';
  const score = t.cli.score(t.path(rel));
  await t.step(`open ${rel} with the display language zh-cn (argv.json)`, () => openLinted(t, rel));
  await t.step('the command palette shows the Bizlang commands in Chinese', async () => {
    const labels = await t.wb.paletteLabels('Bizlang', expected.length);
    for (const title of expected) assert(labels.includes(title), `palette lacks "${title}": ${JSON.stringify(labels)}`);
    for (const title of hiddenTitles) assert(!labels.includes(title), `palette shows internal command "${title}"`);
    assert(!labels.some((l) => l.includes('Score This Document')), `palette shows English titles: ${JSON.stringify(labels)}`);
    await t.wb.escape();
  });
  const scoreTitle = titleOf(pkg.contributes.commands.find((c) => c.command === 'bizlang.scoreDocument'));
  await t.step(`"${scoreTitle}" opens the report in Chinese`, async () => {
    await t.wb.runCommand(scoreTitle);
    const report = t.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await eventually(`the report to show ${score.total}`, async () => (await report.locator('#total').textContent({ timeout: 1000 })) === String(score.total));
    assertEqual(await report.locator('#level-label').textContent(), score.levelLabel, 'report level label');
    const captions = await report.locator('.score-caption').allTextContents();
    assertEqual(JSON.stringify(captions), JSON.stringify(['得分', '级别']), 'report captions');
  });
  await t.step('the language status and quick fix titles are in Chinese', async () => {
    await t.page.keyboard.press('Control+1');
    await t.wb.waitActiveEditor(rel);
    const status = t.ui.statusText(score);
    await eventually(`the language status to include "${status}"`, async () => (await t.wb.languageStatusLabel()).includes(status));
    const m = t.cli.check(t.path(rel)).find((x) => x.ruleId === 'tech-value');
    await t.wb.gotoLine(m.line, inside(m));
    const titles = await t.wb.quickFixTitles();
    for (const title of [t.ui.disableTitle('tech-value'), '了解 tech-value 的详细信息']) {
      assert(titles.includes(title), `quick fix menu lacks "${title}": ${JSON.stringify(titles)}`);
    }
  });
  await t.wb.closeAllEditors();
}

/** UI strings per display language (the l10n bundle's translations). */
export const UI = {
  en: {
    disableTitle: (rule) => `Disable ${rule} for this line`,
    statusText: (s) => `Bizlang: ${s.total} (${s.level})`,
  },
  zh: {
    disableTitle: (rule) => `在此行禁用 ${rule}`,
    statusText: (s) => `Bizlang：${s.total}（${s.level}）`,
  },
};
// The web-host instance has the English UI.
UI.web = UI.en;

export const SCENARIOS = [
  { id: 'problems', instance: 'en', title: '1. Open a doc: findings in the Problems panel (en, zh)', run: problemsPanel },
  { id: 'rewrite-en', instance: 'en', title: '2. Rewrite quick fix with tab stops (en)', run: (t) => rewrite(t, 'rewrite.en.md') },
  { id: 'rewrite-zh', instance: 'en', title: '2. Rewrite quick fix with tab stops (zh)', run: (t) => rewrite(t, 'rewrite.zh.md') },
  { id: 'disable-zh', instance: 'en', title: '3. Disable for this line (zh)', run: (t) => disableLine(t, 'disable.zh.md') },
  { id: 'disable-en', instance: 'en', title: '3. Disable for this line (en)', run: (t) => disableLine(t, 'disable.en.md') },
  { id: 'report', instance: 'en', title: '4. Score report: score, level, reveal, live update', run: scoreReport },
  { id: 'status', instance: 'en', title: '5. Language status shows the score', run: languageStatus },
  { id: 'config', instance: 'en', title: '6. Broken .bizlangrc.json: message, defaults, fixed', run: brokenConfig },
  { id: 'zh-ui', instance: 'zh', title: '7. Chinese UI (locale zh-cn in argv.json)', run: chineseUi },
  { id: 'web-host', instance: 'web', title: '8. Web worker extension host: the extension runs there', run: webHost },
  { id: 'web-problems', instance: 'web', title: '8.1 Web host: findings in the Problems panel (en, zh)', run: problemsPanel },
  { id: 'web-rewrite', instance: 'web', title: '8.2 Web host: rewrite quick fix with tab stops (en)', run: (t) => rewrite(t, 'rewrite.en.md') },
  { id: 'web-rewrite-zh', instance: 'web', title: '8.2 Web host: rewrite quick fix with tab stops (zh)', run: (t) => rewrite(t, 'rewrite.zh.md') },
  { id: 'web-report', instance: 'web', title: '8.3 Web host: score report opens and updates', run: scoreReport },
  { id: 'web-status', instance: 'web', title: '8.4 Web host: language status shows the score', run: languageStatus },
  { id: 'web-config', instance: 'web', title: '8.5 Web host: .bizlangrc.json read through vscode.workspace.fs', run: brokenConfig },
];
