// Every id the extension shares with package.json, in one place (markdownlint's habit): command
// ids, setting names, view types, status item ids. No vscode import, so tests and pure helpers
// can use them too. A test checks these against package.json's contributes.

export const EXTENSION_NAME = 'bizlang';
/** `source` of every diagnostic, and the output channel's name. */
export const DIAGNOSTIC_SOURCE = 'bizlang';
export const OUTPUT_CHANNEL_NAME = 'Bizlang';

export const COMMANDS = {
  scoreDocument: 'bizlang.scoreDocument',
  lintWorkspace: 'bizlang.lintWorkspace',
  insertValueMap: 'bizlang.insertValueMap',
  openConfiguration: 'bizlang.openConfiguration',
  openExample: 'bizlang.openExample',
  showOutput: 'bizlang.showOutput',
  /** Internal: applies a fix from the side table (refuses a stale one). */
  applyFix: 'bizlang.applyFix',
  /** Internal: opens a rule's documentation. */
  openRuleDoc: 'bizlang.openRuleDoc',
} as const;

export const SETTINGS = {
  section: 'bizlang',
  enable: 'enable',
  run: 'run',
  languages: 'languages',
  severity: 'severity',
  debounce: 'debounce',
  sensitivity: 'sensitivity',
} as const;

export type RunMode = 'onType' | 'onSave';
export const DEFAULT_RUN: RunMode = 'onType';
export const DEFAULT_LANGUAGES = ['markdown'];
export const DEFAULT_DEBOUNCE_MS = 300;
/** analyzeAsync slice: the extension host is never blocked for much longer than this. */
export const SLICE_MS = 20;

export const CONFIG_FILE = '.bizlangrc.json';
export const REPORT_VIEW_TYPE = 'bizlang.report';
export const STATUS_SCORE_ID = 'bizlang.score';
export const STATUS_CONFIG_ID = 'bizlang.config';
export const WALKTHROUGH_ID = 'gettingStarted';
/** Context key: the active editor's document is one Bizlang lints (menus use it). */
export const CONTEXT_LINTS_ACTIVE_EDITOR = 'bizlang.lintsActiveEditor';

/** Files "Lint Workspace" looks at. */
export const WORKSPACE_GLOB = '**/*.{md,markdown}';
/** Folders "Lint Workspace" never descends into, whatever files.exclude says. */
export const ALWAYS_SKIPPED_DIRS = ['node_modules', '.git'];

/** URI schemes never linted: views of other documents (diffs, output, SCM input, chat blocks). */
export const SKIPPED_SCHEMES = [
  'git',
  'gitfs',
  'output',
  'vscode-scm',
  'debug',
  'vscode-settings',
  'comment',
  'chat-editing-text-model',
  'chat-editing-snapshot-text-model',
  'vscode-chat-code-block',
  'merge-conflict.conflict-diff',
  'review',
  'vscode-notebook-cell',
];
