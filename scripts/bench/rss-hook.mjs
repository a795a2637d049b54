// Preloaded with `node --import` into the processes of the batch measurement: at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, all threads — so the CLI's pool workers
// count) in bytes to the file named by BIZLANG_BENCH_RSS_OUT. Only the main thread writes.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BIZLANG_BENCH_RSS_OUT;
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // a report, never a failure
    }
  });
}
