// A per-version array that the next version takes over without copying: blocks are shared until either side writes one.

/** Slots per block: a fork copies the list of blocks (a length / 64 pointers), a first write one block. */
const BLOCK = 64;

/**
 * An array of slots that can be forked: the fork shares every block with the original, and whichever of the two writes
 * to a shared block first copies that block. A keystroke's version takes the last version's per-section results this
 * way and sets the few it recomputed: a 10 MB draft's 10,000 sections cost 160 pointers, not 10,000.
 */
export class Slots<T> {
  private constructor(private blocks: (T | undefined)[][], private own: boolean[]) {}

  static empty<T>(): Slots<T> { return new Slots<T>([], []); }

  get(i: number): T | undefined { return this.blocks[i >> 6]?.[i & 63]; }

  set(i: number, value: T | undefined): void {
    const b = i >> 6;
    if (!this.own[b]) {
      const was = this.blocks[b];
      this.blocks[b] = was ? was.slice() : new Array<T | undefined>(BLOCK);
      this.own[b] = true;
    }
    this.blocks[b]![i & 63] = value;
  }

  /** A copy that shares every block: from now on neither this one nor the copy writes a block without copying it. */
  fork(): Slots<T> {
    this.own = [];
    return new Slots<T>(this.blocks.slice(), []);
  }
}
