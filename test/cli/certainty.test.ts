// A finding only a looser sensitivity reports ("possible") says so in every human-facing output;
// likely findings and facts read as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';
import type { FileReport } from '../../src/node/batch.js';
import { formatGitlab } from '../../src/node/format/gitlab.js';
import { formatCheckMarkdown } from '../../src/node/format/markdown.js';
import { formatCheckText } from '../../src/node/format/text.js';
// @ts-expect-error plain ES module without types
import { annotations } from '../../scripts/action/run.mjs';
import { DOC } from './helpers.js';

const result = analyze(DOC);
const tech = result.messages.find((m) => m.ruleId === 'tech-value')!;
const withCertainty = (certainty: 'likely' | 'possible'): FileReport[] => [
  { file: 'doc.md', result: { ...result, messages: result.messages.map((m) => (m === tech ? { ...m, certainty } : m)) } },
];

describe('certainty in the reports', () => {
  it('marks a possible finding, and only it, in the text, Markdown, GitLab and Action reports', () => {
    const outputs = (reports: FileReport[]) => [
      formatCheckText(reports, { color: false, quiet: false }),
      formatCheckMarkdown(reports, { quiet: false }),
      formatGitlab(reports, { quiet: false }),
      (annotations([{ file: 'doc.md', messages: reports[0]!.result.messages }]) as string[]).join('\n'),
    ];
    for (const out of outputs(withCertainty('possible'))) expect(out).toContain('(possible)');
    for (const out of outputs(withCertainty('likely'))) expect(out).not.toContain('possible');
    expect(formatCheckText(withCertainty('possible'), { color: false, quiet: false })).toContain(`${tech.reason} (possible)  tech-value`);
  });

  it('gives facts the certainty "certain"', () => {
    for (const m of result.messages) if (m.ruleId !== 'tech-value' && m.ruleId !== 'unquantified-impact') expect(m.certainty).toBe('certain');
  });
});
