// The export compressed by Node's zlib (src/node/deflate.ts) holds the same parts as with fflate's own compressor.
import { describe, expect, it } from 'vitest';
import { inflateSync, unzipSync } from 'fflate';
import { exportDocx } from '../../src/core/export/docx';
import { nodeDeflate } from '../../src/node/deflate';
import { generateDraft } from '../../bench/generate';

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

  it('is one stream whatever the slices: shorter than its window, longer, empty', () => {
    // The body's writer gives 64K slices, but a long text's last slice before the next piece can be a few bytes.
    const text = Buffer.from(generateDraft(200_000, 11, 'en'));
    const cuts = [0, 10, 5_000, 5_000, 40_000, 40_001, 70_000, 120_000, 120_100, text.length];
    const deflate = nodeDeflate();
    const pieces = cuts.slice(1).map((end, i) => deflate(text.subarray(cuts[i]!, end), end === text.length));
    expect(Buffer.from(inflateSync(Buffer.concat(pieces))).equals(text)).toBe(true);
  });
});

