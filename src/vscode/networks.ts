// The sentence networks for the extension, desktop and web alike: read from the extension's own
// dist/net-<lang>.bin through vscode.workspace.fs (the web host has no file system of its own),
// then given to the core. Reading is asynchronous and the core's judgment is not, so both files
// are read at activation; documents linted before they arrive are judged by the n-gram model
// alone and linted again once they are in.
import * as vscode from 'vscode';
import { useNetworks, type Lang } from '../core/index.js';

export async function loadNetworks(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<boolean> {
  const data: Partial<Record<Lang, Uint8Array>> = {};
  const uriOf = (lang: Lang) => vscode.Uri.joinPath(extensionUri, 'dist', `net-${lang}.bin`);
  await Promise.all(
    (['en', 'zh'] as const).map(async (lang) => {
      try {
        data[lang] = await vscode.workspace.fs.readFile(uriOf(lang));
      } catch (e) {
        // A build without networks has no files: the n-gram model alone judges, as documented.
        if ((e as { code?: unknown }).code !== 'FileNotFound') log.warn(`Cannot read ${uriOf(lang).toString(true)} (${(e as Error).message}); judging ${lang} sentences without the sentence network.`);
      }
    }),
  );
  if (!data.en && !data.zh) return false;
  useNetworks((lang) => data[lang] ?? null, (lang, problem) => log.warn(`${uriOf(lang).toString(true)}: ${problem}`));
  return true;
}
