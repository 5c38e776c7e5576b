// An index of ranges of a text: which of them overlap or cover a stretch, found without looking at the others.
/**
 * Ranges sorted by start, with the largest end so far: a draft with thousands of marks exports, and a section with a
 * reference in each of thousands of code spans is checked, in time proportional to its length.
 */
export class RangeIndex<T extends { start: number; end: number }> {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  constructor(private readonly items: T[]) {
    // Most lists come in order (the marks, the thread lines): sorted only when they do not.
    for (let i = 1; i < items.length; i++) if (items[i]!.start < items[i - 1]!.start) { items.sort((a, b) => a.start - b.start); break; }
    this.starts = items.map((x) => x.start);
    let m = -Infinity;
    this.maxEnd = items.map((x) => (m = Math.max(m, x.end)));
  }
  /** Calls `f` for every range with start < to and end > from, the last first. */
  overlapping(from: number, to: number, f: (x: T) => void): void {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid]! < to) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && this.maxEnd[i]! > from; i--) if (this.items[i]!.end > from) f(this.items[i]!);
  }
  /** Whether a range overlaps [from, to). */
  overlaps(from: number, to: number): boolean {
    let found = false;
    this.overlapping(from, to, () => { found = true; });
    return found;
  }
  /** Whether one range holds all of [from, to). */
  covers(from: number, to: number): boolean {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid]! <= from) lo = mid + 1; else hi = mid; }
    return lo > 0 && this.maxEnd[lo - 1]! >= to;
  }
}
