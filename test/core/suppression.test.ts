import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index.js';

const claim = 'We unified permission management across services.';
const rules = (text: string) => analyze(text).messages.map((m) => `${m.line}:${m.ruleId}`);

describe('inline comments', () => {
  it('should disable all rules between disable and enable', () => {
    const text = `<!-- bizlang-disable -->\n\n${claim}\n\n<!-- bizlang-enable -->\n\n${claim}\n`;
    expect(rules(text).filter((r) => r.endsWith('tech-value'))).toEqual(['7:tech-value']);
  });

  it('should disable only the named rules', () => {
    const text = `<!-- bizlang-disable unquantified-impact -->\n\n${claim}\n`;
    expect(rules(text)).toContain('3:tech-value');
    const off = `<!-- bizlang-disable tech-value -->\n\n${claim}\n`;
    expect(rules(off)).not.toContain('3:tech-value');
  });

  it('should disable the next line', () => {
    const text = `Intro.\n<!-- bizlang-disable-next-line tech-value -->\n${claim}\n\n${claim}\n`;
    expect(rules(text).filter((r) => r.endsWith('tech-value'))).toEqual(['5:tech-value']);
  });

  it('should disable the same line', () => {
    const text = `${claim} <!-- bizlang-disable-line -->\n\n${claim}\n`;
    expect(rules(text).filter((r) => r.endsWith('tech-value'))).toEqual(['3:tech-value']);
  });

  it('should turn rules off and change severity from options', () => {
    expect(analyze(claim, { rules: { 'tech-value': 'off' } }).messages.map((m) => m.ruleId)).not.toContain('tech-value');
    expect(analyze(claim, { rules: { 'tech-value': 'error' } }).messages.find((m) => m.ruleId === 'tech-value')!.severity).toBe('error');
  });

  it('should extend word classes from options', () => {
    const text = 'The migration lowers churn for enterprise tenants.';
    const words = { en: { businessOutcomes: ['churn'] } };
    expect(analyze(text, { words }).messages.map((m) => m.ruleId)).toContain('unquantified-impact');
  });
});
