// Line index of a text: converts between offsets and 0-based line/character positions (UTF-16, as VS Code counts).
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class LineIndex {
  /** Offset at which each line starts; a line ends before its line break (\n, \r\n or \r). */
  readonly starts: number[];
  /** Whether the text has a CR (a CRLF or CR line break) anywhere. */
  readonly hasCR: boolean;
  constructor(readonly text: string, known?: { starts: number[]; hasCR: boolean }) {
    if (known) { this.starts = known.starts; this.hasCR = known.hasCR; return; }
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
    this.starts = starts;
  }
  /** An index whose line starts are already known (draft/scan.ts builds them from the previous version's). */
  static fromStarts(text: string, starts: number[], hasCR: boolean): LineIndex { return new LineIndex(text, { starts, hasCR }); }
  get lineCount(): number { return this.starts.length; }
  /** Offset just after the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string { return this.text.slice(this.starts[line] ?? 0, this.lineEnd(line)); }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }
  offsetAt(p: Position): number {
    const start = this.starts[p.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + p.character, this.lineEnd(p.line));
  }
  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - (this.starts[line] ?? 0) } };
  }
}
