// One block of Markdown read as the judgment reads it: made safe to parse (defuse), parsed, and
// each prose run split into sentences in its language. analyze.ts judges these sentences, and
// `npm run eval` reads every corpus row through the same two functions (corpus/tools/lib.mjs),
// so the evaluation scores exactly the sentences the core judges.
import { wholeFence } from './blocks.js';
import { defuse, MAX_NESTING } from './defuse.js';
import { parseBlock, type ParsedBlock, type ProseRun } from './markdown.js';
import { splitSentences, type SentenceSpan } from './sentences.js';
import type { Lang } from './types.js';

/** A parsed block, or why it is not analysed (a notice for the user; the rest of the document is). */
export type ReadBlock = { parsed: ParsedBlock; notice?: undefined } | { parsed?: undefined; notice: { line: number; message: string } };

export function readBlock(source: string): ReadBlock {
  const safe = defuse(source);
  if (safe.tooDeep) {
    return { notice: { line: safe.tooDeep.line, message: `Block nests ${safe.tooDeep.depth} levels deep (limit ${MAX_NESTING}); not analysed.` } };
  }
  // A block of fenced code alone holds no prose: parsing it would find none (a fifteenth of the
  // parse time of a Chinese documentation set).
  if (wholeFence(safe.text)) return { parsed: { runs: [], directives: [] } };
  try {
    return { parsed: parseBlock(safe.text) };
  } catch (error) {
    // A parser failure (e.g. stack exhaustion on hostile input) costs this block, never the document.
    return { notice: { line: 1, message: `Block could not be parsed (${(error as Error).name}); not analysed.` } };
  }
}

export interface RunSentence extends SentenceSpan {
  /** The sentence: `run.text` from `start` to `end`. */
  text: string;
}

/** A prose run's sentences, in `forced` or the run's detected language. */
export function runSentences(run: ProseRun, forced?: Lang): RunSentence[] {
  return splitSentences(run.text, forced).map((span) => ({ ...span, text: run.text.slice(span.start, span.end) }));
}
