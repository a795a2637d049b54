// One process, one thread: reads every file of a list and runs the floor parser (remark-parse +
// remark-gfm + remark-frontmatter, nothing else) or alex's Markdown API on it.
//   node batch-peer.mjs floor|alex LIST.json
// Prints one JSON line: files, bytes, failures, and the time spent inside this process.
import { readFileSync } from 'node:fs';

const [kind, listFile] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8'));

let run;
if (kind === 'floor') {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  const floor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
  run = (text) => floor.parse(text);
} else if (kind === 'alex') {
  const { markdown } = await import('alex');
  run = (text) => markdown(text);
} else {
  throw new Error(`unknown peer ${kind}`);
}

const t0 = performance.now();
let bytes = 0;
let failures = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  try {
    run(text);
  } catch {
    failures++;
  }
}
process.stdout.write(`${JSON.stringify({ kind, files: files.length, bytes, failures, innerMs: performance.now() - t0 })}\n`);
