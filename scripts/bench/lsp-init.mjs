// Child of `npm run bench` (section "startup"): how long `bizlang lsp --stdio` takes, from its
// start, to answer an LSP `initialize` request. Prints one JSON line {ms}.
//   node scripts/bench/lsp-init.mjs BIN
import { spawn } from 'node:child_process';

const [bin] = process.argv.slice(2);
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
const t0 = performance.now();
const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  if (/"id":1/.test(out)) {
    console.log(JSON.stringify({ ms: performance.now() - t0 }));
    child.kill();
    process.exit(0);
  }
});
setTimeout(() => {
  console.error('no answer to initialize within 10 s');
  child.kill();
  process.exit(1);
}, 10_000);
