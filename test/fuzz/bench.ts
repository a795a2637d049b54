// The real documents of ../shared/bench (beside the repository in CI), read on demand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './arbitraries.js';

export const BENCH_DIR = fileURLToPath(new URL('../../../shared/bench', import.meta.url));

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The bench corpus (docs/*.md, en-keps/**, zh-docs-cn/**), or undefined when ../shared is missing. */
export function benchCorpus(): (Corpus & { files: string[] }) | undefined {
  if (!existsSync(BENCH_DIR)) return undefined;
  const files = [
    ...markdownFiles(join(BENCH_DIR, 'docs')).sort(),
    ...markdownFiles(join(BENCH_DIR, 'en-keps')).sort(),
    ...markdownFiles(join(BENCH_DIR, 'zh-docs-cn')).sort(),
  ];
  if (files.length === 0) return undefined;
  const cache = new Map<number, string>();
  return {
    files,
    count: files.length,
    get(i: number): string {
      let text = cache.get(i);
      if (text === undefined) {
        text = readFileSync(files[i]!, 'utf8');
        if (cache.size > 256) cache.clear();
        cache.set(i, text);
      }
      return text;
    },
  };
}

/** Real documents of the corpus joined (in file order, each once) up to `size` characters. */
export function realDocument(corpus: Corpus, size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < corpus.count && length < size; i++) {
    const doc = `${corpus.get(i)}\n\n`;
    parts.push(doc);
    length += doc.length;
  }
  return parts.join('').slice(0, size);
}
