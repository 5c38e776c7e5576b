// Line index of a text: converts between offsets and 0-based line/character positions (UTF-16, as VS Code counts).
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/**
 * A run of consecutive lines' starts: `rel[lo..hi)` plus `shift`, for the lines from `line` on. After an edit the lines
 * before and after it keep the runs they had (moved by the edit's length and lines): a keystroke makes a small run for
 * the lines it rescanned instead of copying and shifting the starts of every line of the draft.
 */
interface Run { readonly rel: readonly number[]; readonly lo: number; readonly hi: number; readonly shift: number; readonly line: number }
/** More runs than this (edits in many places) and the next edit lays them out in one array again. */
const MAX_RUNS = 48;
/** The starts of every line, as the one run of an index. */
const wholeRun = (starts: readonly number[]): Run[] => [{ rel: starts, lo: 0, hi: starts.length, shift: 0, line: 0 }];

export class LineIndex {
  /** Whether the text has a CR (a CRLF or CR line break) anywhere. */
  readonly hasCR: boolean;
  private readonly runs: readonly Run[];
  private readonly count: number;
  constructor(readonly text: string, edited?: { runs: readonly Run[]; count: number }) {
    if (edited) { this.hasCR = false; this.runs = edited.runs; this.count = edited.count; return; }
    const starts = [0];
    this.hasCR = text.includes('\r');
    if (!this.hasCR) {
      // The common case; indexOf is several times faster than a character loop on megabyte drafts.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.runs = wholeRun(starts);
    this.count = starts.length;
  }
  /**
   * The index of `text`, an edit of `prev`'s text with no CR: its lines up to `keep` are `prev`'s, then come lines
   * starting at `added` (absolute), then `prev`'s lines from `resume` on, moved by `delta` characters. `maxRuns`: how
   * many runs before they are laid out in one array again.
   */
  static edited(prev: LineIndex, text: string, keep: number, added: readonly number[], resume: number, delta: number, maxRuns = MAX_RUNS): LineIndex {
    const runs: Run[] = [];
    prev.cut(0, keep, 0, 0, runs);
    if (added.length) runs.push({ rel: added, lo: 0, hi: added.length, shift: 0, line: keep });
    prev.cut(resume, prev.count, delta, keep + added.length - resume, runs);
    const count = keep + added.length + prev.count - resume;
    return new LineIndex(text, { runs: runs.length > maxRuns ? wholeRun(LineIndex.layOut(runs, count)) : runs, count });
  }
  /** The runs of lines [from, to), moved by `delta` characters and `lines` lines, pushed onto `out`. */
  private cut(from: number, to: number, delta: number, lines: number, out: Run[]): void {
    for (const r of this.runs) {
      const end = r.line + (r.hi - r.lo);
      if (end <= from || r.line >= to) continue;
      const a = Math.max(from, r.line), b = Math.min(to, end);
      out.push({ rel: r.rel, lo: r.lo + (a - r.line), hi: r.lo + (b - r.line), shift: r.shift + delta, line: a + lines });
    }
  }
  private static layOut(runs: readonly Run[], count: number): number[] {
    const out = new Array<number>(count);
    let k = 0;
    for (const r of runs) for (let i = r.lo; i < r.hi; i++) out[k++] = r.rel[i]! + r.shift;
    return out;
  }
  /** Offset at which a line starts; undefined past the last line. */
  lineStart(line: number): number | undefined {
    if (line < 0 || line >= this.count) return undefined;
    const runs = this.runs;
    let r = runs[0]!;
    if (runs.length > 1) {
      let lo = 0, hi = runs.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (runs[mid]!.line <= line) lo = mid; else hi = mid - 1; }
      r = runs[lo]!;
    }
    return r.rel[r.lo + line - r.line]! + r.shift;
  }
  get lineCount(): number { return this.count; }
  /** Offset just after the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStart(line + 1);
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string { return this.text.slice(this.lineStart(line) ?? 0, this.lineEnd(line)); }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const runs = this.runs;
    // The run holding the offset (the last whose first line starts at or before it), then the line within it.
    let k = 0;
    if (runs.length > 1) {
      let lo = 0, hi = runs.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; const m = runs[mid]!; if (m.rel[m.lo]! + m.shift <= o) lo = mid; else hi = mid - 1; }
      k = lo;
    }
    const r = runs[k]!, rel = r.rel, x = o - r.shift;
    let lo = r.lo, hi = r.hi - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rel[mid]! <= x) lo = mid; else hi = mid - 1;
    }
    return { line: r.line + lo - r.lo, character: x - rel[lo]! };
  }
  offsetAt(p: Position): number {
    const start = this.lineStart(p.line);
    if (start === undefined) return this.text.length;
    return Math.min(start + p.character, this.lineEnd(p.line));
  }
  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - (this.lineStart(line) ?? 0) } };
  }
}

/** A blank line: a line break, nothing but spaces or tabs, and another (what ends a paragraph, and what no mark spans). */
const BLANK_LINE = '\\n[ \\t]*\\r?\\n';
const HAS_BLANK_LINE = new RegExp(BLANK_LINE);

/** Whether the text holds a blank line. */
export function hasBlankLine(text: string): boolean {
  return HAS_BLANK_LINE.test(text);
}

/** The blank lines of a text, one match each: a new expression each time (a shared one's lastIndex would be state). */
export function blankLines(): RegExp {
  return new RegExp(BLANK_LINE, 'g');
}
