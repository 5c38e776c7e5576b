// Node's zlib as the export's compressor (core/export/body.ts RawDeflate): for the CLI and the desktop extension; the web build keeps fflate's.
import * as zlib from 'node:zlib';
import type { RawDeflate } from '../core/export/body';

/** Deflate keeps its matches within the last 32 KB it read: the window a slice is compressed against. */
const WINDOW = 32 * 1024;

/**
 * One raw deflate stream made of one-shot compressions: each slice is compressed with the 32 KB read before it as its
 * dictionary (so the stream compresses as if written at once) and ends on a sync flush — a byte boundary, not the
 * final block — so the pieces concatenated are one stream; the final slice finishes it.
 */
export function nodeDeflate(): RawDeflate {
  let window: Uint8Array = new Uint8Array(0);
  const deflate = (slice: Uint8Array, final: boolean) => {
    const out = zlib.deflateRawSync(slice, { ...(window.length ? { dictionary: window } : {}), finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    if (slice.length >= WINDOW) window = slice.subarray(slice.length - WINDOW);
    else if (slice.length) {
      const joined = new Uint8Array(Math.min(WINDOW, window.length + slice.length));
      const keep = joined.length - slice.length;
      joined.set(window.subarray(window.length - keep), 0);
      joined.set(slice, keep);
      window = joined;
    }
    return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length);
  };
  // zlib's CRC-32 came with Node 20.15; before it, the zip's own is used.
  return typeof zlib.crc32 === 'function' ? Object.assign(deflate, { crc32: continuedCrc32 }) : deflate;
}

/**
 * zlib's CRC-32 continued over one more slice. An empty slice leaves the sum as it is — zlib's own `crc32` answers 0 to
 * a slice without memory behind it (its "no buffer: give the initial value" convention), which an empty string
 * encoded is: the body's last, empty flush then wrote a checksum of 0, and Word calls such a package corrupt.
 */
function continuedCrc32(data: Uint8Array, value: number): number {
  return data.length ? zlib.crc32(data, value) : value;
}
