import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';

// Fixtures per rule: in not-ok.*.md every paragraph (block separated by blank lines, tables as one
// block) must get at least one message of the rule; in ok.*.md none may.
const root = join(__dirname, '..', 'fixtures', 'rules');

function blocks(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  const re = /[^\n](?:[\s\S]*?)(?=\n\s*\n|\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

for (const rule of readdirSync(root)) {
  describe(rule, () => {
    for (const file of readdirSync(join(root, rule))) {
      const text = readFileSync(join(root, rule, file), 'utf8');
      const found = analyze(text).messages.filter((m) => m.ruleId === rule);
      if (file.startsWith('not-ok')) {
        for (const b of blocks(text)) {
          it(`should flag ${file}: ${b.text.split('\n').pop()!.slice(0, 60)}`, () => {
            expect(found.some((m) => m.offset >= b.start && m.offset < b.end)).toBe(true);
          });
        }
      } else {
        it(`should stay quiet on ${file}`, () => {
          expect(found.map((m) => m.actual)).toEqual([]);
        });
      }
    }
  });
}
