// The editor's reports of edits, made one span: what it says both versions share is shared, and only the stretch
// between is compared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterEdits, sharedEnds, unchanged, type TextEdit } from '../../src/core/text/changes';
import { createReviewService } from '../../src/core/index';

/** Edits made against the text as it is when each is applied, as an editor reports them one after the other. */
const editsOn = (start: string) => fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(6), piece: fc.constantFrom('', 'x', 'ab', '\n', 'é', 'a') }), { maxLength: 8 })
  .map((raw) => {
    let text = start;
    const edits: TextEdit[] = [];
    for (const r of raw) {
      const offset = Math.floor(r.at * text.length);
      const length = Math.min(r.cut, text.length - offset);
      edits.push({ offset, length, text: r.piece });
      text = text.slice(0, offset) + r.piece + text.slice(offset + length);
    }
    return { edits, text };
  });

describe('changed span', () => {
  it('what the span says both texts share at their start and end, they share; the same text is told from a change', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'x', '\n'), maxLength: 40 }).chain((before) => fc.tuple(fc.constant(before), editsOn(before), fc.integer({ min: 1, max: 3 }))), ([before, { edits, text }, parts]) => {
      // The same edits reported in one change or in several: the span is the same kind of bound either way.
      let span = unchanged(before.length);
      const step = Math.ceil(edits.length / parts) || 1;
      for (let i = 0; i < edits.length; i += step) span = afterEdits(span, edits.slice(i, i + step))!;
      expect(span.newLength).toBe(text.length);
      const ends = sharedEnds(before, text, span);
      expect(ends.same).toBe(before === text);
      expect(ends.prefix + ends.suffix).toBeLessThanOrEqual(Math.min(before.length, text.length));
      expect(text.slice(0, ends.prefix)).toBe(before.slice(0, ends.prefix));
      expect(text.slice(text.length - ends.suffix)).toBe(before.slice(before.length - ends.suffix));
      // Without a span the texts are compared: the exact ends, at least as long as the span's.
      const compared = sharedEnds(before, text);
      expect(compared.same).toBe(before === text);
      if (!compared.same) expect(compared.prefix).toBeGreaterThanOrEqual(ends.prefix);
    }));
  });
  it('a report that does not fit the text is refused, and the texts are then compared', () => {
    expect(afterEdits(unchanged(3), [{ offset: 2, length: 2, text: '' }])).toBeUndefined();
    expect(afterEdits(unchanged(3), [{ offset: -1, length: 0, text: 'x' }])).toBeUndefined();
    // A span for other lengths than the texts': not used.
    expect(sharedEnds('abc', 'abd', { prefix: 3, suffix: 3, oldLength: 3, newLength: 4 })).toEqual({ prefix: 2, suffix: 0, same: false });
  });
  it('the service reads only what the reported edits touched: a report of no edit is believed over the text', () => {
    // Only a test can make the report lie; that the lie is believed shows the rest of the text was not compared.
    const service = createReviewService();
    const draft = '---\nreview: x\n---\n# A\n\nabc\n\n# B\n\nuvw\n\n# C\n\ndef\n';
    const first = service.model({ uri: 'u', version: 1, getText: () => draft });
    // The first section as the first version read it: the next version is handed that string, not its own text's.
    first.chunkText(0);
    service.changed('u', 2, [{ offset: draft.indexOf('def'), length: 1, text: 'g' }]);
    const edited = draft.replace('def', 'gef').replace('abc', 'xyz');
    expect(service.model({ uri: 'u', version: 2, getText: () => edited }).chunkText(0)).toBe(first.chunkText(0));
    // Reports out of step (a version missed) are not used: the texts are compared.
    service.changed('u', 4, [{ offset: 0, length: 0, text: '' }]);
    expect(service.model({ uri: 'u', version: 4, getText: () => draft }).chunkText(0)).toBe('# A\n\nabc\n\n');
    // Reported for version 5, not for 6, then for 7: the reports since version 4 do not follow each other.
    service.changed('u', 5, [{ offset: 0, length: 0, text: '' }]);
    service.changed('u', 7, [{ offset: 0, length: 0, text: '' }]);
    expect(service.model({ uri: 'u', version: 7, getText: () => edited }).chunkText(0)).toBe('# A\n\nxyz\n\n');
  });
});
