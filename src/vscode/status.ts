// Language status items for linted documents: the live score and level (click: open the report),
// and, only while the document's `.bizlangrc.json` has problems, an error item that says so.
import * as vscode from 'vscode';
import { COMMANDS, STATUS_CONFIG_ID, STATUS_SCORE_ID } from './constants.js';
import type { LoadedConfig } from './configStore.js';
import type { LintRecord } from './linter.js';
import { t } from './l10n.js';

export function selectorFor(languages: string[]): vscode.DocumentSelector {
  return languages.map((language) => ({ language }));
}

export class StatusItems implements vscode.Disposable {
  private readonly score: vscode.LanguageStatusItem;
  private config: vscode.LanguageStatusItem | undefined;
  private selector: vscode.DocumentSelector;

  constructor(languages: string[]) {
    this.selector = selectorFor(languages);
    this.score = vscode.languages.createLanguageStatusItem(STATUS_SCORE_ID, this.selector);
    this.score.name = t('Bizlang score');
    this.score.text = t('Bizlang');
    this.score.command = { command: COMMANDS.scoreDocument, title: t('Open Score Report') };
  }

  setLanguages(languages: string[]): void {
    this.selector = selectorFor(languages);
    this.score.selector = this.selector;
    if (this.config) this.config.selector = this.selector;
  }

  /** Shows the state of the active linted document. */
  update(record: LintRecord | undefined, busy: boolean, config: LoadedConfig | undefined): void {
    this.score.busy = busy;
    if (!record) {
      this.score.text = t('Bizlang');
      this.score.detail = busy ? t('Checking…') : '';
    } else if (record.result.skipped) {
      this.score.text = t('Bizlang: skipped');
      this.score.detail = record.result.skipped;
    } else {
      const s = record.result.score;
      this.score.text = t('Bizlang: {0} ({1})', s.total, s.level);
      this.score.detail = t('{0}; {1} finding(s)', s.levelLabel, record.result.messages.length);
    }
    this.showConfig(config ?? record?.config);
  }

  private showConfig(config: LoadedConfig | undefined): void {
    const problems = config?.problems ?? [];
    if (!problems.length || !config?.file) {
      this.config?.dispose();
      this.config = undefined;
      return;
    }
    if (!this.config) {
      this.config = vscode.languages.createLanguageStatusItem(STATUS_CONFIG_ID, this.selector);
      this.config.name = t('Bizlang configuration');
      this.config.severity = vscode.LanguageStatusSeverity.Error;
      this.config.command = { command: COMMANDS.showOutput, title: t('Show Problems') };
    }
    const first = problems[0]!;
    this.config.text = t('{0}: {1} problem(s)', '.bizlangrc.json', problems.length);
    this.config.detail = `${first.field}: ${first.message}`;
    this.config.accessibilityInformation = { label: t('Bizlang configuration has {0} problem(s)', problems.length) };
  }

  dispose(): void {
    this.score.dispose();
    this.config?.dispose();
  }
}
