// Turns a file's bytes into draft text, or into a file-level finding when they are not a readable UTF-8 text.
import { sharedEnds } from '../text/changes';
import { t } from '@vscode/l10n';
import type { Finding } from '../checks/finding';

/** Larger drafts are refused rather than parsed: a merged working file is a few MB, 16 MB is far past any draft. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; finding: Finding };

const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The length of a text in UTF-8 bytes, without encoding it (and without Node's Buffer, which the web build lacks). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** The finding for a draft over the size limit, or null; the editor asks this before checking an open document. */
export function tooLarge(size: number, maxBytes = DEFAULT_MAX_BYTES): Finding | null {
  if (size <= maxBytes) return null;
  return { code: 'file.too-large', severity: 'error', range: at0, message: t('The file is {0} MB; drafts over {1} MB are not checked. Split it, or raise the limit in the settings (reviewObservations.maxFileSizeMB).', mb(size), mb(maxBytes)) };
}

/** What a path is, as the file system says before anything is read: only a regular file of a readable size is read. */
export type FileKind = 'file' | 'directory' | 'fifo' | 'device' | 'socket' | 'link-loop' | 'missing' | 'denied' | 'other';

/**
 * The finding for a path that is not read at all, or null for a regular file within the limit. A FIFO would block the
 * run forever, a device such as /dev/zero never ends, a link loop has no file behind it: each is named, and the run
 * goes on with the other files.
 */
export function unreadablePath(kind: FileKind, size: number, maxBytes = DEFAULT_MAX_BYTES): Finding | null {
  const message: Record<Exclude<FileKind, 'file'>, () => string> = {
    directory: () => t('This is a folder, not a file.'),
    fifo: () => t('This is a named pipe (FIFO), not a file: it is not read, as reading it could wait forever.'),
    device: () => t('This is a device, not a file: it is not read, as it may never end.'),
    socket: () => t('This is a socket, not a file.'),
    'link-loop': () => t('This symbolic link points to itself, directly or through other links: there is no file to read. Remove or fix the link.'),
    missing: () => t('This path does not exist (a symbolic link that points nowhere?).'),
    denied: () => t('Permission denied: the file cannot be read. Check its permissions.'),
    other: () => t('This is not a regular file.'),
  };
  if (kind !== 'file') return { code: 'file.unreadable', severity: 'error', range: at0, message: message[kind]() };
  return tooLarge(size, maxBytes);
}

/** The finding for a file whose reading failed: named by its kind when the error tells it, else in the error's words. */
export function readFailure(kind: FileKind, detail: string): Finding {
  return (kind !== 'other' && kind !== 'file' ? unreadablePath(kind, 0) : null)
    ?? { code: 'file.unreadable', severity: 'error', message: t('cannot read the file: {0}', detail), range: at0 };
}

/** The kind of a path from an fs error code (ELOOP, ENOENT, EACCES…), for unreadablePath. */
export function kindOfError(code: string | undefined): FileKind {
  return code === 'ELOOP' ? 'link-loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'EISDIR' ? 'directory' : 'other';
}

export function decodeDraft(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  const big = tooLarge(bytes.length, maxBytes);
  if (big) return { ok: false, finding: big };
  const probe = bytes.subarray(0, 8192);
  const utf16 = utf16Of(probe);
  if (utf16) return fail('file.not-utf8', t('The file is in {0}, not UTF-8. Save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8; in a terminal: iconv -f {0} -t UTF-8 FILE > FILE.utf8.md).', utf16));
  if (probe.includes(0)) return fail('file.binary', t('The file is binary, not a Markdown draft (it contains NUL bytes). Open the .md file of the draft instead.'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail('file.not-utf8', t('The file is not valid UTF-8 (first bad byte at offset {0}). Save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).', bad));
  }
  // TextDecoder drops a BOM by default; put it back so offsets and edits match the bytes on disk.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = '\ufeff' + text;
  return { ok: true, text };
}

function fail(code: string, message: string): Decoded {
  return { ok: false, finding: { code, severity: 'error', message, range: at0 } };
}
function mb(n: number): string { return (n / 1024 / 1024).toFixed(1); }

/** UTF-16 by its byte-order mark, or by the NUL bytes every other byte of mostly-ASCII text has; null otherwise. */
function utf16Of(p: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (p[0] === 0xff && p[1] === 0xfe) return 'UTF-16LE';
  if (p[0] === 0xfe && p[1] === 0xff) return 'UTF-16BE';
  if (p.length < 8) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i + 1 < p.length; i += 2) { if (p[i] === 0) evenZero++; if (p[i + 1] === 0) oddZero++; }
  const pairs = p.length >> 1;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'UTF-16LE';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/**
 * Offset of the first byte that starts no valid UTF-8 sequence; one pass, for the message only. The second byte's
 * range follows the standard (Unicode table 3-7), so an encoded surrogate or an overlong form is found where it stands.
 */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const second = b[i + 1] ?? 0;
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (n > 0 && (second < lo || second > hi)) return i;
    for (let k = 2; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/** Deeper than this, quotes, lists or emphasis are not a draft's structure, and Markdown's tree walkers overflow the stack. */
export const MAX_NESTING = 100;
// A hundred container markers in a row ("> > >", "- - -", "1. 1. 1."), two hundred emphasis markers, or a list marker
// indented two hundred spaces (lists nested over many lines): a cheap first look, made precise on the line it finds.
const DEEP = new RegExp(String.raw`(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]{0,3}){${MAX_NESTING}}|[*_]{${MAX_NESTING * 2}}|\n {${MAX_NESTING * 2}} *(?:[-*+]|\d{1,9}[.)])[ \t]`, 'g');
const THEMATIC_BREAK = /^[ \t]*(?:[*_-][ \t]*)+$/;
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/;

/**
 * Where the text nests deeper than MAX_NESTING, with the line (0-based) and the depth, or null. A line of only markers
 * is a thematic break, not nesting.
 */
export function tooDeep(text: string): { offset: number; line: number; depth: number } | null {
  DEEP.lastIndex = 0;
  for (let m = DEEP.exec(text); m; m = DEEP.exec(text)) {
    const at = text[m.index] === '\n' ? m.index + 1 : m.index;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const nl = text.indexOf('\n', at);
    const lineText = text.slice(start, nl < 0 ? text.length : nl);
    if (THEMATIC_BREAK.test(lineText)) { DEEP.lastIndex = nl < 0 ? text.length : nl; continue; }
    const containers = (CONTAINERS.exec(lineText)![0].match(/>|[-*+](?=[ \t])|\d{1,9}[.)]/g) ?? []).length;
    const run = Math.max(0, ...[...lineText.matchAll(/[*_]+/g)].map((r) => r[0].length >> 1));
    const indent = (/^ */.exec(lineText)![0].length >> 1) + 1;
    return { offset: start, line: breaks(text, 0, start), depth: Math.max(containers, run, indent) };
  }
  return null;
}

/** A text's first line too deep (offset of its start, its line, 0-based), or null. */
export type TooDeep = ReturnType<typeof tooDeep>;
/**
 * tooDeep of `text`, an edit of `earlier` whose answer was `before`: every line of both lies within its line (the
 * line break before it aside), so only the lines the edit touched are read again, the earlier answer standing before
 * them and moved after them. The whole text is read when the earlier answer lay on a line the edit changed.
 */
export function tooDeepAfterEdit(text: string, earlier: string, before: TooDeep): TooDeep {
  const { prefix, suffix, same } = sharedEnds(earlier, text);
  if (same) return before;
  // The changed lines: from the start of the line of the first difference to the end of the line of the last (in
  // either text), with the line break before them, which the deepest indentation's pattern begins with.
  const a = prefix > 0 ? text.lastIndexOf('\n', prefix - 1) + 1 : 0;
  if (before && before.offset < a) return before;
  const endIn = (s: string, from: number) => { const nl = s.indexOf('\n', from); return nl < 0 ? s.length : nl; };
  const b = endIn(text, Math.max(a, text.length - suffix)), bWas = endIn(earlier, Math.max(a, earlier.length - suffix));
  const from = a > 0 ? a - 1 : 0;
  const found = tooDeep(text.slice(from, b));
  if (found) return { offset: from + found.offset, line: breaks(text, 0, from) + found.line, depth: found.depth };
  if (!before) return null;
  // The earlier answer after the changed lines stands, moved by the edit; one on them is gone, and the next may be anywhere after.
  if (before.offset <= bWas) return tooDeep(text);
  return { offset: before.offset + text.length - earlier.length, line: before.line + breaks(text, a, b) - breaks(earlier, a, bWas), depth: before.depth };
}
/** How many line breaks (LF) stand in text[from, to). */
function breaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The message for tooDeep, for the check's finding and the export's refusal alike. */
export function tooDeepMessage(depth: number, line: number): string {
  return t('Line {0} nests {1} levels deep (quotes, lists or emphasis); more than {2} is not a draft\'s structure and cannot be exported. Flatten it.', line + 1, depth, MAX_NESTING);
}

