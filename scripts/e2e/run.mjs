#!/usr/bin/env node
// npm run test:e2e — Bizlang in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven
// through its UI by playwright-core with Debian's Chromium. See docs/e2e.md.
//
//   node scripts/e2e/run.mjs [--only id,id] [--no-build] [--no-install] [--keep] [--repeat N]
//
// 1. installs what is missing (apt: chromium, libkrb5-dev, fonts-noto-cjk; code-server into
//    ~/.cache/bizlang-e2e), 2. builds and packages the .vsix, 3. per display language starts a
//    throw-away code-server on 127.0.0.1 (fresh profile, extensions and workspace), 4. runs the
//    scenarios, screenshotting every step into e2e-artifacts/, 5. stops every process it started.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cli } from './cli.mjs';
import { ensureAll } from './install.mjs';
import { INSTANCES, SCENARIOS, UI, WORKSPACES } from './scenarios.mjs';
import { installCleanupHandlers, liveGroups, prepareInstance, startCodeServer } from './server.mjs';
import { TIMEOUT, Workbench } from './workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const VSIX = join(root, `${pkg.name}-${pkg.version}.vsix`);
const ARTIFACTS = resolve(root, process.env.BIZLANG_E2E_ARTIFACTS || 'e2e-artifacts');

function parseArgs(argv) {
  const o = { only: undefined, build: true, install: true, keep: false, repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') o.only = argv[++i].split(',');
    else if (a.startsWith('--only=')) o.only = a.slice(7).split(',');
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-install') o.install = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--repeat') o.repeat = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).join('\n').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
/** Set on SIGINT/SIGTERM/SIGHUP: the run stops quietly (what fails after that is teardown). */
let interrupted = false;
const log = (msg) => {
  if (!interrupted) process.stdout.write(`${msg}\n`);
};
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70) || 'step';

let browser;
/** Temporary run folders (workspace, profiles), removed at exit unless --keep. */
const runDirs = [];
installCleanupHandlers(async () => {
  interrupted = true;
  await browser?.close().catch(() => {});
});
process.on('exit', () => {
  if (opts.keep) return;
  for (const dir of runDirs) rmSync(dir, { recursive: true, force: true });
});

function build() {
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  writeFileSync(join(ARTIFACTS, 'build.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0 || !existsSync(VSIX)) {
    throw new Error(`npm run package failed (exit ${r.status}); log: ${relative(root, join(ARTIFACTS, 'build.log'))}\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  }
  log(`built and packaged ${relative(root, VSIX)} in ${secs(Date.now() - started)}`);
}

function makeWorkspace(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [rel, from] of Object.entries(files)) {
    const to = join(dir, rel);
    mkdirSync(dirname(to), { recursive: true });
    if (typeof from === 'string') cpSync(join(root, from), to);
    else writeFileSync(to, from.text);
  }
}

class StepFailure extends Error {}

/** Runs the scenarios of one display language in one code-server. */
async function runInstance(name, scenarios, runDir, codeServer, results, round) {
  const instDir = join(runDir, name);
  const ws = join(instDir, 'ws');
  makeWorkspace(ws, WORKSPACES[name]);
  const artifacts = join(ARTIFACTS, round ? `round-${round}` : '', name);
  mkdirSync(artifacts, { recursive: true });
  const started = Date.now();
  const dirs = prepareInstance({ entry: codeServer, dir: join(instDir, 'code-server'), vsix: [VSIX], locale: INSTANCES[name].locale, settings: INSTANCES[name].settings });
  const server = await startCodeServer({ entry: codeServer, dirs, workspace: ws });
  const consoleLog = join(artifacts, 'browser-console.log');
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US', serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`);
    });
    page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
    page.on('dialog', (d) => d.accept().catch(() => {}));
    const wb = new Workbench(page);
    const open = async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
      await wb.waitReady();
    };
    await open();
    log(`[${name}] code-server ${server.url} (pid ${server.pid}), workbench ready in ${secs(Date.now() - started)}`);
    const cli = new Cli(root);

    let broken = false;
    for (const sc of scenarios) {
      if (interrupted) break;
      const index = SCENARIOS.indexOf(sc) + 1;
      const shots = join(ARTIFACTS, round ? `round-${round}` : '', `${String(index).padStart(2, '0')}-${sc.id}`);
      rmSync(shots, { recursive: true, force: true });
      mkdirSync(shots, { recursive: true });
      const result = { id: sc.id, title: sc.title, instance: name, steps: [], status: 'passed', notes: [] };
      results.push(result);
      if (broken) {
        result.status = 'failed';
        result.error = 'not run: the workbench could not be recovered after an earlier failure';
        log(`✗ ${sc.title}: ${result.error}`);
        continue;
      }
      let n = 0;
      const t = {
        page,
        wb,
        cli,
        root,
        ws,
        ui: UI[name],
        path: (rel) => join(ws, rel),
        note: (s) => result.notes.push(s),
        step: async (title, fn) => {
          n++;
          const file = join(shots, `${String(n).padStart(2, '0')}-${slug(title)}`);
          const s0 = Date.now();
          try {
            await fn();
          } catch (error) {
            const shot = `${file}-FAILED.png`;
            await page.screenshot({ path: shot }).catch(() => {});
            result.steps.push({ title, ms: Date.now() - s0, status: 'failed', screenshot: relative(root, shot) });
            throw new StepFailure(`step ${n} "${title}" failed: ${error.message}\n    screenshot: ${relative(root, shot)}`);
          }
          await page.screenshot({ path: `${file}.png` }).catch(() => {});
          result.steps.push({ title, ms: Date.now() - s0, status: 'passed', screenshot: relative(root, `${file}.png`) });
          log(`    ✓ ${title} (${secs(Date.now() - s0)})`);
        },
      };
      const s0 = Date.now();
      log(`  ${sc.title}`);
      try {
        await sc.run(t);
      } catch (error) {
        result.status = 'failed';
        result.error = error instanceof StepFailure ? error.message : `${error.stack ?? error}\n    screenshot: ${relative(root, join(shots, 'FAILED.png'))}`;
        if (!(error instanceof StepFailure)) await page.screenshot({ path: join(shots, 'FAILED.png') }).catch(() => {});
        log(`✗ ${sc.title}\n    ${result.error}`);
        // Start the next scenario from a clean window.
        try {
          await open();
          await wb.closeAllEditors();
        } catch (e) {
          broken = true;
          log(`  (could not recover the workbench: ${e.message.split('\n')[0]})`);
        }
      }
      result.ms = Date.now() - s0;
      if (result.status === 'passed') log(`✓ ${sc.title} (${secs(result.ms)})`);
    }
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
    // Evidence for failures: code-server's log and the window/extension host logs (Bizlang's
    // output channel is among them).
    cpSync(dirs.log, join(artifacts, 'code-server.log'));
    const logs = join(dirs.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(artifacts, 'vscode-logs'), { recursive: true });
  }
}

/** Processes still running whose command line mentions the run folder (a leak if any). */
function strayProcesses(runDir) {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(runDir) && Number(pid) !== process.pid) out.push(`${pid} ${cmd.slice(0, 200)}`);
    } catch {}
  }
  return out;
}

async function main() {
  const t0 = Date.now();
  const selected = opts.only ? SCENARIOS.filter((s) => opts.only.includes(s.id) || opts.only.includes(s.instance)) : SCENARIOS;
  if (!selected.length) throw new Error(`no scenario matches --only ${opts.only}; ids: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  // Cleared at each run; never a folder that holds the repository (BIZLANG_E2E_ARTIFACTS=/ …).
  if (ARTIFACTS === '/' || !relative(ARTIFACTS, root).startsWith('..')) throw new Error(`refusing to use ${ARTIFACTS} for artifacts`);
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  log(`Bizlang e2e: ${selected.length} scenario(s); screenshots and logs in ${relative(root, ARTIFACTS) || '.'}/`);

  let paths;
  if (opts.install) paths = await ensureAll();
  else {
    const { CHROMIUM, cacheRoot, CODE_SERVER_VERSION } = await import('./install.mjs');
    paths = { chromium: CHROMIUM, codeServer: join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
  }
  if (opts.build) build();
  else if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing (run without --no-build)`);

  const { chromium } = await import('playwright-core');
  // Chromium's crash reporter writes under $XDG_CONFIG_HOME: keep it out of $HOME.
  const browserHome = mkdtempSync(join(tmpdir(), 'bizlang-e2e-browser-'));
  runDirs.push(browserHome);
  browser = await chromium.launch({
    executablePath: paths.chromium,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: join(browserHome, 'config'), XDG_CACHE_HOME: join(browserHome, 'cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });

  const results = [];
  try {
    for (let round = 1; round <= opts.repeat; round++) {
      const runDir = mkdtempSync(join(tmpdir(), 'bizlang-e2e-'));
      runDirs.push(runDir);
      if (opts.repeat > 1) log(`— round ${round} of ${opts.repeat}`);
      for (const name of Object.keys(INSTANCES)) {
        const scenarios = selected.filter((s) => s.instance === name);
        if (scenarios.length) await runInstance(name, scenarios, runDir, paths.codeServer, results, opts.repeat > 1 ? round : 0);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    browser = undefined;
  }

  // Every process this run started must be gone.
  const leaks = [...liveGroups().map((p) => `process group ${p}`), ...runDirs.flatMap(strayProcesses)];
  for (const dir of runDirs) if (!opts.keep) rmSync(dir, { recursive: true, force: true });

  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  writeFileSync(join(ARTIFACTS, 'results.json'), JSON.stringify({ passed, failed, ms: Date.now() - t0, leaks, results }, null, 2));
  log('');
  for (const r of results.filter((x) => x.status !== 'passed')) log(`FAILED ${r.title}\n    ${r.error}`);
  if (leaks.length) log(`FAILED: processes left running:\n  ${leaks.join('\n  ')}`);
  log(`e2e finished in ${secs(Date.now() - t0)}; screenshots: ${relative(root, ARTIFACTS)}/`);
  log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && leaks.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`e2e: ${error.stack ?? error}`);
    await browser?.close().catch(() => {});
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
