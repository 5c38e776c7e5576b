// HeadingList (draft/headingList.ts): a list edited again and again reads as the array of moved copies it stands for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadingList } from '../../src/core/draft/headingList';
import type { ScannedHeading } from '../../src/core/draft/scan';

const heading = (k: number): ScannedHeading => ({ line: k * 3, level: 1 + (k % 6), text: `h${k}`, start: k * 100, end: k * 100 + 10, attributes: null, kind: undefined });
const moved = (h: ScannedHeading, delta: number, lines: number): ScannedHeading => ({ ...h, start: h.start + delta, end: h.end + delta, line: h.line + lines });

describe('HeadingList', () => {
  it('after any edits (more than its runs allow at once, too) reads as the array of moved headings', () => {
    const edit = fc.record({ keep: fc.nat(), drop: fc.nat(5), add: fc.nat(3), delta: fc.integer({ min: -50, max: 50 }), lines: fc.integer({ min: -3, max: 3 }) });
    fc.assert(fc.property(fc.nat(40), fc.array(edit, { maxLength: 150 }), (n, edits) => {
      let array = Array.from({ length: n }, (_, k) => heading(k));
      let list = HeadingList.of(array);
      let made = n;
      for (const e of edits) {
        const keep = array.length ? e.keep % (array.length + 1) : 0, resume = Math.min(array.length, keep + e.drop);
        const middle = Array.from({ length: e.add }, () => heading(made++));
        list = list.edited(keep, middle, resume, e.delta, e.lines);
        array = [...array.slice(0, keep), ...middle, ...array.slice(resume).map((h) => moved(h, e.delta, e.lines))];
        expect(list.length).toBe(array.length);
      }
      array.forEach((h, k) => {
        expect(list.start(k)).toBe(h.start);
        expect(list.line(k)).toBe(h.line);
        expect(list.level(k)).toBe(h.level);
        expect(list.get(k)).toEqual(h);
      });
      expect([...list]).toEqual(array);
      expect(list.get(array.length)).toBeUndefined();
    }), { numRuns: 150 });
  });
  it('a heading that did not move is the object it was found as; a kind worked out once is every later version\'s', () => {
    const found = [heading(0), heading(1), heading(2)];
    const first = HeadingList.of(found);
    const next = first.edited(1, [], 1, 5, 0);
    expect(next.get(0)).toBe(found[0]);
    expect(next.get(1)).not.toBe(found[1]);
    let asked = 0;
    const kind = next.kind(2, () => { asked++; return { role: 'other' }; });
    expect(next.edited(0, [], 0, 7, 1).kind(2, () => { asked++; return { role: 'title' }; })).toBe(kind);
    expect(asked).toBe(1);
  });
});
