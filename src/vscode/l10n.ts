// The UI's translation function: vscode.l10n.t (bundles in l10n/, English strings as keys).
import * as vscode from 'vscode';
import type { Translate } from './mapping.js';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
