// Pathological inputs, generated at test time (nothing large is committed). Each family is a
// function of a size in UTF-16 code units, so the tests and scripts/reliability-report.mjs build
// exactly the same inputs: the tests check the invariants and linear growth (n vs 4n), the script
// prints the sizes and times documented in docs/reliability.md.
//
// Pure: no fs, no process. Deterministic: the same size always gives the same text.

/** A tiny deterministic PRNG (mulberry32), so "random" inputs are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Letters for counter i ("a", "b", … "ba"): distinct blocks without introducing numbers. */
export function tag(i: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/** Repeats `unit` to exactly `n` code units (may cut the last unit, even mid-pair). */
export function fill(unit: string, n: number): string {
  if (n <= 0) return '';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Builds text from a part generator until it reaches `n` code units. */
function grow(n: number, part: (i: number) => string, sep = ''): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const p = part(i) + sep;
    parts.push(p);
    len += p.length;
  }
  return parts.join('').slice(0, n);
}

const EN_CLAIMS = [
  'We unified permission management across services.',
  'This change improves API server performance and stability.',
  'The platform reduces operational cost.',
  'We migrated the scheduler to the new cache and reduced latency.',
  'Onboarding time for new teams drops by [X]% this quarter.',
  'Support tickets fell from [N] to [M] per week after the rollout.',
];
const ZH_CLAIMS = [
  '我们统一了资源和权限模型。',
  '该平台可以降低运维成本。',
  '本次改造提升了查询性能和系统稳定性。',
  '新业务线接入时间从 [N] 天缩短到 [M] 天。',
];

/** One section of a realistic design doc; `i` makes every section's text distinct. */
export function section(i: number): string {
  const t = tag(i);
  const en = EN_CLAIMS[i % EN_CLAIMS.length]!;
  const zh = ZH_CLAIMS[i % ZH_CLAIMS.length]!;
  const variants = [
    `## Section ${t}\n\nThe ${t} service ${en.charAt(0).toLowerCase()}${en.slice(1)} Teams in ${t} asked for it.\n`,
    `- Goal ${t}: ${en}\n- Non-goal: rewrite the ${t} client.\n  - nested ${t}: ${zh}\n`,
    `> Note on ${t}: ${en}\n> ${zh}\n`,
    `| Area | Claim ${t} |\n|---|---|\n| ${t} | ${en} |\n| 区域${t} | ${zh} |\n`,
    '```go\nfunc ' + t + '() { return nil }\n```\n',
    `### 设计 ${t}\n\n${zh}我们在 ${t} 集群上验证了方案。\n`,
    `Paragraph ${t} with \`inline_${t}()\`, a [link](https://example.com/${t}), *emphasis* and **strong** text. ${en}\n`,
    `<!-- bizlang-disable-next-line tech-value -->\n${en} (${t})\n`,
  ];
  return variants[i % variants.length]!;
}

/** The inputs, by family. `n` is the target size in code units. */
export const FAMILIES = {
  /** A realistic doc of distinct sections (every block differs, so no cache hit hides work). */
  largeDoc: (n: number) => grow(n, section, '\n'),
  /** Only white space: spaces, tabs, LF, CRLF, CR. */
  whitespace: (n: number) => fill(' \t\n  \r\n\t \r', n),
  /** One line of English prose with sentence ends. */
  lineEn: (n: number) => grow(n, (i) => `${EN_CLAIMS[i % EN_CLAIMS.length]!.slice(0, -1)} in zone ${tag(i)}. `),
  /** One line of Chinese prose with sentence ends. */
  lineZh: (n: number) => grow(n, (i) => `${ZH_CLAIMS[i % ZH_CLAIMS.length]!.slice(0, -1)}（${tag(i)}）。`),
  /** One line of prose with inline markup: emphasis, code spans, comments, escapes, entities. */
  lineInline: (n: number) => grow(n, (i) => `We improved *latency* of \`svc_${tag(i)}\` <!-- c --> \\* &amp; `),
  /** One line of words with no sentence end at all: one giant sentence. */
  lineNoStop: (n: number) => grow(n, (i) => `improved latency of ${tag(i)} `),
  /** List markers nested on one line: "- - - - … item". */
  deepList: (n: number) => `${fill('- ', n - 5)}item\n`,
  /** Ordered list markers nested on one line: "1. 1. 1. … item". */
  deepOrdered: (n: number) => `${fill('1. ', n - 5)}item\n`,
  /** Block quote markers nested on one line: "> > > … text". */
  deepQuote: (n: number) => `${fill('> ', n - 5)}text\n`,
  /** Lists and quotes alternating on one line. */
  deepMixed: (n: number) => `${fill('- > ', n - 5)}item\n`,
  /** A table of 10 columns (cells with prose). */
  tableTall: (n: number) => {
    const head = `| ${Array.from({ length: 10 }, (_, c) => `h${tag(c)}`).join(' | ')} |\n|${'---|'.repeat(10)}\n`;
    return head + grow(n - head.length, (r) => `| ${Array.from({ length: 10 }, (_, c) => ((r + c) % 7 === 0 ? 'We improved latency' : tag(r * 10 + c))).join(' | ')} |\n`);
  },
  /** A table one row high and as wide as the size allows. */
  tableWide: (n: number) => {
    const cols = Math.max(1, Math.floor(n / 12));
    return `|${' a |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n|${' b |'.repeat(cols)}\n`.slice(0, Math.max(n, 12));
  },
  /** NUL bytes only. */
  nul: (n: number) => '\0'.repeat(n),
  /** Bytes 0–255 at random, as a latin1 decoder would give them. */
  binary: (n: number) => {
    const r = prng(n);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
    return s;
  },
  /** Prose with control characters, NULs and U+FFFD (what invalid UTF-8 decodes to). */
  controlProse: (n: number) => grow(n, (i) => `We improved\0 latency\u0001 of ${tag(i)}\uFFFD\uFFFD.\u0007\u001b[0m\n`),
  /** Lone high and low surrogates in prose and at every position of a claim. */
  surrogates: (n: number) => grow(n, (i) => ['\uD800We unified permission management.\uDC00 ', '该平台\uDBFF可以降低运维成本。\uDFFF', '\uD83D', '\uDE00\uD83D\uDE00 ', `${tag(i)}\uDC00\n\n`][i % 5]!),
  /** Inline directive comments, one per line before a claim. */
  commentsNextLine: (n: number) => grow(n, (i) => `<!-- bizlang-disable-next-line tech-value -->\nWe improved latency of ${tag(i)}.\n`),
  /** disable/enable pairs around claims (many suppression ranges). */
  commentsRanges: (n: number) => grow(n, (i) => `<!-- bizlang-disable tech-value -->\n\nWe improved latency of ${tag(i)}.\n\n<!-- bizlang-enable tech-value -->\n\n`),
  /** Inline comments inside one paragraph. */
  commentsInline: (n: number) => grow(n, (i) => `We improved latency of ${tag(i)} <!-- bizlang-disable-line --> `),
  /** An HTML comment that never closes, full of directive openers (swallows the whole doc). */
  commentUnclosed: (n: number) => fill('<!-- bizlang-disable ', n),
  /** Emoji, CJK and ZWJ sequences. */
  emoji: (n: number) => grow(n, (i) => `We 🚀 improved 👩‍💻 latency ${tag(i)} 🇨🇳。性能提升😀。\n`),
  /** Front matter that never closes. */
  frontMatterUnclosed: (n: number) => `---\n${grow(n - 4, (i) => `key${tag(i)}: We improved latency\n`)}`,
  /** A code fence that never closes. */
  fenceUnclosed: (n: number) => `\`\`\`\n${grow(n - 4, (i) => `We improved latency ${tag(i)}\n\n`)}`,
} satisfies Record<string, (n: number) => string>;

export type Family = keyof typeof FAMILIES;

/** Full sizes named by the reliability issue. */
export const FULL_SIZES: Partial<Record<Family, number>> = {
  largeDoc: 5_000_000,
  lineEn: 1_000_000,
  lineZh: 1_000_000,
  lineInline: 1_000_000,
  deepList: 20_005, // 10,000 levels of "- "
  deepOrdered: 30_005, // 10,000 levels of "1. "
  deepQuote: 20_005, // 10,000 levels of "> "
  deepMixed: 40_005, // 20,000 levels
  tableTall: 925_000, // 10 columns × 10,000 rows
  tableWide: 600_000, // 50,000 columns × 2 rows
  commentsNextLine: 3_735_000, // 50,000 comments
  commentsRanges: 2_565_000, // 50,000 comments
  commentsInline: 2_880_000, // 50,000 comments
};
