// Bizlang for VS Code: a thin layer over src/core. Diagnostics while writing, quick fixes as
// snippets, hover, the score report and status, workspace lint, config, snippets, walkthrough.
// The same bundle runs in the desktop (Node) and web worker extension hosts: no Node built-ins.
import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_LINTS_ACTIVE_EDITOR, OUTPUT_CHANNEL_NAME, SETTINGS } from './constants.js';
import { ConfigStore } from './configStore.js';
import { insertValueMap, lintWorkspace, openConfiguration, openExample } from './commands.js';
import { FixProvider } from './fixes.js';
import { Linter, readSettings } from './linter.js';
import { loadNetworks } from './networks.js';
import { ReportPanel } from './reportPanel.js';
import { StatusItems, selectorFor } from './status.js';
import { t } from './l10n.js';

/** What activate returns: handles for tests and other extensions. */
export interface BizlangApi {
  linter: Linter;
  report: ReportPanel;
  /** The last active editor's document that Bizlang lints (the report follows it). */
  lastDocument(): vscode.TextDocument | undefined;
}

export function activate(context: vscode.ExtensionContext): BizlangApi {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const configs = new ConfigStore(log);
  const linter = new Linter(configs, log);
  const fixes = new FixProvider(linter);
  const status = new StatusItems(readSettings().settings.languages);
  context.subscriptions.push(log, configs, linter, status);

  // The last linted document shown in an editor: a focused webview has no activeTextEditor.
  let lastUri: string | undefined;
  const lastDocument = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === lastUri && !d.isClosed);
  const report = new ReportPanel(context.extensionUri, linter, lastDocument);
  context.subscriptions.push(report);

  const refreshStatus = () => {
    const doc = lastDocument();
    if (!doc) return status.update(undefined, false, undefined);
    const key = doc.uri.toString();
    const record = linter.records.get(key);
    // Busy while a check is pending or running (not merely dirty: with run = onSave that waits for a save).
    status.update(record, linter.isBusy(key), record?.config);
  };

  const noteEditor = (editor: vscode.TextEditor | undefined) => {
    const wanted = editor !== undefined && linter.wants(editor.document);
    void vscode.commands.executeCommand('setContext', CONTEXT_LINTS_ACTIVE_EDITOR, wanted);
    if (!editor || !wanted) return;
    lastUri = editor.document.uri.toString();
    if (report.isOpen && report.document?.toString() !== lastUri) report.follow(editor.document);
    refreshStatus();
  };

  /** The document a command acts on: the active linted editor, else the last one. */
  const targetDocument = (): vscode.TextDocument | undefined => {
    const active = vscode.window.activeTextEditor;
    if (active && linter.wants(active.document)) return active.document;
    return lastDocument();
  };
  const targetEditor = async (): Promise<vscode.TextEditor | undefined> => {
    const doc = targetDocument();
    if (!doc) return undefined;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    return vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false });
  };
  const noDocument = () => void vscode.window.showInformationMessage(t('Bizlang: open a Markdown document first.'));

  // Providers follow bizlang.languages (re-registered when it changes).
  let providers: vscode.Disposable[] = [];
  const registerProviders = (languages: string[]) => {
    for (const p of providers) p.dispose();
    const selector = selectorFor(languages);
    providers = [
      vscode.languages.registerCodeActionsProvider(selector, fixes, FixProvider.metadata),
      vscode.languages.registerHoverProvider(selector, fixes),
    ];
  };
  registerProviders(readSettings().settings.languages);
  context.subscriptions.push({ dispose: () => providers.forEach((p) => p.dispose()) });

  context.subscriptions.push(

    vscode.commands.registerCommand(COMMANDS.applyFix, (uri: unknown, version: unknown, id: unknown) => fixes.applyFix(uri, version, id)),
    vscode.commands.registerCommand(COMMANDS.openRuleDoc, (url: unknown) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) return vscode.env.openExternal(vscode.Uri.parse(url));
      return false;
    }),
    vscode.commands.registerCommand(COMMANDS.scoreDocument, async () => {
      const doc = targetDocument();
      if (!doc) return noDocument();
      lastUri = doc.uri.toString();
      report.show(doc);
    }),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(linter, log)),
    vscode.commands.registerCommand(COMMANDS.insertValueMap, async () => {
      const editor = await targetEditor();
      if (!editor) return noDocument();
      return insertValueMap(linter, editor);
    }),
    vscode.commands.registerCommand(COMMANDS.openConfiguration, () => openConfiguration(configs, targetDocument())),
    vscode.commands.registerCommand(COMMANDS.openExample, (lang?: unknown) => openExample(context.extensionUri, lang)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show(true)),

    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (linter.wants(doc)) void linter.lint(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      linter.changed(e.document);
      if (e.document.uri.toString() === lastUri) refreshStatus();
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (linter.wants(doc) && linter.settings(doc).run === 'onSave') void linter.lint(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      linter.clear(doc.uri);
      if (doc.uri.toString() === lastUri) refreshStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(noteEditor),
    linter.onDidLint(({ uri }) => {
      if (uri === lastUri) refreshStatus();
    }),
    linter.onDidChangeBusy((uri) => {
      if (uri === lastUri) refreshStatus();
    }),
    configs.onDidChange(() => linter.relintAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS.section)) return;
      const languages = readSettings().settings.languages;
      status.setLanguages(languages);
      registerProviders(languages);
      linter.relintAll();
      noteEditor(vscode.window.activeTextEditor);
      refreshStatus();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => linter.relintAll()),
  );

  // The first lint waits for the sentence networks (a few milliseconds); a document opened
  // meanwhile is linted at once, and again when they arrive.
  void loadNetworks(context.extensionUri, log).then((loaded) => {
    if (loaded && linter.records.size > 0) linter.relintAll();
    else for (const doc of vscode.workspace.textDocuments) if (linter.wants(doc)) void linter.lint(doc);
  });
  noteEditor(vscode.window.activeTextEditor);
  const host = typeof process !== 'undefined' && process.versions?.node ? `Node ${process.versions.node}` : 'web worker';
  log.info(`Bizlang activated (${host} extension host, VS Code ${vscode.version}); linting ${readSettings().settings.languages.join(', ')}.`);

  return { linter, report, lastDocument };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
