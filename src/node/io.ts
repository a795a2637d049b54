// What the CLI needs from its process, passed in so tests can run it in-process: streams, the
// working directory, the environment, and one file reader (so a test can make a file unreadable
// even when it runs as root).
import { readFile } from 'node:fs/promises';

/** Anything with a `write(string)`: process.stdout, or a test's string collector. */
export interface Output {
  write(chunk: string): unknown;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Standard input, read only with `--stdin`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour is used only then, and never with NO_COLOR). */
  isTTY: boolean;
  /** Reads a file as UTF-8; defaults to fs.readFile. */
  readText?: (absPath: string) => Promise<string>;
  /** The CLI bundle; when set, large batches are analysed in worker threads running it. */
  workerUrl?: URL;
}

/** Reads a whole file as UTF-8 text. */
export function readTextFile(absPath: string): Promise<string> {
  return readFile(absPath, 'utf8');
}

/** Reads a whole stream as UTF-8 text. */
export async function readStream(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether output should be coloured: a terminal, and NO_COLOR not set to anything. */
export function useColor(io: Pick<CliIO, 'isTTY' | 'env'>): boolean {
  return io.isTTY && io.env.NO_COLOR === undefined;
}

/** A readable reason for a file-system error: `permission denied (EACCES)`. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent of this path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
  };
  if (e && typeof e.code === 'string') return `${known[e.code] ?? e.message.replace(/^\w+: /, '')} (${e.code})`;
  return String((e as Error | undefined)?.message ?? error);
}
