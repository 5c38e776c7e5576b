// The returned text of an import, held in runs, and the base it is compared from, agree with per-character arrays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutInsertions } from '../../src/core/word/base';
import { CharKind, ReturnedText } from '../../src/core/word/read';

const run = fc.record({ text: fc.constantFrom('a', 'de la', '审议', '😀', '\n'), kind: fc.constantFrom(CharKind.Normal, CharKind.Inserted, CharKind.Deleted), rev: fc.integer({ min: -1, max: 3 }) });

describe('the returned text of an import, in runs', () => {
  it('labels every character as the per-character arrays did, and leaves out the insertions of others as the character-by-character base did', () => {
    fc.assert(fc.property(fc.array(run, { maxLength: 12 }), fc.uniqueArray(fc.integer({ min: -1, max: 3 })), (runs, theirs) => {
      const text = runs.map((r) => r.text).join('');
      const kinds: number[] = [], revs: number[] = [];
      for (const r of runs) for (let i = 0; i < r.text.length; i++) { kinds.push(r.kind); revs.push(r.rev); }
      const got = new ReturnedText(text, [], runs.flatMap((r) => [r.text.length, r.kind, r.rev]));
      for (let i = -1; i <= text.length; i++) expect([got.kindAt(i), got.revAt(i)]).toEqual([kinds[i], revs[i]]);
      for (const k of [CharKind.Normal, CharKind.Inserted, CharKind.Deleted]) expect(got.has(k)).toBe(kinds.includes(k));
      // The base as the import built it before, character by character.
      const isTheirs = (rev: number) => theirs.includes(rev);
      const keep: string[] = [], map: number[] = [], toBase: number[] = [], inserted: { at: number; r: number }[] = [];
      for (let i = 0; i < text.length; i++) {
        toBase[i] = map.length;
        if (kinds[i] === CharKind.Inserted && isTheirs(revs[i]!)) { inserted.push({ at: map.length, r: i }); continue; }
        keep.push(text[i]!); map.push(i);
      }
      toBase[text.length] = map.length;
      const base = withoutInsertions(got, isTheirs);
      expect(base.text).toBe(keep.join(''));
      for (let i = -1; i <= base.text.length; i++) expect(base.toReturned.at(i)).toBe(map[i]);
      for (let i = -1; i <= text.length + 1; i++) expect(base.fromReturned.at(i)).toBe(toBase[i]);
      expect(base.inserted.flatMap((x) => Array.from({ length: x.n }, (_, k) => ({ at: x.at, r: x.r + k })))).toEqual(inserted);
      for (const x of base.inserted) expect(x.rev).toBe(revs[x.r]);
    }), { numRuns: 400, seed: 20261202 });
  });
});
