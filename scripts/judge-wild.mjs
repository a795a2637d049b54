// Developer tool: samples what tech-value and unquantified-impact flag in real documents (e.g.
// ../shared/bench/en-keps), grouped by the pattern that fired, to estimate precision off the dev set.
// Usage: node scripts/judge-wild.mjs DIR [PER_GROUP] [SEED] [FILTER]
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
await build({ entryPoints: ['src/core/index.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: '/tmp/core-s.mjs', logLevel: 'error', mainFields: ['module','main'] });
const core = await import(pathToFileURL('/tmp/core-s.mjs').href + '?' + Date.now());
const lex = core.getLexicon();
const [dir, nArg, seedArg, only] = process.argv.slice(2);
const n = +nArg || 40; let rnd = +seedArg || 1;
const rand = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
const files = [];
(function walk(d){ for (const f of readdirSync(d)) { const p = join(d,f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.md')) files.push(p);} })(dir);
const by = {};
for (const f of files.sort().filter(() => rand() < 0.12)) {
  const text = readFileSync(f, 'utf8');
  const r = core.analyze(text);
  for (const m of r.messages) {
    if (m.ruleId !== 'tech-value' && m.ruleId !== 'unquantified-impact') continue;
    // find the sentence: for unquantified, the actual is the phrase; show the line
    const lineText = text.split(/\r?\n/)[m.line - 1] ?? '';
    const sent = m.ruleId === 'tech-value' ? m.actual.replace(/\s+/g, ' ') : lineText;
    const lang = /[\u4e00-\u9fff]/.test(sent) ? 'zh' : 'en';
    const f2 = core.classifySentence(sent.replace(/[*_`]/g, ''), lang, lex);
    const key = `${m.ruleId} ${f2.why}`;
    (by[key] ??= []).push(`${m.ruleId === 'unquantified-impact' ? '«' + m.actual + '» ' : (f2.trigger ? '«' + sent.replace(/[*_`]/g, '').slice(f2.trigger.start, f2.trigger.end) + '» ' : '')}${sent.slice(0, 200)}`);
  }
}
for (const [k, v] of Object.entries(by).sort((a, b) => b[1].length - a[1].length)) {
  if (only && !k.includes(only)) continue;
  console.log(`== ${k}: ${v.length}`);
  v.filter(() => rand() < n / v.length).slice(0, n).forEach((s) => console.log('  - ' + s));
}
