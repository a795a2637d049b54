// `bizlang lsp --stdio` / `bizlang-language-server --stdio`: a language server for any editor
// (Neovim, Helix, Emacs, Zed, Sublime…), made with unified-language-server: it runs remark with
// remark-gfm, remark-frontmatter and the Bizlang plugin on each open Markdown document and turns
// the messages into diagnostics; each rewrite (a message's `expected`) becomes a quick fix that
// replaces the flagged sentence. Settings come from the nearest `.bizlangrc.json`, as in the CLI.
// Loaded only by that command: `bizlang check` and the extension never import unified.
import { resolve } from 'node:path';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { createUnifiedLanguageServer } from 'unified-language-server';
import type { VFile } from 'vfile';
import { check } from '../unified/messages.js';
import { ConfigResolver } from './config.js';
import { readTextFile } from './io.js';
import { useNodeNetworks } from './networks.js';

/** The Bizlang plugin with the settings of the document's nearest `.bizlangrc.json` (read afresh
 * for each check, so edits to it apply to the next one). A broken config is reported as a message
 * on the document and its valid part is used. */
function bizlangWithConfig() {
  return async (_tree: unknown, file: VFile): Promise<void> => {
    const problems: string[] = [];
    const resolver = new ConfigResolver({ cwd: file.cwd, readText: readTextFile, report: (line) => problems.push(line) });
    const config = file.path ? await resolver.forFile(resolve(file.cwd, file.path)) : await resolver.forDir(file.cwd);
    for (const p of problems) file.message(p, { place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, ruleId: 'config', source: 'bizlang' });
    check(file, config.options);
  };
}

type Options = Parameters<typeof createUnifiedLanguageServer>[0];

export function startLanguageServer(): void {
  // Diagnostics are the editor's channel; a network that cannot be read is said on stderr, which
  // editors keep as the server's log.
  useNodeNetworks((message) => process.stderr.write(`bizlang: ${message}\n`));
  createUnifiedLanguageServer({
    processorName: 'remark',
    processorSpecifier: 'remark',
    defaultProcessor: remark,
    // unified's plugin types are stricter than the engine's runtime: these are ordinary attachers.
    plugins: [remarkGfm, [remarkFrontmatter, ['yaml', 'toml']], bizlangWithConfig] as unknown as Options['plugins'],
    rcName: '.remarkrc',
    ignoreName: '.remarkignore',
    packageField: 'remarkConfig',
    pluginPrefix: 'remark',
    configurationSection: 'bizlang',
  });
}
