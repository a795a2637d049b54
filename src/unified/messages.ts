// What the unified plugins share: options validated like `.bizlangrc.json`, and the core's result
// turned into vfile messages the unified way (`ruleId`, `source`, `url`, `place`, `fatal`, `note`,
// `actual`, `expected`) plus the score on `file.data.bizlang`. No unified import at run time: a
// plugin is a plain function over the VFile, so neither the CLI nor the extension loads unified.
import { analyze, type AnalyzeOptions, type AnalyzeResult, type Message, type Score, type Severity } from '../core/index.js';
import { useNetworkFiles } from '../node/network-files.js';
import type { VFile } from 'vfile';
import { configToOptions, validateConfig, type BizlangConfig } from '../core/config.js';

/** Plugin options: the same object as `.bizlangrc.json` (`ignore` is for file walkers and unused here). */
export type Options = BizlangConfig;

/** What the plugins put on `file.data.bizlang`. */
export interface BizlangData {
  total: number;
  level: Score['level'];
  levelLabel: string;
  components: Score['components'];
}

/** Analysis options from plugin options; a bad option throws one error naming every problem. */
export function pluginOptions(name: string, options: Options | null | undefined): AnalyzeOptions {
  const { config, problems } = validateConfig(options ?? {});
  if (problems.length) throw new Error(`${name}: invalid options: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return configToOptions(config);
}

/** error → fatal (fails the run), warning → a warning, info and hint → informational. */
const FATAL: Record<Severity, boolean | null> = { error: true, warning: false, info: null, hint: null };

/** The text each suggestion makes of the flagged span, where the edit falls inside it or at its
 * end: unified-language-server offers `expected` as replacements of the span. */
function expectedOf(m: Message, text: string): string[] {
  const out: string[] = [];
  for (const s of m.suggestions) {
    if (s.offset < m.offset || s.endOffset > m.endOffset) continue;
    out.push(text.slice(m.offset, s.offset) + s.text + text.slice(s.endOffset, m.endOffset));
  }
  return out;
}

/** Adds one message per finding and the score to `file`. */
export function report(file: VFile, result: AnalyzeResult, text: string): void {
  for (const m of result.messages) {
    const msg = file.message(m.reason, {
      place: { start: m.place.start, end: m.place.end },
      ruleId: m.ruleId,
      source: 'bizlang',
    });
    msg.fatal = FATAL[m.severity];
    msg.url = m.url;
    msg.note = m.note;
    msg.actual = m.actual;
    msg.expected = expectedOf(m, text);
    // Not vfile-message fields: how sure the judgment is (0–1, and in words), as in the CLI's JSON.
    Object.assign(msg, { confidence: m.confidence, certainty: m.certainty });
  }
  const s = result.score;
  file.data.bizlang = { total: s.total, level: s.level, levelLabel: s.levelLabel, components: s.components } satisfies BizlangData;
}

/** Runs the core on the file's text and reports into it. */
export function check(file: VFile, options: AnalyzeOptions): void {
  const text = String(file.value ?? '');
  report(file, analyze(text, options), text);
}

/** Where the sentence networks lie relative to this module: beside the bundle (dist/remark.js),
 * or in the sources' data folder (src/unified/ → src/core/data/). */
const NETWORK_PLACES = ['./', '../core/data/'];
let networksTried = false;

/**
 * The sentence networks the CLI reads (dist/net-<lang>.bin), so that a plugin judges as
 * `bizlang check` does. Only where the plugin runs from files under Node ≥ 20.16, whose
 * `process.getBuiltinModule` gives `fs` synchronously without an import a browser bundler would
 * trip on; elsewhere (a browser bundle, older Node) the n-gram model alone judges — about the
 * same precision with fewer findings (docs/editors.md). A file that cannot be used is said once
 * on stderr, naming it.
 */
function useBundledNetworks(name: string): void {
  if (networksTried) return;
  networksTried = true;
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = host?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  if (!fs || !import.meta.url.startsWith('file:')) return;
  const folders = NETWORK_PLACES.map((p) => new URL(p, import.meta.url));
  useNetworkFiles({ read: (url) => fs.readFileSync(url), folders, name: (url) => decodeURIComponent(url.pathname) }, (message) => console.warn(`${name}: ${message}`));
}

/** A unified attacher for a plugin named `name` (its name shows in option errors). */
export function bizlangAttacher(name: string) {
  return function bizlang(options?: Options | null) {
    const analyzeOptions = pluginOptions(name, options);
    useBundledNetworks(name);
    return (_tree: unknown, file: VFile): void => check(file, analyzeOptions);
  };
}
