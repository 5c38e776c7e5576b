// Two sorted lists of findings merged: the order a stable sort of both gives, the first list's finding first on a tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted } from '../../src/core/checks/index';
import { compareFindings, type Finding } from '../../src/core/checks/finding';

const finding = (tag: string) => fc.record({ line: fc.nat(4), character: fc.nat(2), severity: fc.constantFrom('error', 'warning', 'info' as const), code: fc.constantFrom('a.x', 'b.y') })
  .map(({ line, character, severity, code }): Finding => ({ code, severity, message: tag, range: { start: { line, character }, end: { line, character } } }));
const sorted = (tag: string) => fc.array(finding(tag), { maxLength: 30 }).map((xs) => xs.sort(compareFindings));

describe('merging findings', () => {
  it('gives what a stable sort of both lists gives, whichever list is the shorter', () => {
    fc.assert(fc.property(sorted('a'), sorted('b'), (a, b) => {
      expect(mergeSorted(a, b)).toEqual([...a, ...b].sort(compareFindings));
    }), { numRuns: 300 });
  });
});
