// The sentence networks' data for the core (src/core/judge/networks.ts), read from the files
// `npm run build` puts beside the bundles (dist/net-<lang>.bin; src/core/data/ when running from
// the sources). Read on the first sentence judged in a language, in the thread that judges it:
// the CLI's main thread and the workers that see only one language never read the other file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang, NetworkSource } from '../core/index.js';
import { networkFileSource, useNetworkFiles, type NetworkFiles } from './network-files.js';

/** Where to look, relative to this module, in order: beside the bundle it is part of (dist/cli.js),
 * one folder up (dist/node/lsp.js), and the sources' data folder (src/node/ → src/core/data/). */
const PLACES = ['./', '../', '../core/data/'];

const files = (folders: URL[] = PLACES.map((p) => new URL(p, import.meta.url))): NetworkFiles => ({ read: readFileSync, folders, name: fileURLToPath });

/** A source reading net-<lang>.bin from the first of `folders` (default: `PLACES`) that has it
 * (network-files.ts). */
export function nodeNetworks(warn: (message: string) => void, folders?: URL[], readFrom?: (lang: Lang, file: string) => void): NetworkSource {
  return networkFileSource(files(folders), warn, readFrom);
}

/** Gives the core these networks, each problem reported once through `warn`, naming the file. */
export function useNodeNetworks(warn: (message: string) => void, folders?: URL[]): void {
  useNetworkFiles(files(folders), warn);
}
