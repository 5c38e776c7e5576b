// Stretches of a text whose characters share what the import knows of them, and which stretch holds a character.

/**
 * The starts of consecutive stretches covering a text of `length` characters, and the stretch holding a character:
 * most reads walk the text in order, so the stretch last found (or the one beside it) is tried before a search.
 */
export class StretchIndex {
  private readonly starts: number[] = [];
  private length = 0;
  private cursor = 0;

  /** Adds a stretch of `n` characters (n > 0) after the others; its index is the count before it. */
  add(n: number): void { this.starts.push(this.length); this.length += n; }
  /** Lengthens the last stretch by `n` characters. */
  extend(n: number): void { this.length += n; }
  get count(): number { return this.starts.length; }
  start(k: number): number { return this.starts[k]!; }
  end(k: number): number { return this.starts[k + 1] ?? this.length; }

  /** The stretch holding character `i`, or -1 outside the text. */
  at(i: number): number {
    if (i < 0 || i >= this.length) return -1;
    const c = this.cursor;
    if (this.starts[c]! <= i && i < this.end(c)) return c;
    if (c + 1 < this.starts.length && this.starts[c + 1]! <= i && i < this.end(c + 1)) return (this.cursor = c + 1);
    if (c > 0 && this.starts[c - 1]! <= i && i < this.starts[c]!) return (this.cursor = c - 1);
    let lo = 0, hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid]! <= i) lo = mid + 1; else hi = mid; }
    return (this.cursor = lo - 1);
  }
}
