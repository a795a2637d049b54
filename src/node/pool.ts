// Runs the per-file step over many files: in the calling thread, or — for large batches, when the
// CLI runs from its bundle — in a pool of worker threads, one per core. Workers run the same
// bundle (dist/cli.js), which starts `serveJobs` instead of the CLI when it is loaded as a worker.
// This thread reads the files a little ahead of the workers and hands each the bytes. Results come
// back in job order whatever order the workers finish in.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileJob, type FileOutcome } from './check-file.js';
import { readTextFile } from './io.js';

/** Set in workerData of the pool's workers. */
const WORKER_FLAG = 'bizlangWorker';
/** A worker's young generation (where V8 puts new objects), in MB. Node's default lets each
 * thread grow it to ~48 MB before collecting, so three threads held over 100 MB of garbage at
 * peak; at 24 a batch over 676 KEPs peaks at ~290 MB instead of 305-350 (by hand, 2026-12-01),
 * at the same wall time within noise (Chinese docs: 9.5 s against 9.9). Lower than 16 costs
 * time (8: +30%). Old-generation limits are untouched: no document fails for it. */
const YOUNG_GENERATION_MB = 24;
/** Below this many bytes in total, starting workers costs more than it saves. */
export const POOL_MIN_BYTES = 256 * 1024;

export interface PoolOptions {
  /** The module a worker runs (the CLI bundle); without it everything runs in this thread. */
  workerUrl?: URL;
  /** Most workers to start; default one per core. 1 runs everything in this thread. */
  jobs?: number;
  readText: (abs: string) => Promise<string>;
}

interface Request {
  id: number;
  job: FileJob;
}
interface Reply {
  id: number;
  outcome: FileOutcome;
}

/** True in a thread started by the pool. */
export function isPoolWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: answers each job with its outcome. */
export function serveJobs(): void {
  parentPort!.on('message', async ({ id, job }: Request) => {
    const reply: Reply = { id, outcome: await checkFile(job, readTextFile) };
    parentPort!.postMessage(reply);
  });
}

async function sequential(jobs: FileJob[], readText: PoolOptions['readText']): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const job of jobs) out.push(await checkFile(job, readText));
  return out;
}

/** Runs `checkFile` over every job; outcomes are in job order. */
export async function runJobs(jobs: FileJob[], opts: PoolOptions): Promise<FileOutcome[]> {
  const max = Math.min(opts.jobs ?? availableParallelism(), jobs.length);
  if (!opts.workerUrl || max < 2) return sequential(jobs, opts.readText);
  const sizes = await Promise.all(jobs.map((j) => (j.abs === undefined ? j.text?.length ?? 0 : stat(j.abs).then((s) => s.size, () => 0))));
  if (sizes.reduce((a, b) => a + b, 0) < POOL_MIN_BYTES) return sequential(jobs, opts.readText);

  // Largest first, so no big file is left running alone at the end.
  const queue = jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const workerUrl = opts.workerUrl;
  // This thread reads the next file of each worker while they analyse, so a worker does not wait
  // for the disk between files (~1 ms a file: a tenth of the time on a tree of small Chinese
  // docs). It reads bytes and hands their memory over to the worker (no copy; this thread, which
  // rarely collects garbage, keeps none of it). A file it cannot read goes without, and the
  // worker reads it and reports the error.
  const ahead = new Map<number, Promise<Uint8Array | undefined>>();
  const readAhead = () => {
    for (const i of queue.slice(0, max)) {
      const job = jobs[i]!;
      if (ahead.has(i) || job.text !== undefined || job.abs === undefined) continue;
      ahead.set(i, readFile(job.abs).catch(() => undefined));
    }
  };
  readAhead();
  await new Promise<void>((resolve) => {
    let live = 0;
    let done = 0;
    const finish = (i: number, outcome: FileOutcome) => {
      outcomes[i] = outcome;
      if (++done === jobs.length) resolve();
    };
    // When no worker is left, the rest run in this thread.
    const drainIfAlone = () => {
      if (live === 0 && queue.length) {
        const rest = queue.splice(0);
        void sequential(rest.map((i) => jobs[i]!), opts.readText).then((res) => res.forEach((o, k) => finish(rest[k]!, o)));
      }
    };
    const start = () => {
      const worker = new Worker(workerUrl, { workerData: { [WORKER_FLAG]: true }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      let current: number | undefined;
      let sent = false; // whether the worker has been given `current`
      let dead = false;
      live++;
      const next = () => {
        const i = (current = queue.shift());
        sent = false;
        if (i === undefined) {
          void worker.terminate();
          return;
        }
        const bytes = ahead.get(i);
        ahead.delete(i);
        readAhead();
        const send = (b: Uint8Array | undefined) => {
          // A worker that died before its file was read never saw the file: it runs in this thread.
          if (dead) return void sequential([jobs[i]!], opts.readText).then(([o]) => finish(i, o!));
          sent = true;
          if (!b) return worker.postMessage({ id: i, job: jobs[i]! } satisfies Request);
          // A buffer that is a slice of a larger one is copied, so only its own bytes move.
          const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
          worker.postMessage({ id: i, job: { ...jobs[i]!, bytes: own } } satisfies Request, [own.buffer as ArrayBuffer]);
        };
        if (bytes) void bytes.then(send);
        else send(undefined);
      };
      worker.on('message', ({ id, outcome }: Reply) => {
        current = undefined;
        finish(id, outcome);
        next();
      });
      // A worker that dies fails only the file it was on; the others carry on, and when no
      // worker is left the rest run in this thread.
      const died = (why: string) => {
        if (dead) return;
        dead = true;
        live--;
        if (current !== undefined && sent) {
          const i = current;
          current = undefined;
          finish(i, { file: jobs[i]!.file, abs: jobs[i]!.abs, error: `internal error while analysing (worker ${why})` });
        }
        drainIfAlone();
      };
      worker.on('error', (e) => died(`failed: ${e.message}`));
      worker.on('exit', (code) => {
        if (current !== undefined || queue.length) died(`exited with code ${code}`);
      });
      next();
    };
    for (let i = 0; i < max; i++) start();
  });
  return outcomes;
}
