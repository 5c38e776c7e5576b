// Turns a file's bytes into draft text, or into a file-level finding when they are not a readable UTF-8 text.
import { t } from '@vscode/l10n';
import type { Finding } from './finding';

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

export function decodeDraft(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  const big = tooLarge(bytes.length, maxBytes);
  if (big) return { ok: false, finding: big };
  const probe = bytes.subarray(0, 8192);
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

/** Offset of the first byte that starts no valid UTF-8 sequence; one pass, for the message only. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
