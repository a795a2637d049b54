// fast-check generators for the property tests:
// - `markdownDoc`: Markdown assembled from a grammar — front matter, headings (ATX and setext),
//   nested lists and block quotes, tables, code fences (closed or not), indented code, HTML blocks
//   and inline HTML, inline comments and bizlang directives, links, images, autolinks, inline
//   code, emphasis, entities, escapes — around English, Chinese and mixed prose that contains real
//   claims (so the rules fire), placeholders, emoji and hostile characters; then BOM, CRLF/CR
//   line endings and tabs applied to the whole.
// - `benchMutation`: real documents from ../shared/bench with random insertions, deletions,
//   duplications and splices from other documents.
// - `edits`: edit scripts for the incremental-analysis property.
import fc from 'fast-check';

// --- prose -------------------------------------------------------------------------------------

/** English sentences, most of them claims of the kinds the rules judge. */
export const EN_SENTENCES = [
  'We unified permission management across services.',
  'This change improves API server performance and stability.',
  'The platform reduces operational cost.',
  'We migrated the scheduler to the new cache and reduced p99 latency.',
  'The new controller makes the system more reliable and easier to maintain.',
  'Onboarding time for new teams drops by [X]% this quarter.',
  'Support tickets fell from [N] to [M] per week after the rollout.',
  'Release frequency went from every two weeks to every day.',
  'This saves the business about $40,000 a year in cloud spend.',
  'Developers wait 30 minutes less for each build, so product teams ship features faster.',
  'The kubelet watches pods and reports their status.',
  'If the cache is stale, the client retries.',
  'Why does the API server need more memory?',
  'Who benefits: the payments team.',
  'Key pain point: manual permission tickets.',
  "Today's loss: [X] hours per month.",
  'How the platform improves it: one permission model.',
  'Business-level gain: [X]% lower cost.',
  'See the design doc for details.',
  'Reduce latency.',
  'We built a new CI pipeline.',
  'The team shipped v1.2.3 in 2024.',
];

/** Chinese sentences, most of them claims. */
export const ZH_SENTENCES = [
  '我们统一了资源和权限模型。',
  '该平台可以降低运维成本。',
  '本次改造提升了查询性能和系统稳定性。',
  '新业务线接入时间从 [N] 天缩短到 [M] 天。',
  '权限工单减少 [X]%，每月节省 [N] 人天。',
  '我们基于 Kubernetes 构建了统一的调度平台。',
  '延迟降低了 30%。',
  '如果缓存失效，客户端会重试。',
  '为什么需要新的索引？',
  '业务方是谁：支付团队。',
  '关键痛点：权限申请要等三天。',
  '现状损失：每月 [X] 小时。',
  '平台如何改善：统一的权限模型。',
  '商业级收益：成本降低 [X]%。',
  '详见设计文档。',
  '从 5 分钟缩短到 30 秒。',
  '一二三四五六七八九十百千万',
];

/** Mixed-language sentences. */
export const MIXED_SENTENCES = [
  '我们把 API server 的 QPS 提升了 3 倍。',
  'The 权限 service now supports RBAC.',
  '通过 `etcd` 的 watch cache 降低了 latency。',
  'We improved 性能 and 稳定性.',
];

/** Hostile or unusual characters: emoji (with ZWJ and flags), NUL, controls, lone surrogates, BOM, U+FFFD, bidi. */
export const ODD_CHARS = ['😀', '👩‍💻', '🇨🇳', '\0', '\u0001', '\u001b', '\u007f', '\uD800', '\uDC00', '\uFEFF', '\uFFFD', '\u200B', '\u202E', '\u00A0', '\u3000', '\u2028', '\u0085', '\t', '\\', '&amp;', '&#x1F600;', '&bogus;'];

const word = fc.constantFrom('latency', 'cost', 'team', 'API', 'kubelet', '性能', '成本', 'p99', 'TECHTERM', 'x', 'the', 'and', '[X]', '[N] days', '[团队]', '30%', '2x', '$5', 'v1.2', 'e.g.', 'U.S.');

/** A plain sentence: a real claim, or a word salad, optionally with odd characters mixed in. */
export const sentence: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EN_SENTENCES) },
  { weight: 4, arbitrary: fc.constantFrom(...ZH_SENTENCES) },
  { weight: 2, arbitrary: fc.constantFrom(...MIXED_SENTENCES) },
  { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...EN_SENTENCES, ...ZH_SENTENCES), fc.nat(), fc.constantFrom(...ODD_CHARS))
      .map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

// --- inline ------------------------------------------------------------------------------------

const url = fc.constantFrom('https://example.com/a', 'http://x.y/z?q=1#f', 'mailto:a@b.c', './doc.md', '#anchor', '<https://x>', '');
const DIRECTIVES = [
  '<!-- bizlang-disable-next-line tech-value -->',
  '<!-- bizlang-disable-line -->',
  '<!-- bizlang-disable-line unquantified-impact, tech-value -->',
  '<!-- bizlang-disable tech-value -->',
  '<!-- bizlang-enable tech-value -->',
  '<!-- bizlang-disable -->',
  '<!-- bizlang-enable -->',
  '<!-- bizlang-disable-next-line unknown-rule -->',
  '<!--bizlang-disable-next-line-->',
  '<!-- a plain comment -->',
  '<!-- unclosed comment',
];
export const directive = fc.constantFrom(...DIRECTIVES);

/** Inline content: prose with emphasis, code, links, images, HTML, comments. */
export const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: sentence },
      { weight: 1, arbitrary: sentence.map((s) => `*${s}*`) },
      { weight: 1, arbitrary: sentence.map((s) => `**${s}**`) },
      { weight: 1, arbitrary: sentence.map((s) => `_${s}_ ~~${s}~~`) },
      { weight: 1, arbitrary: fc.constantFrom('`kubectl apply`', '``a ` b``', '`unclosed', '`缓存`') },
      { weight: 1, arbitrary: fc.tuple(sentence, url).map(([s, u]) => `[${s}](${u})`) },
      { weight: 1, arbitrary: fc.tuple(sentence, url).map(([s, u]) => `![${s}](${u})`) },
      { weight: 1, arbitrary: fc.constantFrom('<https://example.com>', 'https://example.com/x', 'www.example.com', 'a@b.co', '[ref][1]', '[^1]', '[X]', '[ ]') },
      { weight: 1, arbitrary: fc.constantFrom('<b>bold</b>', '<span class="x">', '</span>', '<br>', '<a href="x">', '<img src=x>') },
      { weight: 1, arbitrary: directive },
      { weight: 1, arbitrary: fc.constantFrom('\\*', '&amp;', '&#12345;', '&copy;', '\\', '  \n', '\\\n') },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(' '));

// --- blocks ------------------------------------------------------------------------------------

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: inline },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline, fc.boolean()).map(([d, t, closed]) => `${'#'.repeat(d)} ${t}${closed ? ` ${'#'.repeat(d)}` : ''}`) },
  { weight: 1, arbitrary: fc.tuple(inline, fc.constantFrom('===', '---', '-')).map(([t, u]) => `${t}\n${u}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 4 }), fc.boolean())
      .map(([cols, rows, delim]) => {
        const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\n/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`;
        const head = row(Array.from({ length: cols }, (_, i) => `h${i}`));
        const sep = delim ? `|${' --- |'.repeat(cols)}` : `|${':---:|'.repeat(cols)}`;
        return [head, sep, ...rows.map(row)].join('\n');
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('```', '~~~', '````', '```go', '``` js'), fc.array(sentence, { maxLength: 3 }), fc.boolean())
      .map(([f, body, closed]) => `${f}\n${body.join('\n')}${closed ? `\n${f.slice(0, f.search(/[^`~]|$/))}` : ''}`),
  },
  { weight: 1, arbitrary: sentence.map((s) => `    ${s}\n    more code`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<div>\n\nWe unified permission management across services.\n\n</div>',
      '<script>\nvar x = "We improved latency";\n\n</script>',
      '<!--\nWe improved performance.\n\n-->',
      '<?php echo 1; ?>',
      '<!DOCTYPE html>',
      '<![CDATA[ We improved latency ]]>',
      '<pre>\n\nWe reduced cost.\n</pre>',
      '<details><summary>x</summary>\n\n我们统一了权限模型。\n\n</details>',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '- - -') },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: fc.constantFrom('[1]: https://example.com "Title"', '[^1]: A footnote that improves latency.', '- [ ] task: reduce cost', '- [x] done') },
);

/** Blocks, nested through lists and block quotes (fc.letrec; depth bounded by fast-check's depth size). */
export const block: fc.Arbitrary<string> = fc.letrec<{ block: string; list: string; quote: string }>((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('quote')),
  list: fc
    .tuple(
      fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. '),
      fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([marker, items, loose]) =>
      items
        .map((blocks) => prefixLines(blocks.join(loose ? '\n\n' : '\n'), marker, ' '.repeat(marker.length)))
        .join(loose ? '\n\n' : '\n'),
    ),
  quote: fc
    .tuple(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), fc.boolean())
    .map(([blocks, lazy]) => prefixLines(blocks.join('\n\n'), '> ', lazy ? '' : '> ')),
}))
  .block;

const frontMatter = fc.constantFrom(
  '---\ntitle: We improved latency\ntags: [a, b]\n---\n',
  '---\ntitle: unclosed front matter\n',
  '+++\ntitle = "toml"\n+++\n',
  '---\n---\n',
  '---\ntitle: x\n...\n',
);

const separator = fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n', '\n\t\n');

/** Whole-document transforms: line endings, tabs for indentation, BOM. */
export interface Layout {
  bom: boolean;
  eol: 'lf' | 'crlf' | 'cr' | 'mixed';
  tabs: boolean;
  trailingNewline: boolean;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('lf', 'lf', 'crlf', 'cr', 'mixed'),
  tabs: fc.boolean(),
  trailingNewline: fc.boolean(),
});

export function applyLayout(text: string, l: Layout): string {
  let t = text;
  if (l.tabs) t = t.replace(/^( {4})+/gm, (m) => '\t'.repeat(m.length / 4)).replace(/^ {2}/gm, ' \t');
  if (l.trailingNewline && !t.endsWith('\n')) t += '\n';
  if (l.eol === 'crlf') t = t.replace(/\n/g, '\r\n');
  else if (l.eol === 'cr') t = t.replace(/\n/g, '\r');
  else if (l.eol === 'mixed') {
    let i = 0;
    t = t.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]!);
  }
  return (l.bom ? '\uFEFF' : '') + t;
}

/** A whole Markdown document from the grammar. */
export const markdownDoc: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { freq: 4 }),
    fc.array(fc.tuple(block, separator), { minLength: 0, maxLength: 8 }),
    layout,
  )
  .map(([fm, blocks, l]) => applyLayout((fm ?? '') + blocks.map(([b, sep]) => b + sep).join(''), l));

// --- mutations of real documents ----------------------------------------------------------------

/** One edit: at a position (fraction of the length), delete some characters, insert some text. */
export interface Edit {
  kind: 'insert' | 'delete' | 'duplicate' | 'splice' | 'replace';
  /** Position as a fraction of the document length, in [0, 1). */
  at: number;
  /** Characters deleted (delete, replace) or copied (duplicate, splice). */
  length: number;
  /** Inserted text (insert, replace); for splice, the source document index and a fraction. */
  text: string;
  source: number;
  from: number;
}

/** Fragments likely to change the block structure or the judgment of a sentence. */
export const FRAGMENTS = [
  '', 'x', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '    ', '# ', '## ', '- ', '* ', '1. ', '> ', '>', '|', '| a | b |\n|---|---|\n',
  '```', '```\n', '~~~\n', '`', '<!--', '-->', '<div>', '</div>', '<script>', '---\n', '***', '[', ']', '(', ')', '](', '*', '**', '_', '\\',
  '&amp;', '&#', ' improved performance.', ' reduced cost.', '。我们统一了权限', '降低了延迟。', '[X]%', '[N] days', '：', ': ',
  '<!-- bizlang-disable-next-line tech-value -->\n', '<!-- bizlang-disable -->', '<!-- bizlang-enable -->', '<!-- bizlang-disable-line -->',
  '\uFEFF', '\0', '\uD800', '\uDC00', '😀', '\u2028', '我们统一了资源和权限模型。', 'We unified permission management across services. ',
];

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: sentence },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'duplicate', 'splice', 'replace'),
  at: fraction,
  length: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 40 }), fc.nat({ max: 2000 })),
  text: fragment,
  source: fc.nat(),
  from: fraction,
});

/** Documents by index, read on demand (the bench corpus is ~40 MB over ~1,900 files). */
export interface Corpus {
  readonly count: number;
  get(i: number): string;
}

/** Applies an edit to `text`; a splice copies from another document of the corpus. */
export function applyMutation(text: string, e: Edit, corpus?: Corpus): string {
  const at = Math.floor(e.at * (text.length + 1));
  const end = Math.min(text.length, at + e.length);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'splice': {
      const other = corpus && corpus.count ? corpus.get(e.source % corpus.count) : text;
      const from = Math.floor(e.from * other.length);
      return text.slice(0, at) + other.slice(from, from + e.length) + text.slice(at);
    }
  }
}

/** A window of a document starting at a line start: keeps cases small and fast. */
export function windowOf(doc: string, from: number, size: number): string {
  if (doc.length <= size) return doc;
  let start = Math.floor(from * (doc.length - size));
  const nl = doc.lastIndexOf('\n', start);
  start = nl < 0 ? 0 : nl + 1;
  return doc.slice(start, start + size);
}

/** A real document (a window of it), mutated by 1–8 random edits. */
export function benchMutation(corpus: Corpus, windowSize = 12_000): fc.Arbitrary<{ doc: number; text: string; edits: Edit[] }> {
  return fc
    .tuple(fc.nat({ max: corpus.count - 1 }), fraction, fc.array(edit, { minLength: 1, maxLength: 8 }))
    .map(([i, from, edits]) => {
      let text = windowOf(corpus.get(i), from, windowSize);
      for (const e of edits) text = applyMutation(text, e, corpus);
      return { doc: i, text, edits };
    });
}

/** A starting document for the incremental property: from the grammar, or a real one. */
export function startingDoc(corpus: Corpus | undefined, windowSize = 12_000): fc.Arbitrary<string> {
  return corpus && corpus.count
    ? fc.oneof(markdownDoc, fc.tuple(fc.nat({ max: corpus.count - 1 }), fraction).map(([i, from]) => windowOf(corpus.get(i), from, windowSize)))
    : markdownDoc;
}
