// How paths are shown: relative to the working directory when the file is inside it (or was
// named relatively), absolute otherwise; always with forward slashes in URIs.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Label to print for `abs`, found through an input that was `given` on the command line. */
export function displayPath(abs: string, cwd: string, given: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  if (isAbsolute(rel) || (isAbsolute(given) && rel.startsWith('..'))) return abs;
  return rel;
}

/** `a\b` → `a/b`. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * A SARIF artifact location: a relative URI under `%SRCROOT%` (the working directory) when the
 * file is inside it, an absolute `file:` URI otherwise.
 */
export function artifactLocation(abs: string | undefined, label: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (abs === undefined) return { uri: encodeURIComponent(label) };
  const rel = relative(cwd, abs);
  if (rel === '' || isAbsolute(rel) || rel.startsWith('..')) return { uri: pathToFileURL(abs).href };
  return { uri: toPosix(rel).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
