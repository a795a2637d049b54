// Driving the VS Code workbench (code-server 4.100 / VS Code 1.100) through its UI, the way a user
// does: keyboard first, rows matched by their exact label, waits on what the UI shows (never on
// fixed sleeps), edits checked on disk. Selectors: ../shared/e2e/NOTES.md and docs/vscode.md.
import { readFileSync } from 'node:fs';

export const TIMEOUT = 20_000;

/** Polls `fn` until it returns a truthy value (returned) or throws after `timeout` with `what`. */
export async function eventually(what, fn, { timeout = TIMEOUT, interval = 150 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  while (true) {
    try {
      last = await fn();
      if (last) return last;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Reads a file until `check(text)` is true (a save is asynchronous); returns the text. */
export async function waitForDisk(file, check, what, timeout = TIMEOUT) {
  let text = '';
  try {
    return await eventually(what, () => {
      text = readFileSync(file, 'utf8');
      return check(text) ? text : false;
    }, { timeout });
  } catch (error) {
    throw new Error(`${error.message}\n--- ${file} on disk ---\n${text}\n---`);
  }
}

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async waitReady() {
    const p = this.page;
    await p.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await p.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    // The status bar is there once the window has restored its parts.
    await p.locator('[id="status.problems"]').waitFor({ timeout: 30_000 });
  }

  async press(...keys) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Closes whatever popup is open (quick input, menus, hovers). */
  async escape() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  // -- Quick input (Quick Open, Command Palette) -------------------------------------------------

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  async waitQuickInputClosed() {
    await eventually('the quick input to close', async () => !(await this.quickInput().isVisible()));
  }

  /**
   * Moves the focus in a list to the row whose label equals `label` exactly (arrow keys; clicks
   * can be intercepted by overlays) and returns. `rows` locates the candidate rows, `labelOf`
   * reads a row's label in the page.
   */
  async focusRow({ what, rows, focused, label, labelOf, timeout = TIMEOUT }) {
    // The list filters asynchronously: wait until the exact row is there.
    const labels = await eventually(
      `${what} row "${label}"`,
      async () => {
        const all = await rows.evaluateAll(readLabels, labelOf);
        return all.includes(label) ? all : false;
      },
      { timeout },
    );
    for (let i = 0; i <= labels.length + 1; i++) {
      const current = await focused.evaluateAll(readLabels, labelOf);
      if (current[0] === label) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus ${what} row "${label}" (rows: ${JSON.stringify(labels)})`);
  }

  /** Runs a command by its exact palette title ("Bizlang: Score This Document"). */
  async runCommand(title) {
    await this.escape();
    await this.page.keyboard.press('F1');
    await this.quickInput().locator('input').waitFor({ state: 'visible' });
    // Type the title without its category prefix letters doubling up with the ">" prefix.
    await this.page.keyboard.type(title);
    const list = this.quickInput().locator('.quick-input-list');
    await this.focusRow({
      what: 'command palette',
      rows: list.locator('.monaco-list-row'),
      focused: list.locator('.monaco-list-row.focused'),
      label: title,
      labelOf: LABEL_NAME,
    });
    await this.page.keyboard.press('Enter');
    await this.waitQuickInputClosed();
  }

  /** Labels of the command palette rows for a query (the palette is left open). */
  async paletteLabels(query, expectAtLeast = 1) {
    await this.escape();
    await this.page.keyboard.press('F1');
    await this.quickInput().locator('input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(query);
    const rows = this.quickInput().locator('.quick-input-list .monaco-list-row');
    let previous = '';
    // Settled: at least N rows and the same labels twice in a row.
    return eventually(`command palette rows for "${query}"`, async () => {
      const labels = await rows.evaluateAll(readLabels, LABEL_NAME);
      const key = JSON.stringify(labels);
      const settled = labels.length >= expectAtLeast && key === previous;
      previous = key;
      return settled ? labels : false;
    }, { interval: 300 });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P); `rel` is its path in the workspace. */
  async openFile(rel) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    await this.escape();
    await this.page.keyboard.press('Control+P');
    await this.quickInput().locator('input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(rel);
    const focused = this.quickInput().locator('.quick-input-list .monaco-list-row.focused');
    await eventually(`Quick Open to offer ${rel}`, async () => {
      const name = await focused.locator('.label-name').first().textContent({ timeout: 500 });
      const desc = (await focused.locator('.label-description').first().textContent({ timeout: 500 }).catch(() => '')) ?? '';
      return name?.trim() === base && (!dir || desc.trim() === dir || desc.trim().endsWith(`/${dir}`) || desc.includes(dir));
    });
    await this.page.keyboard.press('Enter');
    await this.waitQuickInputClosed();
    await this.waitActiveEditor(base);
  }

  /** Waits until the active editor tab is `base` and its text is on screen with the focus. */
  async waitActiveEditor(base) {
    const tab = this.page.locator('.editor-group-container.active .tabs-container .tab.active');
    await eventually(`the active editor to be ${base}`, async () => {
      const label = await tab.getAttribute('aria-label', { timeout: 500 });
      return label !== null && (label === base || label.startsWith(`${base},`) || label.startsWith(`${base} `));
    });
    await this.page.locator('.editor-group-container.active .editor-instance .view-lines').first().waitFor();
    await eventually('the editor to have the focus', () => this.page.locator('.editor-group-container.active .monaco-editor.focused').count());
  }

  /** Ctrl+G line:column, then checks the cursor position in the status bar. */
  async gotoLine(line, column = 1) {
    await this.escape();
    await this.page.keyboard.press('Control+G');
    await this.quickInput().locator('input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.waitQuickInputClosed();
    await this.waitSelection(`Ln ${line}, Col ${column}`);
  }

  /** Text of the cursor position item in the status bar ("Ln 10, Col 5 (3 selected)"). */
  async selectionStatus() {
    return ((await this.page.locator('[id="status.editor.selection"]').textContent({ timeout: 2000 })) ?? '').trim();
  }

  async waitSelection(expected) {
    await eventually(`the cursor status to read "${expected}"`, async () => (await this.selectionStatus()) === expected);
  }

  /**
   * Saves an edit: waits until the edit has reached the editor (the tab is dirty: edits from the
   * extension host arrive asynchronously, and Ctrl+S before that saves nothing), presses Ctrl+S,
   * and waits for the tab to lose its dirty mark.
   */
  async save() {
    const dirty = this.page.locator('.editor-group-container.active .tab.active.dirty');
    await eventually('the edit to reach the editor (dirty tab)', async () => (await dirty.count()) > 0);
    await this.page.keyboard.press('Control+S');
    await eventually('the editor to be saved', async () => (await dirty.count()) === 0);
  }

  // -- Quick fixes ----------------------------------------------------------------------------------

  /** With the cursor in a flagged range: wait for the lightbulb, Ctrl+., pick `title` exactly. */
  async applyQuickFix(title) {
    const p = this.page;
    await p.locator('.editor-group-container.active .editor-instance .lightBulbWidget').first().waitFor({ state: 'visible' });
    const menuRows = p.locator('.action-widget .monaco-list-row.action');
    let opened = false;
    for (let attempt = 0; attempt < 3 && !opened; attempt++) {
      await p.keyboard.press('Control+.');
      opened = await menuRows
        .first()
        .waitFor({ state: 'visible', timeout: 4000 })
        .then(() => true)
        .catch(() => false);
      if (!opened) await p.keyboard.press('Escape');
    }
    if (!opened) throw new Error('the quick fix menu did not open (Ctrl+.)');
    await this.focusRow({
      what: 'quick fix',
      rows: menuRows,
      focused: p.locator('.action-widget .monaco-list-row.action.focused'),
      label: title,
      labelOf: ACTION_TITLE,
    });
    await p.keyboard.press('Enter');
    await eventually('the quick fix menu to close', async () => (await menuRows.count()) === 0);
  }

  /** Titles in the quick fix menu at the cursor (the menu is closed again). */
  async quickFixTitles() {
    const p = this.page;
    await p.locator('.editor-group-container.active .editor-instance .lightBulbWidget').first().waitFor({ state: 'visible' });
    const rows = p.locator('.action-widget .monaco-list-row.action');
    await p.keyboard.press('Control+.');
    await rows.first().waitFor({ state: 'visible' });
    const titles = await rows.evaluateAll(readLabels, ACTION_TITLE);
    await p.keyboard.press('Escape');
    await eventually('the quick fix menu to close', async () => (await rows.count()) === 0);
    return titles;
  }

  // -- Problems panel ---------------------------------------------------------------------------------

  /** Shows the Problems panel filtered to one file. */
  async showProblems(fileName) {
    const p = this.page;
    const panel = p.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.escape();
      await p.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    const filter = p.locator('.panel .viewpane-filter input[aria-label="Filter Problems"]');
    await filter.waitFor({ state: 'visible' });
    const glob = `**/${fileName}`;
    if ((await filter.inputValue()) !== glob) await setInputValue(filter, glob);
  }

  /** The Problems panel's marker rows for `fileName` (panel shown and filtered to it). */
  async problems(fileName) {
    await this.showProblems(fileName);
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els, file) => {
      const out = [];
      let current;
      for (const e of els) {
        const fileLabel = e.querySelector('.resource-label-container .label-name');
        if (fileLabel) {
          current = fileLabel.textContent.trim();
          continue;
        }
        if (current !== file) continue;
        const icon = e.querySelector('.marker-icon');
        const severity = ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? 'unknown';
        const pos = /\[Ln (\d+), Col (\d+)\]/.exec(e.querySelector('.marker-line')?.textContent ?? '');
        out.push({
          severity,
          message: e.querySelector('.marker-message')?.textContent.trim() ?? '',
          source: e.querySelector('.marker-source')?.textContent.trim() ?? '',
          code: e.querySelector('.marker-code')?.textContent.trim() ?? '',
          line: pos ? Number(pos[1]) : 0,
          column: pos ? Number(pos[2]) : 0,
        });
      }
      return out;
    }, fileName);
  }

  /**
   * Waits until the Problems panel lists exactly `expected` for `fileName` (order-insensitive).
   * Each expected item: { severity, message, source, code, line, column }.
   */
  async expectProblems(fileName, expected, timeout = TIMEOUT) {
    const key = (r) => `${r.line}:${r.column} ${r.severity} ${r.code} ${r.source} ${r.message}`;
    const want = expected.map(key).sort();
    let got = [];
    try {
      await eventually(`the Problems panel to list the ${expected.length} expected finding(s) of ${fileName}`, async () => {
        got = (await this.problems(fileName)).map(key).sort();
        return JSON.stringify(got) === JSON.stringify(want);
      }, { timeout });
    } catch (error) {
      const missing = want.filter((w) => !got.includes(w));
      const extra = got.filter((g) => !want.includes(g));
      throw new Error(`${error.message}\n  missing: ${JSON.stringify(missing, null, 1)}\n  unexpected: ${JSON.stringify(extra, null, 1)}`);
    }
    return got;
  }

  // -- Status bar -------------------------------------------------------------------------------------

  languageStatus() {
    return this.page.locator('[id="status.languageStatus"]');
  }

  async languageStatusLabel() {
    return (await this.languageStatus().getAttribute('aria-label', { timeout: 2000 })) ?? '';
  }

  /** Hovers the `{ }` language status item and returns the text of its hover. */
  async languageStatusHover(expectText) {
    const p = this.page;
    const hover = p.locator('.monaco-hover.workbench-hover');
    return eventually(`the language status hover to show "${expectText}"`, async () => {
      await p.mouse.move(5, 5);
      await this.languageStatus().hover();
      await hover.first().waitFor({ state: 'visible', timeout: 3000 });
      const text = await hover.first().innerText();
      return text.includes(expectText) ? text : false;
    });
  }

  // -- Output panel -----------------------------------------------------------------------------------

  /** The visible text of the Output panel (Monaco renders spaces as no-break spaces). */
  async outputText() {
    // The panel's filter box is one widget shared by its views: make sure the Output view's is empty.
    const filter = this.page.locator('.panel .viewpane-filter input').first();
    if (await filter.isVisible() && (await filter.inputValue())) await setInputValue(filter, '');
    const text = await this.page
      .locator('.panel .output-view .view-lines, .panel [id="workbench.panel.output"] .view-lines')
      .first()
      .innerText({ timeout: 2000 });
    return text.replace(/\u00a0/g, ' ');
  }

  // -- Editors ------------------------------------------------------------------------------------------

  /** Closes every editor; answers "Don't Save" if a dirty one asks. */
  async closeAllEditors() {
    const p = this.page;
    await this.escape();
    await p.keyboard.press('Control+K');
    await p.keyboard.press('Control+W');
    const dialog = p.locator('.monaco-dialog-box');
    for (let i = 0; i < 5; i++) {
      const open = await dialog.isVisible().catch(() => false);
      if (!open) break;
      const dont = dialog.locator('.monaco-button', { hasText: /Don't Save|不保存/ });
      if (await dont.count()) await dont.first().click();
      else await p.keyboard.press('Escape');
      await p.waitForTimeout(200);
    }
    await eventually('all editors to close', async () => (await p.locator('.editor-group-container .tabs-container .tab').count()) === 0, { timeout: 10_000 });
  }
}

/**
 * Sets a workbench input box's value without focusing it (typing would move the focus from the
 * editor, and the panel's filter box would keep it across views): its listeners see an input event.
 */
async function setInputValue(input, value) {
  await input.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Row label kinds, read in the page by readLabels. */
const LABEL_NAME = 'label-name';
const ACTION_TITLE = 'action-title';

/** Runs in the page: the label of each row (no eval: the workbench's CSP forbids it). */
function readLabels(els, kind) {
  return els.map((e) => {
    if (kind === 'label-name') return (e.querySelector('.label-name')?.textContent ?? '').trim();
    return (e.querySelector('.title')?.textContent ?? e.getAttribute('aria-label') ?? '').trim();
  });
}
