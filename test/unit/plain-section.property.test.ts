// The parser's shortcut for sections of plain prose builds the very tree remark builds, and is taken for plain prose.
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseSection, plainSection } from '../../src/core/draft/sectionTree';
import { createMarkdownParser } from '../../src/core/draft/parser';

const remark = unified().use(remarkParse).use(remarkGfm);
// Mostly prose, so the shortcut is often taken; now and then a piece of Markdown syntax, so it is often refused.
const prose = fc.constantFrom('The', 'experts', 'noted', 'article', '5', '2017.', '1.', '犯罪', '集团', 'جريمة', 'преступление', '😀', '{#untoc-5}', '{.gaps}', '\u00a0');
const syntax = fc.constantFrom('*', '_x_', '`c`', '[a]', '<b>', '&amp;', 'www.x.org', 'a@b.org', '~~s~~', '|', '#', '-', '+', '>', '=', '\\', '\t', '!', '^', '  ', ' ', '\r');
const word = fc.oneof({ arbitrary: prose, weight: 12 }, { arbitrary: syntax, weight: 1 });
// Now and then a line ends in spaces: one or more end it softly, two or more before another line make a hard break.
const line = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('', '', '', '', ' ', '  ', '   '))
  .map(([w, trailing]) => w.join(' ') + trailing);
const section = fc.record({
  heading: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), line), { nil: undefined }),
  blocks: fc.array(fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')), { maxLength: 4 }),
  // A line of spaces is a blank line (a broken merge's conflict lines are read as such).
  gap: fc.constantFrom('\n\n', '\n\n\n', '\n   \n', '\n \n\n', '\n       \n  \n'),
  end: fc.constantFrom('', '\n', '\n\n'),
}).map(({ heading, blocks, gap, end }) => [...(heading ? [`${'#'.repeat(heading[0])} ${heading[1]}`] : []), ...blocks].join(gap) + end);

describe('plain sections without the parser', () => {
  it('give exactly the tree remark gives, whenever the shortcut is taken', () => {
    let taken = 0;
    fc.assert(fc.property(section, (text) => {
      const fast = plainSection(text);
      if (!fast) return;
      taken++;
      expect(fast).toEqual(remark.parse(text));
    }), { numRuns: Number(process.env.PLAIN_RUNS ?? 2000) });
    // The property is not vacuous: plain prose takes the shortcut often.
    expect(taken).toBeGreaterThan(300);
  });

  it('are taken for a heading with its attributes and paragraphs of prose in any script, and not for Markdown syntax', () => {
    const prose = '### Article 5. Criminalization {#untoc-5}\n\nArcadia criminalizes participation.\nThe 2009 Code applies.\n\n审议专家注意到。\n';
    expect(plainSection(prose)).toEqual(remark.parse(prose));
    // Lines ending in spaces: a hard break before the next line, a soft one, the paragraph's last line trimmed.
    const breaks = '#### Part {.gaps}\n\nfirst line  \nsecond line \nthird line   \nlast line  \n\nnext paragraph\n';
    expect(plainSection(breaks)).toEqual(remark.parse(breaks));
    expect(JSON.stringify(plainSection(breaks))).toContain('"break"');
    for (const syntax of ['*a*', '`a`', '[a](b)', '- item', '1. item', '> quote', 'a\n===', 'www.un.org', '<!-- x -->', '| a |', 'a\r\nb', '    code'])
      expect(plainSection(`#### Part {.gaps}\n\n${syntax}\n`), syntax).toBeNull();
  });
});

describe('a long section parsed with its paragraphs of prose masked', () => {
  // Blocks of every kind around and inside which plain prose stands: it continues a quote or a list item lazily, sits
  // in a fence or an HTML block (after a blank line too), between the delimiters of emphasis, a code span, a link.
  const block = fc.constantFrom('> a quote\nand its lazy line', '- an item\ncontinued lazily\n- another', '```\ncode with  two spaces\nand more\n```', '<div>\nhtml block line\n</div>',
    '**bold\nplain words here\nend**', '`code\nspans lines\nhere`', '[link\ntext on lines\nhere](https://e.org "a\ntitle over lines\nhere")', 'a setext\nheading line\n===', '| a | b |\n|---|---|\n| one two | three |',
    '1. first\n   indented continuation\nlazy words', '<!--\nhidden words\n-->', '[^1]: a note\nwith words', 'a line with trailing spaces  \nnext words', 'words  with  double  spaces', 'the last line ends in spaces  ', 'one space \nat a line end', 'two lines\nthe last with a space ',
    '```\ncode\n\nplain words inside a fence\n\nmore\n```', '<!--\n\nhidden words\n\n-->', '<pre>\n\nwords in pre\n\n</pre>', '- item\n\n  indented words\n\nnot indented words', '> quote\n\nafter the quote');
  it('is taken for a short section too, unless a fence or an HTML block could hold its prose', () => {
    const real = createMarkdownParser();
    const given: string[] = [];
    const spy = { parse: (t: string) => { given.push(t); return real.parse(t); } };
    const prose = 'The reviewing experts noted the *law*.\n\nplain words of a paragraph\nand its second line\n';
    expect(parseSection(prose, spy)).toEqual(remark.parse(prose));
    expect(given).toEqual(['The reviewing experts noted the *law*.\n\nx\nx\n']);
    given.length = 0;
    const fenced = `${prose}\n\`\`\`\ncode\n\`\`\`\n`;
    expect(parseSection(fenced, spy)).toEqual(remark.parse(fenced));
    expect(given).toEqual([fenced]);
    // A paragraph carrying a comment and its thread line is prose too ("<", "@" and "|" are text there).
    given.length = 0;
    const commented = 'Text {==here==}{>>@abcd1234<<}.\n{>>@abcd1234 | A (B) | 2026-11-23T10:00:00Z | Why?<<}\n\nSee *this*.\n';
    expect(parseSection(commented, spy)).toEqual(remark.parse(commented));
    expect(given).toEqual(['x\nx\n\nSee *this*.\n']);
  });

  // Paragraphs carrying comment marks and thread lines, whose "<", "@" and "|" the masking takes for text: next to
  // addresses, tags, autolinks, tables (with and without a delimiter row) and the marks' neighbours.
  const markWord = fc.constantFrom('{==', '==}', '{++', '++}', '{--', '--}', '{>>@abcd1234<<}', '{>>note<<}', '<<}', '{>>@', '@abcd', '>@x', ' @ ', 'a@b.org', 'x.y@z',
    '<b>', '</i>', '<!--', '<?x', '<https://e.org>', '<a@b.c>', '< 3', '<3', '<<', '|', ' | ', 'a|b', 'mailto:a@b.c', 'www.e.org', '(1)', '2026-11-23T10:00:00Z');
  const markLine = fc.array(fc.oneof({ arbitrary: prose, weight: 3 }, { arbitrary: markWord, weight: 2 }, { arbitrary: syntax, weight: 1 }), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
  const threadLine = fc.tuple(fc.constantFrom('abcd1234', 'abcd1234.r1'), fc.constantFrom('A (B)', 'Ana Pérez (Borealia)', 'x@y.org (C)'), markLine)
    .map(([id, who, body]) => `{>>@${id} | ${who} | 2026-11-23T10:00:00Z | ${body}<<}`);
  const marked = fc.array(fc.oneof(markLine, threadLine, fc.constantFrom('a | b', '| a | b |', ':-- | --', '|---|---|', '--|--', 'one | two\n--- | ---')), { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
  const long = fc.array(fc.oneof(section, block, marked), { minLength: 1, maxLength: 6 }).map((b) => b.join('\n\n'));
  it('gives exactly the tree remark gives', () => {
    const parser = createMarkdownParser();
    fc.assert(fc.property(long, (text) => {
      // Every section is "long" here (threshold 0), so its prose is always masked; by default, where no fence or
      // HTML block stands.
      const tree = remark.parse(text);
      expect(parseSection(text, parser, 0)).toEqual(tree);
      expect(parseSection(text, parser)).toEqual(tree);
    }), { numRuns: Number(process.env.PLAIN_RUNS ?? 1000) });
  });
});

