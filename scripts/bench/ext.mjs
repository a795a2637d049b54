// The extension bundle (dist/extension.cjs as packaged, built into .cache/bench/ext) under the
// tests' fake `vscode` module, in a fresh process.
//   node ext.mjs MANIFEST.json activate
//     Start-up: time to require() the bundle and call activate() with a fake context (the fake
//     `vscode` module is loaded before the clock starts: the real host already has it).
//   node ext.mjs MANIFEST.json host DOC.md KEYSTROKES
//     The extension host end to end: the Linter's lint() of the doc on first open (cold), then
//     after one-character edits (what runs per keystroke once the debounce fires: getText,
//     analyzeAsync, diagnostics, fix table). A setImmediate probe records the longest stretch the
//     event loop was blocked during each lint, in wall time and in main-thread CPU time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Module, { createRequire } from 'node:module';
import { cpuMs, prng, REPO, threadCpuMs, typingSpots } from './lib.mjs';

const [manifestFile, mode, doc, keysArg] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const require = createRequire(import.meta.url);

const { mock, FakeDocument } = require(manifest.harness);
mock.resetMock();
mock.workspace.workspaceFolders = [{ uri: mock.Uri.parse('file:///ws'), name: 'ws', index: 0 }];
const original = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? mock : original.call(this, request, ...rest);
};
const context = { subscriptions: [], extensionUri: mock.Uri.parse('file:///ext') };
// The sentence networks, where the packaged extension has them (dist/ of its folder).
for (const lang of ['en', 'zh']) {
  const file = join(REPO, 'src', 'core', 'data', `net-${lang}.bin`);
  if (existsSync(file)) mock.files.set(`file:///ext/dist/net-${lang}.bin`, new Uint8Array(readFileSync(file)));
}

const t0 = performance.now();
const c0 = cpuMs();
const ext = require(manifest.extension);
const t1 = performance.now();
const api = ext.activate(context);
const t2 = performance.now();
const c2 = cpuMs();

if (mode === 'activate') {
  process.stdout.write(`${JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, cpuMs: c2 - c0 })}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// host

const text = readFileSync(doc, 'utf8');
const lang = /[\u4e00-\u9fff]/.test(text.slice(0, 20000)) ? 'zh' : 'en';
const keys = Number(keysArg ?? 20);

/** Runs `fn` (async) while a setImmediate ping-pong measures the longest gap between turns. */
async function probed(fn) {
  let last = performance.now();
  let lastThread = threadCpuMs();
  let maxGap = 0;
  let maxGapThread = 0;
  let on = true;
  const mark = () => {
    const n = performance.now();
    const m = threadCpuMs();
    if (n - last > maxGap) maxGap = n - last;
    if (m - lastThread > maxGapThread) maxGapThread = m - lastThread;
    last = n;
    lastThread = m;
  };
  const tick = () => {
    mark();
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  const s = performance.now();
  const value = await fn();
  const wall = performance.now() - s;
  on = false;
  mark();
  return { wall, maxGap, maxGapThread, value };
}

// Activation reads the sentence networks asynchronously (a few milliseconds from disk): a
// document opened after that is judged with them, as here.
await new Promise((resolve) => setTimeout(resolve, 50));
const fake = new FakeDocument(`file:///ws/${lang}-doc.md`, text);
mock.workspace.textDocuments.push(fake);
const first = await probed(() => api.linter.lint(fake));
if (!first.value) throw new Error('the extension published no result for the document');

const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const { default: remarkGfm } = await import('remark-gfm');
const { default: remarkFrontmatter } = await import('remark-frontmatter');
const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(text);
const spots = typingSpots(tree, text, lang);
const rng = prng(Number(process.env.BIZLANG_BENCH_SEED ?? 20261121) + 20);
const ch = lang === 'zh' ? '的' : 'e';
const lints = [];
for (let i = 0; i < keys; i++) {
  const at = rng.pick(rng.pick(spots));
  fake.setText(text.slice(0, at) + ch + text.slice(at));
  const a = await probed(() => api.linter.lint(fake));
  fake.setText(text);
  const b = await probed(() => api.linter.lint(fake));
  if (!a.value || !b.value) throw new Error('a keystroke lint published nothing');
  lints.push(a, b);
}
for (const d of context.subscriptions) d.dispose?.();
process.stdout.write(
  `${JSON.stringify({
    messages: first.value.result.messages.length,
    firstWall: first.wall,
    firstMaxGap: first.maxGap,
    firstMaxGapThread: first.maxGapThread,
    keyWall: lints.map((l) => l.wall),
    keyMaxGap: lints.map((l) => l.maxGap),
    keyMaxGapThread: lints.map((l) => l.maxGapThread),
  })}\n`,
);
process.exit(0);
