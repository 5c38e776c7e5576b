// The line index of an edited text, made from the last version's runs of lines: the same as an index made afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text/lines';

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(5), piece: fc.constantFrom('', 'x', '\n', 'a\nb', '\n\n', 'yy\n') });

describe('line index after an edit', () => {
  it('says what a fresh index of the edited text says, edit after edit (past the point where runs are laid out again)', () => {
    // Runs laid out again past a few (as past the default's many after edits in many places) or never.
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n'), maxLength: 80 }), fc.array(edit, { minLength: 1, maxLength: 40 }), fc.constantFrom(3, 1000), (start, edits, maxRuns) => {
      let text = start;
      let index = new LineIndex(text);
      for (const e of edits) {
        const o = Math.floor(e.at * text.length), l = Math.min(e.cut, text.length - o);
        const next = text.slice(0, o) + e.piece + text.slice(o + l);
        // Kept: the lines up to the one holding the edit; resumed: the old lines that start after the replaced text.
        const keep = index.positionAt(o).line + 1;
        let resume = keep;
        while (resume < index.lineCount && index.lineStart(resume)! <= o + l) resume++;
        const added: number[] = [];
        for (let i = e.piece.indexOf('\n'); i !== -1; i = e.piece.indexOf('\n', i + 1)) added.push(o + i + 1);
        index = LineIndex.edited(index, next, keep, added, resume, next.length - text.length, maxRuns);
        text = next;
        const fresh = new LineIndex(text);
        expect(index.lineCount).toBe(fresh.lineCount);
        for (let line = 0; line <= fresh.lineCount; line++) expect(index.lineStart(line)).toBe(fresh.lineStart(line));
        for (let off = 0; off <= text.length; off++) expect(index.positionAt(off)).toEqual(fresh.positionAt(off));
      }
    }), { numRuns: 80 });
  });
});
