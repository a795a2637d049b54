// The per-file step: read one document and analyse it. Its input and output are plain data, so
// a batch can run it in a worker thread unchanged.
import { analyze, type AnalyzeOptions, type AnalyzeResult } from '../core/index.js';
import { describeFsError } from './io.js';

/** One file to analyse, with the options its config asks for. */
export interface FileJob {
  /** How the file is named in output. */
  file: string;
  /** Absolute path to read; absent when `text` is given (standard input). */
  abs?: string;
  text?: string;
  /** The file's bytes, when read already (the batch pool reads ahead of its workers). */
  bytes?: Uint8Array;
  options: AnalyzeOptions;
}

/** What became of one file: an analysis, or why there is none. */
export type FileOutcome =
  | { file: string; abs?: string; result: AnalyzeResult; error?: undefined }
  | { file: string; abs?: string; result?: undefined; error: string };

/** Reads (unless the text is given) and analyses one file. Never throws. */
export async function checkFile(job: FileJob, readText: (abs: string) => Promise<string>): Promise<FileOutcome> {
  const { file, abs } = job;
  let text = job.text ?? (job.bytes && Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength).toString('utf8'));
  if (text === undefined) {
    try {
      text = await readText(abs!);
    } catch (e) {
      return { file, abs, error: `cannot read file: ${describeFsError(e)}` };
    }
  }
  try {
    return { file, abs, result: analyze(text, job.options) };
  } catch (e) {
    return { file, abs, error: `internal error while analysing: ${(e as Error).stack ?? String(e)}` };
  }
}
