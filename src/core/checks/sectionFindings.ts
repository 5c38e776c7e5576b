// The section rules' findings of one version's check, kept chunk by chunk for the next version.
import type { CommentLayout } from '../draft/analysis';
import type { Slots } from '../text/slots';
import type { Finding } from './finding';

/**
 * The section rules' findings of a version, chunk by chunk, under the review facts `review` and the comment layout
 * `layout`. Kept per chunk, and handed to the next version forked: a keystroke sets the few chunks it changed. Joined
 * into one list only when a check merges the whole (a 10 MB draft's 21,000 findings are an array too large for V8's
 * young generation: copying it at each keystroke cost a tenth of the keystroke).
 */
export class SectionFindings {
  private listMemo: Finding[] | undefined;
  constructor(readonly review: string, readonly layout: CommentLayout, private readonly perChunk: Slots<readonly Finding[]>, readonly count: number) {}
  /** Chunk `i`'s findings. */
  of(i: number): readonly Finding[] { return this.perChunk.get(i) ?? []; }
  /** The findings of chunks [lo, hi), in order. */
  between(lo: number, hi: number): Finding[] {
    const out: Finding[] = [];
    for (let i = lo; i < hi; i++) for (const f of this.of(i)) out.push(f);
    return out;
  }
  /** Every chunk's findings, in document order. */
  get list(): Finding[] { return (this.listMemo ??= this.between(0, this.count)); }
  /** The lists for a version to set a few chunks of: shared until either side sets one. */
  forked(): Slots<readonly Finding[]> { return this.perChunk.fork(); }
}
