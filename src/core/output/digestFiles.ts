// The digest as files for the secretariat: a Word document in the UN layout of the export, and a real spreadsheet.
import { t } from '@vscode/l10n';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { PARTS } from '../domain/blueprint';
import { getArticle } from '../domain/instruments';
import { documentNumbering, documentStyles, NUMBERING, STYLE } from '../export/styles';
import { digestColumns, digestCounts, digestRow, digestWords, type DigestEntry } from './digest';

/** Characters XML 1.0 cannot carry (a draft's text may hold them): dropped from what is written. */
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Which review an entry comes from, for its footnote. */
function source(e: DigestEntry): string {
  return t('Review of {0} (reviewing States: {1}; cluster {2}; {3}); {4}, line {5}.', e.state, e.reviewingStates.join(', '), e.cluster ?? '—', e.stage === 'finalization' ? t('at finalization') : t('while drafting'), e.file, e.line)
    + (e.agreed ? '' : ` ${t('Not agreed with the State under review.')}`);
}

/**
 * One chapter per instrument, a section per article, the part as a sub-heading, each State's entries as numbered
 * paragraphs (in their own language, right to left in Arabic), each with a footnote naming its review.
 */
export async function digestDocx(entries: readonly DigestEntry[], lang: string, generated: string): Promise<Uint8Array> {
  const w = digestWords(lang);
  const rtl = lang === 'ar';
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, bidirectional: rtl, children: [new TextRun(t('Digest of the lists of observations'))] }),
    new Paragraph({ bidirectional: rtl, children: [new TextRun(t('Generated {0} by review-obs: {1} entries.', generated, entries.length))] }),
  ];
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let inst: string | null = null, art: string | null = null, part: string | null = null, fn = 0;
  for (const e of entries) {
    if (e.instrument !== inst) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: NUMBERING.chapters, level: 0 }, bidirectional: rtl, children: [new TextRun(w.instrument(e.instrument))] }));
      inst = e.instrument; art = null;
    }
    const a = `${e.instrument}-${e.article}`;
    if (a !== art) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, bidirectional: rtl, children: [new TextRun(w.article(e.instrument, e.article))] }));
      art = a; part = null;
    }
    if (e.part !== part) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, bidirectional: rtl, children: [new TextRun(w.part(e.part))] }));
      part = e.part;
    }
    footnotes[++fn] = { children: [new Paragraph({ bidirectional: rtl, children: [new TextRun(xmlText(source(e)))] })] };
    const own = e.languages[0] === 'ar';
    children.push(new Paragraph({
      style: STYLE.paragraph, numbering: { reference: NUMBERING.paragraphs, level: 0 }, bidirectional: own,
      children: [new TextRun({ text: `${xmlText(e.state)}: `, bold: true, rightToLeft: own }), new TextRun({ text: xmlText(e.text), rightToLeft: own }), new FootnoteReferenceRun(fn)],
    }));
  }
  const doc = new Document({
    creator: 'review-obs', title: t('Digest of the lists of observations'),
    styles: documentStyles(), numbering: documentNumbering(lang), footnotes,
    sections: [{ properties: {}, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Two sheets: every entry as a row (filterable), and the counts per article and part. */
export async function digestXlsx(entries: readonly DigestEntry[], lang: string): Promise<Uint8Array> {
  const w = digestWords(lang);
  const book = new ExcelJS.Workbook();
  book.creator = 'review-obs';
  const sheet = book.addWorksheet(t('Entries'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
  const cols = digestColumns();
  sheet.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.key === 'text' ? 80 : c.key === 'title' ? 40 : 16 }));
  for (const e of entries) {
    const row = sheet.addRow(digestRow(e).map((v) => (typeof v === 'string' ? xmlText(v) : v)));
    row.getCell(cols.findIndex((c) => c.key === 'text') + 1).alignment = { wrapText: true, vertical: 'top', readingOrder: e.languages[0] === 'ar' ? 'rtl' : 'ltr' };
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  const counts = book.addWorksheet(t('Counts per article'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
  counts.columns = [
    { header: t('Instrument'), key: 'instrument', width: 12 }, { header: t('Article'), key: 'article', width: 10 }, { header: t('Article title'), key: 'title', width: 50 },
    ...PARTS.map((p) => ({ header: w.part(p.id), key: p.id, width: 20 })),
  ];
  for (const c of digestCounts(entries)) counts.addRow({ instrument: c.instrument, article: c.article, title: getArticle(c.instrument, c.article)?.titleEn ?? '', ...c.states });
  counts.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
