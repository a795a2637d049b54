// Developer tool: bundles the core and shows the judgment of every corpus sentence with the
// pattern that decided it. Usage: node scripts/judge-dev.mjs [CORPUS] [--lang en|zh] [--all]
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--lang') ?? '../shared/corpus/dev.jsonl';
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : null;
const out = join(tmpdir(), `bizlang-core-${process.pid}.mjs`);
await build({ entryPoints: ['src/core/index.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error', mainFields: ['module', 'main'] });
const core = await import(pathToFileURL(out).href);
const lex = core.getLexicon();
const rows = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => !lang || r.lang === lang);
const want = { TECH: 'TECH', BIZ_VAGUE: 'BIZ_VAGUE', BIZ_QUANT: 'BIZ_QUANT', OTHER: 'OTHER' };
const conf = {};
for (const r of rows) {
  const f = core.classifySentence(r.text.replace(/\s+/g, ' ').trim(), r.lang, lex);
  const k = `${r.lang} ${r.label}->${f.label}`;
  conf[k] = (conf[k] ?? 0) + 1;
  const flagged = (l) => l === 'TECH' || l === 'BIZ_VAGUE';
  const bad = (r.label !== f.label) && (flagged(r.label) || flagged(f.label)) && !(r.label === 'BIZ_QUANT' && f.label === 'OTHER') && !(r.label === 'OTHER' && f.label === 'BIZ_QUANT');
  if (bad || args.includes('--all')) console.log(`${r.lang} ${r.label.padEnd(9)} -> ${f.label.padEnd(9)} [${f.why}] ${f.trigger ? '«' + r.text.replace(/\s+/g, ' ').trim().slice(f.trigger.start, f.trigger.end) + '» ' : ''}${r.text.slice(0, 150)}`);
}
console.log(Object.entries(conf).sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
