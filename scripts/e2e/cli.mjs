// Expected results come from the core itself, through the built CLI (bin/bizlang.js), never from
// numbers written into the tests: the e2e checks that the editor shows what the core computes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Placeholders the extension turns into tab stops (mirrors PLACEHOLDER in src/core/classify.ts). */
export const PLACEHOLDER = /\[(?:[A-Z]\d?|[a-z][a-z /-]{1,30}|[\u4e00-\u9fff][\u4e00-\u9fff/、 ]{0,11})\]/g;

const SEVERITY_CLASS = { error: 'error', warning: 'warning', info: 'info' };

export class Cli {
  /** @param {string} root repository root (holds bin/bizlang.js, built) */
  constructor(root) {
    this.bin = join(root, 'bin', 'bizlang.js');
    this.root = root;
  }

  run(command, file, text) {
    const input = text ?? readFileSync(file, 'utf8');
    const r = spawnSync(process.execPath, [this.bin, command, '--format', 'json', '--stdin', '--stdin-filename', file], {
      input,
      encoding: 'utf8',
      cwd: this.root,
      timeout: 60_000,
    });
    let parsed;
    try {
      parsed = JSON.parse(r.stdout);
    } catch {
      throw new Error(`bizlang ${command} ${file}: no JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 1000)}`);
    }
    if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error(`bizlang ${command} ${file}: unexpected output`);
    return { ...parsed[0], stderr: r.stderr, status: r.status };
  }

  /** The core's findings for a file (its text on disk, or `text` as if it were that file). */
  check(file, text) {
    return this.run('check', file, text).messages;
  }

  /** The core's score for a file: { total, level, levelLabel, components }. */
  score(file, text) {
    return this.run('score', file, text).score;
  }
}

/** What the Problems panel should list for the core's findings (hints never show there). */
export function expectedRows(messages) {
  return messages
    .filter((m) => SEVERITY_CLASS[m.severity])
    .map((m) => ({ severity: SEVERITY_CLASS[m.severity], message: m.reason, source: 'bizlang', code: m.ruleId, line: m.line, column: m.column }));
}

/** 1-based line and column of a 0-based offset (VS Code's positions: UTF-16 columns). */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
