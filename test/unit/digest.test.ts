// The digest across reviews: generated review folders (several States, languages, stages), counts checked against the
// drafts, the .xlsx read back by a spreadsheet reader, the .docx valid, rendered by LibreOffice and read by pandoc.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { applyEdits, checkModel, DraftAnalysis, digestCounts, digestCsv, digestEntries, digestHtml, newDraft, setStatusEdit } from '../../src/core/index';
import { digestDocx, digestXlsx } from '../../src/core/output/digestFiles';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ro-digest-'));
const PARTS = ['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance'] as const;

/** A State's list: every part of every article says something, the technical assistance part of untoc-6 says none. */
function list(state: string, lang: 'en' | 'fr' | 'zh', stage: 'drafting' | 'finalization', agreedWithState: boolean, settled = true): string {
  let t = newDraft({
    kind: 'list-of-observations', stateUnderReview: state, cluster: 1, partyTo: ['untoc', 'tip'], languages: [lang],
    reviewingStates: [{ state: 'Borealia', instruments: ['untoc', 'tip'] }, { state: 'Calderra', instruments: ['untoc', 'tip'] }],
    articles: { untoc: [5, 6], tip: [5] },
  });
  // Each part's hint becomes two paragraphs naming the State, the article and the part (or "None identified.").
  let article = '';
  t = t.split('\n').map((line) => {
    const a = /\{#((?:untoc|tip)-\d+)\}/.exec(line);
    if (a) article = a[1]!;
    return line;
  }).join('\n');
  const sections = t.split(/(?=^#{3,4} )/m);
  t = sections.map((s) => {
    const a = /\{#((?:untoc|tip)-\d+)\}/.exec(s);
    if (a) article = a[1]!;
    const p = /\{\.([a-z-]+)\}/.exec(s)?.[1];
    if (!p) return s;
    const id = `a${state.length}${article.replace('-', '')}${p.length}z`;
    // A thread on the second paragraph, resolved in a settled list.
    const thread = `{>>@${id} | Ana (Borealia) | 2026-11-01T00:00:00Z | A comment, not an entry.<<}${settled ? `\n{>>@${id}.e001 | Li (Calderra) | 2026-11-02T00:00:00Z | [resolved]<<}` : ''}`;
    const body = article === 'untoc-6' && p === 'technical-assistance' ? 'None identified.' : `${state} ${article} ${p} first.\n\n${state} ${article} ${p} second {==point==}{>>@${id}<<}.\n${thread}`;
    return s.replace(/<!--[^]*?-->/, body);
  }).join('');
  t = t.replace('stage: drafting', `stage: ${stage}`);
  if (stage === 'finalization') t = t.replace(/^---\n/, '---\nsymbol: CTOC/COP/WG.9/2026/X\ndistribution: general\ndate: 2026-05-12\n');
  if (agreedWithState) for (const key of ['untoc-5', 'untoc-6', 'tip-5']) t = applyEdits(t, [setStatusEdit(DraftAnalysis.parse(t), key, 'agreed-with-state', { by: 'Focal point (Arcadia)', now: () => new Date(Date.UTC(2026, 10, 30)) })]);
  return t;
}

const folder = join(work, 'reviews');
mkdirSync(join(folder, 'sub'), { recursive: true });
const files = {
  'arcadia.md': list('Arcadia', 'en', 'finalization', true),
  'sub/boreal.md': list('Boreal', 'fr', 'drafting', false),
  'calderra.md': list('Calderra', 'zh', 'finalization', true),
  // At finalization but not ready: its parts are fine, an open comment thread blocks it.
  'dorne.md': list('Dorne', 'en', 'finalization', true, false),
  // Ready for finalization, but one article agreed by the co-reviewers only, not yet with the State.
  'elbonia.md': (() => { const t = list('Elbonia', 'en', 'finalization', true); return applyEdits(t, [setStatusEdit(DraftAnalysis.parse(t), 'tip-5', 'agreed-by-reviewers', { by: 'Ana (Borealia)', now: () => new Date(Date.UTC(2026, 10, 30)) })]); })(),
  'notes.md': '# Notes\n\nNot a draft.\n',
};
for (const [f, text] of Object.entries(files)) writeFileSync(join(folder, f), text);
const drafts = Object.entries(files).map(([file, text]) => ({ file, text }));
const states = ['Arcadia', 'Boreal', 'Calderra', 'Dorne', 'Elbonia'];

describe('the digest of a folder of reviews', () => {
  const all = digestEntries(drafts);
  it('has every paragraph of every part of every list, none of the comments, and no "none identified"', () => {
    // 5 lists × 3 articles × 5 parts × 2 paragraphs, less untoc-6's technical assistance (none) in each.
    expect(all.length).toBe(states.length * (3 * 5 * 2 - 2));
    expect(all.some((e) => /comment, not an entry|None identified/.test(e.text))).toBe(false);
    expect(all.find((e) => e.state === 'Boreal' && e.article === 5 && e.instrument === 'untoc' && e.part === 'gaps' && e.paragraph === 2)!.text).toBe('Boreal untoc-5 gaps second point.');
    // Ordered instrument → article → part → State.
    expect(all.map((e) => `${e.instrument}-${e.article}`).filter((x, i, a) => a.indexOf(x) === i)).toEqual(['untoc-5', 'untoc-6', 'tip-5']);
    // Each entry links back to its paragraph.
    for (const e of all.slice(0, 20)) expect(files[e.file as keyof typeof files].split('\n')[e.line - 1]).toContain(e.text.split(' ').slice(0, 3).join(' '));
  });
  it('counts per article how many lists say something under each part', () => {
    const c = digestCounts(all);
    const n = states.length;
    expect(c.find((x) => x.instrument === 'untoc' && x.article === 6)!.states).toEqual({ implementation: n, gaps: n, 'good-practices': n, suggestions: n, 'technical-assistance': 0 });
    expect(c.find((x) => x.instrument === 'tip')!.states['technical-assistance']).toBe(n);
  });
  it('filters by part and article, and a finalized-only digest has no unfinalized text', () => {
    expect(new Set(digestEntries(drafts, { part: 'gaps' }).map((e) => e.part))).toEqual(new Set(['gaps']));
    expect(digestEntries(drafts, { article: 'tip-5' }).every((e) => e.instrument === 'tip' && e.article === 5)).toBe(true);
    const fin = digestEntries(drafts, { finalizedOnly: true });
    const ready = drafts.filter((d) => { const m = DraftAnalysis.parse(d.text); return m.info?.stage === 'finalization' && !checkModel(m, { finalization: true }).some((f) => f.severity === 'error'); }).map((d) => d.file);
    expect(new Set(fin.map((e) => e.file))).toEqual(new Set(ready));
    expect(fin.length).toBeGreaterThan(0);
    expect(fin.every((e) => e.agreed && e.stage === 'finalization')).toBe(true);
    expect(fin.some((e) => e.state === 'Boreal' || e.state === 'Dorne')).toBe(false);
    // In a finalized list, an article not yet agreed with the State stays out; its other articles are in.
    expect(fin.some((e) => e.state === 'Elbonia' && e.instrument === 'tip')).toBe(false);
    expect(fin.some((e) => e.state === 'Elbonia' && e.instrument === 'untoc')).toBe(true);
  });
  it('writes CSV a spreadsheet program reads: a header and one row per entry, quoted where needed', () => {
    const csv = digestCsv(all);
    expect(csv.startsWith('\ufeffInstrument,Article,')).toBe(true);
    expect(csv.trimEnd().split('\r\n').length).toBe(all.length + 1);
  });
  it('writes a real spreadsheet: every entry a row, the counts a sheet, read back by exceljs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await digestXlsx(all, 'en')) as never);
    const [entries, counts] = book.worksheets;
    expect(entries!.rowCount).toBe(all.length + 1);
    expect(entries!.getRow(1).getCell(1).value).toBe('Instrument');
    const text = entries!.getColumn(12).values.slice(2) as string[];
    expect(new Set(text)).toEqual(new Set(all.map((e) => e.text)));
    const gapsCol = (counts!.getRow(1).values as string[]).indexOf('Gaps and challenges');
    expect(counts!.getRow(2).getCell(gapsCol).value).toBe(states.length);
  });
  it('cuts a text longer than a spreadsheet cell holds, saying where the whole text is, and leaves the others whole', async () => {
    const long = { ...all[0]!, text: `${'word '.repeat(9_000)}😀 end` };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await digestXlsx([long, all[1]!], 'en')) as never);
    const [cut, whole] = (book.worksheets[0]!.getColumn(12).values.slice(2) as string[]);
    expect(cut!.length).toBeLessThanOrEqual(32_767);
    expect(cut!.startsWith('word '.repeat(6_000))).toBe(true);
    expect(cut).toContain(`the whole text is in ${long.file}, line ${long.line}`);
    expect(whole).toBe(all[1]!.text);
  });
  it('cuts a long text of astral characters at a character, never between the two halves of one', async () => {
    // One text or the other has the cut fall inside a pair, whichever the note's length makes it.
    const texts = ['', 'x'].map((pad) => ({ ...all[0]!, text: pad + '😀'.repeat(20_000) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await digestXlsx(texts, 'en')) as never);
    const cells = book.worksheets[0]!.getColumn(12).values.slice(2) as string[];
    expect(cells).toHaveLength(2);
    // A half written into the file comes back as U+FFFD (or a lone surrogate): neither may be there.
    for (const c of cells) expect(c).not.toMatch(/\ufffd|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
  it('writes HTML with a chart per part and every entry, in the headings\' language', () => {
    const html = digestHtml(all, 'fr', '2026-12-01 10:00 UTC');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    for (const p of PARTS) expect(html).toContain(`id="chart-${p}"`);
    expect((html.match(/<g transform/g) ?? []).length).toBe(digestCounts(all).reduce((n, c) => n + Object.values(c.states).filter(Boolean).length, 0));
    expect(html).toContain('Lacunes et difficultés');
    expect(html).toContain('Calderra untoc-5 gaps first.');
  });
  it('writes a Word document valid against ECMA-376, rendered by LibreOffice and read back by pandoc, a footnote naming the review on each State\'s entries', async () => {
    const f = join(work, 'digest.docx');
    writeFileSync(f, await digestDocx(all, 'en', '2026-12-01'));
    const r = spawnSync('/usr/bin/python3', [join(repo, 'test', 'word-side', 'validate-ooxml.py'), f, join(repo, 'test', 'ooxml-xsd')], { encoding: 'utf8' });
    expect(r.status === 0 ? '' : r.stdout + r.stderr).toBe('');
    const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', f], { encoding: 'utf8' });
    for (const e of all) expect(plain).toContain(e.text);
    // One footnote per State's run of entries under a part, naming its review.
    const runs = new Set(all.map((e) => `${e.file}|${e.instrument}-${e.article}|${e.part}`));
    expect((plain.match(/Review of /g) ?? []).length).toBe(runs.size);
    expect(plain).toMatch(/Review of Calderra \(reviewing States: Borealia, Calderra; cluster 1; at finalization\); calderra\.md, line \d+–\d+\./);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, f], { env: { ...process.env, HOME: work }, stdio: 'ignore', timeout: 120_000 });
    expect(existsSync(f.replace(/\.docx$/, '.pdf'))).toBe(true);
  });
  it('review-obs digest writes each format by its extension, and refuses what it cannot do with the fix', async () => {
    const run = async (args: string[]) => { const err: string[] = []; const code = await main(args, { out: () => undefined, err: (s) => err.push(s), cwd: work }); return { code, err: err.join('\n') }; };
    for (const ext of ['xlsx', 'csv', 'html', 'docx']) expect((await run(['digest', 'reviews', '-o', `d.${ext}`, '--part', 'gaps'])).code).toBe(0);
    expect(readFileSync(join(work, 'd.csv'), 'utf8').trimEnd().split('\r\n').length).toBe(1 + states.length * 3 * 2);
    expect((await run(['digest', 'reviews', '-o', 'd.csv'])).err).toMatch(/exists/);
    expect((await run(['digest', 'reviews', '-o', 'd.pdf'])).code).toBe(2);
    expect((await run(['digest', 'reviews', '--part', 'everything'])).err).toMatch(/--part takes/);
  });
});
