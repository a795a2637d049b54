import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('docs/rules.md', () => {
  it('should be generated from the current rule metadata', () => {
    expect(() => execFileSync(process.execPath, ['scripts/rule-docs.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
