// The sentence networks for the extension, desktop and web alike: read from the extension's own
// dist/net-<lang>.json through vscode.workspace.fs (the web host has no file system of its own),
// then given to the core. Reading is asynchronous and the core's judgment is not, so both files
// are read at activation; documents linted before they arrive are judged by the n-gram model
// alone and linted again once they are in.
import * as vscode from 'vscode';
import { useNetworks, type Lang, type StoredNet } from '../core/index.js';

export async function loadNetworks(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<boolean> {
  const data: Partial<Record<Lang, StoredNet>> = {};
  await Promise.all(
    (['en', 'zh'] as const).map(async (lang) => {
      const uri = vscode.Uri.joinPath(extensionUri, 'dist', `net-${lang}.json`);
      try {
        data[lang] = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as StoredNet;
      } catch (e) {
        // A build without networks has no files: the n-gram model alone judges, as documented.
        if ((e as { code?: unknown }).code !== 'FileNotFound') log.warn(`Cannot read ${uri.toString(true)} (${(e as Error).message}); judging ${lang} sentences without the sentence network.`);
      }
    }),
  );
  if (!data.en && !data.zh) return false;
  useNetworks((lang) => data[lang] ?? null, (_lang, problem) => log.warn(problem));
  return true;
}
