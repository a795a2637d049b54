// Quick fixes and hover. Code actions only carry a command with (uri, version, fix id); the
// command looks the fix up in the linter's side table and refuses it when the document changed
// since the diagnostic was computed (then re-lints), so a fix never edits the wrong text.
// Suggestions are applied as SnippetTextEdits: their placeholders become tab stops.
import * as vscode from 'vscode';
import { COMMANDS } from './constants.js';
import type { LintRecord, Linter } from './linter.js';
import { fixRefusal, hoverMarkdown, type FixPlan } from './mapping.js';
import { t } from './l10n.js';

/** The code actions for the diagnostics of `record` that touch `range`. */
export function buildCodeActions(record: LintRecord, uri: vscode.Uri, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const wanted: number[] = [];
  record.diagnostics.forEach((d, i) => {
    if (d.range.intersection(range) !== undefined) wanted.push(i);
  });
  for (const plan of wanted.flatMap((i) => record.fixes.forMessage(i))) {
    const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
    const diagnostic = record.diagnostics[plan.message];
    if (diagnostic) action.diagnostics = [diagnostic];
    if (plan.preferred) action.isPreferred = true;
    action.command =
      plan.kind === 'learn'
        ? { command: COMMANDS.openRuleDoc, title: plan.title, arguments: [plan.url] }
        : { command: COMMANDS.applyFix, title: plan.title, arguments: [uri.toString(), record.version, plan.id] };
    actions.push(action);
  }
  return actions;
}

/** The WorkspaceEdit for one fix against the document version it was planned for. */
export function buildFixEdit(plan: FixPlan, doc: vscode.TextDocument): vscode.WorkspaceEdit | undefined {
  if (!plan.edit) return undefined;
  const e = plan.edit;
  const range = new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.endOffset));
  const edit = new vscode.WorkspaceEdit();
  if (e.snippet) {
    const snippetEdit = new vscode.SnippetTextEdit(range, new vscode.SnippetString(e.text));
    snippetEdit.keepWhitespace = true;
    edit.set(doc.uri, [snippetEdit]);
  } else {
    edit.set(doc.uri, [vscode.TextEdit.replace(range, e.text)]);
  }
  return edit;
}

export class FixProvider implements vscode.CodeActionProvider, vscode.HoverProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly linter: Linter) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const record = this.linter.records.get(doc.uri.toString());
    if (!record) return [];
    return buildCodeActions(record, doc.uri, range);
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const record = this.linter.records.get(doc.uri.toString());
    // Ranges of an older version would point at the wrong text.
    if (!record || record.version !== doc.version) return undefined;
    const parts: string[] = [];
    let range: vscode.Range | undefined;
    record.diagnostics.forEach((d, i) => {
      const m = record.result.messages[i];
      if (!m || !d.range.contains(position)) return;
      parts.push(hoverMarkdown(m, t));
      range = range ? range.union(d.range) : d.range;
    });
    if (!parts.length) return undefined;
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(md, range);
  }

  /**
   * The applyFix command. Returns true when the edit was applied; false when it was refused
   * (document changed since the diagnostic was computed, or the fix is unknown).
   */
  async applyFix(uri: unknown, version: unknown, fixId: unknown): Promise<boolean> {
    if (typeof uri !== 'string' || typeof version !== 'number' || typeof fixId !== 'string') return false;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!doc) return false;
    const record = this.linter.records.get(uri);
    const plan = record?.fixes.get(fixId);
    const refusal = fixRefusal(version, record?.version, doc.version) ?? (plan ? undefined : 'missing');
    if (refusal || !plan) {
      void vscode.window.showWarningMessage(
        t('Bizlang: the document changed since this fix was computed, so it was not applied. The document is being checked again; try the quick fix again.'),
      );
      void this.linter.lint(doc);
      return false;
    }
    const edit = buildFixEdit(plan, doc);
    if (!edit) return false;
    return vscode.workspace.applyEdit(edit);
  }
}
