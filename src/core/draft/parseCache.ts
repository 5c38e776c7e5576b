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
  const tree = (processor ??= makeProcessor()).parse(text) as Root;
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
