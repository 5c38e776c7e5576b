// The Markdown parser an analysis asks for section trees: remark with GitHub's extensions, or one a caller injects.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownParser { parse(text: string): Root }

/** GitHub-flavoured Markdown: drafts use its tables, footnotes and strikethrough. The processor is built on first parse. */
export function createMarkdownParser(): MarkdownParser {
  let processor: ReturnType<typeof make> | undefined;
  const make = () => unified().use(remarkParse).use(remarkGfm);
  return { parse: (text) => (processor ??= make()).parse(text) as Root };
}
