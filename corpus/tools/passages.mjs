#!/usr/bin/env node
// Splits a Markdown file into the sentences a labeler sees, in document order, each with the
// heading it sits under: one JSON object per line {n, section, kind, text}.
//
//   node corpus/tools/passages.mjs FILE.md        (or "-" for stdin)
//
// kind: "p" paragraph, "li" list item, "q" block quote, "td" table cell. Code, HTML and front
// matter are skipped; inline Markdown is reduced to its text (links keep their text).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

const han = /[\u4e00-\u9fff]/;
const seg = { en: new Intl.Segmenter('en', { granularity: 'sentence' }), zh: new Intl.Segmenter('zh', { granularity: 'sentence' }) };

/** The sentences of a Markdown text in order: {n, section, kind, text}. */
export function passages(source) {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(source);
  const plain = (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value;
    if (node.type === 'break') return ' ';
    if (node.type === 'html' || node.type === 'image' || node.type === 'footnoteReference') return '';
    return (node.children ?? []).map(plain).join('');
  };
  const out = [];
  let section = '';
  const emit = (text, kind) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return;
    const s = han.test(t) ? seg.zh : seg.en;
    for (const { segment } of s.segment(t)) {
      const sentence = segment.trim();
      if (/[\p{L}\p{N}]/u.test(sentence)) out.push({ n: out.length + 1, section, kind, text: sentence });
    }
  };
  const walk = (node, kind) => {
    switch (node.type) {
      case 'heading':
        section = plain(node).trim();
        return;
      case 'code': case 'html': case 'yaml': case 'toml': case 'thematicBreak': case 'definition':
        return;
      case 'paragraph':
        emit(plain(node), kind);
        return;
      case 'listItem':
        for (const c of node.children) walk(c, 'li');
        return;
      case 'blockquote':
        for (const c of node.children) walk(c, 'q');
        return;
      case 'tableCell':
        emit(plain(node), 'td');
        return;
      default:
        for (const c of node.children ?? []) walk(c, kind);
    }
  };
  walk(tree, 'p');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: passages.mjs FILE.md | -');
    process.exit(2);
  }
  for (const p of passages(readFileSync(file === '-' ? 0 : file, 'utf8'))) console.log(JSON.stringify(p));
}
