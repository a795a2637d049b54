// package.json's extension parts agree with the code, the NLS files, the l10n bundle, the
// snippets and the files the package ships.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLACEHOLDER, RULE_IDS, SENSITIVITY_LEVELS, VALUE_MAP_PARTS, valueMapSection } from '../../src/core/index.js';
import { parseConfig } from '../../src/core/config.js';
import { COMMANDS, CONTEXT_LINTS_ACTIVE_EDITOR, REPORT_VIEW_TYPE, SETTINGS } from '../../src/vscode/constants.js';
import { SETTING_SEVERITIES, toSnippet } from '../../src/vscode/mapping.js';
import { configTemplate } from '../../src/vscode/templates.js';

const root = process.cwd();
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = json('package.json');
const nls = json('package.nls.json');
const nlsZh = json('package.nls.zh-cn.json');
const bundleZh = json('l10n/bundle.l10n.zh-cn.json');

/** Every %key% used in package.json. */
function nlsKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%(.+)%$/.exec(v);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(v)) v.forEach((x) => nlsKeys(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => nlsKeys(x, out));
  return out;
}

describe('package.json (extension manifest)', () => {
  test('entry points, engine and types pin', () => {
    expect(pkg.main).toBe('./dist/extension.cjs');
    expect(pkg.browser).toBe('./dist/web/extension.js');
    expect(pkg.engines.vscode).toBe('^1.100.0');
    expect(pkg.devDependencies['@types/vscode']).toBe('1.100.0');
    expect(pkg.devDependencies['@vscode/vsce']).toMatch(/^\^?3\./);
    expect(pkg.l10n).toBe('./l10n');
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(pkg.capabilities.virtualWorkspaces).toBe(true);
    expect(pkg.activationEvents).toContain('onLanguage:markdown');
    expect(pkg.activationEvents).toContain(`onWebviewPanel:${REPORT_VIEW_TYPE}`);
    expect(pkg.repository.url).toBe('https://github.com/bizlang/bizlang');
    expect(existsSync(join(root, pkg.icon))).toBe(true);
  });

  test('every command the code registers is contributed, and only those; internal ones hidden', () => {
    const contributed = (pkg.contributes.commands as Array<{ command: string; category: string }>).map((c) => c.command).sort();
    expect(contributed).toEqual(Object.values(COMMANDS).sort());
    for (const c of pkg.contributes.commands) expect(c.category).toBe('%command.category%');
    const hidden = (pkg.contributes.menus.commandPalette as Array<{ command: string; when: string }>).filter((m) => m.when === 'false').map((m) => m.command);
    expect(hidden.sort()).toEqual([COMMANDS.applyFix, COMMANDS.openRuleDoc].sort());
    const whens = JSON.stringify(pkg.contributes.menus);
    expect(whens).toContain(CONTEXT_LINTS_ACTIVE_EDITOR);
  });

  test('palette titles read "Bizlang: …" in English', () => {
    const titles = Object.fromEntries((pkg.contributes.commands as Array<{ command: string; title: string }>).map((c) => [c.command, `${nls['command.category']}: ${nls[c.title.slice(1, -1)]}`]));
    expect(titles[COMMANDS.scoreDocument]).toBe('Bizlang: Score This Document');
    expect(titles[COMMANDS.lintWorkspace]).toBe('Bizlang: Lint Workspace');
    expect(titles[COMMANDS.insertValueMap]).toBe('Bizlang: Insert Business Value Map');
    expect(titles[COMMANDS.openConfiguration]).toBe('Bizlang: Open Configuration');
  });

  test('settings: names match the code; severity lists every rule with VS Code severity names', () => {
    const props = pkg.contributes.configuration.properties as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const names = [SETTINGS.enable, SETTINGS.run, SETTINGS.languages, SETTINGS.severity, SETTINGS.debounce, SETTINGS.sensitivity].map((k) => `${SETTINGS.section}.${k}`);
    expect(Object.keys(props).sort()).toEqual(names.sort());
    expect(props['bizlang.run'].enum).toEqual(['onType', 'onSave']);
    expect(props['bizlang.languages'].default).toEqual(['markdown']);
    expect(Object.keys(props['bizlang.severity'].properties).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULE_IDS) expect(props['bizlang.severity'].properties[r].enum).toEqual(SETTING_SEVERITIES);
    // The sensitivity levels are the core's, plus `auto` (follow .bizlangrc.json).
    expect(props['bizlang.sensitivity'].enum).toEqual(['auto', ...SENSITIVITY_LEVELS]);
    expect(props['bizlang.sensitivity'].default).toBe('auto');
  });

  test('every %key% has English and Chinese text, and no NLS entry is unused', () => {
    const used = nlsKeys(pkg);
    for (const k of used) {
      expect(nls[k], k).toBeTypeOf('string');
      expect(nlsZh[k], k).toBeTypeOf('string');
    }
    expect(Object.keys(nls).sort()).toEqual([...used].sort());
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nls).sort());
  });

  test('jsonValidation points at the schema, walkthrough media exist, snippets file exists', () => {
    expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: '.bizlangrc.json', url: './schema/bizlangrc.schema.json' }]);
    for (const step of pkg.contributes.walkthroughs[0].steps) expect(existsSync(join(root, step.media.markdown)), step.media.markdown).toBe(true);
    expect(pkg.contributes.snippets).toEqual([{ language: 'markdown', path: './snippets/markdown.json' }]);
  });
});

describe('l10n bundle', () => {
  test('every vscode.l10n string used in src/vscode has a Chinese translation with the same arguments', () => {
    const dir = join(root, 'src/vscode');
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
    }
    expect(used.size).toBeGreaterThan(20);
    for (const k of used) {
      expect(bundleZh[k], k).toBeTypeOf('string');
      const args = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      expect(args(bundleZh[k]), k).toBe(args(k));
    }
    expect(Object.keys(bundleZh).filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('snippets', () => {
  const snippets = json('snippets/markdown.json') as Record<string, { prefix: string; body: string[]; description: string }>;
  const prefixes = Object.values(snippets).map((s) => s.prefix);

  test('English and Chinese prefixes for value map, ROI, KPI, PDD', () => {
    expect(prefixes.sort()).toEqual(
      ['bizlang-value-map', 'bizlang-value-map-zh', 'bizlang-roi', 'bizlang-roi-zh', 'bizlang-kpi', 'bizlang-kpi-zh', 'bizlang-pdd', 'bizlang-pdd-zh'].sort(),
    );
  });

  test('the Business Value Map snippets are the core section, placeholders as tab stops', () => {
    const byPrefix = Object.fromEntries(Object.values(snippets).map((s) => [s.prefix, s.body.join('\n')]));
    expect(byPrefix['bizlang-value-map']).toBe(`${toSnippet(valueMapSection(VALUE_MAP_PARTS, 'en')).snippet}\n$0`);
    expect(byPrefix['bizlang-value-map-zh']).toBe(`${toSnippet(valueMapSection(VALUE_MAP_PARTS, 'zh')).snippet}\n$0`);
  });

  test('every tab stop default is a placeholder the core flags until filled', () => {
    for (const s of Object.values(snippets)) {
      const body = s.body.join('\n');
      for (const m of body.matchAll(/\$\{\d+:([^}]*)\}/g)) {
        expect(new RegExp(`^${PLACEHOLDER.source}$`).test(m[1]!), `${s.prefix}: ${m[1]}`).toBe(true);
      }
      // No stray `$` that would be read as a variable.
      expect(body.replace(/\$\{\d+:[^}]*\}|\$\d+|\$\{\d+\}/g, '')).not.toContain('$');
    }
  });
});

describe('config template', () => {
  test('"Open Configuration" writes a file the core accepts without problems', () => {
    const { problems, config } = parseConfig(configTemplate());
    expect(problems).toEqual([]);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual([...RULE_IDS].sort());
  });
});
