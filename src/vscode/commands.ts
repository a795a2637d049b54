// The palette commands other than the report: Lint Workspace, Insert Business Value Map, Open
// Configuration, Open Example.
import * as vscode from 'vscode';
import { VALUE_MAP_PARTS, valueMapSection } from '../core/index.js';
import { ALWAYS_SKIPPED_DIRS, CONFIG_FILE, WORKSPACE_GLOB } from './constants.js';
import type { ConfigStore } from './configStore.js';
import type { Linter } from './linter.js';
import { toSnippet } from './mapping.js';
import { configTemplate } from './templates.js';
import { t } from './l10n.js';

/** "Bizlang: Lint Workspace": every Markdown file, with progress and cancellation; results in Problems. */
export async function lintWorkspace(linter: Linter, log: vscode.LogOutputChannel): Promise<{ files: number; findings: number; cancelled: boolean }> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('Bizlang: open a folder to lint a workspace.'));
    return { files: 0, findings: 0, cancelled: false };
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Bizlang: linting workspace'), cancellable: true },
    async (progress, token) => {
      const all = await vscode.workspace.findFiles(WORKSPACE_GLOB, undefined, undefined, token);
      const files = all
        .filter((u) => !u.path.split('/').some((seg) => ALWAYS_SKIPPED_DIRS.includes(seg)))
        .sort((a, b) => a.toString().localeCompare(b.toString()));
      let done = 0;
      let findings = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: t('{0} of {1}: {2}', done + 1, files.length, vscode.workspace.asRelativePath(uri)), increment: 100 / files.length });
        try {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) {
            const rec = await linter.fresh(open);
            findings += rec?.result.messages.length ?? 0;
          } else {
            findings += (await linter.lintFile(uri, token)) ?? 0;
          }
        } catch (error) {
          log.error(`Lint Workspace: ${uri.toString(true)}: ${(error as Error).message}`);
        }
        done++;
      }
      return { files: done, findings, cancelled: token.isCancellationRequested };
    },
  );
  const text = summary.cancelled
    ? t('Bizlang: cancelled after {0} file(s); {1} finding(s) so far.', summary.files, summary.findings)
    : t('Bizlang: {0} finding(s) in {1} file(s).', summary.findings, summary.files);
  log.info(text);
  const show = t('Show Problems');
  void vscode.window.showInformationMessage(text, show).then((pick) => {
    if (pick === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

/**
 * "Bizlang: Insert Business Value Map": the value-map finding's section (only the missing parts,
 * where the finding puts it), or the full section at the cursor; placeholders are tab stops.
 */
export async function insertValueMap(linter: Linter, editor: vscode.TextEditor): Promise<boolean> {
  const doc = editor.document;
  const record = await linter.fresh(doc);
  if (!record || doc.version !== record.version) {
    void vscode.window.showWarningMessage(t('Bizlang: the document is still changing; try again in a moment.'));
    return false;
  }
  const finding = record.result.messages.find((m) => m.ruleId === 'value-map' && m.suggestions.length > 0);
  const suggestion = finding?.suggestions[0];
  if (suggestion) {
    const range = new vscode.Range(doc.positionAt(suggestion.offset), doc.positionAt(suggestion.endOffset));
    return editor.insertSnippet(new vscode.SnippetString(toSnippet(suggestion.text).snippet), range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  }
  const at = editor.selection.active;
  const line = doc.lineAt(at.line);
  const nl = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const section = valueMapSection(VALUE_MAP_PARTS, record.result.language).replace(/\n/g, nl);
  const before = line.isEmptyOrWhitespace ? '' : nl + nl;
  const position = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  return editor.insertSnippet(new vscode.SnippetString(toSnippet(`${before}${section}${nl}`).snippet), position, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

/** "Bizlang: Open Configuration": the config in force, or a new one from the template at the folder root. */
export async function openConfiguration(configs: ConfigStore, doc: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  if (doc) {
    const loaded = await configs.forDocument(doc.uri);
    if (loaded.file) {
      await vscode.window.showTextDocument(loaded.file);
      return loaded.file;
    }
  }
  let folder = doc ? vscode.workspace.getWorkspaceFolder(doc.uri) : undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folder) folder = folders.length === 1 ? folders[0] : folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: t('Where should {0} go?', CONFIG_FILE) }) : undefined;
  if (!folder) {
    if (!folders.length) void vscode.window.showInformationMessage(t('Bizlang: open a folder to create {0}.', CONFIG_FILE));
    return undefined;
  }
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    exists = false;
  }
  if (!exists) {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(configTemplate()));
    configs.invalidate();
  }
  await vscode.window.showTextDocument(file);
  return file;
}

/** Opens a copy of the bundled example design doc as an untitled Markdown document. */
export async function openExample(extensionUri: vscode.Uri, lang: unknown): Promise<vscode.TextEditor | undefined> {
  let pick = lang === 'en' || lang === 'zh' ? lang : undefined;
  if (!pick) {
    const items = [
      { label: t('English example'), lang: 'en' as const },
      { label: t('Chinese example'), lang: 'zh' as const },
    ];
    pick = (await vscode.window.showQuickPick(items, { placeHolder: t('Which example design doc?') }))?.lang;
    if (!pick) return undefined;
  }
  const file = vscode.Uri.joinPath(extensionUri, 'examples', `design-doc.${pick}.md`);
  let content: string;
  try {
    content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  } catch {
    void vscode.window.showErrorMessage(t('Bizlang: the example {0} is missing from the extension.', `design-doc.${pick}.md`));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}
