// Preloaded with `node --import` into the processes of the batch measurement: at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, all threads — so the CLI's pool workers
// count) in bytes and its CPU time (user + system, all threads) in ms, as JSON, to the file named
// by BIZLANG_BENCH_RSS_OUT. Only the main thread writes.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BIZLANG_BENCH_RSS_OUT;
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
    } catch {
      // a report, never a failure
    }
  });
}
