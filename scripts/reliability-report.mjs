#!/usr/bin/env node
// Prints the reliability table of docs/reliability.md: every pathological input of
// test/fuzz/pathological-inputs.ts at its full size (the issue's sizes; 1 MB for the others) and,
// with --growth, at a quarter of that size: the wall-clock and CPU time of one analyze() call and
// what came out. Each measurement runs in a fresh child process (so a slow case cannot slow the
// next) with a time limit; a case over the limit is reported as such, not waited for.
//
//   node scripts/reliability-report.mjs                  all inputs, 120 s limit per run
//   node scripts/reliability-report.mjs --timeout 600    a longer limit
//   node scripts/reliability-report.mjs --only lineZh,deepOrdered
//   node scripts/reliability-report.mjs --growth         also each input at ¼ size: the growth to full size
//
// Times depend on the machine and its load: compare ratios within one run, not across machines.
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..');

if (process.argv[2] === '--child') {
  // Child: one analysis of one input, reported to the parent.
  const [bundle, family, size] = process.argv.slice(3);
  const mod = await import(pathToFileURL(bundle).href);
  const text = mod.FAMILIES[family](Number(size));
  mod.analyze('warm up the lexicon and the parser'); // compile once, outside the measurement
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = mod.analyze(text);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.send({ length: text.length, wall, cpu: (cpu.user + cpu.system) / 1000, messages: r.messages.length, notices: r.notices?.length ?? 0, skipped: !!r.skipped, heapMB: process.memoryUsage().heapUsed / 2 ** 20 });
  process.exit(0);
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const timeoutS = Number(option('--timeout', '120'));
const only = option('--only', '')?.split(',').filter(Boolean) ?? [];
const withGrowth = process.argv.includes('--growth');

const dir = mkdtempSync(join(tmpdir(), 'bizlang-reliability-'));
const bundle = join(dir, 'bundle.mjs');
await build({
  absWorkingDir: ROOT,
  stdin: {
    contents: "export { FAMILIES, FULL_SIZES } from './test/fuzz/pathological-inputs.ts';\nexport { analyze } from './src/core/index.ts';\n",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});
const { FAMILIES, FULL_SIZES } = await import(pathToFileURL(bundle).href);

function measure(family, size) {
  return new Promise((resolve) => {
    const child = fork(SELF, ['--child', bundle, family, String(size)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=4096'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let result;
    const timer = setTimeout(() => {
      result = { timeout: true };
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('message', (m) => (result = m));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(result ?? { error: `exit ${code}: ${(stderr.match(/^\w*Error.*$/m) ?? [stderr.trim().split('\n').slice(-3).join(' ')])[0]}` });
    });
  });
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
function cells(r) {
  if (r.timeout) return [`> ${timeoutS} s (stopped)`, '', ''];
  if (r.error) return [`error: ${r.error}`, '', ''];
  const out = r.skipped ? 'skipped (maxFileSize)' : `${fmt(r.messages)} messages${r.notices ? `, ${fmt(r.notices)} notice(s)` : ''}`;
  return [fmt(r.wall), fmt(r.cpu), out];
}

const families = Object.keys(FAMILIES).filter((f) => !only.length || only.includes(f));
console.log(`Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), limit ${timeoutS} s per run\n`);
console.log('| input | characters | wall ms | CPU ms | result | CPU ms at ¼ size | growth ¼ → full (linear ≈ 4) |');
console.log('|---|---:|---:|---:|---|---:|---:|');
for (const family of families) {
  const size = FULL_SIZES[family] ?? 1_000_000;
  const r = await measure(family, size);
  let quarter = '';
  let ratio = '';
  if (withGrowth) {
    const q = await measure(family, Math.round(size / 4));
    quarter = q.cpu !== undefined ? fmt(q.cpu) : cells(q)[0];
    ratio = q.cpu && r.cpu ? (r.cpu / q.cpu).toFixed(1) : q.cpu && r.timeout ? `> ${((timeoutS * 1000) / q.cpu).toFixed(0)}` : '';
  }
  console.log(`| ${family} | ${fmt(size)} | ${cells(r).join(' | ')} | ${quarter} | ${ratio} |`);
}
rmSync(dir, { recursive: true, force: true });
