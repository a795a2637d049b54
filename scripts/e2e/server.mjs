// A throw-away code-server: fresh user data, extensions and XDG folders under one run folder,
// bound to 127.0.0.1 only, started detached in its own process group so that stopping it ends
// every process it started (extension host, file watcher, pty host…). Every group started here
// is also ended on exit, SIGINT and SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Process groups still running (leader pids). */
const groups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let handlersInstalled = false;
/** Kills every group still registered: on exit (sync) and on SIGINT/SIGTERM/SIGHUP. */
export function installCleanupHandlers(onSignal) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      process.stderr.write(`\n[e2e] ${signal}: stopping every process this run started\n`);
      for (const pid of groups) killGroup(pid, 'SIGTERM');
      Promise.resolve(onSignal?.())
        .catch(() => {})
        .finally(() => {
          for (const pid of groups) killGroup(pid, 'SIGKILL');
          process.exit(code);
        });
      setTimeout(() => process.exit(code), 5000).unref();
    });
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and deterministic. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'editor.lightbulb.enabled': 'on',
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'files.insertFinalNewline': false,
  'files.trimTrailingWhitespace': false,
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'markdown.validate.enabled': false,
  'markdown.preview.openMarkdownLinks': 'inEditor',
  'problems.sortOrder': 'position',
  'problems.showCurrentInStatus': false,
  'breadcrumbs.enabled': false,
  'terminal.integrated.enablePersistentSessions': false,
};

/**
 * Prepares the folders of one code-server instance and installs the given .vsix files into it.
 * @param {{ entry: string, dir: string, vsix: string[], locale?: string, settings?: object }} o
 */
export function prepareInstance(o) {
  const d = {
    root: o.dir,
    userData: join(o.dir, 'user-data'),
    extensions: join(o.dir, 'extensions'),
    xdgConfig: join(o.dir, 'xdg-config'),
    xdgData: join(o.dir, 'xdg-data'),
    xdgCache: join(o.dir, 'xdg-cache'),
    tmp: join(o.dir, 'tmp'),
    config: join(o.dir, 'code-server.yaml'),
    log: join(o.dir, 'code-server.log'),
  };
  for (const k of ['userData', 'extensions', 'xdgConfig', 'xdgData', 'xdgCache', 'tmp']) mkdirSync(d[k], { recursive: true });
  mkdirSync(join(d.userData, 'User'), { recursive: true });
  writeFileSync(join(d.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  // VS Code reads the display language from argv.json in the user settings folder.
  const argv = { 'enable-crash-reporter': false };
  if (o.locale) argv.locale = o.locale;
  writeFileSync(join(d.userData, 'User', 'argv.json'), JSON.stringify(argv, null, 2));
  if (o.locale && !o.locale.startsWith('en')) registerLanguagePack(d, o.locale);
  writeFileSync(d.config, 'auth: none\ncert: false\n');
  const env = instanceEnv(d);
  for (const vsix of o.vsix) {
    const r = spawnSync(process.execPath, [o.entry, ...dirFlags(d), '--install-extension', vsix, '--force'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed|already installed/i.test(out)) {
      throw new Error(`installing ${vsix} into code-server failed (${r.status ?? r.signal}):\n${out.slice(-3000)}`);
    }
  }
  return d;
}

/**
 * VS Code shows a display language only when a language pack for it is installed; otherwise
 * argv.json's locale is ignored and everything, extensions included, stays English. Language packs
 * come from the Marketplace, which a test must not reach, so this registers a stand-in the way
 * VS Code's language pack cache does (user-data/languagepacks.json): the locale, with a core
 * translation file that translates nothing. VS Code then runs in that locale (vscode.env.language,
 * extension package.nls.<locale>.json and l10n bundles) with its own UI strings in English.
 */
function registerLanguagePack(d, locale) {
  const dir = join(d.root, 'language-pack', locale);
  mkdirSync(dir, { recursive: true });
  const core = join(dir, 'main.i18n.json');
  writeFileSync(core, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    // Any stable hex string: VS Code keys its translation cache (user-data/clp) by it.
    hash: createHash('md5').update(`bizlang-e2e-${locale}`).digest('hex'),
    label: locale,
    extensions: [{ extensionIdentifier: { id: `bizlang-e2e.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: core },
  };
  writeFileSync(join(d.userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }, null, 2));
}

function dirFlags(d) {
  return ['--config', d.config, '--user-data-dir', d.userData, '--extensions-dir', d.extensions];
}

function instanceEnv(d) {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: d.xdgConfig,
    XDG_DATA_HOME: d.xdgData,
    XDG_CACHE_HOME: d.xdgCache,
    TMPDIR: d.tmp,
    // No proxying, no telemetry, no update checks, no password prompts.
    VSCODE_PROXY_URI: '',
    PASSWORD: '',
  };
  for (const k of ['npm_config_prefix', 'NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_CLI']) delete env[k];
  return env;
}

async function waitHealthy(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready; log: ${logFile}\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms (${lastError}); log: ${logFile}\n${tail(logFile)}`);
}

function tail(file, n = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts code-server on 127.0.0.1 with an instance from prepareInstance.
 * @returns {Promise<{ url: string, port: number, pid: number, stop: () => Promise<void>, dirs: object }>}
 */
export async function startCodeServer({ entry, dirs, workspace, locale }) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      entry,
      ...dirFlags(dirs),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      ...(locale ? ['--locale', locale] : []),
      workspace,
    ];
    const fd = openSync(dirs.log, 'a');
    const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', fd, fd], env: instanceEnv(dirs), cwd: dirs.root });
    closeSync(fd);
    groups.add(child.pid);
    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (!groups.has(child.pid)) return;
      killGroup(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && groupAlive(child.pid)) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
      const hard = Date.now() + 3000;
      while (Date.now() < hard && groupAlive(child.pid)) await new Promise((r) => setTimeout(r, 100));
      groups.delete(child.pid);
    };
    try {
      await waitHealthy(url, child, dirs.log, 60_000);
      return { url, port, pid: child.pid, stop, dirs };
    } catch (error) {
      lastError = error;
      await stop();
      // EADDRINUSE: someone took the port between freePort() and listen; try another.
      if (!/EADDRINUSE/.test(tail(dirs.log, 20))) break;
    }
  }
  throw lastError;
}

/** Pids of processes whose process group is one this module started (for leak checks). */
export function liveGroups() {
  return [...groups].filter(groupAlive);
}

