// Minimal text edits and their application: every change to a user's draft goes through here, never a re-serialization.
import type { Range } from '../text/lines';

export interface TextEdit { range: Range; newText: string }
/** The same edit by offsets, which is what the core computes from the model. */
export interface OffsetEdit { start: number; end: number; newText: string }

/** Applies non-overlapping edits (any order) to a text; used by the CLI and the tests, as an editor would. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  // One pass from the start, joined once: replacing edit by edit copies the whole text each time, which made
  // thousands of edits on a 10 MB draft take minutes.
  const out: string[] = [];
  forEachPiece(text, edits, (piece) => { out.push(piece); });
  return out.join('');
}

/**
 * Whether applying the edits to `text` gives `expected`, compared piece by piece without making the result: a proof
 * that a 5 MB draft's suggestions accept to the copy costs no third copy of it.
 */
export function editsGive(text: string, edits: readonly OffsetEdit[], expected: string): boolean {
  let at = 0;
  const same = forEachPiece(text, edits, (piece) => {
    if (expected.length - at < piece.length || expected.slice(at, at + piece.length) !== piece) return false;
    at += piece.length;
    return true;
  });
  return same && at === expected.length;
}

/**
 * The pieces of the edited text in order (kept text, new text, …), each given to `f` until it returns false. Edits
 * apply in any order; insertions at one offset come out in reverse order of the list, as if applied one after another
 * from the end.
 */
function forEachPiece(text: string, edits: readonly OffsetEdit[], f: (piece: string) => boolean | void): boolean {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || b.i - a.i);
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error('overlapping edits') // l10n-ignore: a programming error, never shown for user input;
    if (f(text.slice(at, e.start)) === false || f(e.newText) === false) return false;
    at = e.end;
  }
  return f(text.slice(at)) !== false;
}

/** The line break a text already uses, so inserted lines match it. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
