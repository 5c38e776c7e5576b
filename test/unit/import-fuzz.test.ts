// A bounded fuzz of the import: the sample drafts' exports, their XML mutated (fixed seed), end in an import or a refusal naming the file — never another error.
import fc from 'fast-check';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx';
import { importDocx, WordFileError } from '../../src/core/word/index';

const repo = join(__dirname, '..', '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
// What Word and other word processors write, and what a broken file holds: put where an element starts.
const SNIPPETS = [
  '<w:r><w:t>x</w:t></w:r>', '<w:ins w:id="9" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:t>new</w:t></w:r></w:ins>',
  '<w:del w:id="8" w:author="B"><w:r><w:delText>old</w:delText></w:r></w:del>', '</w:p><w:p>', '<w:commentRangeStart w:id="77"/>',
  '<w:commentRangeEnd w:id="77"/>', '<w:r><w:commentReference w:id="77"/></w:r>', '&amp;', '&#x1F600;', '&nbsp;', '<![CDATA[<x>]]>',
  '<!-- c -->', '<w:tab/>', '<w:br/>', '<w:p/>', '<w:sdt><w:sdtContent><w:p><w:r><w:t>s</w:t></w:r></w:p></w:sdtContent></w:sdt>',
  '<w:moveFrom w:id="5" w:author="C"><w:r><w:t>m</w:t></w:r></w:moveFrom>', '<w:pPr><w:rPr><w:ins w:id="4" w:author="D" w:date="x"/></w:rPr></w:pPr>',
  '<w:hyperlink><w:r><w:t>h</w:t></w:r></w:hyperlink>', '<w:rPr><w:b/></w:rPr>', '<w:r><w:t>\u0001</w:t></w:r>', '<', '>', '</w:body>',
];
const mutation = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), op: fc.constantFrom('insert', 'insert', 'insert', 'insert', 'cut', 'repeat'), snippet: fc.constantFrom(...SNIPPETS), n: fc.integer({ min: 1, max: 300 }) });

function mutate(xml: string, muts: { at: number; op: string; snippet: string; n: number }[]): string {
  for (const m of muts) {
    const at = xml.indexOf('<', Math.floor(m.at * xml.length));
    if (at < 0) continue;
    // Inserted after a run or a paragraph (where an element may stand), the others anywhere an element starts.
    const after = xml.indexOf('</w:r>', at);
    if (m.op === 'insert' && after > 0) xml = xml.slice(0, after + 6) + m.snippet + xml.slice(after + 6);
    else if (m.op === 'insert') xml = xml.slice(0, at) + m.snippet + xml.slice(at);
    else if (m.op === 'cut') xml = xml.slice(0, at) + xml.slice(Math.min(xml.length, at + m.n));
    else { const end = xml.indexOf('<', at + 1); if (end > 0) xml = xml.slice(0, at) + xml.slice(at, end).repeat(1 + (m.n % 5)) + xml.slice(at); }
  }
  return xml;
}

describe(`fuzzing the import (${RUNS} mutated returned files, seed ${SEED})`, () => {
  it('imports each or refuses it with a message naming the file, and never writes a broken mark', async () => {
    const drafts = ['arcadia-list-of-observations.en.md', 'arcadia-list-of-observations.zh.md'].map((f) => readFileSync(join(repo, 'sample-review', f), 'utf8'));
    const exports = await Promise.all(drafts.map((d) => exportDocx(d, { mode: 'with-changes' })));
    const cases = fc.sample(fc.record({ draft: fc.nat(drafts.length - 1), part: fc.constantFrom('word/document.xml', 'word/comments.xml'), muts: fc.array(mutation, { minLength: 1, maxLength: 4 }) }), { numRuns: RUNS, seed: SEED });
    let imported = 0;
    for (const c of cases) {
      const zip = await JSZip.loadAsync(exports[c.draft]!);
      const xml = await zip.file(c.part)?.async('string');
      if (xml === undefined) continue;
      zip.file(c.part, mutate(xml, c.muts));
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      try {
        await importDocx(drafts[c.draft]!, bytes, 'returned.docx', { author: { name: 'A', state: 'B' }, force: true, now: () => new Date(Date.UTC(2026, 0, 1)) });
        imported++;
      } catch (e) {
        // A refusal names the file; anything else is a bug (its message and the case are shown).
        if (!(e instanceof WordFileError)) expect.fail(`${(e as Error).stack}\n${JSON.stringify(c)}`);
        expect((e as Error).message).toContain('returned.docx');
      }
    }
    // Many mutations leave a file the import can read: the campaign is not only of refusals.
    expect(imported).toBeGreaterThan(RUNS / 8);
  });
});
