// Fits several sentence networks at once, one worker thread per core (BIZLANG_WORKERS to
// change), each worker taking every n-th job: the folds of `npm run eval` and `npm run train`
// are independent fits. Examples are sent once per worker as flat arrays.
//
// A fitted network is kept in corpus/.cache/nets/ under a hash of everything it depends on (the
// language, the settings, the seed, the trainer's source, the vectors, and the words and class of
// every training row in order), so running `npm run eval` again — to compare how the
// thresholds are chosen, say — does not refit the same networks. BIZLANG_NET_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { encodeWords, loadVectors, NET, netFor, ROOT, wordIndex } from './net.mjs';

const CACHE = join(ROOT, 'corpus', '.cache', 'nets');
const useCache = process.env.BIZLANG_NET_CACHE !== '0';

/**
 * `examples`: `{ words: string[], y }` (networkWords of the row, class 0–2); `jobs`: `{ train:
 * number[] (indices into examples), seed }`. Resolves to the fitted networks, in job order.
 */
export async function fitNets(lang, examples, jobs, opt = NET) {
  if (!jobs.length) return [];
  opt = netFor(lang, opt);
  const results = new Array(jobs.length);
  const keys = useCache ? cacheKeys(lang, examples, jobs, opt) : [];
  const todo = [];
  jobs.forEach((job, j) => {
    const cached = useCache ? readCached(keys[j]) : null;
    if (cached) results[j] = cached;
    else todo.push({ ...job, j, key: useCache ? keys[j] : null });
  });
  if (!todo.length) return results;
  const index = wordIndex(loadVectors(lang, opt).words);
  const offsets = new Int32Array(examples.length + 1);
  const encoded = examples.map((e) => encodeWords(e.words, index, opt.maxWords));
  encoded.forEach((ids, i) => (offsets[i + 1] = offsets[i] + ids.length));
  const flat = new Int32Array(offsets[examples.length]);
  encoded.forEach((ids, i) => flat.set(ids, offsets[i]));
  const y = Uint8Array.from(examples, (e) => e.y);
  const n = Math.max(1, Math.min(todo.length, Number(process.env.BIZLANG_WORKERS) || availableParallelism()));
  await Promise.all(Array.from({ length: n }, (_, w) => new Promise((resolve, reject) => {
    const mine = todo.filter((_, t) => t % n === w);
    const worker = new Worker(new URL('./net-worker.mjs', import.meta.url), { workerData: { lang, opt, flat, offsets, y, jobs: mine } });
    worker.on('message', ({ j, net }) => (results[j] = net));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`network worker exited with code ${code}`))));
  })));
  return results;
}

function cacheKeys(lang, examples, jobs, opt) {
  const base = createHash('sha256');
  base.update(JSON.stringify({ lang, opt }));
  base.update(readFileSync(new URL('./net.mjs', import.meta.url)));
  base.update(readFileSync(join(ROOT, 'corpus', 'vectors', 'vectors.json')));
  const rowHash = examples.map((e) => createHash('sha1').update(`${e.y}\t${e.words.join(' ')}`).digest('hex'));
  return jobs.map((job) => {
    const h = base.copy();
    h.update(String(job.seed));
    for (const i of job.train) h.update(rowHash[i]);
    return h.digest('hex').slice(0, 32);
  });
}

const TYPED = { emb: Int8Array, embScale: Float32Array, convBias: Float32Array, out: Float32Array, outBias: Float32Array };

function readCached(key) {
  const file = join(CACHE, `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    const bytes = (b64, T) => {
      const buf = Buffer.from(b64, 'base64');
      return new T(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    };
    for (const [k, T] of Object.entries(TYPED)) s[k] = bytes(s[k], T);
    s.conv = s.conv.map((c) => bytes(c, Float32Array));
    return s;
  } catch {
    return null;
  }
}

/** Called by the worker that fitted the network, so it reaches the cache at once even while the
 * main thread is busy (fitting n-gram folds) and would only read the message later. */
export function writeCached(key, net) {
  mkdirSync(CACHE, { recursive: true });
  const b64 = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const s = { ...net };
  for (const k of Object.keys(TYPED)) s[k] = b64(net[k]);
  s.conv = net.conv.map(b64);
  const file = join(CACHE, `${key}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(s));
  renameSync(`${file}.tmp`, file);
}
