// A minimal language-server client for tests: JSON-RPC 2.0 with LSP's Content-Length framing
// over a child process's stdio.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Json = Record<string, unknown>;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters: Array<{ method: string; test: (params: Json) => boolean; resolve: (p: Json) => void }> = [];
  readonly notifications: Array<{ method: string; params: Json }> = [];
  stderr = '';

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Json;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(body);
    }
  }

  private dispatch(msg: Json): void {
    if (typeof msg.id === 'number' && ('result' in msg || 'error' in msg)) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(JSON.stringify(msg.error)));
      else p?.resolve(msg.result);
      return;
    }
    if (typeof msg.id === 'number' && typeof msg.method === 'string') {
      // A request from the server (configuration, registration…): answer with nothing.
      this.write({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
      return;
    }
    if (typeof msg.method === 'string') {
      const params = (msg.params ?? {}) as Json;
      this.notifications.push({ method: msg.method, params });
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.method === msg.method && w.test(params)) {
          this.waiters.splice(i, 1);
          w.resolve(params);
        }
      }
    }
  }

  private write(msg: Json): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The next notification of `method` whose params pass `test` (including one already received). */
  waitFor(method: string, test: (params: Json) => boolean, timeoutMs = 20_000): Promise<Json> {
    const seen = this.notifications.find((n) => n.method === method && test(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      this.waiters.push({ method, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.child.kill('SIGKILL'), 1000).unref();
    }
  }
}
