// References read paragraph by paragraph (refs/extract.ts rawReferences) are those read from the whole text, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawReferences } from '../../src/core/refs/extract';
import { SectionCache } from '../../src/core/draft/sectionCache';
import { proseDraft } from '../../bench/prose';
import { generateDraft } from '../../bench/generate';

// Words that make or unmake references, and what stands between paragraphs: names of instruments before and after a
// blank line, a language's function words on the other side of one, 《》 around a name, a line break inside a citation.
const PIECES = [
  'article 5', 'paragraph 2 of\narticle 18 of the Convention', 'paragraphe 2 de\nl’article 18', 'Article 12, paragraph 1 (a),', 'of the Convention', 'of the Protocol', 'UNTOC', 'TIP Protocol, ', 'the Criminal Code', 'articles 5, 6 and 7',
  "l'article 5", 'de la Convention', 'paragraphe 2 de l’article 18', 'le', 'et', 'la loi', 'el artículo 6', 'de la Convención', 'статья 5', 'Конвенции', 'Уголовного кодекса',
  'المادة 5', 'من الاتفاقية', '第5条', '第5条第1款', '《公约》', '公约', '《刑法》', '（2009年）', '本议定书', 'the', 'of', 'and', ', ', ' ', '\n', '\n\n', '\n  \n', '\r\n\r\n', '\n\n\n',
];

describe('references read paragraph by paragraph', () => {
  it('are the references of the whole text, however its paragraphs and their neighbours read', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 400 }), fc.nat(3), (pieces, pad) => {
      // Long enough to be read by paragraph: filler prose (with function words of one language) pads it.
      const filler = ['The State reported progress. ', 'Les autorités ont indiqué. ', '缔约国报告了进展。', ''][pad]!.repeat(40);
      const joined = pieces.map((p, i) => (i % 25 === 0 ? p + filler : p)).join(' ');
      const text = joined + '\n\n' + 'x '.repeat(Math.max(0, 2_100 - joined.length / 2));
      expect(rawReferences(text, new SectionCache(), true)).toEqual(rawReferences(text, new SectionCache(), false));
    }), { numRuns: 150 });
  });
  it('with one cache for many texts: a paragraph met again in other surroundings is read in its own', () => {
    // The same few paragraphs, shuffled and repeated, so that each comes back after and before other paragraphs than
    // the last time (and more often than the cache keeps surroundings of one paragraph).
    // Some paragraphs are prose of one language, which tells the language of the references after them.
    const words = fc.array(fc.constantFrom(...PIECES.filter((p) => !/\n[ \t]*\r?\n/.test(p))), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
    const prose = fc.constantFrom('Les autorités ont indiqué que la loi et le code', 'The State reported that the law and the code', 'Las autoridades indicaron que la ley y el código', '缔约国报告了进展。');
    const paragraph = fc.oneof(words, prose, fc.tuple(prose, words).map(([a, b]) => `${a} ${b}`));
    const cache = new SectionCache();
    fc.assert(fc.property(fc.array(paragraph, { minLength: 2, maxLength: 5 }), fc.array(fc.nat(4), { minLength: 20, maxLength: 60 }), (choices, order) => {
      const text = order.map((k) => choices[k % choices.length]).join('\n\n') + '\n\n' + 'x '.repeat(2_100);
      expect(rawReferences(text, cache, true)).toEqual(rawReferences(text, new SectionCache(), false));
    }), { numRuns: 150 });
  });
  it('in drafts of every language and in generated drafts, read as one long section', () => {
    const drafts = [...(['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const).map((l) => proseDraft(150_000, 5, l, true)), generateDraft(150_000, 5, 'en'), generateDraft(150_000, 5, 'zh')];
    for (const text of drafts) {
      const whole = rawReferences(text, new SectionCache(), false);
      expect(whole.length).toBeGreaterThan(50);
      expect(rawReferences(text, new SectionCache(), true)).toEqual(whole);
    }
  });
});
