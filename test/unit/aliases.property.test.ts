// aliasAt (refs/names.ts) finds, among the aliases starting with the character at a place, what a try of every alias finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasAt, aliases } from '../../src/core/refs/names';

/** Every alias tried in turn, longest first: what aliasAt answered before it looked only at those with the right first character. */
function everyAlias(text: string, pos: number, lang: Parameters<typeof aliases>[0]) {
  for (const a of aliases(lang)) {
    const s = text.substr(pos, a.text.length);
    if (s === a.text || (lang !== 'zh' && lang !== 'ar' && s.toLowerCase() === a.text.toLowerCase())) {
      const next = text.charCodeAt(pos + a.text.length);
      if (lang !== 'zh' && /[\p{L}\p{N}]/u.test(String.fromCharCode(next || 32))) continue;
      return a;
    }
  }
  return null;
}

const LANGS = ['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const;

describe('aliasAt', () => {
  it('answers as trying every alias would, in every language, names in any case, cut short or run on', () => {
    const names = LANGS.flatMap((l) => aliases(l).map((a) => a.text));
    const piece = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom(...names).map((n) => n.toUpperCase()),
      fc.constantFrom(...names).map((n) => n.toLowerCase()),
      fc.constantFrom(...names).map((n) => n.slice(0, Math.max(1, n.length - 2))),
      fc.constantFrom(...names).map((n) => `${n}al`),
      fc.constantFrom(' ', 'of the ', '《', '》', 'İ', 'Σ', 'x', '5'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...LANGS), (pieces, lang) => {
      const text = pieces.join('');
      for (let pos = 0; pos <= text.length; pos++) expect(aliasAt(text, pos, lang)).toBe(everyAlias(text, pos, lang));
    }), { numRuns: 300 });
  });
});
