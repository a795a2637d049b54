// The worker pool: outcomes in job order, a dead worker fails only its file, files read ahead by
// this thread, small batches stay in this thread. The workers here are stubs; bin.test.ts runs
// the real bundle as a worker.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, type FileJob } from '../../src/node/check-file.js';
import { POOL_MIN_BYTES, runJobs } from '../../src/node/pool.js';
import { makeTree } from './helpers.js';

/** What a job run in this thread reads, whatever the file's size on disk: quick to analyse. */
const readSmall = async (): Promise<string> => '# Small\n\nWe unified the permission model.\n';

/** A worker module that answers every job with an error naming itself, and exits on `die*` files. */
function stubWorker(): URL {
  const dir = makeTree();
  const file = join(dir, 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => {
  if (job.file.startsWith('die')) process.exit(3);
  parentPort.postMessage({ id, outcome: { file: job.file, error: 'worker ' + threadId } });
});
`,
  );
  return pathToFileURL(file);
}

/** Jobs for files of the given sizes on disk, named f0, f1, … (or by `names`). */
function jobs(sizes: number[], names?: string[]): FileJob[] {
  const dir = makeTree();
  return sizes.map((n, i) => {
    const abs = join(dir, `${i}.md`);
    writeFileSync(abs, 'x'.repeat(n));
    return { file: names?.[i] ?? `f${i}`, abs, options: {} };
  });
}

describe('runJobs', () => {
  it('should return outcomes in job order from several workers', async () => {
    const sizes = [10_000, 200_000, 5_000, 150_000, 80_000, 1_000];
    const out = await runJobs(jobs(sizes), { workerUrl: stubWorker(), jobs: 2, readText: readSmall });
    expect(out.map((o) => o.file)).toEqual(sizes.map((_, i) => `f${i}`));
    expect(out.every((o) => o.error?.startsWith('worker '))).toBe(true);
    expect(new Set(out.map((o) => o.error)).size).toBe(2);
  });

  it('should fail only the file a worker died on, and finish the others', async () => {
    const sizes = [100_000, 100_000, 100_000, 100_000];
    const out = await runJobs(jobs(sizes, ['a', 'die', 'b', 'c']), { workerUrl: stubWorker(), jobs: 2, readText: readSmall });
    expect(out.map((o) => o.file)).toEqual(['a', 'die', 'b', 'c']);
    expect(out[1]!.error).toBe('internal error while analysing (worker exited with code 3)');
    for (const i of [0, 2, 3]) expect(out[i]!.error).toMatch(/^worker \d+$/);
  });

  it('should analyse the rest in this thread when every worker has died', async () => {
    const out = await runJobs(jobs([100_000, 100_000, 100_000, 2_000], ['die1', 'die2', 'x', 'y']), { workerUrl: stubWorker(), jobs: 2, readText: readSmall });
    expect(out.map((o) => o.file)).toEqual(['die1', 'die2', 'x', 'y']);
    expect(out[0]!.error).toContain('worker exited');
    expect(out[1]!.error).toContain('worker exited');
    expect(out[2]!.result?.language).toBe('en');
    expect(out[3]!.result?.language).toBe('en');
  });

  it('should hand workers the bytes it read ahead, and leave a file it cannot read to the worker', async () => {
    const dir = makeTree();
    const file = join(dir, 'echo.mjs');
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => parentPort.postMessage({ id, outcome: { file: job.file, error: job.bytes === undefined ? 'no bytes' : 'bytes ' + Buffer.from(job.bytes).toString('utf8').slice(0, 3) } }));
`,
    );
    const list = jobs([100_000, 100_000, 100_000, 100_000, 100_000], ['a', 'b', 'gone', 'c', 'd']);
    rmSync(list[2]!.abs!);
    const out = await runJobs(list, { workerUrl: pathToFileURL(file), jobs: 2, readText: readSmall });
    expect(out.map((o) => o.error)).toEqual(list.map((_, i) => (i === 2 ? 'no bytes' : 'bytes xxx')));
  });

  it('should analyse text handed over as bytes exactly as text read from the file', async () => {
    const dir = makeTree();
    const abs = join(dir, 'bom.md');
    writeFileSync(abs, '\uFEFF# 标题\n\nWe unified the permission model. 我们统一了权限模型。\n');
    const bytes = new Uint8Array(readFileSync(abs));
    const fromBytes = await checkFile({ file: 'bom.md', abs, bytes, options: {} }, async () => 'not this');
    const fromFile = await checkFile({ file: 'bom.md', abs, options: {} }, (p) => readFile(p, 'utf8'));
    expect(fromBytes).toEqual(fromFile);
  });

  it('should stay in this thread for a small batch, with one job slot, or without a worker module', async () => {
    const small = jobs([1_000, 2_000, 3_000]);
    for (const opts of [
      { workerUrl: stubWorker(), jobs: 4 },
      { workerUrl: stubWorker(), jobs: 1, big: true },
      { workerUrl: undefined, jobs: 4, big: true },
    ]) {
      const list = 'big' in opts ? jobs([POOL_MIN_BYTES / 2 + 1_000, POOL_MIN_BYTES / 2 + 1_000]) : small; // over / under the threshold
      const out = await runJobs(list, { workerUrl: opts.workerUrl, jobs: opts.jobs, readText: readSmall });
      expect(out.every((o) => o.result !== undefined)).toBe(true);
    }
  });
});
