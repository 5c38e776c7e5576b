// How the CLI prints text: control characters escaped, a finding as one line (shared by `check` and its worker threads).
import type { Finding } from '../core/index';

/**
 * A line for a terminal: control characters from a draft's text or a file's name (ESC, BEL, C1 controls) are shown
 * as \u escapes, so a draft cannot move the cursor, retitle the window or ring the bell of whoever checks it.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A finding as `check` prints it in text, control characters escaped: FILE:LINE:COLUMN severity code message. */
export function findingLine(file: string, f: Finding): string {
  return printable(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
}
