// The Markdown parser an analysis asks for section trees: remark with GitHub's extensions, or one a caller injects.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

export interface MarkdownParser { parse(text: string): Root }

/**
 * What GFM's literal links (`www.…`, `http://…`, `https://…`, an e-mail address, `mailto:`, `xmpp:`) need in a text
 * node: its value holds `www.`, `://`, or an `@` after a letter, digit, `_`, `+`, `-` or `.` (an address's; not the `@`
 * of a comment mark, `{>>@id<<}`). A text node's value is its source but for character references and backslash
 * escapes (`&#64;`, `\@`), so a text with none of these, and no `&` or `\`, can hold no literal link.
 */
const MAY_HOLD_LITERAL_LINK = /[\w+\-.]@|[&\\]|www\.|:\/\//i;

/** An mdast extension list with GFM's literal-link transform taken out (the only transform GFM's extensions have). */
type FromMarkdownExtension = { transforms?: unknown[] } | FromMarkdownExtension[];
const withoutTransforms = (e: FromMarkdownExtension): FromMarkdownExtension =>
  Array.isArray(e) ? e.map(withoutTransforms) : e.transforms ? { ...e, transforms: [] } : e;

/**
 * GitHub-flavoured Markdown: drafts use its tables, footnotes and strikethrough. Two processors, each built on first
 * use: a text that can hold no literal link is parsed without GFM's search of every text node for one (a walk of the
 * tree with four patterns: 7 % of a 1 MB draft's export, where most sections have no link); the tree is the same.
 */
export function createMarkdownParser(): MarkdownParser {
  let full: Processor<Root> | undefined, plain: Processor<Root> | undefined;
  const make = (literalLinks: boolean) => {
    const p = unified().use(remarkParse).use(remarkGfm);
    if (!literalLinks) p.use(function noLiteralLinkSearch(this: Processor) {
      const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[] };
      data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(withoutTransforms);
    });
    return p as unknown as Processor<Root>;
  };
  return {
    parse: (text) => (MAY_HOLD_LITERAL_LINK.test(text) ? (full ??= make(true)) : (plain ??= make(false))).parse(text) as Root,
  };
}
