// One worker of net-pool.mjs: fits its share of the jobs and posts each network back.
import { parentPort, workerData } from 'node:worker_threads';
import { fitNet, loadVectors } from './net.mjs';

const { lang, opt, flat, offsets, y, jobs } = workerData;
const vectors = loadVectors(lang, opt);
for (const job of jobs) {
  const examples = job.train.map((i) => ({ ids: flat.subarray(offsets[i], offsets[i + 1]), y: y[i] }));
  parentPort.postMessage({ j: job.j, net: fitNet(examples, vectors, opt, job.seed) });
}
