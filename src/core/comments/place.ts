// Places new threads (suggestions and comments, with their lines) into a draft as one set of insertions.
import { eolOf, type OffsetEdit } from '../features/edits';
import { paragraphEnd } from './ops';

export interface NewThread {
  id: string;
  kind: 'insertion' | 'deletion' | 'replacement' | 'comment';
  /** The draft range the thread concerns (a point for an insertion or a point comment). */
  start: number;
  end: number;
  /** The inserted text, or the new text of a replacement. */
  newText: string;
  /** The thread's lines (first comment, replies, events), as `blockText` writes them. */
  lines: string[];
  /** Where the lines go; by default under the paragraph the thread ends in. */
  linesAt?: number;
}

export function suggestionKind(start: number, end: number, newText: string): NewThread['kind'] {
  return start === end ? 'insertion' : newText ? 'replacement' : 'deletion';
}

/**
 * The insertions that write `threads` into `draft`. At one offset: what closes a mark (or is a whole insertion)
 * first, then the thread lines of the paragraph that ends there, then what opens a mark, so no thread line ever
 * lands inside a mark. The ranges must not overlap each other or the draft's own marks.
 */
export function placeThreads(draft: string, threads: readonly NewThread[]): OffsetEdit[] {
  const eol = eolOf(draft);
  const at = new Map<number, { close: string; lines: string; open: string }>();
  const slot = (o: number) => { let v = at.get(o); if (!v) at.set(o, (v = { close: '', lines: '', open: '' })); return v; };
  for (const th of threads) {
    const tag = `{>>@${th.id}<<}`;
    switch (th.kind) {
      case 'insertion': slot(th.start).close += `{++${th.newText}++}${tag}`; break;
      case 'deletion': slot(th.start).open += '{--'; slot(th.end).close += `--}${tag}`; break;
      case 'replacement': slot(th.start).open += '{~~'; slot(th.end).close += `~>${th.newText}~~}${tag}`; break;
      case 'comment':
        if (th.start === th.end) slot(th.start).close += tag;
        else { slot(th.start).open += '{=='; slot(th.end).close += `==}${tag}`; }
        break;
    }
  }
  // Thread lines go under the paragraph, but never inside (or at the start of) a mark that spans the paragraph
  // break: then they move on to where that mark's paragraph ends.
  for (const th of threads) {
    let o = th.linesAt ?? paragraphEnd(draft, th.end);
    if (th.linesAt === undefined) {
      for (let moved = true; moved;) {
        moved = false;
        // A deletion or replacement that starts right there would share the thread lines' line: move past it too.
        for (const g of threads) if (g.start <= o && o < g.end) { o = paragraphEnd(draft, g.end); moved = true; }
      }
    }
    slot(o).lines += th.lines.map((l) => eol + l).join('');
  }
  return [...at.entries()].map(([o, v]) => ({ start: o, end: o, newText: v.close + v.lines + v.open }));
}
