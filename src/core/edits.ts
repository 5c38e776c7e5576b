// Minimal text edits and their application: every change to a user's draft goes through here, never a re-serialization.
import type { Range } from './text/lines';

export interface TextEdit { range: Range; newText: string }
/** The same edit by offsets, which is what the core computes from the model. */
export interface OffsetEdit { start: number; end: number; newText: string }

/** Applies non-overlapping edits (any order) to a text; used by the CLI and the tests, as an editor would. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.end > floor) throw new Error('overlapping edits') // l10n-ignore: a programming error, never shown for user input;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    floor = e.start;
  }
  return out;
}

/** The line break a text already uses, so inserted lines match it. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
