// The linear code-span and fence finder agrees with remark (CommonMark) and stays linear on hostile runs of backticks.
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { codeSpans, fencedBlocks, htmlComments, withoutHtmlComments } from '../../src/core/text/code';

const parse = (s: string) => unified().use(remarkParse).parse(s) as Root;
function inlineCode(tree: Root): [number, number][] {
  const out: [number, number][] = [];
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'inlineCode') out.push([n.position!.start.offset!, n.position!.end.offset!]);
    if ('children' in n) stack.push(...n.children);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

describe('code in Markdown text', () => {
  it('code spans on a line are those remark finds', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('`', '``', '```', 'a', ' ', 'b c'), { minLength: 1, maxLength: 14 }), (parts) => {
      const line = 'x ' + parts.join('') + ' y';
      expect(codeSpans(line, 'line')).toEqual(inlineCode(parse(line)));
    }), { numRuns: 500 });
  });
  it('a paragraph span may cross a line break, never a blank line', () => {
    expect(codeSpans('a `b\nc` d', 'paragraph')).toEqual([[2, 7]]);
    expect(codeSpans('a `b\nc` d', 'line')).toEqual([]);
    expect(codeSpans('a `b\n\nc` d', 'paragraph')).toEqual([]);
  });
  it('fenced blocks, closed or running to the end, and a backtick fence whose info holds a backtick is text', () => {
    expect(fencedBlocks('a\n```js\ncode\n```\nb\n~~~\nx\n')).toEqual([[2, 16], [19, 25]]);
    expect(fencedBlocks('``` a`b\ntext\n')).toEqual([]);
  });
  it('HTML comments are what <!--[\\s\\S]*?--> reads: from an opener to the first closer after it', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('<!--', '-->', '<!---->', 'a', ' ', '-', '<', '!', '>', '\n'), { maxLength: 12 }).map((p) => p.join('')), (s) => {
      expect(htmlComments(s)).toEqual([...s.matchAll(/<!--[\s\S]*?-->/g)].map((m) => [m.index!, m.index! + m[0].length]));
      expect(withoutHtmlComments(s, ' ')).toBe(s.replace(/<!--[\s\S]*?-->/g, ' '));
    }), { numRuns: 500, examples: [['<!--->'], ['<!-- a <!-- b --> c']] });
  });
  it('hostile runs are read in one pass: 20,000 backticks of every length, 10,000 unclosed "<!--"', () => {
    const runs = Array.from({ length: 2000 }, (_, i) => '`'.repeat(1 + (i % 13)) + 'x').join('');
    expect(codeSpans(runs, 'line').length).toBeGreaterThan(0);
    expect(withoutHtmlComments('<!--a '.repeat(10_000), '')).toHaveLength(60_000);
  });
});
