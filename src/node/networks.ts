// The sentence networks' data for the core (src/core/judge/networks.ts), read from the files
// `npm run build` puts beside the bundles (dist/net-<lang>.bin; src/core/data/ when running from
// the sources). Read on the first sentence judged in a language, in the thread that judges it:
// the CLI's main thread and the workers that see only one language never read the other file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useNetworks, type Lang, type NetworkSource } from '../core/index.js';

/** Where to look, relative to this module, in order: beside the bundle it is part of (dist/cli.js),
 * one folder up (dist/node/lsp.js), and the sources' data folder (src/node/ → src/core/data/). */
const PLACES = ['./', '../', '../core/data/'];

/**
 * A source reading net-<lang>.bin from the first of `folders` (default: `PLACES`) that has it.
 * No file is not an error (a build without networks judges with the n-gram model alone); a file
 * that cannot be read is reported through `warn`, one the core cannot decode through the core's
 * `onProblem` (useNodeNetworks), and the judgment goes on without it.
 */
export function nodeNetworks(
  warn: (message: string) => void,
  folders: URL[] = PLACES.map((p) => new URL(p, import.meta.url)),
  /** Told which file each language's network was read from (to name it in the core's problems). */
  readFrom?: (lang: Lang, file: string) => void,
): NetworkSource {
  return (lang: Lang): Uint8Array | null => {
    for (const folder of folders) {
      const url = new URL(`net-${lang}.bin`, folder);
      try {
        const bytes = readFileSync(url);
        readFrom?.(lang, fileURLToPath(url));
        return bytes;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        warn(`cannot read ${fileURLToPath(url)} (${(e as Error).message}); judging ${lang} sentences without the sentence network (fewer findings)`);
        return null;
      }
    }
    return null;
  };
}

/** Gives the core these networks, each problem reported once through `warn`, naming the file. */
export function useNodeNetworks(warn: (message: string) => void, folders?: URL[]): void {
  const said = new Set<string>();
  const once = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    warn(message);
  };
  const files = new Map<Lang, string>();
  useNetworks(
    nodeNetworks(once, folders, (lang, file) => files.set(lang, file)),
    (lang, problem) => once(files.has(lang) ? `${files.get(lang)}: ${problem}` : problem),
  );
}
