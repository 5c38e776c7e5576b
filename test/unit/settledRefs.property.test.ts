// A long section's references settled paragraph by paragraph, and after an edit from its earlier text, are those of the whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../src/core/draft/parser';
import { chunkReferences } from '../../src/core/refs/extract';
import { SectionCache } from '../../src/core/draft/sectionCache';

// References in several languages, what stands between paragraphs and thread lines, mostly; now and then a line that
// makes a reference need the parser (code spans, HTML, links, a footnote definition), which sends the whole text to it.
const COMMON = [
  'article 5', 'paragraph 2 of\narticle 18 of the Convention', 'articles 5, 6 and 7', 'art. 6(1)(b) of the Convention', 'of the Protocol', 'the Criminal Code',
  "l'article 5", 'de la Convention', 'el artículo 6', 'статья 5', 'المادة 5', '第5条第1款', '《公约》', 'the', 'and', ', ', ' ', '\n', '\n\n', '\n\n', '\n  \n', '\n\n\n',
  '\n{>>@t1 | Ana (B) | 2026-11-23T09:00:00Z | see article 7<<}\n', '{==article 8==}{>>@t2<<}', 'The State reported progress. ', 'Les autorités ont indiqué que la loi. ',
];
const RARE = ['`article 9`', '<b>article 10</b>', '[article 11](https://x.org)', '\n[^n]: article 12\n', '```\narticle 13\n```'];
const PIECES = [...COMMON, ...RARE];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...COMMON), weight: 60 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 });
const body = fc.array(piece, { minLength: 1, maxLength: 200 }).map((p) => p.join(' '));
/** A section long enough to be read by paragraph, its heading first (read, or skipped as structural). */
const section = (b: string) => `### Article 5. Criminalization {#untoc-5}\nart. 3 ${b}\n\n${'The State reported progress. '.repeat(150)}\n`;
const parser = createMarkdownParser();
const whole = (text: string, skip: boolean) => chunkReferences(text, () => parser.parse(text), skip, new SectionCache(), false);

describe('references settled paragraph by paragraph', () => {
  it('are the whole text\'s, with its heading line read or skipped', () => {
    fc.assert(fc.property(body, fc.boolean(), (b, skip) => {
      const text = section(b);
      expect(chunkReferences(text, () => parser.parse(text), skip, new SectionCache(), true)).toEqual(whole(text, skip));
    }), { numRuns: 150 });
  });
  it('after an edit, taken in part from the earlier text, are the edited text\'s', () => {
    // One cache for all, as an editor's: the earlier text's reading is in it, and paragraphs met before too.
    const cache = new SectionCache();
    let taken = 0;
    fc.assert(fc.property(body, fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...PIECES, 'x', '')), { minLength: 1, maxLength: 4 }), fc.boolean(), (b, edits, skip) => {
      let text = section(b);
      let last = chunkReferences(text, () => parser.parse(text), skip, cache, true);
      for (const [at, cut, insert] of edits) {
        const from = at % text.length, to = Math.min(text.length, from + cut);
        const edited = text.slice(0, from) + insert + text.slice(to);
        const now = chunkReferences(edited, () => parser.parse(edited), skip, cache, true, { text: text, facts: cache.facts(text) });
        expect(now).toEqual(whole(edited, skip));
        if (now.some((r) => last.includes(r))) taken++;
        text = edited;
        last = now;
      }
    }), { numRuns: 150 });
    // The earlier text's references were taken often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(50);
  });
  it('a keystroke in a long section takes the other paragraphs\' references from the earlier text, as they were', () => {
    const cache = new SectionCache();
    const text = section('article 5 and article 6.\n\n'.repeat(200));
    const earlier = chunkReferences(text, () => parser.parse(text), true, cache, true);
    const at = text.indexOf('article 6', text.length >> 1);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const now = chunkReferences(edited, () => parser.parse(edited), true, cache, true, { text: text, facts: cache.facts(text) });
    expect(now).toEqual(whole(edited, true));
    // Those well before the edit are the very objects.
    const before = earlier.filter((r) => r.end + 300 < at);
    expect(before.length).toBeGreaterThan(100);
    before.forEach((r, k) => expect(now[k]).toBe(r));
  });
  it('a paragraph whose language the text after it tells reads the edited text there', () => {
    // "article 5" is English or French by the words around it: here by the paragraph after it, which the edit turns
    // from French into English.
    const cache = new SectionCache();
    // (Years before it: words of no language, and more of them than the language is looked for in.)
    const text = section(`${'2017 '.repeat(30)}\n\narticle 5\n\nLes autorités ont indiqué que la loi et le code pénal.\n\n`.repeat(30));
    chunkReferences(text, () => parser.parse(text), true, cache, true);
    const at = text.indexOf('Les autorités', 1_500);
    const edited = text.slice(0, at) + 'The State reported that the law and the code.' + text.slice(at + 'Les autorités ont indiqué que la loi et le code pénal.'.length);
    const now = chunkReferences(edited, () => parser.parse(edited), true, cache, true, { text: text, facts: cache.facts(text) });
    // The heading's "art. 3" is English (the filler after the body tells), and so is the one article 5 edited.
    expect(now.filter((r) => r.lang === 'en').length).toBe(2);
    expect(now).toEqual(whole(edited, true));
    // And by the paragraph before it, which an edit turns from French into English: the paragraph after the edit.
    const after = section(`Les autorités ont indiqué que la loi.\n\narticle 5\n\n${'2017 '.repeat(30)}\n\n`.repeat(30));
    chunkReferences(after, () => parser.parse(after), true, cache, true);
    const where = after.indexOf('Les autorités', 1_500);
    const changed = after.slice(0, where) + 'The State reported that the law.' + after.slice(where + 'Les autorités ont indiqué que la loi.'.length);
    const read = chunkReferences(changed, () => parser.parse(changed), true, cache, true, { text: after, facts: cache.facts(after) });
    expect(read.filter((r) => r.lang === 'en').map((r) => r.start > where)).toEqual([true]);
    expect(read).toEqual(whole(changed, true));
  });
  it('after an edit that removes a fence, the paragraphs it made code are read', () => {
    // Read whole (it had a code block), the earlier text had no references after its unclosed fence.
    const cache = new SectionCache();
    const paragraphs = 'article 5 and article 6.\n\n'.repeat(100);
    const text = section(`${paragraphs}\`\`\`\n${paragraphs}`);
    expect(chunkReferences(text, () => parser.parse(text), true, cache, true).length).toBe(201);
    const edited = text.replace('```\n', '');
    const now = chunkReferences(edited, () => parser.parse(edited), true, cache, true, { text: text, facts: cache.facts(text) });
    expect(now.length).toBe(401);
    expect(now).toEqual(whole(edited, true));
  });
});
