// Lints documents: one core Analyzer per document (it re-parses only the edited blocks),
// analyzeAsync in ~20 ms slices so the extension host is never blocked for long, a generation
// counter per document so a superseded or stale run is dropped (never shown), and a side table of
// results and fixes keyed by document version for the code actions, hover, report and status.
import * as vscode from 'vscode';
import { Analyzer, type AnalyzeResult } from '../core/index.js';
import type { ConfigStore, LoadedConfig } from './configStore.js';
import { SETTINGS, SLICE_MS } from './constants.js';
import { FixTable, isLintable, mergeOptions, normalizeSettings, optionsKey, toDiagnosticData, type Settings } from './mapping.js';
import { t } from './l10n.js';

/** One analysed version of one document: what the diagnostics, fixes, hover and report show. */
export interface LintRecord {
  uri: string;
  version: number;
  /** The text that was analysed (the document at `version`). */
  text: string;
  result: AnalyzeResult;
  diagnostics: vscode.Diagnostic[];
  /** Quick fixes for this version, built per finding when first asked for. */
  fixes: FixTable;
  config: LoadedConfig;
}

interface DocState {
  analyzer?: Analyzer;
  key?: string;
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  running: number;
}

/** Reads the `bizlang.*` settings for a resource. */
export function readSettings(scope?: vscode.ConfigurationScope): { settings: Settings; problems: string[] } {
  const c = vscode.workspace.getConfiguration(SETTINGS.section, scope);
  const raw: Record<string, unknown> = {};
  for (const key of [SETTINGS.enable, SETTINGS.run, SETTINGS.languages, SETTINGS.severity, SETTINGS.debounce, SETTINGS.sensitivity]) {
    const v = c.get<unknown>(key);
    if (v !== undefined) raw[key] = v;
  }
  return normalizeSettings(raw);
}

/** A diagnostic from one core message. */
export function toDiagnostic(data: ReturnType<typeof toDiagnosticData>): vscode.Diagnostic {
  const r = data.range;
  const d = new vscode.Diagnostic(
    new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    data.message,
    data.severity as vscode.DiagnosticSeverity,
  );
  d.source = data.source;
  d.code = { value: data.code.value, target: vscode.Uri.parse(data.code.target) };
  return d;
}

export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('bizlang');
  /** The side table: latest shown result per document URI. */
  readonly records = new Map<string, LintRecord>();
  private readonly states = new Map<string, DocState>();
  private readonly linted = new vscode.EventEmitter<{ uri: string; record?: LintRecord }>();
  /** Fires when a document's results were published or cleared. */
  readonly onDidLint = this.linted.event;
  private readonly busyChanged = new vscode.EventEmitter<string>();
  readonly onDidChangeBusy = this.busyChanged.event;
  private loggedSettingProblems = '';

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  settings(doc: { uri: vscode.Uri; languageId?: string }): Settings {
    const { settings, problems } = readSettings({ uri: doc.uri, languageId: doc.languageId ?? 'markdown' });
    const key = problems.join('\n');
    if (key && key !== this.loggedSettingProblems) for (const p of problems) this.log.warn(`Settings: ${p}`);
    this.loggedSettingProblems = key;
    return settings;
  }

  /** True when this document is one Bizlang lints (language, scheme, bizlang.enable). */
  wants(doc: vscode.TextDocument): boolean {
    const s = this.settings(doc);
    return s.enable && isLintable(doc.uri.scheme, doc.languageId, s.languages);
  }

  isBusy(uri: string): boolean {
    return (this.states.get(uri)?.running ?? 0) > 0 || this.states.get(uri)?.timer !== undefined;
  }

  private state(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) {
      s = { generation: 0, running: 0 };
      this.states.set(uri, s);
    }
    return s;
  }

  /** A document changed: whatever is running for it is now stale, so cancel it; re-lint after a pause. */
  changed(doc: vscode.TextDocument): void {
    if (!this.wants(doc)) return;
    const st = this.state(doc.uri.toString());
    st.generation++;
    if (this.settings(doc).run === 'onType') this.schedule(doc);
  }

  schedule(doc: vscode.TextDocument, delay = this.settings(doc).debounceMs): void {
    const key = doc.uri.toString();
    const st = this.state(key);
    if (st.timer !== undefined) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.lint(doc);
    }, delay);
    this.busyChanged.fire(key);
  }

  /**
   * Lints a document now. Resolves with the record it published, or undefined when the run was
   * superseded, the document changed or closed meanwhile, or it is not linted at all.
   */
  async lint(doc: vscode.TextDocument): Promise<LintRecord | undefined> {
    const key = doc.uri.toString();
    if (!this.wants(doc)) {
      this.clear(doc.uri);
      return undefined;
    }
    const st = this.state(key);
    if (st.timer !== undefined) {
      clearTimeout(st.timer);
      st.timer = undefined;
    }
    const generation = ++st.generation;
    const version = doc.version;
    const current = () => generation === st.generation && !doc.isClosed;
    st.running++;
    this.busyChanged.fire(key);
    try {
      const config = await this.configs.forDocument(doc.uri);
      if (!current()) return undefined;
      if (this.configs.isIgnored(doc.uri, config)) {
        this.clear(doc.uri, false);
        return undefined;
      }
      const options = mergeOptions(config.config, this.settings(doc));
      const okey = optionsKey(options);
      if (!st.analyzer || st.key !== okey) {
        st.analyzer = new Analyzer(options);
        st.key = okey;
      }
      const text = doc.getText();
      const result = await st.analyzer.analyzeAsync(text, { sliceMs: SLICE_MS, isCancelled: () => !current() });
      // Stale results are never shown: a newer run, an edit or a close since we started drops this one.
      if (!result || !current() || doc.version !== version) return undefined;
      if (result.skipped) this.log.info(`${vscode.workspace.asRelativePath(doc.uri, true)}: ${result.skipped}`);
      const diagnostics = result.messages.map((m) => toDiagnostic(toDiagnosticData(m)));
      const record: LintRecord = { uri: key, version, text, result, diagnostics, fixes: new FixTable(text, result.messages, t), config };
      this.records.set(key, record);
      this.collection.set(doc.uri, diagnostics);
      this.linted.fire({ uri: key, record });
      return record;
    } catch (error) {
      this.log.error(`Linting ${doc.uri.toString(true)} failed: ${(error as Error).stack ?? String(error)}`);
      return undefined;
    } finally {
      st.running--;
      this.busyChanged.fire(key);
    }
  }

  /** The record for a document's current version, linting first if it is missing or stale. */
  async fresh(doc: vscode.TextDocument): Promise<LintRecord | undefined> {
    const rec = this.records.get(doc.uri.toString());
    if (rec && rec.version === doc.version) return rec;
    return this.lint(doc);
  }

  /**
   * Lints a file that is not open in an editor (Lint Workspace): its diagnostics only, no fixes
   * (fixes need an open document's version). Returns the number of findings, or undefined.
   */
  async lintFile(uri: vscode.Uri, token: vscode.CancellationToken): Promise<number | undefined> {
    const settings = this.settings({ uri, languageId: 'markdown' });
    if (!settings.enable) return undefined;
    const config = await this.configs.forDocument(uri);
    if (this.configs.isIgnored(uri, config)) return undefined;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const analyzer = new Analyzer(mergeOptions(config.config, settings));
    const result = await analyzer.analyzeAsync(text, { sliceMs: SLICE_MS, isCancelled: () => token.isCancellationRequested });
    if (!result) return undefined;
    // Opened while we read it: the editor's own lint owns its diagnostics now.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return undefined;
    this.collection.set(uri, result.messages.map((m) => toDiagnostic(toDiagnosticData(m))));
    return result.messages.length;
  }

  /** Drops a document's results (closed, ignored, language changed, disabled). */
  clear(uri: vscode.Uri, forget = true): void {
    const key = uri.toString();
    const st = this.states.get(key);
    if (st) {
      st.generation++;
      if (st.timer !== undefined) clearTimeout(st.timer);
      st.timer = undefined;
      if (forget) this.states.delete(key);
    }
    this.collection.delete(uri);
    const had = this.records.delete(key);
    if (had || forget) this.linted.fire({ uri: key });
  }

  /** Forgets every analyzer (options may have changed) and re-lints the open documents. */
  relintAll(): void {
    for (const st of this.states.values()) {
      st.analyzer = undefined;
      st.key = undefined;
    }
    for (const doc of vscode.workspace.textDocuments) {
      if (this.wants(doc)) void this.lint(doc);
      else if (this.records.has(doc.uri.toString())) this.clear(doc.uri);
    }
  }

  dispose(): void {
    for (const st of this.states.values()) {
      st.generation++;
      if (st.timer !== undefined) clearTimeout(st.timer);
    }
    this.states.clear();
    this.collection.dispose();
    this.linted.dispose();
    this.busyChanged.dispose();
  }
}
