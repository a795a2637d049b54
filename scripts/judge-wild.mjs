// Developer tool: samples what tech-value and unquantified-impact report in real documents (e.g.
// ../shared/bench/en-keps), grouped by rule and confidence band, to read precision beyond the
// labeled corpus. Usage: node scripts/judge-wild.mjs DIR [PER_GROUP] [SEED] [SENSITIVITY]
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = join(tmpdir(), `bizlang-core-${process.pid}.mjs`);
await build({ entryPoints: ['src/core/index.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error', mainFields: ['module', 'main'] });
const core = await import(pathToFileURL(out).href);
const [dir, nArg, seedArg, sensitivity = 'thorough'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/judge-wild.mjs DIR [PER_GROUP] [SEED] [precise|balanced|thorough]');
  process.exit(2);
}
const n = Number(nArg) || 40;
let seed = Number(seedArg) || 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const files = [];
(function walk(d) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.md')) files.push(p);
  }
})(dir);
const groups = {};
for (const f of files.sort().filter(() => rand() < 0.12)) {
  const text = readFileSync(f, 'utf8');
  for (const m of core.analyze(text, { sensitivity }).messages) {
    if (m.ruleId !== 'tech-value' && m.ruleId !== 'unquantified-impact') continue;
    const band = m.confidence >= 0.9 ? '≥0.90' : m.confidence >= 0.8 ? '0.80–0.89' : m.confidence >= 0.7 ? '0.70–0.79' : '<0.70';
    const line = (text.split(/\r?\n/)[m.line - 1] ?? '').trim();
    (groups[`${m.ruleId} ${band}`] ??= []).push(`${m.confidence.toFixed(2)} ${m.ruleId === 'unquantified-impact' ? `«${m.actual}» ${line}` : m.actual.replace(/\s+/g, ' ')}`.slice(0, 240));
  }
}
for (const [k, v] of Object.entries(groups).sort()) {
  console.log(`== ${k}: ${v.length}`);
  v.filter(() => rand() < n / v.length).slice(0, n).forEach((s) => console.log(`  - ${s}`));
}
