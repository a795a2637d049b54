// Shared helpers for core tests.
import { analyze, type AnalyzeOptions, type Message } from '../../src/core/index.js';

/** Messages of one rule. */
export function messagesOf(text: string, rule: string, options: AnalyzeOptions = {}): Message[] {
  return analyze(text, options).messages.filter((m) => m.ruleId === rule);
}

/** Applies one edit to a text. */
export function applyEdit(text: string, edit: { offset: number; endOffset: number; text: string }): string {
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.endOffset);
}
