// The "Score This Document" webview. It follows the last active linted editor (a focused webview
// has no activeTextEditor), updates when that document is re-linted, and reveals a sentence when
// the page asks. The page gets JSON only; media/report.js builds its DOM with textContent.
import * as vscode from 'vscode';
import { REPORT_VIEW_TYPE } from './constants.js';
import type { LintRecord, Linter } from './linter.js';
import { t } from './l10n.js';
import { buildReportModel, makeNonce, parsePageMessage, renderReportHtml } from './report.js';

export function documentName(uri: vscode.Uri): string {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return base || uri.toString(true);
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private followed: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly linter: Linter,
    private readonly lastDocument: () => vscode.TextDocument | undefined,
  ) {
    this.disposables.push(
      linter.onDidLint(({ uri, record }) => {
        // A hidden report catches up when it becomes visible (onDidChangeViewState).
        if (this.panel?.visible && this.followed?.toString() === uri) this.post(record);
      }),
      vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.attach(panel);
          const doc = this.lastDocument();
          if (doc) this.follow(doc);
          else this.post(undefined);
        },
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The document the report shows, if any. */
  get document(): vscode.Uri | undefined {
    return this.followed;
  }

  /** Opens (or reveals) the report for a document. */
  show(doc: vscode.TextDocument): void {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        REPORT_VIEW_TYPE,
        t('Bizlang Score'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        this.webviewOptions(),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, false);
    }
    this.follow(doc);
  }

  /** Switches the report to another document (the active editor changed). */
  follow(doc: vscode.TextDocument): void {
    if (!this.panel) return;
    this.followed = doc.uri;
    this.panel.title = t('Bizlang Score: {0}', documentName(doc.uri));
    const record = this.linter.records.get(doc.uri.toString());
    if (record && record.version === doc.version) this.post(record);
    else {
      this.post(record);
      void this.linter.fresh(doc);
    }
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      retainContextWhenHidden: false,
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const media = (name: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    panel.webview.html = renderReportHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('report.js'),
      styleUri: media('report.css'),
      uiLang: vscode.env.language,
      title: t('Bizlang Score'),
      loading: t('Loading…'),
    });
    const subs: vscode.Disposable[] = [];
    subs.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.post(this.followed ? this.linter.records.get(this.followed.toString()) : undefined);
      }),
      panel.onDidDispose(() => {
        for (const s of subs) s.dispose();
        if (this.panel === panel) {
          this.panel = undefined;
          this.followed = undefined;
        }
      }),
    );
  }

  private post(record: LintRecord | undefined): void {
    if (!this.panel) return;
    const uri = this.followed;
    if (!record || !uri) {
      void this.panel.webview.postMessage({ type: 'empty', text: t('Open a Markdown document to see its score.') });
      return;
    }
    const model = buildReportModel(record.result, { name: documentName(uri), uri: record.uri, version: record.version }, t, record.text);
    void this.panel.webview.postMessage({ type: 'update', model });
  }

  private async receive(raw: unknown): Promise<void> {
    const msg = parsePageMessage(raw);
    if (!msg) return;
    if (msg.type === 'ready') {
      this.post(this.followed ? this.linter.records.get(this.followed.toString()) : undefined);
      return;
    }
    // reveal: only in the document the report shows, only offsets that fit it.
    if (!this.followed || msg.uri !== this.followed.toString()) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === msg.uri);
    if (!doc) return;
    const length = doc.getText().length;
    if (msg.endOffset > length) return;
    const range = new vscode.Range(doc.positionAt(msg.offset), doc.positionAt(msg.endOffset));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === msg.uri);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: range,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
