// Slots (text/slots.ts): forks behave as copies of an array, however writes to the original and the copies interleave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/core/text/slots';

describe('Slots', () => {
  it('every fork reads as its own copy of an array, whichever side writes first', () => {
    // A chain of versions, as the analyses make them: each forks the last, and any of them may still be written to.
    const step = fc.record({ fork: fc.boolean(), who: fc.nat(), at: fc.nat(300), value: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }) });
    fc.assert(fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
      const slots = [Slots.empty<string>()];
      const arrays: (string | undefined)[][] = [[]];
      for (const s of steps) {
        const k = s.who % slots.length;
        if (s.fork) { slots.push(slots[k]!.fork()); arrays.push([...arrays[k]!]); continue; }
        slots[k]!.set(s.at, s.value);
        arrays[k]![s.at] = s.value;
      }
      slots.forEach((sl, k) => { for (let i = 0; i <= 300; i++) expect(sl.get(i)).toBe(arrays[k]![i]); });
    }), { numRuns: 200 });
  });
});
