// Text the extension writes for the user: the starter `.bizlangrc.json`. Plain, no vscode import.
import { RULES } from '../core/index.js';

/** The `.bizlangrc.json` "Open Configuration" creates: every rule at its default, empty word lists. */
export function configTemplate(): string {
  const rules: Record<string, string> = {};
  for (const r of RULES) rules[r.id] = r.defaultSeverity;
  const config = {
    language: 'auto',
    rules,
    words: {
      en: { businessOutcomes: [], beneficiaries: [], techObjects: [] },
      zh: { businessOutcomes: [], beneficiaries: [], techObjects: [] },
    },
    ignore: ['node_modules/**'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
