// Parses one section of a draft with remark, caching trees by the section's text so unchanged sections are never re-parsed.
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextCache } from '../text/textCache';

// GitHub-flavoured Markdown: drafts use its tables, footnotes and strikethrough. Made on first parse, not at load.
let processor: ReturnType<typeof makeProcessor> | undefined;
const makeProcessor = () => unified().use(remarkParse).use(remarkGfm);
/** Bounded so a long editing session cannot grow it without limit. */
const cache = new TextCache<Root>(10_000);
let parses = 0;

/** The tree of a section's text, positions relative to the section's start. Shared: callers must not mutate it. */
export function parseSection(text: string): Root {
  const hit = cache.get(text);
  if (hit) return hit;
  parses++;
  // Most sections of a draft are a heading and paragraphs of plain prose: built directly, as remark would build them.
  const tree = plainSection(text) ?? (processor ??= makeProcessor()).parse(text) as Root;
  cache.set(text, tree);
  return tree;
}

/** A copy of a section's tree with positions made document-absolute (the section starts at `line`, `offset`). */
export function absoluteTree(tree: Root, line: number, offset: number): Root {
  const copy = structuredClone(tree);
  const shift = (n: Root | RootContent) => {
    const p = n.position;
    if (p) {
      p.start = { line: p.start.line + line, column: p.start.column, offset: (p.start.offset ?? 0) + offset };
      p.end = { line: p.end.line + line, column: p.end.column, offset: (p.end.offset ?? 0) + offset };
    }
    if ('children' in n) for (const c of n.children) shift(c as RootContent);
  };
  shift(copy);
  return copy;
}

/** How many real parses have run: lets tests prove that an edit re-parses only what changed. */
export function parseCount(): number { return parses; }

/** Characters (and sequences) that can start Markdown syntax inside a line, GFM's autolinks included. */
const INLINE_SYNTAX = /[`*_[\]<>!\\&~|$^\u0000-\u0009\u000b-\u001f\u007f]|www\.|:\/\/|@/i;
/** Line starts that make a block other than a paragraph, or end one (lists, quotes, headings, fences, breaks, tables). */
const BLOCK_START = /^(?:[ ]|[-+*>#=|<]|\d{1,9}[.)](?: |$)|`{3}|~{3})/;
const ATX = /^(#{1,6}) +(\S.*)$/;

/**
 * The tree remark gives a section made only of an ATX heading and paragraphs of plain text (no inline syntax, no
 * indentation, no trailing spaces, LF line breaks), built without the parser; null for anything else, which the
 * parser reads. A property test holds the two to the same trees.
 */
export function plainSection(text: string): Root | null {
  if (INLINE_SYNTAX.test(text)) return null;
  const children: RootContent[] = [];
  const point = (line: number, column: number, offset: number) => ({ line, column, offset });
  let line = 1, offset = 0;
  let para: { startLine: number; startOffset: number; endLine: number; endColumn: number; endOffset: number } | null = null;
  const close = () => {
    if (!para) return;
    const position = { start: point(para.startLine, 1, para.startOffset), end: point(para.endLine, para.endColumn, para.endOffset) };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: text.slice(para.startOffset, para.endOffset), position: structuredClone(position) }], position });
    para = null;
  };
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    const content = text.slice(offset, end);
    if (content === '') close();
    else {
      // Trailing spaces make hard breaks or are trimmed: left to the parser, like every other shape.
      if (content.endsWith(' ')) return null;
      const h = line === 1 ? ATX.exec(content) : null;
      if (h) {
        // A closing sequence of #s is not text: the parser knows how to drop it.
        if (/(?:^| )#+$/.test(h[2]!)) return null;
        const start = offset + h[1]!.length + (content.length - h[1]!.length - h[2]!.length);
        children.push({
          type: 'heading', depth: h[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
          children: [{ type: 'text', value: h[2]!, position: { start: point(line, start - offset + 1, start), end: point(line, content.length + 1, end) } }],
          position: { start: point(line, 1, offset), end: point(line, content.length + 1, end) },
        });
      } else {
        if (BLOCK_START.test(content)) return null;
        if (!para) para = { startLine: line, startOffset: offset, endLine: line, endColumn: content.length + 1, endOffset: end };
        else { para.endLine = line; para.endColumn = content.length + 1; para.endOffset = end; }
      }
    }
    if (nl < 0) break;
    offset = nl + 1;
    line++;
  }
  close();
  const lastNl = text.lastIndexOf('\n');
  return { type: 'root', children, position: { start: point(1, 1, 0), end: point(line, text.length - lastNl, text.length) } };
}
