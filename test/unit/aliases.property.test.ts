// aliasAt, normalize, numberValue and ws (refs/): their quick paths answer as the plain ways they replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasAt, aliases } from '../../src/core/refs/names';
import { normalize } from '../../src/core/refs/canonical';
import { numberValue } from '../../src/core/refs/vocab';
import { ws } from '../../src/core/refs/chain';

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

describe('normalize (refs/canonical.ts)', () => {
  it('is spacing, line breaks and the apostrophe set aside, whether or not the text needs it', () => {
    const slow = (lang: string, s: string) => (lang === 'zh' ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ').replace(/’/g, "'").trim());
    const text = fc.array(fc.constantFrom('a', 'article', '5', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '’', "'", '第', '条'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.constantFrom('en', 'zh', 'fr', 'ru'), (s, lang) => { expect(normalize(lang, s)).toBe(slow(lang, s)); }), { numRuns: 1000 });
  });
});

describe('numberValue (refs/vocab.ts)', () => {
  it('reads Western digits as the general way does', () => {
    const slow = (s: string) => (/^(?:premier|1er)$/i.test(s) ? 1 : Number(s.replace(/[٠-٩۰-۹]/g, (d) => { const c = d.charCodeAt(0); return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660); })));
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '1', '5', '9', '٣', '۷'), { minLength: 1, maxLength: 4 }).map((d) => d.join('')), (s) => { expect(numberValue(s)).toBe(slow(s)); }), { numRuns: 500 });
    expect(numberValue('premier')).toBe(1);
    expect(numberValue('الثالثة')).toBe(3);
  });
});

describe('ws (refs/chain.ts)', () => {
  it('skips what the regular expression it replaced skips: spaces of any kind and at most one line break', () => {
    const WS = /[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?/y;
    const slow = (t: string, p: number) => { WS.lastIndex = p; WS.exec(t); return WS.lastIndex; };
    const text = fc.array(fc.constantFrom(' ', '\t', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\n', '\r', '\r\n', 'a', '5', ','), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => { for (let p = 0; p <= t.length; p++) expect(ws(t, p)).toBe(slow(t, p)); }), { numRuns: 1000 });
  });
});
