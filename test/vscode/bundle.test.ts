// The built bundles load where they will run: the desktop one with Node's require() (CommonJS in
// a "type": "module" package, hence .cjs), the web one with nothing but `vscode` available (the
// web worker extension host has no Node built-ins). Both activate and lint a document.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { COMMANDS } from '../../src/vscode/constants.js';
import { FakeDocument } from './fake-document.js';
import * as mock from './vscode-mock.js';

let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'bizlang-ext-'));
  const r = spawnSync(process.execPath, ['scripts/build-extension.mjs'], { env: { ...process.env, BIZLANG_EXTENSION_OUT: out }, encoding: 'utf8' });
  expect(r.stderr + r.stdout).toBe('');
  expect(r.status).toBe(0);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  mock.resetMock();
  mock.workspace.workspaceFolders = [{ uri: mock.Uri.parse('file:///ws'), name: 'ws', index: 0 }];
});

interface ExtensionModule {
  activate(context: unknown): { linter: { records: Map<string, unknown> } };
}

async function exercise(ext: ExtensionModule): Promise<void> {
  // The bundles judge with the shipped model: a claim it reports at the default sensitivity.
  const doc = new FakeDocument('file:///ws/doc.md', '# Cache\n\nThis change improves API server performance and stability.\n');
  mock.workspace.textDocuments.push(doc);
  const context = { subscriptions: [] as Array<{ dispose(): void }>, extensionUri: mock.Uri.parse('file:///ext') };
  const api = ext.activate(context);
  for (const id of Object.values(COMMANDS)) expect(mock.calls.commands.has(id), id).toBe(true);
  await vi.waitFor(() => expect(api.linter.records.has('file:///ws/doc.md')).toBe(true), { timeout: 10_000 });
  const diags = mock.calls.collections[0]!.get(doc.uri)!;
  expect(diags.map((d) => (d.code as { value: string }).value)).toContain('tech-value');
  for (const d of context.subscriptions) d.dispose();
}

describe('bundles', () => {
  test('desktop: dist/extension.cjs loads with require() and activates', async () => {
    const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = M._load;
    M._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? mock : original.call(this, request, ...rest);
    };
    try {
      const ext = createRequire(join(out, 'x.js'))(join(out, 'extension.cjs')) as ExtensionModule;
      await exercise(ext);
    } finally {
      M._load = original;
    }
  });

  test('web: dist/web/extension.js needs nothing but vscode, and activates', async () => {
    const source = readFileSync(join(out, 'web', 'extension.js'), 'utf8');
    const requested: string[] = [];
    const require = (id: string) => {
      requested.push(id);
      if (id === 'vscode') return mock;
      throw new Error(`web bundle required "${id}"`);
    };
    const module = { exports: {} as ExtensionModule };
    // Shadow what a web worker lacks, so a use of any of them fails here as it would there.
    const absent = ['process', 'Buffer', 'global', 'setImmediate', '__dirname', '__filename', 'document', 'window'];
    new Function('module', 'exports', 'require', ...absent, source)(module, module.exports, require, ...absent.map(() => undefined));
    await exercise(module.exports);
    expect([...new Set(requested)]).toEqual(['vscode']);
  });
});
