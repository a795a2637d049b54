// The in-process measurements (targets 1–4), run by run.mjs in a child `node --expose-gc`:
//   node --expose-gc inprocess.mjs MANIFEST.json OUT.json [--quick]
// 1/2. Full analysis: `analyze(text)` (a fresh Analyzer, no cache) against the floor F (remark-parse
//      + remark-gfm + remark-frontmatter `.parse`) and alex's `markdown()`, same text, alternated
//      in one loop (the order rotates every iteration), a full GC and a 10 ms pause before each call.
// 3.   Keystroke: a warm Analyzer; a one-character insertion inside a paragraph of the middle half
//      of the doc at a seeded random position, `analyzer.analyze(edited)`, then the backspace
//      `analyzer.analyze(original)`: both are keystrokes. Results are checked against a full
//      analysis of the same text.
// 4.   Slices: `analyzeAsync` with the extension's slice length; the yield function is wrapped to
//      time every synchronous stretch between yields.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { collect, DOCS, docPath, measure, prng, slicedRun, summarizeRuns, summary, typingSpots } from './lib.mjs';

const [manifestFile, outFile, ...flags] = process.argv.slice(2);
const quick = flags.includes('--quick');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const seed = Number(process.env.BIZLANG_BENCH_SEED ?? 20261121);

const { analyze, Analyzer, forgetJudgments } = await import(pathToFileURL(manifest.core).href);
const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const { default: remarkGfm } = await import('remark-gfm');
const { default: remarkFrontmatter } = await import('remark-frontmatter');
const { markdown: alex } = await import('alex');

const floor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
const texts = Object.fromEntries(DOCS.map((d) => [d, readFileSync(docPath(d), 'utf8')]));
const bytes = Object.fromEntries(DOCS.map((d) => [d, Buffer.byteLength(texts[d])]));
const log = (s) => process.stderr.write(`  ${s}\n`);

const plan = quick
  ? { typical: { warm: 2, iters: 8, alex: 4 }, large: { warm: 1, iters: 3, alex: 1 }, keys: 40, verify: 2, sliceRuns: 2, keySlices: 6 }
  : { typical: { warm: 5, iters: 40, alex: 20 }, large: { warm: 2, iters: 10, alex: 4 }, keys: 200, verify: 8, sliceRuns: 5, keySlices: 30 };

// ---------------------------------------------------------------------------------------------
// Targets 1 and 2: full analysis vs F vs alex

const contenders = {
  F: (t) => floor.parse(t),
  // Each run judges every sentence afresh: the core remembers recent judgments, and a document
  // analysed forty times would otherwise be judged once.
  B: (t) => {
    forgetJudgments();
    return analyze(t);
  },
  A: (t) => alex(t),
};
const ROTATIONS = [
  ['F', 'B', 'A'],
  ['B', 'A', 'F'],
  ['A', 'F', 'B'],
];
const samples = Object.fromEntries(DOCS.map((d) => [d, { F: { cpu: [], wall: [] }, B: { cpu: [], wall: [] }, A: { cpu: [], wall: [] } }]));
const messages = {};

/** A full GC, then a pause so V8's concurrent sweeping ends before the clock starts. */
async function settle() {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

async function fullPhase(docs, p) {
  for (const d of docs) {
    for (let w = 0; w < p.warm; w++) for (const k of ['F', 'B', 'A']) contenders[k](texts[d]);
  }
  for (let i = 0; i < p.iters; i++) {
    for (const d of docs) {
      for (const k of ROTATIONS[i % ROTATIONS.length]) {
        if (k === 'A' && i >= p.alex) continue;
        await settle();
        const m = measure(() => contenders[k](texts[d]));
        samples[d][k].cpu.push(m.cpu);
        samples[d][k].wall.push(m.wall);
        if (k === 'B') messages[d] = m.value.messages.length;
      }
    }
    log(`full analysis: ${docs.join(', ')}: iteration ${i + 1}/${p.iters}`);
  }
}

await fullPhase(['en-typical', 'zh-typical'], plan.typical);
await fullPhase(['en-large', 'zh-large'], plan.large);

const full = {};
for (const d of DOCS) {
  const s = samples[d];
  full[d] = {
    bytes: bytes[d],
    messages: messages[d],
    F: { cpu: summary(s.F.cpu), wall: summary(s.F.wall) },
    B: { cpu: summary(s.B.cpu), wall: summary(s.B.wall) },
    A: { cpu: summary(s.A.cpu), wall: summary(s.A.wall) },
  };
}

// ---------------------------------------------------------------------------------------------
// Target 3: keystrokes on a warm Analyzer

const keystrokes = {};
for (const d of ['en-large', 'zh-large']) {
  const text = texts[d];
  const lang = d.slice(0, 2);
  const ch = lang === 'zh' ? '的' : 'e';
  const spots = typingSpots(floor.parse(text), text, lang);
  const rng = prng(seed + (lang === 'zh' ? 2 : 1));
  const pick = () => rng.pick(rng.pick(spots));
  const analyzer = new Analyzer();
  const original = analyzer.analyze(text);
  const reference = analyze(text);
  let identical = 0;
  let checked = 0;
  if (isDeepStrictEqual(original, reference)) identical++;
  checked++;
  for (let w = 0; w < 10; w++) {
    const at = pick();
    analyzer.analyze(text.slice(0, at) + ch + text.slice(at));
    analyzer.analyze(text);
  }
  const cpu = [];
  const wall = [];
  const mismatches = [];
  let threadSum = 0;
  for (let i = 0; i < plan.keys / 2; i++) {
    const at = pick();
    const edited = text.slice(0, at) + ch + text.slice(at);
    const typed = measure(() => analyzer.analyze(edited));
    const back = measure(() => analyzer.analyze(text));
    cpu.push(typed.cpu, back.cpu);
    wall.push(typed.wall, back.wall);
    threadSum += typed.thread + back.thread;
    // Correctness, outside the timing: the backspace against the original's full analysis, and the
    // first insertions against a full analysis of the edited text.
    checked++;
    if (isDeepStrictEqual(back.value, reference)) identical++;
    else mismatches.push(`backspace at ${at}`);
    if (i < plan.verify) {
      checked++;
      if (isDeepStrictEqual(typed.value, analyze(edited))) identical++;
      else mismatches.push(`insert at ${at}`);
    }
  }
  keystrokes[d] = { spots: spots.reduce((a, s) => a + s.length, 0), paragraphs: spots.length, cpu: summary(cpu), wall: summary(wall), threadMean: threadSum / wall.length, identical, checked, mismatches: mismatches.slice(0, 5) };
  log(`keystrokes: ${d}: median ${keystrokes[d].wall.median.toFixed(2)} ms wall, ${identical}/${checked} identical`);
}

// ---------------------------------------------------------------------------------------------
// Target 4: longest synchronous slice of analyzeAsync

const sliced = (analyzer, text) => slicedRun(analyzer, text, manifest.sliceMs);

const slices = {};
for (const d of ['en-large', 'zh-large']) {
  const text = texts[d];
  const cold = [];
  for (let r = 0; r < plan.sliceRuns; r++) {
    await settle();
    forgetJudgments();
    cold.push(await sliced(new Analyzer(), text));
  }
  const analyzer = new Analyzer();
  await sliced(analyzer, text);
  const lang = d.slice(0, 2);
  const spots = typingSpots(floor.parse(text), text, lang);
  const rng = prng(seed + 10);
  const keys = [];
  for (let i = 0; i < plan.keySlices; i++) {
    const at = rng.pick(rng.pick(spots));
    keys.push(await sliced(analyzer, text.slice(0, at) + (lang === 'zh' ? '的' : 'e') + text.slice(at)));
    keys.push(await sliced(analyzer, text));
  }
  const pack = (runs) =>
    summarizeRuns(runs, { slices: 'slices', longestWall: 'longestWall', longestThread: 'longestThread', firstWall: 'firstWall', lastWall: 'lastWall', totalWall: 'total' });
  slices[d] = { coldAnalyzer: pack(cold), keystroke: pack(keys) };
  log(`slices: ${d}: new Analyzer longest ${slices[d].coldAnalyzer.longestWall.median.toFixed(1)} ms wall / ${slices[d].coldAnalyzer.longestThread.median.toFixed(1)} ms main-thread CPU, keystroke ${slices[d].keystroke.longestWall.median.toFixed(1)} / ${slices[d].keystroke.longestThread.median.toFixed(1)} ms`);
}

writeFileSync(outFile, JSON.stringify({ plan, full, keystrokes, slices, sliceMs: manifest.sliceMs }, null, 2));
