// Fits several sentence networks at once, one worker thread per core (BIZLANG_WORKERS to
// change), each worker taking every n-th job: the folds of `npm run eval` and `npm run train`
// are independent fits. Examples are sent once per worker as flat arrays.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { encodeWords, loadVectors, NET, netFor, wordIndex } from './net.mjs';

/**
 * `examples`: `{ words: string[], y }` (networkWords of the row, class 0–2); `jobs`: `{ train:
 * number[] (indices into examples), seed }`. Resolves to the fitted networks, in job order.
 */
export function fitNets(lang, examples, jobs, opt = NET) {
  if (!jobs.length) return Promise.resolve([]);
  opt = netFor(lang, opt);
  const index = wordIndex(loadVectors(lang, opt).words);
  const offsets = new Int32Array(examples.length + 1);
  const encoded = examples.map((e) => encodeWords(e.words, index, opt.maxWords));
  encoded.forEach((ids, i) => (offsets[i + 1] = offsets[i] + ids.length));
  const flat = new Int32Array(offsets[examples.length]);
  encoded.forEach((ids, i) => flat.set(ids, offsets[i]));
  const y = Uint8Array.from(examples, (e) => e.y);
  const n = Math.max(1, Math.min(jobs.length, Number(process.env.BIZLANG_WORKERS) || availableParallelism()));
  const results = new Array(jobs.length);
  return Promise.all(Array.from({ length: n }, (_, w) => new Promise((resolve, reject) => {
    const mine = jobs.map((job, j) => ({ ...job, j })).filter((_, j) => j % n === w);
    const worker = new Worker(new URL('./net-worker.mjs', import.meta.url), { workerData: { lang, opt, flat, offsets, y, jobs: mine } });
    worker.on('message', ({ j, net }) => (results[j] = net));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`network worker exited with code ${code}`))));
  }))).then(() => results);
}
