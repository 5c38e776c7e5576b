// The export compressed by Node's zlib (src/node/deflate.ts) holds the same parts as with fflate's own compressor.
import { describe, expect, it } from 'vitest';
import { inflateSync, unzipSync } from 'fflate';
import { exportDocx } from '../../src/core/export/docx';
import { nodeDeflate } from '../../src/node/deflate';
import { generateDraft } from '../../bench/generate';

/** CRC-32 as the zip format defines it (polynomial 0xEDB88320), bit by bit: the reference, independent of any library. */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Each part's CRC-32 as the package's central directory lists it. */
function centralDirectory(zip: Buffer): Map<string, number> {
  // The entries (signature 0x02014b50): the CRC-32 at 16, the name's length at 28, the name at 46.
  const listed = new Map<string, number>();
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46)) {
    const nameLength = zip.readUInt16LE(at + 28);
    listed.set(zip.subarray(at + 46, at + 46 + nameLength).toString(), zip.readUInt32LE(at + 16));
  }
  return listed;
}

describe("the export's compressor", () => {
  it('gives the same package contents with zlib in slices as with fflate, and no larger', async () => {
    // Long enough for the body to go in many slices, each compressed against the 32 KB before it.
    const text = generateDraft(300_000, 7, 'en');
    const ours = await exportDocx(text, { mode: 'with-changes', deflate: nodeDeflate });
    const fflate = await exportDocx(text, { mode: 'with-changes' });
    const a = unzipSync(ours), b = unzipSync(fflate);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    // The package's creation and modification times are the two exports' own.
    const same = (name: string, bytes: Uint8Array) => name === 'docProps/core.xml' ? Buffer.from(bytes).toString().replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1') : Buffer.from(bytes).toString('base64');
    for (const name of Object.keys(b)) expect(same(name, a[name]!), name).toBe(same(name, b[name]!));
    expect(a['word/document.xml']!.length).toBeGreaterThan(500_000);
    expect(ours.length).toBeLessThan(fflate.length * 1.05);
  });

  it("writes each part's checksum as the zip format computes it", async () => {
    const text = generateDraft(200_000, 5, 'en');
    const zip = Buffer.from(await exportDocx(text, { mode: 'with-changes', deflate: nodeDeflate }));
    const parts = unzipSync(zip);
    const listed = centralDirectory(zip);
    expect([...listed.keys()].sort()).toEqual(Object.keys(parts).sort());
    for (const [name, data] of Object.entries(parts)) expect(listed.get(name), name).toBe(crc32(data));
  });

  it('continues its checksum over an empty slice, as the body\'s last flush can be', () => {
    // An empty string encoded has no memory behind it, and zlib's crc32 answers 0 to that: such a package's body
    // carried a checksum of 0, which Word takes for a corrupt file.
    const crc = nodeDeflate().crc32!;
    const sum = crc(Buffer.from('<w:body>'), 0);
    expect(crc(new TextEncoder().encode(''), sum)).toBe(sum);
    expect(crc(new Uint8Array(0), sum)).toBe(sum);
  });

  it('writes the right checksums for a body whose last flush is empty', async () => {
    // Found on 1 MB of git conflict lines, whose body's last piece filled a flush, leaving nothing for the final one.
    // Which body does that depends on the XML's length: a paragraph grown until the last slice checksummed is empty.
    let zip: Buffer | null = null;
    // The window is as wide as the XML after the paragraph (a few hundred bytes), just under a flush (64K) of XML.
    for (let length = 55_000; length < 66_000 && !zip; length += 100) {
      let empty = false;
      const watched = () => {
        const deflate = nodeDeflate();
        return Object.assign((slice: Uint8Array, final: boolean) => deflate(slice, final), { crc32: (data: Uint8Array, value: number) => { if (!data.length) empty = true; return deflate.crc32!(data, value); } });
      };
      const bytes = await exportDocx(`---\ntitle: T\n---\n\n# T\n\n${'x'.repeat(length)}\n`, { mode: 'with-changes', deflate: watched });
      if (empty) zip = Buffer.from(bytes);
    }
    expect(zip, 'a body whose last flush is empty').not.toBeNull();
    const parts = unzipSync(zip!);
    const listed = centralDirectory(zip!);
    for (const [name, data] of Object.entries(parts)) expect(listed.get(name), name).toBe(crc32(data));
  }, 60_000);

  it('is one stream whatever the slices: shorter than its window, longer, empty', () => {
    // The body's writer gives 64K slices, but a long text's last slice before the next piece can be a few bytes.
    const text = Buffer.from(generateDraft(200_000, 11, 'en'));
    const cuts = [0, 10, 5_000, 5_000, 40_000, 40_001, 70_000, 120_000, 120_100, text.length];
    const deflate = nodeDeflate();
    const pieces = cuts.slice(1).map((end, i) => deflate(text.subarray(cuts[i]!, end), end === text.length));
    expect(Buffer.from(inflateSync(Buffer.concat(pieces))).equals(text)).toBe(true);
  });
});

