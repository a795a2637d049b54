// Reading the sentence networks' files (net-<lang>.bin) for the core, given a way to read a file:
// shared by the Node adapters (src/node/networks.ts: `fs.readFileSync`) and the unified plugins
// (src/unified/messages.ts: the same function through `process.getBuiltinModule`, since a
// platform-neutral bundle may not import `node:fs`). Imports nothing of Node itself.
import { useNetworks, type Lang, type NetworkSource } from '../core/index.js';

export interface NetworkFiles {
  /** Reads a file's bytes; throws (with `code: 'ENOENT'` when it does not exist) otherwise. */
  read: (url: URL) => Uint8Array;
  /** Folders to look in, in order; the first that has net-<lang>.bin wins. */
  folders: URL[];
  /** How to name a file to the user. */
  name: (url: URL) => string;
}

/**
 * A source reading net-<lang>.bin from the first of `folders` that has it. No file is not an
 * error (a build without networks judges with the n-gram model alone); a file that cannot be read
 * is said through `warn`, and the judgment goes on without it. `readFrom` hears which file each
 * language's network came from.
 */
export function networkFileSource(files: NetworkFiles, warn: (message: string) => void, readFrom?: (lang: Lang, file: string) => void): NetworkSource {
  return (lang: Lang): Uint8Array | null => {
    for (const folder of files.folders) {
      const url = new URL(`net-${lang}.bin`, folder);
      try {
        const bytes = files.read(url);
        readFrom?.(lang, files.name(url));
        return bytes;
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ENOENT') continue;
        warn(`cannot read ${files.name(url)} (${(e as Error).message}); judging ${lang} sentences without the sentence network (fewer findings)`);
        return null;
      }
    }
    return null;
  };
}

/** Gives the core these networks; every problem (unreadable, or refused by the core) is said
 * once through `warn`, naming the file. */
export function useNetworkFiles(files: NetworkFiles, warn: (message: string) => void): void {
  const said = new Set<string>();
  const once = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    warn(message);
  };
  const read = new Map<Lang, string>();
  useNetworks(
    networkFileSource(files, once, (lang, file) => read.set(lang, file)),
    (lang, problem) => once(read.has(lang) ? `${read.get(lang)}: ${problem}` : problem),
  );
}
