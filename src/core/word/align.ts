// Character alignment of two texts (the exported one and the one Word returned), read from their comparison's hunks.
import { compareTexts } from '../features/compare';

/** Where each position of one text stands in another: -1 where it was removed, undefined past the text's end. */
export interface PositionMap { at(i: number): number | undefined }

/** The identity of a text of `length` characters with itself. */
export function identity(length: number): PositionMap {
  return { at: (i) => (i >= 0 && i < length ? i : undefined) };
}
/**
 * One side of a comparison as a position map, read from the hunks (a binary search a position) instead of being
 * written out per character: a 5 MB paragraph made two arrays of 20 MB for each comparison. Between hunks the texts
 * are the same, so a position moves by what the hunks before it added or removed; inside a hunk it has no counterpart.
 */
function sideOf(hunks: readonly { start: number; end: number; otherEnd: number }[], length: number): Side {
  /** The hunk at or before position i (the last that starts there or earlier), or undefined. */
  const hunkAt = (i: number) => {
    let lo = 0, hi = hunks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (hunks[mid]!.start <= i) lo = mid + 1; else hi = mid; }
    return lo === 0 ? undefined : hunks[lo - 1]!;
  };
  return {
    at(i) {
      if (i < 0 || i >= length) return undefined;
      const h = hunkAt(i);
      return !h ? i : i < h.end ? -1 : i - h.end + h.otherEnd;
    },
    lastMapped(p) {
      // Back over whole hunks, not character by character: a long stretch rewritten in Word is one step.
      for (let i = Math.min(p, length) - 1; i >= 0;) {
        const h = hunkAt(i);
        if (!h || i >= h.end) return i;
        i = h.start - 1;
      }
      return -1;
    },
  };
}
/** One side of an alignment: also the last position before p that has a counterpart (-1 when none). */
export interface Side extends PositionMap { lastMapped(p: number): number }

/** Character alignment of the two texts: for each side, the other side's position, or -1 where it was removed/added. */
export function align(a: string, b: string): { aToB: Side; bToA: Side; hunks: ReturnType<typeof compareTexts> } {
  const hunks = compareTexts(a, b);
  return {
    aToB: sideOf(hunks.map((h) => ({ start: h.oldStart, end: h.oldEnd, otherEnd: h.newEnd })), a.length),
    bToA: sideOf(hunks.map((h) => ({ start: h.newStart, end: h.newEnd, otherEnd: h.oldEnd })), b.length),
    hunks,
  };
}
