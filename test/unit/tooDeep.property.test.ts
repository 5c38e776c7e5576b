// The first line nesting too deep after an edit, from the earlier text's answer, is the edited text's read whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tooDeep, tooDeepAfterEdit } from '../../src/core/files/input';

// Lines that nest too deep (quotes, list markers, emphasis runs, deep indentation before a marker), lines just short
// of it, thematic breaks of markers, and prose; pieces of them too, so that an edit can make or unmake one.
const DEEP = ['> '.repeat(101) + 'x', '- '.repeat(120) + 'x', '*'.repeat(210) + 'x' + '*'.repeat(210), ' '.repeat(210) + '- x', '1. '.repeat(101) + 'x'];
const SHALLOW = ['> '.repeat(99) + 'x', '- '.repeat(50), '*'.repeat(150), ' '.repeat(190) + '- x', '- - - - -', 'Text of a paragraph.', '', 'x'];
const line = fc.oneof({ arbitrary: fc.constantFrom(...SHALLOW), weight: 8 }, { arbitrary: fc.constantFrom(...DEEP), weight: 1 });
const text = fc.array(line, { minLength: 1, maxLength: 30 }).map((l) => l.join('\n'));
const insert = fc.oneof(fc.constantFrom('\n', '> ', '- ', '*', ' ', 'x', '\n\n', ...DEEP.map((d) => d.slice(0, 120)), ...SHALLOW), fc.constant(''));

describe('too deep after an edit', () => {
  it('is the edited text\'s first line too deep, whatever the edit does to the lines', () => {
    fc.assert(fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(300), insert), { minLength: 1, maxLength: 5 }), (start, edits) => {
      let earlier = start, answer = tooDeep(start);
      for (const [at, cut, what] of edits) {
        const from = at % (earlier.length + 1), to = Math.min(earlier.length, from + cut);
        const edited = earlier.slice(0, from) + what + earlier.slice(to);
        const now = tooDeepAfterEdit(edited, earlier, answer);
        expect(now).toEqual(tooDeep(edited));
        earlier = edited; answer = now;
      }
    }), { numRuns: 2000 });
  });
  it('keeps the earlier answer before the edit, moves it after, and finds one the edit made', () => {
    const deep = '> '.repeat(101) + 'x';
    const earlier = ['a', deep, 'b', 'c'].join('\n');
    const before = tooDeep(earlier)!;
    // Before it: a line added above moves it one line down.
    expect(tooDeepAfterEdit(`new\n${earlier}`, earlier, before)).toEqual({ ...before, offset: before.offset + 4, line: 2 });
    // After it: it stands as it was.
    expect(tooDeepAfterEdit(`${earlier}\nmore`, earlier, before)).toBe(before);
    // An edit that flattens it: none is left.
    expect(tooDeepAfterEdit(earlier.replace(deep, 'x'), earlier, before)).toBeNull();
    // A line break typed before a first line that nests too deep.
    const first = tooDeep(deep)!;
    expect(tooDeepAfterEdit(`\n${deep}`, deep, first)).toEqual({ ...first, offset: 1, line: 1 });
    // One made by the edit, on a later line.
    const flat = ['a', 'b', 'c'].join('\n');
    expect(tooDeepAfterEdit(`${flat}\n${deep}`, flat, null)).toEqual({ offset: 6, line: 3, depth: 101 });
  });
});
