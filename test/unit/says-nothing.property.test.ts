// A part that says there is nothing to say is known in any language, however long the text around the question is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saysNothing, templateFor } from '../../src/core/domain/templates';

const NOTHING = /^(?:none(?: identified)?|no(?:ne)? (?:needs?|gaps?|good practices?|recommendations?) (?:were )?identified|n\/a|not applicable|aucun(?:e)?(?: .*)? identifié(?:e)?s?|ninguno|ninguna|нет|لا يوجد|لا توجد|无|未确定|没有)[.。]?$/i;
const NONE = new Set((['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const).flatMap((l) => Object.values(templateFor(l).none)));
/** The question as it was answered before the shortcut for long texts. */
const reference = (text: string) => { const t = text.replace(/\s+/g, ' ').trim(); return NOTHING.test(t) || NONE.has(t); };

const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u2028', ' '.repeat(150));
const piece = fc.oneof(space, fc.constantFrom('None identified.', 'N/A', '无', 'Aucune', 'mesure', 'identifiée.', 'word', 'x'.repeat(120)), fc.constantFrom(...NONE));
// The one open-ended form: "aucune …, identifiée", as long as the sentence between runs.
const aucune = fc.tuple(fc.constantFrom('', ' ', '\n'), fc.constantFrom('Aucune', 'aucun'), fc.array(fc.constantFrom(' mesure', ` ${'y'.repeat(60)}`, '  '), { maxLength: 4 }), fc.constantFrom(' identifiée.', ' identifiés', '')).map((p) => p.flat().join(''));
const text = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), aucune);

describe('a part that says nothing', () => {
  it('is told as collapsing its spaces first tells it, for short and long texts alike', () => {
    fc.assert(fc.property(text, (t) => { expect(saysNothing(t)).toBe(reference(t)); }), { numRuns: 2000, seed: 20261202 });
  });
});
