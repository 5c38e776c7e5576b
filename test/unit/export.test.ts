// Export to Word as the secretariat meets it: OOXML parts, LibreOffice's rendering, and pandoc reading the changes back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { exportDocx } from '../../src/core/export/docx';
import { newDraft } from '../../src/core/index';

const repo = join(__dirname, '..', '..');
const artifacts = join(repo, 'test-artifacts');
const work = mkdtempSync(join(tmpdir(), 'ro-export-'));

/** The comments draft of the editor tests, with a suggestion that carries a comment, a footnote and a table. */
const rich = readFileSync(join(repo, 'test', 'editor', 'workspace', 'comments.md'), 'utf8')
  .replace('The experts met in the capital and in two provinces.', 'The experts met in the {~~capital~>capital city~~}{>>@cccc3333<<} and in {--two --}{>>@dddd4444<<}provinces.\n{>>@cccc3333 | Li Wei (Calderra) | 2026-11-23T10:00:00Z | Clearer.<<}\n{>>@dddd4444 | Li Wei (Calderra) | 2026-11-23T10:01:00Z<<}')
  + '\nA reference to a footnote[^1] and a table:\n\n| State | Cases |\n|---|---|\n| Arcadia | 4 |\n\n[^1]: Supreme Court, judgment of 2019.\n';

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  return { doc: await read('word/document.xml'), styles: await read('word/styles.xml'), comments: await read('word/comments.xml'), ext: await read('word/commentsExtended.xml'), footnotes: await read('word/footnotes.xml') };
}

function soffice(file: string): string {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file], { env: { ...process.env, HOME: work }, stdio: 'ignore', timeout: 120_000 });
  const pdf = file.replace(/\.docx$/, '.pdf');
  expect(existsSync(pdf)).toBe(true);
  return pdf;
}
const pdftext = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
function firstPagePng(pdf: string, name: string): void {
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, name)]);
}

describe('export to .docx', () => {
  it('writes threads as Word comments with replies and resolved state, suggestions as tracked changes, footnotes and tables', async () => {
    const p = await parts(await exportDocx(rich, { mode: 'with-changes' }));
    expect(p.comments).toContain('Covers or addresses?');
    expect(p.comments).toContain('w:author="Li Wei (Calderra)"');
    expect(p.comments).toContain('Clearer.'); // the comment that came with a suggestion
    expect(p.ext).toMatch(/w15:done="1"/); // the resolved thread
    expect(p.ext).toMatch(/w15:paraIdParent=/); // a reply
    expect(p.doc).toMatch(/<w:ins w:id="\d+" w:author="Li Wei \(Calderra\)" w:date="2026-11-23T10:00:00Z">/);
    expect(p.doc).toMatch(/<w:del w:id="\d+" w:author="Li Wei \(Calderra\)"[^>]*>[\s\S]*?<w:delText[^>]*>capital<\/w:delText>/);
    expect(p.doc).toMatch(/<w:delText[^>]*>two <\/w:delText>/);
    expect(p.doc).toContain('<w:footnoteReference w:id="1"/>');
    expect(p.footnotes).toContain('Supreme Court, judgment of 2019.');
    expect(p.doc).toContain('<w:tbl>');
    expect(p.doc).not.toMatch(/\{==|\{>>@|\{~~|\{--|#untoc/); // no raw markup reaches Word
    // ids of revision marks are distinct
    const ids = [...p.doc.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes a suggestion or a comment with no date Word can read without one (not 1 January 1970, nor the export\'s moment)', async () => {
    const text = rich.replace('Text.', 'Text {++undated++} and {--unreadable--}{>>@dddd4444<<}, a {>>note with no thread<<} and a {==comment==}{>>@eeee7777<<}.')
      + '\n{>>@dddd4444 | A (B) | 2026-13-45T99:99:99Z<<}\n{>>@eeee7777 | C (D) | 2026-13-45T99:99:99Z | Dated when?<<}\n';
    const p = await parts(await exportDocx(text, { mode: 'with-changes' }));
    const opening = (word: string) => p.doc.match(new RegExp(`<w:(?:ins|del) [^>]*>(?:(?!</w:(?:ins|del)>)[^])*>${word}<`))![0].match(/^<w:(?:ins|del) [^>]*>/)![0];
    expect(opening('undated')).toMatch(/^<w:ins w:id="\d+" w:author="Unknown">$/);
    expect(opening('unreadable')).toMatch(/^<w:del w:id="\d+" w:author="A \(B\)">$/);
    expect(p.doc).not.toContain('1970');
    // The comments likewise: neither 1970 nor the moment of the export.
    const comment = (body: string) => p.comments.match(new RegExp(`<w:comment [^>]*>(?:(?!</w:comment>)[^])*${body}`))![0].match(/^<w:comment [^>]*>/)![0];
    expect(comment('note with no thread')).not.toMatch(/w:date/);
    expect(comment('Dated when\\?')).not.toMatch(/w:date/);
    expect(comment('Covers or addresses\\?')).toMatch(/w:date="2026-/);
    // A word with no space around it needs no xml:space (half of such a run's XML, in a draft of many short marks).
    expect(p.doc).toContain('<w:r><w:t>undated</w:t></w:r>');
    expect(p.doc).toContain('<w:r><w:delText>unreadable</w:delText></w:r>');
  });

  it('the clean copy has the accepted text only', async () => {
    const p = await parts(await exportDocx(rich, { mode: 'clean' }));
    expect(p.doc).not.toMatch(/<w:ins |<w:del |commentRangeStart/);
    expect(p.doc).toContain('capital city');
    expect(p.comments).toBe('');
  });

  it('LibreOffice renders the English, Chinese and Arabic samples: numbered paragraphs, chapters, sections, the scripts', async () => {
    const en = join(work, 'en.docx'), zh = join(work, 'zh.docx'), ar = join(work, 'ar.docx');
    writeFileSync(en, await exportDocx(readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md'), 'utf8'), { mode: 'with-changes' }));
    writeFileSync(zh, await exportDocx(readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.zh.md'), 'utf8'), { mode: 'with-changes' }));
    const arText = newDraft({ kind: 'list-of-observations', stateUnderReview: 'أركاديا', cluster: 1, partyTo: ['untoc'], languages: ['ar'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: [5] } })
      .replace(/<!--[^>]*-->/g, 'تجرم الدولة المشاركة في جماعة إجرامية منظمة بموجب المادة 5 من الاتفاقية.');
    writeFileSync(ar, await exportDocx(arText, { mode: 'with-changes' }));
    const tEn = pdftext(soffice(en)), tZh = pdftext(soffice(zh)), tAr = pdftext(soffice(ar));
    expect(tEn).toMatch(/^\s*I\.\s+Introduction/m);
    expect(tEn).toMatch(/^\s*II\.\s+United Nations Convention against Transnational Organized Crime/m);
    expect(tEn).toMatch(/^\s*A\.\s+Article 5\. Criminalization of participation in an organized criminal group/m);
    expect(tEn).toMatch(/^\s*1\.\s+This list of observations was drafted/m);
    expect(tEn).toMatch(/^\s*7\.\s+Arcadia indicated a need for training/m); // (a) and (b) are subparagraphs of 6
    expect(tEn).toMatch(/Original: English/);
    expect(tZh).toMatch(/一、\s*导言/);
    expect(tZh).toContain('参加有组织犯罪集团行为的刑事定罪');
    // (words without the lam-alef ligature, which pdftotext extracts in visual order)
    expect(tAr).toContain('جماعة إجرامية منظمة');
    expect(tAr).toContain('العربية'); // "الأصل: العربية", the original language in Arabic
    firstPagePng(en.replace('.docx', '.pdf'), 'export-en');
    firstPagePng(zh.replace('.docx', '.pdf'), 'export-zh');
    firstPagePng(ar.replace('.docx', '.pdf'), 'export-ar');
  }, 300_000);

  it('an Arabic draft exports right to left: bidirectional paragraphs, right-to-left runs, the complex-script font, headings in Arabic', async () => {
    const text = newDraft({ kind: 'list-of-observations', stateUnderReview: 'أركاديا', cluster: 1, partyTo: ['untoc'], languages: ['ar'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: [5] } })
      .replace(/<!--[^>]*-->/g, 'وفقًا للفقرة 1 (أ) من المادة 5 من الاتفاقية، 3 تدابير.');
    const p = await parts(await exportDocx(text, { mode: 'clean' }));
    expect(p.doc).toContain('تدابير التنفيذ');
    expect(p.doc).toContain('المادة 5');
    // every paragraph of Arabic text is bidirectional and its runs right to left
    const paras = p.doc.split('<w:p>').slice(1).filter((x) => /[\u0600-\u06FF]/.test(x));
    expect(paras.length).toBeGreaterThan(5);
    for (const para of paras) expect(para).toMatch(/<w:bidi\/>/);
    expect(p.doc).toMatch(/<w:rtl\/>/);
    expect(p.styles).toMatch(/w:cs="Arial"/);
    // numbers and references stay in logical order inside the Arabic run: Word's bidi algorithm places them
    expect(p.doc).toContain('وفقًا للفقرة 1 (أ) من المادة 5 من الاتفاقية، 3 تدابير.');
  });

  it('pandoc reads every comment and every change back', async () => {
    const f = join(work, 'rich.docx');
    writeFileSync(f, await exportDocx(rich, { mode: 'with-changes' }));
    const json = JSON.parse(execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', f], { encoding: 'utf8' }));
    const spans: string[] = [];
    const walk = (x: unknown) => { if (Array.isArray(x)) x.forEach(walk); else if (x && typeof x === 'object') { const o = x as { t?: string; c?: unknown }; if (o.t === 'Span') spans.push(((o.c as [[string, string[], [string, string][]]])[0][1] ?? []).join(' ')); walk(o.c); } };
    walk(json.blocks);
    // comments: aaaa1111 (2), bbbb2222 (1), cccc3333 (1, with its suggestion)
    expect(spans.filter((s) => s === 'comment-start').length).toBe(4);
    // changes: "capital" → "capital city" (a deletion and an insertion), and "two " deleted
    expect(spans.filter((s) => s === 'insertion').length).toBe(1);
    expect(spans.filter((s) => s === 'deletion').length).toBe(2);
  }, 60_000);

  it('exports hostile text correctly: XML characters, control characters, emoji, a very long paragraph, 1 MB', async () => {
    const nasty = rich.replace('Text.', 'Tags <b>&amp; "quotes" \'apostrophes\' & ampersands</b>, a\u0001control, a\u000bvertical tab, emoji 😀🇺🇳, and 犯罪 جريمة.') + '\n' + 'Long paragraph. '.repeat(20_000) + '\n';
    const p = await parts(await exportDocx(nasty, { mode: 'with-changes' }));
    expect(p.doc).toContain('&amp;amp; &quot;quotes&quot;');
    expect(p.doc).toContain('emoji 😀🇺🇳');
    expect(p.doc).not.toMatch(/[\u0001\u000b]/);
    const big = newDraft({ kind: 'list-of-observations', stateUnderReview: 'A', cluster: 1, partyTo: ['untoc'], languages: ['en'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: Array.from({ length: 41 }, (_, i) => i + 1) } })
      .replace(/<!--[^>]*-->/g, () => 'The reviewing experts noted that section 212 requires an overt act; see article 5 of the Convention.\n\n'.repeat(50));
    expect(big.length).toBeGreaterThan(1_000_000);
    const f = join(work, 'big.docx');
    writeFileSync(f, await exportDocx(big, { mode: 'with-changes' }));
    expect(pdftext(soffice(f))).toMatch(/^\s*1000\.\s+The reviewing experts/m);
  }, 300_000);
});

describe('the body written from templates', () => {
  const shapes = rich.replace('Text.', 'Tags <b>&amp; "quotes" \'apostrophes\' & ampersands</b> [a link](https://example.org/?a=1&b=2), **bold *both***, `code &`, a break  \nhere, جريمة.')
    + '\n> A quote {++added++}{>>@eeee5555<<}, {--undated--} {~~also~>undated~~}.\n\n{>>@eeee5555 | A <&> "B" | 2026-11-23T10:00:00Z<<}\n\n- (a) one\n  - nested {==here==}{>>@ffff6666<<}\n\n{>>@ffff6666 | C (D) | 2026-11-23T10:00:00Z | A point.<<}\n\n1. again\n\n```\ncode <x>\n```\n\nA point{>>@abab1212<<} comment.\n\n{>>@abab1212 | E (F) | 2026-11-23T10:00:00Z | Here.<<}\n';
  const drafts: [string, string][] = [
    ['every shape', shapes],
    ...['examples/arcadia-list-of-observations.en.md', 'examples/arcadia-list-of-observations.zh.md', ...readdirSync(join(repo, 'sample-review')).filter((f) => f.endsWith('.md')).map((f) => `sample-review/${f}`)]
      .map((f): [string, string] => [f, readFileSync(join(repo, f), 'utf8')]),
    ['Arabic', newDraft({ kind: 'list-of-observations', stateUnderReview: 'A', cluster: 1, partyTo: ['untoc'], languages: ['ar'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: [5, 6] } })],
    // The body is compressed as it is written, a long text in slices: one of 80,000 UTF-16 units whose slices would
    // fall inside a surrogate pair, and a paragraph of many short runs across the slices.
    ['long texts', rich.replace('Text.', `a${'😀'.repeat(40_000)}\n\n${'{++x++}{>>@abcd1234<<} '.repeat(5_000)}\n\n{>>@abcd1234 | A (B) | 2026-11-23T10:00:00Z<<}`)],
  ];
  for (const [name, draft] of drafts) it(`are the XML the docx library writes paragraph by paragraph: ${name}`, async () => {
    for (const mode of ['with-changes', 'clean'] as const) {
      const fast = await JSZip.loadAsync(await exportDocx(draft, { mode }));
      const slow = await JSZip.loadAsync(await exportDocx(draft, { mode, body: 'library' }));
      expect(Object.keys(fast.files).sort()).toEqual(Object.keys(slow.files).sort());
      for (const f of Object.keys(slow.files)) {
        // docProps/core.xml carries the moment of writing.
        if (f === 'docProps/core.xml') continue;
        // A hyperlink's relationship id is random at each writing.
        const read = async (z: JSZip) => (await z.file(f)!.async('string')).replace(/rId[a-z0-9_-]{16,}/gi, 'rId(link)');
        // The one difference written on purpose: the templates leave out xml:space on text that keeps its spaces
        // without it (Word's way), the library never does. Taken out of both where not needed (the library writes the
        // paragraphs with links and the tables in both), so text that needs it and lacks it still differs.
        const bare = (xml: string) => xml.replace(/<w:(t|delText) xml:space="preserve">([^<]*)<\/w:\1>/g, (all, el: string, t: string) => (/^\s|\s$|\s\s|[^\S ]/.test(t) ? all : `<w:${el}>${t}</w:${el}>`));
        const [a, b] = f === 'word/document.xml' ? [bare(await read(fast)), bare(await read(slow))] : [await read(fast), await read(slow)];
        if (a !== b) expect(`${f}: ${a.slice(commonPrefix(a, b) - 200, commonPrefix(a, b) + 200)}`).toBe(`${f}: ${b.slice(commonPrefix(a, b) - 200, commonPrefix(a, b) + 200)}`);
      }
    }
  });
});

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return Math.max(i, 200);
}

describe('review-obs export', () => {
  const run = async (args: string[], cwd: string) => {
    const out: string[] = [], err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('writes the .docx atomically next to the draft, and never over a file open in Word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-exp-'));
    writeFileSync(join(dir, 'draft.md'), readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md')));
    expect((await run(['export', 'draft.md'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'draft.docx')).subarray(0, 2).toString()).toBe('PK');
    writeFileSync(join(dir, '~$draft.docx'), 'owner');
    const r = await run(['export', 'draft.md', '-o', 'draft.docx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/open in Word/);
  });
  it('refuses a clean copy while the draft has errors, with the reason, unless forced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-exp-'));
    writeFileSync(join(dir, 'draft.md'), readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md')));
    const r = await run(['export', 'draft.md', '--clean'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/structure\.empty-part/);
    expect(r.err).toMatch(/still has 1 error/);
    expect(existsSync(join(dir, 'draft.docx'))).toBe(false);
    expect((await run(['export', 'draft.md', '--clean', '--force'], dir)).code).toBe(0);
  });
});
