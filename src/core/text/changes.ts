// What an editor says changed between two versions of a text: the edits, and the one stretch both versions keep around them.

/**
 * One edit as an editor reports it: `length` characters at `offset` replaced by `text` (VS Code's content change:
 * rangeOffset, rangeLength, text). Edits of one change are applied one after the other, as VS Code applies them.
 */
export interface TextEdit { readonly offset: number; readonly length: number; readonly text: string }

/**
 * Between an earlier text (`oldLength` long) and a later one (`newLength`): the first `prefix` and the last `suffix`
 * characters are known to be the same in both. The two may overlap (an edit undone leaves the whole text known), and
 * what lies between may still be the same (the edits put back what was there).
 */
export interface ChangedSpan { readonly prefix: number; readonly suffix: number; readonly oldLength: number; readonly newLength: number }

/** A text no edit has touched yet: all of it is known on both sides. */
export function unchanged(length: number): ChangedSpan {
  return { prefix: length, suffix: length, oldLength: length, newLength: length };
}

/**
 * The span once further edits are applied to the later text; undefined when an edit does not fit that text (a report
 * out of step with the text: the texts must then be compared instead).
 */
export function afterEdits(span: ChangedSpan, edits: readonly TextEdit[]): ChangedSpan | undefined {
  let { prefix, suffix, newLength } = span;
  for (const e of edits) {
    if (!(Number.isInteger(e.offset) && Number.isInteger(e.length) && e.offset >= 0 && e.length >= 0 && e.offset + e.length <= newLength)) return undefined;
    // What is before the edit stays before it, what is after it stays at the same distance from the end.
    prefix = Math.min(prefix, e.offset);
    suffix = Math.min(suffix, newLength - e.offset - e.length);
    newLength += e.text.length - e.length;
  }
  return { prefix, suffix, oldLength: span.oldLength, newLength };
}

/** How many characters two versions share at their start and at their end, and whether they are the same text. */
export interface SharedEnds { readonly prefix: number; readonly suffix: number; readonly same: boolean }

/**
 * How many characters the two texts share at their start and at their end, by the span when it is given (only the
 * stretch between is compared, to tell an edit undone from a change) or by comparing the texts; `same` when they are
 * the same text.
 */
export function sharedEnds(before: string, after: string, span?: ChangedSpan): SharedEnds {
  if (span && span.oldLength === before.length && span.newLength === after.length) {
    const prefix = Math.min(span.prefix, before.length, after.length);
    const suffix = Math.min(span.suffix, Math.min(before.length, after.length) - prefix);
    const same = before.length === after.length && before.slice(prefix, before.length - suffix) === after.slice(prefix, after.length - suffix);
    return same ? { prefix: after.length, suffix: 0, same } : { prefix, suffix, same };
  }
  if (before === after) return { prefix: after.length, suffix: 0, same: true };
  const prefix = commonPrefix(before, after);
  return { prefix, suffix: commonSuffix(before, after, Math.min(before.length, after.length) - prefix), same: false };
}

/** How many characters two texts share at their start: halving comparisons of flat strings, one pass in all. */
function commonPrefix(a: string, b: string): number {
  let lo = 0, hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** How many characters two texts share at their end, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0, hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid; else hi = mid - 1;
  }
  return lo;
}
