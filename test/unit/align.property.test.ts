// The import's alignment of two texts, read from the comparison's hunks, agrees with one written out character by character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../src/core/features/compare';
import { align } from '../../src/core/word/align';

/** The alignment as the import wrote it before: every position of each side, -1 inside a hunk. */
function perCharacter(a: string, b: string): { aToB: Int32Array; bToA: Int32Array } {
  const aToB = new Int32Array(a.length).fill(-1), bToA = new Int32Array(b.length).fill(-1);
  let ia = 0, ib = 0;
  const same = (to: number) => { while (ia < to) { aToB[ia] = ib; bToA[ib] = ia; ia++; ib++; } };
  for (const h of compareTexts(a, b)) { same(h.oldStart); ia = h.oldEnd; ib = h.newEnd; }
  same(a.length);
  return { aToB, bToA };
}

// Texts of a few words and lines, and an edited copy: words changed, removed, added, lines joined and split.
const word = fc.constantFrom('the', 'State', 'party', 'article', '5', 'de', 'la', '审议', '缔约国', ' ', ' ', '\n', '\n\n', ',');
const text = fc.array(word, { maxLength: 60 }).map((w) => w.join(''));
const pair = text.chain((a) => fc.tuple(fc.constant(a), fc.array(fc.tuple(fc.nat(a.length), fc.nat(8), fc.array(word, { maxLength: 4 })), { maxLength: 5 }).map((edits) => {
  let b = a;
  for (const [at, del, ins] of edits) { const i = Math.min(at, b.length); b = b.slice(0, i) + ins.join('') + b.slice(i + del); }
  return b;
})));

describe('alignment of an exported text with the returned one', () => {
  it('maps every position as the character-by-character alignment does, and finds the last mapped position before any place', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const ref = perCharacter(a, b);
      const got = align(a, b);
      for (let i = -1; i <= a.length; i++) expect(got.aToB.at(i)).toBe(ref.aToB[i]);
      for (let j = -1; j <= b.length; j++) expect(got.bToA.at(j)).toBe(ref.bToA[j]);
      for (let p = 0; p <= b.length + 1; p++) {
        let want = -1;
        for (let j = Math.min(p, b.length) - 1; j >= 0; j--) if (ref.bToA[j]! >= 0) { want = j; break; }
        expect(got.bToA.lastMapped(p)).toBe(want);
      }
    }), { numRuns: 300, seed: 20261202 });
  });
});
