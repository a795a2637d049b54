import { describe, expect, test } from 'vitest';
import { analyze, compileGlobs, isIgnoredPath, PLACEHOLDER } from '../../src/core/index.js';
import type { Message } from '../../src/core/index.js';
import {
  configSearchDirs,
  DIAGNOSTIC_SEVERITY,
  disableLineEdit,
  escapeMarkdown,
  escapeSnippet,
  FixTable,
  fixRefusal,
  hoverMarkdown,
  isLintable,
  mergeOptions,
  messageRange,
  normalizeSettings,
  offsetsTouch,
  optionsKey,
  planFixes,
  previewRewrite,
  relativeTo,
  settingToCoreSeverity,
  toDiagnosticData,
  toSnippet,
  type PlannedEdit,
} from '../../src/vscode/mapping.js';

const EN = `# Query cache

We will reduce latency of the query service. This improves developer productivity.

The new cache cuts costs by [X]%.
`;
const ZH = `# 缓存服务

我们将提升查询性能。这会提高研发效率。
`;

/** Expands a snippet the way the editor does when the user keeps every default. */
function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const colon = snippet.indexOf(':', i);
      let depth = 1;
      let j = colon + 1;
      let inner = '';
      for (; j < snippet.length; j++) {
        if (snippet[j] === '\\') {
          inner += snippet[++j];
          continue;
        }
        if (snippet[j] === '{') depth++;
        if (snippet[j] === '}' && --depth === 0) break;
        inner += snippet[j];
      }
      out += inner;
      i = j;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else out += c;
  }
  return out;
}

function apply(text: string, e: PlannedEdit): string {
  const inserted = e.snippet ? expandSnippet(e.text) : e.text;
  return text.slice(0, e.offset) + inserted + text.slice(e.endOffset);
}

function pos(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('settings mapping', () => {
  test('VS Code severity names map onto the core', () => {
    expect(settingToCoreSeverity('information')).toBe('info');
    expect(settingToCoreSeverity('error')).toBe('error');
    expect(settingToCoreSeverity('warning')).toBe('warning');
    expect(settingToCoreSeverity('hint')).toBe('hint');
    expect(settingToCoreSeverity('off')).toBe('off');
    expect(settingToCoreSeverity('loud')).toBeUndefined();
  });

  test('defaults when nothing is set', () => {
    const { settings, problems } = normalizeSettings({});
    expect(settings).toEqual({ enable: true, run: 'onType', languages: ['markdown'], severity: {}, debounceMs: 300, sensitivity: 'auto' });
    expect(problems).toEqual([]);
  });

  test('valid values are kept, invalid ones reported and ignored', () => {
    const { settings, problems } = normalizeSettings({
      run: 'onSave',
      languages: ['markdown', 'plaintext', 'markdown'],
      severity: { 'tech-value': 'warning', 'value-map': 'off', 'unquantified-impact': 'information', 'tech-valu': 'error', 'unfilled-placeholder': 'loud' },
      debounce: 'soon',
      enable: 'yes',
    });
    expect(settings.run).toBe('onSave');
    expect(settings.languages).toEqual(['markdown', 'plaintext']);
    expect(settings.severity).toEqual({ 'tech-value': 'warning', 'value-map': 'off', 'unquantified-impact': 'info' });
    expect(settings.debounceMs).toBe(300);
    expect(settings.enable).toBe(true);
    expect(problems.join('\n')).toMatch(/bizlang\.severity\.tech-valu: unknown rule id/);
    expect(problems.join('\n')).toMatch(/bizlang\.severity\.unfilled-placeholder: must be one of/);
    expect(problems.join('\n')).toMatch(/bizlang\.debounce/);
    expect(problems.join('\n')).toMatch(/bizlang\.enable/);
  });

  test('bizlang.sensitivity: auto follows .bizlangrc.json, a level overrides it, anything else is reported', () => {
    expect(normalizeSettings({ sensitivity: 'thorough' }).settings.sensitivity).toBe('thorough');
    const bad = normalizeSettings({ sensitivity: 'loud' });
    expect(bad.settings.sensitivity).toBe('auto');
    expect(bad.problems.join('\n')).toMatch(/bizlang\.sensitivity: must be one of auto, precise, balanced, thorough/);
    expect(mergeOptions({ sensitivity: 'balanced' }, { severity: {}, sensitivity: 'auto' }).sensitivity).toBe('balanced');
    expect(mergeOptions({ sensitivity: 'balanced' }, { severity: {}, sensitivity: 'thorough' }).sensitivity).toBe('thorough');
    expect(mergeOptions({}, { severity: {}, sensitivity: 'auto' }).sensitivity).toBeUndefined();
  });

  test('bizlang.severity overrides .bizlangrc.json per rule; the rest of the config is kept', () => {
    const options = mergeOptions(
      { language: 'zh', rules: { 'tech-value': 'error', 'value-map': 'off' }, words: { en: { businessOutcomes: ['merchant onboarding'] } }, maxFileSize: 10 },
      { severity: { 'tech-value': 'hint' } },
    );
    expect(options).toEqual({
      language: 'zh',
      rules: { 'tech-value': 'hint', 'value-map': 'off' },
      words: { en: { businessOutcomes: ['merchant onboarding'] } },
      maxFileSize: 10,
    });
    expect(mergeOptions({}, { severity: {} })).toEqual({});
  });

  test('severity settings reach the core: off hides a rule, the level changes', () => {
    const off = analyze(EN, mergeOptions({}, normalizeSettings({ severity: { 'tech-value': 'off' } }).settings));
    expect(off.messages.some((m) => m.ruleId === 'tech-value')).toBe(false);
    const err = analyze(EN, mergeOptions({}, normalizeSettings({ severity: { 'tech-value': 'error' } }).settings));
    expect(err.messages.find((m) => m.ruleId === 'tech-value')?.severity).toBe('error');
  });

  test('optionsKey is stable under key order', () => {
    expect(optionsKey({ rules: { 'tech-value': 'off', 'value-map': 'hint' }, language: 'en' })).toBe(
      optionsKey({ language: 'en', rules: { 'value-map': 'hint', 'tech-value': 'off' } }),
    );
    expect(optionsKey({ language: 'en' })).not.toBe(optionsKey({ language: 'zh' }));
  });

  test('which documents are linted', () => {
    expect(isLintable('file', 'markdown', ['markdown'])).toBe(true);
    expect(isLintable('untitled', 'markdown', ['markdown'])).toBe(true);
    expect(isLintable('vscode-vfs', 'markdown', ['markdown'])).toBe(true);
    expect(isLintable('git', 'markdown', ['markdown'])).toBe(false);
    expect(isLintable('file', 'plaintext', ['markdown'])).toBe(false);
    expect(isLintable('file', 'plaintext', ['markdown', 'plaintext'])).toBe(true);
  });
});

describe('diagnostic mapping', () => {
  const result = analyze(EN);

  test('severity numbers are vscode.DiagnosticSeverity values', () => {
    expect(DIAGNOSTIC_SEVERITY).toEqual({ error: 0, warning: 1, info: 2, hint: 3 });
  });

  test('each message maps to source, code with rule doc target, reason, severity', () => {
    const tech = result.messages.find((m) => m.ruleId === 'tech-value')!;
    const d = toDiagnosticData(tech);
    expect(d.source).toBe('bizlang');
    expect(d.code).toEqual({ value: 'tech-value', target: 'https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value' });
    expect(d.message).toBe(tech.reason);
    expect(d.severity).toBe(2); // Information by default for sentence rules
    const placeholder = result.messages.find((m) => m.ruleId === 'unfilled-placeholder')!;
    expect(toDiagnosticData(placeholder).severity).toBe(2); // Information too: every sentence rule coaches by default
  });

  test('ranges are 0-based and point at exactly the flagged text (also with CRLF, astral chars, Chinese)', () => {
    for (const text of [EN, EN.replace(/\n/g, '\r\n'), `# 🚀 Rocket\n\n😀 We will reduce latency of the query service.\n`, ZH]) {
      for (const m of analyze(text).messages) {
        const r = messageRange(m);
        expect(r.start).toEqual(pos(text, m.offset));
        expect(r.end).toEqual(pos(text, m.endOffset));
      }
    }
  });
});

describe('snippets', () => {
  test('escapes $, } and backslash', () => {
    expect(escapeSnippet('costs $5 {a} \\ done')).toBe('costs \\$5 {a\\} \\\\ done');
  });

  test('placeholders become numbered tab stops that keep the placeholder text', () => {
    const { snippet, tabStops } = toSnippet(', cutting user-facing wait by [X]% and lifting conversion by [Y]% for [who]');
    expect(snippet).toBe(', cutting user-facing wait by ${1:[X]}% and lifting conversion by ${2:[Y]}% for ${3:[who]}');
    expect(tabStops).toBe(3);
  });

  test('repeated placeholders get their own stops (different values), Chinese placeholders too', () => {
    const { snippet } = toSnippet('[X] then [X]; [团队] and [基线]');
    expect(snippet).toBe('${1:[X]} then ${2:[X]}; ${3:[团队]} and ${4:[基线]}');
  });

  test('special characters around placeholders are escaped, and expansion gives the text back', () => {
    const text = 'save $[N] per month } \\ {[baseline]}';
    const { snippet } = toSnippet(text);
    expect(snippet).toBe('save \\$${1:[N]} per month \\} \\\\ {${2:[baseline]}\\}');
    expect(expandSnippet(snippet)).toBe(text);
  });

  test('every core suggestion round-trips through the snippet form', () => {
    for (const doc of [EN, ZH]) {
      for (const m of analyze(doc).messages) {
        for (const s of m.suggestions) {
          const { snippet, tabStops } = toSnippet(s.text);
          expect(expandSnippet(snippet)).toBe(s.text);
          expect(tabStops).toBe((s.text.match(new RegExp(PLACEHOLDER.source, 'g')) ?? []).length);
        }
      }
    }
  });
});

describe('fixes', () => {
  test('one fix per suggestion, then disable and learn more, with exact titles', () => {
    const result = analyze(EN);
    const plans = planFixes(EN, result.messages);
    const tech = result.messages.findIndex((m) => m.ruleId === 'tech-value');
    const forTech = plans.filter((p) => p.message === tech);
    const sugg = result.messages[tech]!.suggestions;
    expect(forTech.map((p) => p.title)).toEqual([...sugg.map((s) => s.title), 'Disable tech-value for this line', 'Learn more about tech-value']);
    expect(forTech[0]!.preferred).toBe(true);
    expect(forTech.slice(1).some((p) => p.preferred)).toBe(false);
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    const learn = forTech.at(-1)!;
    expect(learn.kind).toBe('learn');
    expect(learn.url).toBe(result.messages[tech]!.url);
  });

  test('the value-map finding offers "Insert Business Value Map section" in the doc language', () => {
    const en = analyze(EN);
    const plansEn = planFixes(EN, en.messages);
    const vm = plansEn.find((p) => p.ruleId === 'value-map' && p.kind === 'suggestion')!;
    expect(vm.title).toBe('Insert Business Value Map section');
    expect(expandSnippet(vm.edit!.text)).toContain('## Business Value Map');
    const zh = analyze(ZH);
    const vmZh = planFixes(ZH, zh.messages).find((p) => p.ruleId === 'value-map' && p.kind === 'suggestion')!;
    expect(vmZh.title).toBe('插入业务价值地图章节');
    expect(expandSnippet(vmZh.edit!.text)).toContain('## 业务价值地图');
  });

  test('applying a suggestion (defaults kept) writes the core rewrite into the sentence', () => {
    const result = analyze(EN);
    const plan = planFixes(EN, result.messages).find((p) => p.ruleId === 'tech-value' && p.kind === 'suggestion')!;
    const after = apply(EN, plan.edit!);
    expect(after).toContain('We will reduce latency of the query service, cutting user-facing wait by [X]% and lifting conversion by [Y]% for [who].');
    // The rewrite is now a business claim; its placeholders are flagged until filled.
    const again = analyze(after);
    expect(again.messages.some((m) => m.ruleId === 'tech-value' && m.line === 3)).toBe(false);
    expect(again.messages.filter((m) => m.ruleId === 'unfilled-placeholder' && m.line === 3).length).toBe(3);
  });

  test('disable comment goes above the flagged line with its indentation, and silences the rule there', () => {
    const text = '# Doc\n\n- Item one.\n\n  We will reduce latency of the query service.\n';
    const m = analyze(text).messages.find((x) => x.ruleId === 'tech-value')!;
    const e = disableLineEdit(text, m.line, 'tech-value');
    const after = apply(text, e);
    expect(after).toBe('# Doc\n\n- Item one.\n\n  <!-- bizlang-disable-next-line tech-value -->\n  We will reduce latency of the query service.\n');
    expect(analyze(after).messages.some((x) => x.ruleId === 'tech-value')).toBe(false);
  });

  test('disable keeps CRLF line endings and works on the first line', () => {
    const text = 'We will reduce latency of the query service.\r\nMore.\r\n';
    expect(apply(text, disableLineEdit(text, 1, 'tech-value'))).toBe('<!-- bizlang-disable-next-line tech-value -->\r\nWe will reduce latency of the query service.\r\nMore.\r\n');
  });

  test('a second rule on the same line joins the existing directive', () => {
    const text = '<!-- bizlang-disable-next-line tech-value -->\nWe will reduce latency and improve productivity.\n';
    const e = disableLineEdit(text, 2, 'unquantified-impact');
    expect(apply(text, e)).toBe('<!-- bizlang-disable-next-line tech-value unquantified-impact -->\nWe will reduce latency and improve productivity.\n');
    // Already disabled there: nothing to do.
    const same = disableLineEdit(text, 2, 'tech-value');
    expect(apply(text, same)).toBe(text);
  });

  test('fixes are built per finding on demand, cheaply, even in a document with thousands of findings', () => {
    const para = 'We will reduce latency of the query service. This improves developer productivity for the payments team.';
    const big = `# Big\n\n${Array.from({ length: 2000 }, (_, i) => `${para} Section ${i}.`).join('\n\n')}\n`;
    const result = analyze(big);
    expect(result.messages.length).toBeGreaterThan(2000);
    const t0 = performance.now();
    const table = new FixTable(big, result.messages);
    const last = result.messages.length - 1;
    const plans = table.forMessage(last);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(plans.at(-2)!.title).toBe(`Disable ${result.messages[last]!.ruleId} for this line`);
    expect(table.get(plans[0]!.id)).toBe(plans[0]);
    expect(table.get('99999.d')).toBeUndefined();
    expect(table.get('bogus')).toBeUndefined();
    // Even building every fix stays linear (it was quadratic once).
    const t1 = performance.now();
    expect(table.all().length).toBeGreaterThan(result.messages.length * 2);
    expect(performance.now() - t1).toBeLessThan(1000);
  });

  test('stale fixes are refused', () => {
    expect(fixRefusal(3, 3, 3)).toBeUndefined();
    expect(fixRefusal(3, 3, 4)).toBe('stale');
    expect(fixRefusal(3, 4, 4)).toBe('stale');
    expect(fixRefusal(3, undefined, 3)).toBe('missing');
  });

  test('offsetsTouch counts an empty range at the edge', () => {
    expect(offsetsTouch(5, 5, 5, 10)).toBe(true);
    expect(offsetsTouch(10, 10, 5, 10)).toBe(true);
    expect(offsetsTouch(11, 12, 5, 10)).toBe(false);
  });
});

describe('hover', () => {
  test('why, the question, and the suggestions with previews', () => {
    const m = analyze(EN).messages.find((x) => x.ruleId === 'tech-value')!;
    const md = hoverMarkdown(m);
    expect(md).toContain(escapeMarkdown(m.note));
    expect(md).toContain('Who benefits');
    expect(md).toContain('Suggested rewrites');
    expect(md).toContain('Add business impact: user wait, conversion');
    expect(md).toContain('[Learn more about tech\\-value](https://github.com/bizlang/bizlang/blob/main/docs/rules.md#tech-value)');
    // The editor shows the reason just above the hover; it is not repeated.
    expect(md).not.toContain(m.reason);
    expect(previewRewrite(m, m.suggestions[0]!)).toBe(
      'We will reduce latency of the query service, cutting user-facing wait by [X]% and lifting conversion by [Y]% for [who].',
    );
  });

  test('how sure, in words: likely when the default sensitivity reports it, possible when only a looser one does; facts carry none', () => {
    const m = analyze(EN).messages.find((x) => x.ruleId === 'tech-value')!;
    expect(m.certainty).toBe('likely');
    expect(hoverMarkdown({ ...m, confidence: 0.99 })).toContain(`*${escapeMarkdown('Likely (99% confidence)')}*`);
    expect(hoverMarkdown({ ...m, confidence: 0.2, certainty: 'possible' })).toContain(`*${escapeMarkdown('Possible (20% confidence)')}*`);
    const placeholder = analyze('# Plan\n\nTickets drop by [X]%.\n').messages.find((x) => x.ruleId === 'unfilled-placeholder')!;
    expect(hoverMarkdown(placeholder)).not.toMatch(/confidence/);
  });

  test('document text cannot inject Markdown, HTML or links', () => {
    const m: Message = {
      ...analyze(EN).messages.find((x) => x.ruleId === 'tech-value')!,
      reason: 'x <img src=x onerror=alert(1)> [click](command:evil) **b**',
      note: '<script>alert(1)</script>',
    };
    const md = hoverMarkdown(m);
    expect(md).not.toMatch(/(^|[^\\])(<img|<script|\]\(command:)/);
    expect(escapeMarkdown('[a](b) <i> `c` *d*')).toBe('\\[a\\]\\(b\\) \\<i\\> \\`c\\` \\*d\\*');
  });
});

/** What the extension's config store decides for a document (globs compiled when the file is read). */
const isIgnored = (relativePath: string, globs: string[]) => isIgnoredPath(relativePath, compileGlobs(globs));

describe('config lookup and ignore', () => {
  test('search goes from the document folder up to the workspace folder, nearest first', () => {
    expect(configSearchDirs('/ws/docs/design/a.md', '/ws')).toEqual(['/ws/docs/design', '/ws/docs', '/ws']);
    expect(configSearchDirs('/ws/a.md', '/ws/')).toEqual(['/ws']);
    expect(configSearchDirs('/elsewhere/a.md', '/ws')).toEqual([]);
    expect(configSearchDirs('/wsx/a.md', '/ws')).toEqual([]);
    expect(configSearchDirs('/a.md', '/')).toEqual(['/']);
    expect(configSearchDirs('/ws/a.md', undefined)).toEqual([]);
  });

  test('ignore globs are relative to the config folder; a matched folder ignores what is under it', () => {
    expect(isIgnored('drafts/a.md', ['drafts'])).toBe(true);
    expect(isIgnored('docs/drafts/a.md', ['drafts'])).toBe(false);
    expect(isIgnored('docs/drafts/a.md', ['**/drafts'])).toBe(true);
    expect(isIgnored('CHANGELOG.md', ['CHANGELOG.md'])).toBe(true);
    expect(isIgnored('docs/archive/old.md', ['docs/archive/**'])).toBe(true);
    expect(isIgnored('docs/archive/old.md', ['./docs/archive/'])).toBe(true);
    expect(isIgnored('docs/a.md', ['*.md'])).toBe(false);
    expect(isIgnored('a.md', ['*.md'])).toBe(true);
    expect(isIgnored('docs/a.md', ['docs/*.{md,markdown}'])).toBe(true);
    expect(isIgnored('docs/a.md', [])).toBe(false);
    expect(isIgnored('abc.md', ['a?c.md'])).toBe(true);
    expect(isIgnored('acd.md', ['a[bc]d.md'])).toBe(true);
  });

  test('a hostile glob from the workspace cannot hang the extension host', () => {
    // Compiled to a regular expression, this backtracks for minutes on a 40-character name (the
    // test's time limit is the guard).
    expect(isIgnored(`${'a'.repeat(40)}/x.md`, [`${'*a'.repeat(30)}b`])).toBe(false);
    expect(isIgnored('x.md', ['[z-a].md', '{a,b'])).toBe(false); // invalid globs are left out, no throw
  });

  test('relativeTo', () => {
    expect(relativeTo('/ws', '/ws/docs/a.md')).toBe('docs/a.md');
    expect(relativeTo('/ws/', '/ws/a.md')).toBe('a.md');
    expect(relativeTo('/ws', '/other/a.md')).toBeUndefined();
    expect(relativeTo('/', '/a/b.md')).toBe('a/b.md');
  });
});
