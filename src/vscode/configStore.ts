// Finds and reads `.bizlangrc.json` through vscode.workspace.fs (so it works in vscode.dev and
// virtual workspaces): the nearest one up from the document, within its workspace folder.
// Validation is the core's; a broken file leaves the valid part (or defaults) in force, and its
// problems are logged and shown by the status item until the file is fixed.
import * as vscode from 'vscode';
import { formatConfigProblems, parseConfig, type BizlangConfig, type ConfigProblem } from '../core/config.js';
import { compileGlobs, isIgnoredPath, type Glob } from '../core/glob.js';
import { CONFIG_FILE } from './constants.js';
import { configSearchDirs, relativeTo, dirname } from './mapping.js';

export interface LoadedConfig {
  /** The file in force, if any. */
  file?: vscode.Uri;
  config: BizlangConfig;
  problems: ConfigProblem[];
  /** `config.ignore`, parsed once when the file is read (documents are checked on every lint). */
  ignore: Glob[];
}

const NONE: LoadedConfig = { config: {}, problems: [], ignore: [] };

export class ConfigStore implements vscode.Disposable {
  /** Directory URI → the config file found there (or null), for the current generation. */
  private readonly found = new Map<string, Promise<vscode.Uri | null>>();
  /** Config file URI → its parsed content. */
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any config file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reset = (uri: vscode.Uri) => {
      this.log.info(`${uri.toString(true)} changed; re-reading configuration.`);
      this.invalidate();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reset),
      watcher.onDidChange(reset),
      watcher.onDidDelete(reset),
      // Watchers do not reach every virtual file system; a save in the editor always does.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.path.endsWith(`/${CONFIG_FILE}`)) reset(doc.uri);
      }),
    );
  }

  invalidate(): void {
    this.found.clear();
    this.loaded.clear();
    this.changed.fire();
  }

  /** The config in force for a document (defaults when there is none). */
  async forDocument(uri: vscode.Uri): Promise<LoadedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return NONE;
    for (const dir of configSearchDirs(uri.path, folder.uri.path)) {
      const file = await this.findIn(uri.with({ path: dir, query: '', fragment: '' }));
      if (file) return this.load(file);
    }
    return NONE;
  }

  /** True when the document is matched by its config's `ignore` globs. */
  isIgnored(uri: vscode.Uri, loaded: LoadedConfig): boolean {
    if (!loaded.file || !loaded.ignore.length) return false;
    const rel = relativeTo(dirname(loaded.file.path), uri.path);
    return rel !== undefined && isIgnoredPath(rel, loaded.ignore);
  }

  private findIn(dir: vscode.Uri): Promise<vscode.Uri | null> {
    const key = dir.toString();
    let p = this.found.get(key);
    if (!p) {
      const file = vscode.Uri.joinPath(dir, CONFIG_FILE);
      p = Promise.resolve(vscode.workspace.fs.stat(file)).then(
        (stat) => ((stat.type & vscode.FileType.File) !== 0 ? file : null),
        () => null,
      );
      this.found.set(key, p);
    }
    return p;
  }

  private load(file: vscode.Uri): Promise<LoadedConfig> {
    const key = file.toString();
    let p = this.loaded.get(key);
    if (!p) {
      p = this.read(file);
      this.loaded.set(key, p);
    }
    return p;
  }

  private async read(file: vscode.Uri): Promise<LoadedConfig> {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      const problems = [{ field: '(root)', message: `cannot be read: ${(error as Error).message}` }];
      this.report(file, problems);
      return { file, config: {}, problems, ignore: [] };
    }
    const { config, problems } = parseConfig(text);
    this.report(file, problems);
    return { file, config, problems, ignore: compileGlobs(config.ignore ?? []) };
  }

  private report(file: vscode.Uri, problems: ConfigProblem[]): void {
    if (!problems.length) return;
    const name = vscode.workspace.asRelativePath(file, true);
    for (const line of formatConfigProblems(name, problems)) this.log.error(line);
    this.log.warn(`${name}: linting continues with the valid part of the file (defaults elsewhere).`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
