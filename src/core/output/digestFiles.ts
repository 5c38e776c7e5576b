// The digest as files for the secretariat: a Word document in the UN layout of the export, and a real spreadsheet.
// Node only (exceljs writes through a stream): the CLI and the desktop extension load it; the web build offers CSV and HTML.
import { t } from '@vscode/l10n';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Writable } from 'node:stream';
import { PARTS } from '../domain/blueprint';
import { getArticle } from '../domain/instruments';
import { documentNumbering, documentStyles, NUMBERING, STYLE } from '../export/styles';
import { digestColumns, digestCounts, digestRow, digestWords, type DigestEntry } from './digest';

/** Characters XML 1.0 cannot carry (a draft's text may hold them): dropped from what is written. */
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** What a spreadsheet cell holds at most: Excel repairs a file with a longer one, cutting it without saying where. */
const CELL_LIMIT = 32_767;
/** A cell's text, cut (at a character, never inside a surrogate pair) when it is longer than a cell holds, saying so and where the whole is. */
function cellText(s: string, e: DigestEntry): string {
  const text = xmlText(s);
  if (text.length <= CELL_LIMIT) return text;
  const note = ` ${t('… [cut: a spreadsheet cell holds at most {0} characters; the whole text is in {1}, line {2}]', CELL_LIMIT.toLocaleString('en-US'), e.file, e.line)}`;
  let end = CELL_LIMIT - note.length;
  if ((text.charCodeAt(end) & 0xfc00) === 0xdc00) end--;
  return text.slice(0, end) + note;
}

/** Which review a run of entries comes from (one State's paragraphs under one part), for its footnote. */
function source(e: DigestEntry, lastLine: number): string {
  const lines = lastLine > e.line ? `${e.line}–${lastLine}` : String(e.line);
  return t('Review of {0} (reviewing States: {1}; cluster {2}; {3}); {4}, line {5}.', e.state, e.reviewingStates.join(', '), e.cluster ?? '—', e.stage === 'finalization' ? t('at finalization') : t('while drafting'), e.file, lines)
    + (e.agreed ? '' : ` ${t('Not agreed with the State under review.')}`);
}

/** Text as the content of a w:t element. */
const xmlEscape = (s: string) => xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One chapter per instrument, a section per article, the part as a sub-heading, each State's entries as numbered
 * paragraphs (in their own language, right to left in Arabic), the first of them with a footnote naming the review.
 *
 * A digest holds tens of thousands of paragraphs: the docx library, which builds an object for every element, spent
 * most of 19 s collecting garbage on 83,000. So the library writes a small document with one paragraph of each kind
 * (its styles, numbering and package as for any export), and the digest's paragraphs are written as that XML with
 * their text put in, straight into the package.
 */
export async function digestDocx(entries: readonly DigestEntry[], lang: string, generated: string): Promise<Uint8Array> {
  const w = digestWords(lang);
  const rtl = lang === 'ar';
  const mark = (k: string) => `QQ${k}QQ`;
  const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], numbered: boolean) =>
    new Paragraph({ heading: level, bidirectional: rtl, ...(numbered ? { numbering: { reference: NUMBERING.chapters, level: 0 } } : {}), children: [new TextRun(mark('T'))] });
  const entry = (first: boolean, own: boolean) => new Paragraph({
    style: STYLE.paragraph, numbering: { reference: NUMBERING.paragraphs, level: 0 }, bidirectional: own,
    children: [...(first ? [new TextRun({ text: `${mark('S')}: `, bold: true, rightToLeft: own })] : []), new TextRun({ text: mark('T'), rightToLeft: own }), ...(first ? [new FootnoteReferenceRun(1)] : [])],
  });
  const kinds = ['title', 'intro', 'h1', 'h2', 'h3', 'firstLtr', 'restLtr', 'firstRtl', 'restRtl'] as const;
  const template = new Document({
    creator: 'review-obs', title: t('Digest of the lists of observations'),
    styles: documentStyles(lang), numbering: documentNumbering(lang),
    footnotes: { 1: { children: [new Paragraph({ bidirectional: rtl, children: [new TextRun(mark('T'))] })] } },
    sections: [{ properties: {}, children: [
      new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, bidirectional: rtl, children: [new TextRun(mark('T'))] }),
      new Paragraph({ bidirectional: rtl, children: [new TextRun(mark('T'))] }),
      heading(HeadingLevel.HEADING_1, true), heading(HeadingLevel.HEADING_2, false), heading(HeadingLevel.HEADING_3, false),
      entry(true, false), entry(false, false), entry(true, true), entry(false, true),
    ] }],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(template));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
  const paragraphs = documentXml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
  if (paragraphs.length !== kinds.length) throw new Error('digest: the template document has an unexpected shape'); // l10n-ignore: an invariant of the docx library's output, not of the user's input
  const xml = Object.fromEntries(kinds.map((k, i) => [k, paragraphs[i]!])) as Record<(typeof kinds)[number], string>;
  const fill = (p: string, text: string, state = '', note = 0) => p.replace(mark('T'), () => xmlEscape(text)).replace(mark('S'), () => xmlEscape(state)).replace('w:footnoteReference w:id="1"', `w:footnoteReference w:id="${note}"`);
  const footnote = /<w:footnote w:id="1">[\s\S]*?<\/w:footnote>/.exec(footnotesXml)![0];

  const body: string[] = [fill(xml.title, t('Digest of the lists of observations')), fill(xml.intro, t('Generated {0} by review-obs: {1} entries.', generated, entries.length))];
  const notes: string[] = [];
  let inst: string | null = null, art: string | null = null, part: string | null = null;
  entries.forEach((e, i) => {
    if (e.instrument !== inst) { body.push(fill(xml.h1, w.instrument(e.instrument))); inst = e.instrument; art = null; }
    const a = `${e.instrument}-${e.article}`;
    if (a !== art) { body.push(fill(xml.h2, w.article(e.instrument, e.article))); art = a; part = null; }
    if (e.part !== part) { body.push(fill(xml.h3, w.part(e.part))); part = e.part; }
    // The first paragraph of a State's run under this part names the review, in a footnote.
    const same = (n: DigestEntry | undefined) => !!n && n.file === e.file && n.part === e.part && n.article === e.article && n.instrument === e.instrument;
    const first = !same(entries[i - 1]);
    const own = e.languages[0] === 'ar';
    if (!first) { body.push(fill(own ? xml.restRtl : xml.restLtr, e.text)); return; }
    let last = e.line;
    for (let j = i + 1; same(entries[j]); j++) last = entries[j]!.line;
    const id = notes.length + 1;
    notes.push(footnote.replace('w:id="1"', `w:id="${id}"`).replace(mark('T'), () => xmlEscape(source(e, last))));
    body.push(fill(own ? xml.firstRtl : xml.firstLtr, e.text, e.state, id));
  });
  const start = documentXml.indexOf(paragraphs[0]!), end = documentXml.lastIndexOf(paragraphs[paragraphs.length - 1]!) + paragraphs[paragraphs.length - 1]!.length;
  zip.file('word/document.xml', documentXml.slice(0, start) + body.join('') + documentXml.slice(end));
  zip.file('word/footnotes.xml', footnotesXml.replace(footnote, () => notes.join('')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Two sheets: every entry as a row (filterable), and the counts per article and part. Written by exceljs's streaming
 * writer, row by row, without shared strings: a digest of 200 lists has some 80,000 rows, which the in-memory
 * workbook took 8 s to write.
 */
export async function digestXlsx(entries: readonly DigestEntry[], lang: string): Promise<Uint8Array> {
  const w = digestWords(lang);
  const chunks: Uint8Array[] = [];
  const sink = new Writable({ write(chunk: Uint8Array, _enc, done) { chunks.push(chunk); done(); } });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  book.creator = 'review-obs';
  const sheet = book.addWorksheet(t('Entries'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
  const cols = digestColumns();
  sheet.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.key === 'text' ? 80 : c.key === 'title' ? 40 : 16, ...(c.key === 'text' ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  for (const e of entries) sheet.addRow(digestRow(e).map((v) => (typeof v === 'string' ? cellText(v, e) : v))).commit();
  sheet.commit();
  const counts = book.addWorksheet(t('Counts per article'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
  counts.columns = [
    { header: t('Instrument'), key: 'instrument', width: 12 }, { header: t('Article'), key: 'article', width: 10 }, { header: t('Article title'), key: 'title', width: 50 },
    ...PARTS.map((p) => ({ header: w.part(p.id), key: p.id, width: 20 })),
  ];
  counts.getRow(1).font = { bold: true };
  for (const c of digestCounts(entries)) counts.addRow({ instrument: c.instrument, article: c.article, title: getArticle(c.instrument, c.article)?.titleEn ?? '', ...c.states }).commit();
  counts.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
