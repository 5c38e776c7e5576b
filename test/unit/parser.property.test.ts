// The parser gives remark's tree for every text, whether or not it takes the processor without GFM's literal-link search.
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../src/core/draft/parser';

const remark = unified().use(remarkParse).use(remarkGfm);
// GFM without the search of text nodes for literal links: where its tree differs from remark's, the search mattered.
const dropSearch = (e: unknown): unknown => (Array.isArray(e) ? e.map(dropSearch) : { ...(e as object), transforms: [] });
const noSearch = unified().use(remarkParse).use(remarkGfm).use(function (this: Processor) {
  const d = this.data() as { fromMarkdownExtensions?: unknown[] };
  d.fromMarkdownExtensions = (d.fromMarkdownExtensions ?? []).map(dropSearch);
});
// Words, and every shape a literal link can take or almost take: addresses, www., schemes, the @ of a comment mark,
// character references and escapes that spell an @, a dot or a slash, in either case.
const piece = fc.constantFrom(
  'The', 'experts', 'noted', 'article 5', 'x.', '犯罪', 'جريمة', '\u00a0', '*a*', '`c`', '[a](b)', '<b>',
  'a@b.org', 'A.B+c@d-e.co.uk', '@', ' @x', '{>>@abcd1234<<}', '{==here==}{>>@abcd1234<<}', 'mailto:a@b.org', 'xmpp:a@b.org/r',
  // Forms only the search finds (micromark's own reading of literal links stops at a quote, a dash, an underscore):
  '"www.x.org', '"WWW.X.ORG', '-www.x.org', '_a@b.org_', '_mailto:a@b.org_', '[http://x.y', '[HTTPS://X.Y',
  'www.example.org', 'WWW.EXAMPLE.ORG', 'www', 'http://x.y/z', 'HTTPS://X.Y', 'ftp://x', '://', 'http:/', 'x.org',
  'a&#64;b.org', 'a&commat;b.org', 'www&period;x.org', 'http:&#47;&#47;x.y', 'a\\@b.org', 'www\\.x.org', '&amp;', '\\',
  '\n', '\n\n', '- ', '| a | b |\n|---|---|\n| c@d.org | www.e.org |', '[^1]\n\n[^1]: a@b.org',
);
// Short texts, so that one shape alone often decides which processor is taken.
const text = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(' '));

describe('the Markdown parser', () => {
  it('gives exactly the tree remark with GFM gives, literal links or not', () => {
    const parser = createMarkdownParser();
    let searched = 0;
    fc.assert(fc.property(text, (t) => {
      const tree = remark.parse(t);
      expect(parser.parse(t)).toEqual(tree);
      if (JSON.stringify(noSearch.parse(t)) !== JSON.stringify(tree)) searched++;
    }), { numRuns: 3000 });
    // Not vacuous: many texts hold literal links only the search finds (escaped, spelled with references, addresses).
    expect(searched).toBeGreaterThan(200);
  });
});
