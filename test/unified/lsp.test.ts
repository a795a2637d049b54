// `bizlang lsp --stdio` as an editor uses it: a child process speaking JSON-RPC over stdio. It
// runs the built CLI (dist/), so it judges with the shipped model, like `bizlang check`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/index.js';
import { LspClient } from './lsp-client.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'bizlang.js');

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string;
  source?: string;
  severity?: number;
  data?: { expected?: string[] };
}

let ws: string;
let client: LspClient;

function cliMessages(file: string): Message[] {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', file], { cwd: ws, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as Array<{ messages: Message[] }>)[0]!.messages;
}

/** Core messages as the diagnostics a language server should publish (0-based lines and characters). */
const asRanges = (ms: Message[]) =>
  ms.map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`).sort();
const diagRanges = (ds: Diagnostic[]) =>
  ds.filter((d) => d.code !== 'config').map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

function offsetAt(text: string, pos: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < pos.line; i++) offset += lines[i]!.length + 1;
  return offset + pos.character;
}

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'bizlang-lsp-'));
  for (const f of ['design-doc.en.md', 'design-doc.zh.md']) copyFileSync(join(ROOT, 'examples', f), join(ws, f));
  // Read like the CLI reads it: the nearest .bizlangrc.json.
  writeFileSync(join(ws, '.bizlangrc.json'), JSON.stringify({ sensitivity: 'thorough', rules: { 'unquantified-impact': 'warning' } }));
  client = new LspClient(process.execPath, [BIN, 'lsp', '--stdio'], ws);
  const init = await client.request<{ capabilities: { codeActionProvider?: unknown; textDocumentSync?: unknown } }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ws).href,
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
    capabilities: {},
  });
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  client.notify('initialized', {});
}, 30_000);

afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

async function open(name: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const uri = pathToFileURL(join(ws, name)).href;
  const text = readFileSync(join(ws, name), 'utf8');
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && Array.isArray(p.diagnostics) && p.diagnostics.length > 0);
  return { uri, text, diagnostics: published.diagnostics as Diagnostic[] };
}

describe('bizlang lsp --stdio', () => {
  it('publishes the findings of an English and a Chinese doc with rule ids, severities and exact ranges', async () => {
    for (const name of ['design-doc.en.md', 'design-doc.zh.md']) {
      const { diagnostics } = await open(name);
      const expected = cliMessages(name);
      expect(expected.some((m) => m.ruleId === 'tech-value')).toBe(true);
      expect(diagRanges(diagnostics)).toEqual(asRanges(expected));
      for (const d of diagnostics) {
        expect(d.source).toBe('bizlang');
        // error → Error (1), warning → Warning (2), info → Information (3).
        expect(d.severity).toBe(d.code === 'unquantified-impact' ? 2 : 3);
      }
    }
  }, 60_000);

  it('offers each rewrite as a quick fix that replaces the sentence, and re-checks after an edit', async () => {
    const name = 'design-doc.en.md';
    const uri = pathToFileURL(join(ws, name)).href;
    const text = readFileSync(join(ws, name), 'utf8');
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.diagnostics as Diagnostic[]).some((d) => d.code === 'tech-value'));
    const diag = (published.diagnostics as Diagnostic[]).find((d) => d.code === 'tech-value')!;
    const actions = await client.request<Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } },
    );
    expect(actions.length).toBe(diag.data!.expected!.length);
    expect(actions[0]!.kind).toBe('quickfix');
    const [edit] = actions[0]!.edit.changes[uri]!;
    const start = offsetAt(text, edit!.range.start);
    const end = offsetAt(text, edit!.range.end);
    const sentence = text.slice(start, end);
    const edited = text.slice(0, start) + edit!.newText + text.slice(end);
    // The rewrite keeps the claim and adds a business consequence with placeholders.
    expect(edit!.newText.startsWith(sentence.replace(/[.。]$/, ''))).toBe(true);
    expect(edit!.newText).toMatch(/\[[A-Z]\]/);

    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const after = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    const ranges = diagRanges(after.diagnostics as Diagnostic[]);
    expect(ranges).not.toContain(`tech-value ${diag.range.start.line}:${diag.range.start.character}-${diag.range.end.line}:${diag.range.end.character}`);
    expect(ranges.some((r) => r.startsWith('unfilled-placeholder'))).toBe(true);
  }, 60_000);
});
