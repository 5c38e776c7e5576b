// Minimal text edits and their application: every change to a user's draft goes through here, never a re-serialization.
import type { Range } from '../text/lines';

export interface TextEdit { range: Range; newText: string }
/** The same edit by offsets, which is what the core computes from the model. */
export interface OffsetEdit { start: number; end: number; newText: string }

/** Applies non-overlapping edits (any order) to a text; used by the CLI and the tests, as an editor would. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  // One pass from the start, joined once: replacing edit by edit copies the whole text each time, which made
  // thousands of edits on a 10 MB draft take minutes. Insertions at one offset come out in reverse order of the
  // list, as if applied one after another from the end.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || b.i - a.i);
  const out: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error('overlapping edits') // l10n-ignore: a programming error, never shown for user input;
    out.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

/** The line break a text already uses, so inserted lines match it. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
