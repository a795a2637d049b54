// A fresh process's first analysis of a doc, as when the extension host opens a large document
// first thing: load the core (timed), then `analyzeAsync` with the extension's slice length on a
// new Analyzer, timing every synchronous stretch between yields.
//   node cold-slice.mjs MANIFEST.json DOC.md
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, slicedRun } from './lib.mjs';

const [manifestFile, doc] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const text = readFileSync(doc, 'utf8');

const l0 = performance.now();
const { Analyzer, useNetworks } = await import(pathToFileURL(manifest.core).href);
const loadMs = performance.now() - l0;
// The sentence networks, read before the first analysis as the extension does at activation
// (decoding them is part of the first judgment, so of the slices measured here).
const nets = {};
for (const lang of ['en', 'zh']) {
  const file = join(REPO, 'src', 'core', 'data', `net-${lang}.bin`);
  if (existsSync(file)) nets[lang] = readFileSync(file);
}
useNetworks((lang) => nets[lang] ?? null);

const { result, ...run } = await slicedRun(new Analyzer(), text, manifest.sliceMs);
process.stdout.write(`${JSON.stringify({ loadMs, messages: result.messages.length, ...run })}\n`);
