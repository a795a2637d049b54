// One worker of net-pool.mjs: fits its share of the jobs, writes each network to the cache (when
// given a key) and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { fitNet, loadVectors } from './net.mjs';
import { writeCached } from './net-pool.mjs';

const { lang, opt, flat, offsets, y, jobs } = workerData;
const vectors = loadVectors(lang, opt);
for (const job of jobs) {
  const examples = job.train.map((i) => ({ ids: flat.subarray(offsets[i], offsets[i + 1]), y: y[i] }));
  const net = fitNet(examples, vectors, opt, job.seed);
  if (job.key) writeCached(job.key, net);
  parentPort.postMessage({ j: job.j, net });
}
