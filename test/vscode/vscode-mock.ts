// A small, honest fake of the `vscode` API surface the extension uses, for vitest
// (vi.mock('vscode', () => import('./vscode-mock'))). Classes behave like the real ones where the
// adapter depends on it (Range math, WorkspaceEdit entries, CodeActionKind.contains); the
// window/workspace namespaces record calls so tests can assert on them.
import { formatMessage } from '../../src/vscode/mapping.js';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  compareTo(o: Position): number {
    return this.line - o.line || this.character - o.character;
  }
  isBefore(o: Position): boolean {
    return this.compareTo(o) < 0;
  }
  isAfter(o: Position): boolean {
    return this.compareTo(o) > 0;
  }
  isEqual(o: Position): boolean {
    return this.compareTo(o) === 0;
  }
  isBeforeOrEqual(o: Position): boolean {
    return this.compareTo(o) <= 0;
  }
  isAfterOrEqual(o: Position): boolean {
    return this.compareTo(o) >= 0;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const s = typeof a === 'number' ? new Position(a, b as number) : a;
    const e = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    [this.start, this.end] = s.isAfter(e) ? [e, s] : [s, e];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  contains(x: Position | Range): boolean {
    if (x instanceof Range) return this.contains(x.start) && this.contains(x.end);
    return x.isAfterOrEqual(this.start) && x.isBeforeOrEqual(this.end);
  }
  intersection(o: Range): Range | undefined {
    const start = this.start.isAfter(o.start) ? this.start : o.start;
    const end = this.end.isBefore(o.end) ? this.end : o.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
  union(o: Range): Range {
    return new Range(this.start.isBefore(o.start) ? this.start : o.start, this.end.isAfter(o.end) ? this.end : o.end);
  }
  isEqual(o: Range): boolean {
    return this.start.isEqual(o.start) && this.end.isEqual(o.end);
  }
}

export class Selection extends Range {
  constructor(
    readonly anchor: Position,
    readonly active: Position,
  ) {
    super(anchor, active);
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  constructor(
    public range: Range,
    public message: string,
    public severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(value);
    if (!m) throw new Error(`bad uri ${value}`);
    return new Uri(m[1]!, m[2] ?? '', m[3] || '/', m[4] ?? '', m[5] ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path, '', '');
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const path = [base.path.replace(/\/$/, ''), ...parts].join('/').replace(/\/+/g, '/');
    return base.with({ path });
  }
  with(c: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

export class SnippetString {
  constructor(public value = '') {}
}

export class TextEdit {
  constructor(
    public range: Range,
    public newText: string,
  ) {}
  static replace(range: Range, text: string): TextEdit {
    return new TextEdit(range, text);
  }
  static insert(p: Position, text: string): TextEdit {
    return new TextEdit(new Range(p, p), text);
  }
}

export class SnippetTextEdit {
  keepWhitespace?: boolean;
  constructor(
    public range: Range,
    public snippet: SnippetString,
  ) {}
  static replace(range: Range, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(range, snippet);
  }
  static insert(p: Position, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(new Range(p, p), snippet);
  }
}

export class WorkspaceEdit {
  private readonly map = new Map<string, { uri: Uri; edits: Array<TextEdit | SnippetTextEdit> }>();
  set(uri: Uri, edits: Array<TextEdit | SnippetTextEdit>): void {
    this.map.set(uri.toString(), { uri, edits: [...edits] });
  }
  get(uri: Uri): Array<TextEdit | SnippetTextEdit> {
    return this.map.get(uri.toString())?.edits ?? [];
  }
  entries(): Array<[Uri, Array<TextEdit | SnippetTextEdit>]> {
    return [...this.map.values()].map((e) => [e.uri, e.edits]);
  }
  get size(): number {
    return this.map.size;
  }
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  private constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: { command: string; title: string; arguments?: unknown[] };
  edit?: WorkspaceEdit;
  constructor(
    public title: string,
    public kind?: CodeActionKind,
  ) {}
}

export class MarkdownString {
  isTrusted?: boolean;
  supportHtml?: boolean;
  constructor(public value = '') {}
}

export class Hover {
  constructor(
    public contents: MarkdownString,
    public range?: Range,
  ) {}
}

type Listener<T> = (e: T) => unknown;
export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}
export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}
export enum TextEditorRevealType {
  Default = 0,
  InCenter = 1,
  InCenterIfOutsideViewport = 2,
  AtTop = 3,
}
export enum EndOfLine {
  LF = 1,
  CRLF = 2,
}
export enum UIKind {
  Desktop = 1,
  Web = 2,
}
export enum LanguageStatusSeverity {
  Information = 0,
  Warning = 1,
  Error = 2,
}

export const l10n = { t: (message: string, ...args: Array<string | number | boolean>) => formatMessage(message, ...args) };

// ---------------------------------------------------------------------------------------------
// Namespaces: state the tests can drive and inspect.

export class FakeDiagnosticCollection {
  readonly map = new Map<string, Diagnostic[]>();
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[]): void {
    this.map.set(uri.toString(), diagnostics);
  }
  get(uri: Uri): Diagnostic[] | undefined {
    return this.map.get(uri.toString());
  }
  delete(uri: Uri): void {
    this.map.delete(uri.toString());
  }
  clear(): void {
    this.map.clear();
  }
  dispose(): void {
    this.map.clear();
  }
}

export const calls = {
  warnings: [] as string[],
  infos: [] as string[],
  errors: [] as string[],
  appliedEdits: [] as WorkspaceEdit[],
  executed: [] as Array<{ command: string; args: unknown[] }>,
  collections: [] as FakeDiagnosticCollection[],
  statusItems: [] as Array<Record<string, unknown>>,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  log: [] as string[],
};

/** Settings by section key (e.g. `severity`) for getConfiguration('bizlang'). */
export const settingsStore: Record<string, unknown> = {};
/** Files for workspace.fs, by URI string. */
/** Text files as strings; binary ones (the sentence networks) as bytes. */
export const files = new Map<string, string | Uint8Array>();

const disposable = { dispose() {} };

export function resetMock(): void {
  calls.warnings.length = 0;
  calls.infos.length = 0;
  calls.errors.length = 0;
  calls.appliedEdits.length = 0;
  calls.executed.length = 0;
  calls.collections.length = 0;
  calls.statusItems.length = 0;
  calls.commands.clear();
  calls.log.length = 0;
  for (const k of Object.keys(settingsStore)) delete settingsStore[k];
  files.clear();
  workspace.textDocuments.length = 0;
  workspace.workspaceFolders = undefined;
  window.activeTextEditor = undefined;
  window.visibleTextEditors = [];
  window.panels.length = 0;
  window.shown.length = 0;
}

const events = {
  open: new EventEmitter<unknown>(),
  change: new EventEmitter<unknown>(),
  save: new EventEmitter<unknown>(),
  close: new EventEmitter<unknown>(),
  config: new EventEmitter<unknown>(),
  activeEditor: new EventEmitter<unknown>(),
  trust: new EventEmitter<unknown>(),
};
export const fire = events;

/** As VS Code's: `code` names the kind (the fake only ever throws FileNotFound). */
class FileSystemError extends Error {
  readonly code = 'FileNotFound';
}

export const workspace = {
  textDocuments: [] as Array<{ uri: Uri; isClosed?: boolean }>,
  workspaceFolders: undefined as Array<{ uri: Uri; name: string; index: number }> | undefined,
  getConfiguration(_section?: string) {
    return { get: <T>(key: string, fallback?: T) => (key in settingsStore ? (settingsStore[key] as T) : fallback) };
  },
  getWorkspaceFolder(uri: Uri) {
    return workspace.workspaceFolders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`));
  },
  asRelativePath(uri: Uri | string) {
    return typeof uri === 'string' ? uri : uri.path;
  },
  fs: {
    async stat(uri: Uri) {
      if (!files.has(uri.toString())) throw new FileSystemError(`FileNotFound: ${uri.toString()}`);
      return { type: FileType.File, size: files.get(uri.toString())!.length, ctime: 0, mtime: 0 };
    },
    async readFile(uri: Uri) {
      const text = files.get(uri.toString());
      if (text === undefined) throw new FileSystemError(`FileNotFound: ${uri.toString()}`);
      return typeof text === 'string' ? new TextEncoder().encode(text) : text;
    },
    async writeFile(uri: Uri, content: Uint8Array) {
      files.set(uri.toString(), new TextDecoder().decode(content));
    },
  },
  async findFiles() {
    return [...files.keys()].filter((k) => /\.(md|markdown)$/.test(k)).map((k) => Uri.parse(k));
  },
  createFileSystemWatcher() {
    return { onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable, dispose() {} };
  },
  async applyEdit(edit: WorkspaceEdit) {
    calls.appliedEdits.push(edit);
    return true;
  },
  async openTextDocument(arg: unknown) {
    return arg;
  },
  onDidOpenTextDocument: events.open.event,
  onDidChangeTextDocument: events.change.event,
  onDidSaveTextDocument: events.save.event,
  onDidCloseTextDocument: events.close.event,
  onDidChangeConfiguration: events.config.event,
  onDidGrantWorkspaceTrust: events.trust.event,
};

function logChannel() {
  const push = (level: string) => (msg: string) => calls.log.push(`${level}: ${msg}`);
  return { info: push('info'), warn: push('warn'), error: push('error'), trace: push('trace'), debug: push('debug'), appendLine: push('line'), show() {}, dispose() {} };
}

/** A webview panel that records what the extension does with it; `receive` plays the page. */
export class FakeWebviewPanel {
  title: string;
  visible = true;
  iconPath: unknown;
  readonly posted: unknown[] = [];
  private readonly messageListeners = new EventEmitter<unknown>();
  private readonly disposeListeners = new EventEmitter<void>();
  private readonly viewStateListeners = new EventEmitter<unknown>();
  readonly webview = {
    html: '',
    options: {} as Record<string, unknown>,
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    asWebviewUri: (uri: Uri) => Uri.parse(`https://file+.vscode-resource.vscode-cdn.net${uri.path}`),
    postMessage: async (m: unknown) => {
      this.posted.push(m);
      return true;
    },
    onDidReceiveMessage: this.messageListeners.event,
  };
  constructor(
    readonly viewType: string,
    title: string,
    readonly showOptions: unknown,
    readonly options: Record<string, unknown>,
  ) {
    this.title = title;
  }
  onDidDispose = this.disposeListeners.event;
  onDidChangeViewState = this.viewStateListeners.event;
  reveal(): void {}
  receive(message: unknown): void {
    this.messageListeners.fire(message);
  }
  dispose(): void {
    this.disposeListeners.fire();
  }
}

export const window = {
  panels: [] as FakeWebviewPanel[],
  shown: [] as Array<{ doc: unknown; options: unknown }>,
  createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: Record<string, unknown>) {
    const p = new FakeWebviewPanel(viewType, title, showOptions, options);
    window.panels.push(p);
    return p;
  },
  activeTextEditor: undefined as unknown,
  visibleTextEditors: [] as unknown[],
  async showWarningMessage(message: string) {
    calls.warnings.push(message);
    return undefined;
  },
  async showInformationMessage(message: string) {
    calls.infos.push(message);
    return undefined;
  },
  async showErrorMessage(message: string) {
    calls.errors.push(message);
    return undefined;
  },
  createOutputChannel: () => logChannel(),
  onDidChangeActiveTextEditor: events.activeEditor.event,
  registerWebviewPanelSerializer: () => disposable,
  async withProgress<R>(_o: unknown, task: (p: { report(v: unknown): void }, token: { isCancellationRequested: boolean }) => Promise<R>) {
    return task({ report() {} }, { isCancellationRequested: false });
  },
  async showTextDocument(doc: unknown, options?: unknown) {
    window.shown.push({ doc, options });
    return { document: doc, revealRange() {}, insertSnippet: async () => true };
  },
};

export const languages = {
  createDiagnosticCollection(name: string) {
    const c = new FakeDiagnosticCollection(name);
    calls.collections.push(c);
    return c;
  },
  createLanguageStatusItem(id: string, selector: unknown) {
    const item: Record<string, unknown> = { id, selector, dispose() {} };
    calls.statusItems.push(item);
    return item;
  },
  registerCodeActionsProvider: () => disposable,
  registerHoverProvider: () => disposable,
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    calls.commands.set(id, fn);
    return { dispose: () => calls.commands.delete(id) };
  },
  async executeCommand(command: string, ...args: unknown[]) {
    calls.executed.push({ command, args });
    return undefined;
  },
};

export const env = {
  language: 'en',
  uiKind: UIKind.Desktop,
  async openExternal(uri: Uri) {
    calls.executed.push({ command: 'openExternal', args: [uri.toString()] });
    return true;
  },
};

export const version = '1.100.0';
