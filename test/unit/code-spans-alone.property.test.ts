// The references' code spans found without the parser agree with the parser's tree wherever they are used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../src/core/draft/parser';
import { codeSpansAlone, opaqueRanges } from '../../src/core/refs/extract';
import { createAnalysisEnv } from '../../src/core/draft/sectionCache';
import { chunkReferences } from '../../src/core/refs/extract';

// Pieces of sections: backtick runs, references, line breaks and blank lines mostly, and now and then a container marker
// or a character that makes something other than a code span (HTML, links, tables, escapes, fences, indented code).
const COMMON = ['`', '``', 'x', 'art. 5', ' article 6 ', ' ', '\n', '\n\n'];
const RARE = ['```', '- ', '> ', '1. ', '    ', '\t', '|', '\n| x | y |\n| - | - |\n', '\n| x | y |\n| - | - |\n| `art. 5 | ', '\\', '<b>', '{>>@a1<<}', '](u)', '[d]: u', '[', ']', '# ', '*',
  '~~~', '&#96;', 'www.un.org '];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...COMMON), weight: 10 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 });
const section = fc.array(piece, { maxLength: 30 }).map((p) => `### Gaps {.gaps}\n\n${p.join('')}\n`);

describe('code spans without the parser', () => {
  const parser = createMarkdownParser();
  it('where they are given, are the parser\'s inline code and nothing else is opaque', () => {
    let given = 0;
    fc.assert(fc.property(section, (text) => {
      const alone = codeSpansAlone(text);
      if (!alone) return;
      given++;
      expect(alone).toEqual(opaqueRanges(parser.parse(text)).filter((r) => r.end > r.start));
    }), { numRuns: Number(process.env.RUNS ?? 3000) });
    // The generator reaches the fast path often enough for the comparison to mean something.
    expect(given).toBeGreaterThan(500);
  });
  it('a paragraph of 20,000 code spans, a reference beside each, is read without the parser', () => {
    const text = `### Gaps {.gaps}\n\n${'`article 5` and art. 6 '.repeat(20_000)}\n`;
    const refs = chunkReferences(text, () => { throw new Error('parsed'); }, false, createAnalysisEnv().cache);
    expect(refs.length).toBe(20_000);
    expect(refs.every((r) => text.slice(r.start, r.end) === 'art. 6')).toBe(true);
  });
});
