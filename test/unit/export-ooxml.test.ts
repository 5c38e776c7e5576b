// Every kind of export, in the six languages and in two: valid against the ECMA-376 schemas part by part, rendered
// by LibreOffice with its masthead and numbering, and read back by pandoc with every comment and change.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx';
import { newDraft } from '../../src/core/index';
import { importDocx } from '../../src/core/word/index';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ro-ooxml-'));
const validator = join(repo, 'test', 'word-side', 'validate-ooxml.py');
const schemas = join(repo, 'test', 'ooxml-xsd');

/** Problems xmllint finds in the parts of a .docx (empty when it validates). */
function schemaProblems(file: string): string {
  const r = spawnSync('/usr/bin/python3', [validator, file, schemas], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stdout + r.stderr;
}

/** A draft with everything an export must carry, in one or two languages. */
function rich(languages: string[]): string {
  const skeleton = newDraft({ kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc'], languages, reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }], articles: { untoc: [5] } });
  const front = skeleton.replace(/^---\n/, '---\nsymbol: CTOC/COP/WG.9/2026/INF.1\ndistribution: general\ndate: 2026-05-12\norgan: Conference of the Parties\njob-number: V.26-01234\n');
  let n = 0;
  const body = () => {
    n++;
    return [
      `Paragraph ${n} with a {==commented phrase==}{>>@c${n}aaaaa<<} and a footnote[^n${n}].`,
      `{>>@c${n}aaaaa | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z | First comment.<<}`,
      `{>>@c${n}aaaaa.r001 | Li Wei (Calderra) | 2026-11-23T09:10:00Z | A reply.<<}`,
      '',
      `A resolved point {==here==}{>>@r${n}bbbbb<<} and a point comment{>>@p${n}ccccc<<} after it.`,
      `{>>@r${n}bbbbb | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z | Settled?<<}`,
      `{>>@r${n}bbbbb.e001 | Li Wei (Calderra) | 2026-11-23T09:20:00Z | [resolved]<<}`,
      `{>>@p${n}ccccc | Li Wei (Calderra) | 2026-11-23T09:30:00Z | Add a date here.<<}`,
      '',
      `Suggestions {++by one++}{>>@s${n}ddddd<<} and {--by another--}{>>@t${n}eeeee<<} author.`,
      `{>>@s${n}ddddd | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z<<}`,
      `{>>@t${n}eeeee | Li Wei (Calderra) | 2026-11-23T09:05:00Z | Redundant.<<}`,
      '',
      // Undated: a suggestion and a note with no thread line (written without w:date).
      'An {++undated insertion++}, {--an undated deletion--} and a note{>>with no thread line<<}.',
      '',
      '| State | Cases |',
      '|---|---|',
      `| Arcadia | ${n} |`,
      `{>>@u${n}fffff | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z | A thread under the table.<<}`,
      '',
      ...Array.from({ length: 28 }, (_, i) => `- item ${i + 1}${i === 2 ? '\n  - nested\n    - deeper' : ''}`),
      '',
    ].join('\n');
  };
  // Fill every part's hint with the rich body; the footnote definitions go at the end of the file.
  const text = front.replace(/<!--[^>]*-->/g, () => body());
  const defs = Array.from({ length: n }, (_, i) => `[^n${i + 1}]: Note ${i + 1}.`).join('\n\n');
  // The table thread's mark, so the thread is not an orphan.
  return text.replace(/\| Arcadia \| (\d+) \|/g, '| Arcadia {==$1==}{>>@u$1fffff<<} |') + '\n' + defs + '\n';
}

describe('hostile front matter', () => {
  it('YAML escapes that decode to characters XML cannot carry still give a valid package', async () => {
    const text = rich(['en']).replace('state-under-review: Arcadia', 'state-under-review: "Arca\\uFFFEdia\\u0007"').replace('symbol: CTOC/COP/WG.9/2026/INF.1', 'symbol: "CTOC/\\uFFFF\\u0001X"').replace('organ: Conference of the Parties', 'organ: "Con\\u001Fference"');
    expect(text).toContain('\\uFFFE');
    const file = join(work, 'hostile.docx');
    const bytes = await exportDocx(text, { mode: 'with-changes' });
    writeFileSync(file, bytes);
    expect(schemaProblems(file)).toBe('');
    const zip = await JSZip.loadAsync(bytes);
    for (const part of ['docProps/core.xml', 'word/document.xml', 'word/header2.xml']) {
      const xml = await zip.file(part)!.async('string');
      expect(spawnSync('xmllint', ['--noout', '-'], { input: xml }).status, part).toBe(0);
    }
  }, 60_000);
});

const LANGS: string[][] = [['en'], ['fr'], ['es'], ['ru'], ['zh'], ['ar'], ['en', 'zh']];

describe('every export as the secretariat meets it', () => {
  for (const languages of LANGS) {
    it(`${languages.join('+')}: valid OOXML part by part, rendered with masthead and numbering, read back by pandoc`, async () => {
      const text = rich(languages);
      const file = join(work, `${languages.join('-')}.docx`);
      const bytes = await exportDocx(text, { mode: 'with-changes' });
      writeFileSync(file, bytes);
      expect(schemaProblems(file)).toBe('');
      // And the same file, returned unchanged, gives the draft back byte for byte.
      const back = await importDocx(text, bytes, file);
      expect([back.text === text, back.unplaced]).toEqual([true, []]);
      const zip = await JSZip.loadAsync(bytes);
      const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
      const doc = await read('word/document.xml');
      // Word's structure: styles and numbering, not typed numbers.
      expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>/);
      expect(doc).toMatch(/<w:pStyle w:val="ObservationParagraph"\/><w:numPr>/);
      expect(doc).not.toMatch(/<w:t[^>]*>\d+\.\t/);
      expect(await read('word/settings.xml')).toMatch(/<w:trackRevisions\/>/);
      expect(await read('word/people.xml')).toContain('Li Wei (Calderra)');
      expect(await read('word/commentsExtended.xml')).toMatch(/w15:done="1"/);
      // Footnotes defined at the end of the file are footnotes, not "[^n1]" in the text.
      expect(doc).not.toContain('[^n');
      expect(doc).toMatch(/<w:footnoteReference w:id="1"\/>/);
      expect(await read('word/footnotes.xml')).toContain('Note 1.');
      // A thread under a table is not a row of the table.
      for (const table of doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) expect((table.match(/<w:tr>/g) ?? []).length).toBe(2);
      // The point comment is anchored where it stands.
      expect(doc).toMatch(/point comment<\/w:t><\/w:r><w:commentRangeStart w:id="(\d+)"\/><w:commentRangeEnd w:id="\1"\/>/);
      const lang = languages[0]!;
      // The draft's language once, in the style defaults every run inherits; no run repeats it.
      const defaults = (await read('word/styles.xml')).match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? '';
      expect(defaults).toContain(`<w:lang w:val="${lang === 'zh' || lang === 'ar' ? 'en-GB' : { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU' }[lang]}"${lang === 'zh' ? ' w:eastAsia="zh-CN"' : lang === 'ar' ? ' w:bidi="ar-SA"' : ''}/>`);
      expect(doc).not.toContain('<w:lang ');
      expect(doc).not.toContain('<w:rtl w:val="false"/>');

      // LibreOffice: the masthead in the language, chapters and paragraphs numbered by Word numbering.
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file], { env: { ...process.env, HOME: work }, stdio: 'ignore', timeout: 120_000 });
      const pdf = execFileSync('pdftotext', ['-layout', file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
      const masthead: Record<string, RegExp[]> = {
        en: [/United Nations/, /Distr\.: General/, /12 May 2026/, /Original: English/, /V\.26-01234/],
        fr: [/Nations Unies/, /Distr\. générale/, /12 mai 2026/, /Original : français/],
        es: [/Naciones Unidas/, /Distr\. general/, /12 de mayo de 2026/, /Original: español/],
        ru: [/Организация Объединенных Наций/, /12 мая 2026/, /русский/],
        zh: [/联合国/, /2026\s*年\s*5\s*月\s*12\s*日/, /原文：中文/],
        ar: [/العربية/],
      };
      for (const re of masthead[lang]!) expect(pdf).toMatch(re);
      expect(pdf).toContain('CTOC/COP/WG.9/2026/INF.1');
      if (lang !== 'ar') {
        expect(pdf).toMatch(lang === 'zh' ? /一、/ : /^\s*I\.\s/m);
        // (LibreOffice writes [3.] for the number of a paragraph holding a tracked change)
        expect(pdf).toMatch(/^\s*\[?3\.\]?\s+Suggestions/m);
        expect(pdf).toMatch(lang === 'fr' || lang === 'es' ? /^\s*aa\)\s+item 27/m : /^\s*\(aa\)\s+item 27/m);
      }

      // pandoc reads every comment and every change back.
      const json = JSON.parse(execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
      const spans: string[] = [];
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) { x.forEach(walk); return; }
        if (x && typeof x === 'object') {
          const o = x as { t?: string; c?: unknown };
          if (o.t === 'Span' && Array.isArray(o.c)) spans.push(...((o.c[0] as [string, string[], unknown])[1]));
          Object.values(o).forEach(walk);
        }
      };
      walk(json);
      const count = (cls: string) => spans.filter((s) => s === cls).length;
      const parts = (text.match(/\{==commented phrase==\}/g) ?? []).length;
      // Per part: 2 comments of the first thread, the resolved one, the point, the deletion's reason, the table thread,
      // the note with no thread line; two insertions and two deletions (one of each undated).
      expect(count('comment-start')).toBe(parts * 7);
      expect(count('insertion')).toBe(parts * 2);
      expect(count('deletion')).toBe(parts * 2);
    }, 300_000);
  }
});

describe('links, pictures and notes in the text', () => {
  /** The rich English draft with `lines` as a paragraph before its first one, and `notes` at its end. */
  const withParagraph = (lines: string[], notes: string) => rich(['en']).replace('Paragraph 1 with', [...lines, '', 'Paragraph 1 with'].join('\n')) + notes;
  /** The export with changes, written to `name` and valid against the schemas. */
  const validExport = async (text: string, name: string) => {
    const file = join(work, name);
    const bytes = await exportDocx(text, { mode: 'with-changes' });
    writeFileSync(file, bytes);
    expect(schemaProblems(file)).toBe('');
    return { file, bytes };
  };
  it('keeps the tracked changes, comment ranges and note references inside it: valid, read back by pandoc, imported unchanged', async () => {
    // Links the experts write around cited laws, with a co-reviewer's suggestions and comments on the link's words.
    const text = withParagraph([
      'See [the {++amended++}{>>@li000001<<} Criminal Code{--, as in force--}{>>@ld000002<<}](https://example.org/code?a=1&b=2)',
      'and [section {~~5~>6~~}{>>@lr000003<<} of the {==Act==}{>>@lc000004<<}](https://example.org/act) and [its note[^ln]](https://example.org/n).',
      '{>>@li000001 | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z<<}',
      '{>>@ld000002 | Li Wei (Calderra) | 2026-11-23T09:01:00Z<<}',
      '{>>@lr000003 | Li Wei (Calderra) | 2026-11-23T09:02:00Z | The section was renumbered.<<}',
      '{>>@lc000004 | Ana Pérez (Borealia) | 2026-11-23T09:03:00Z | Which Act?<<}',
    ], '\n[^ln]: The note in a link.\n');
    const { file, bytes } = await validExport(text, 'links.docx');
    const doc = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const links = [...doc.matchAll(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/g)].map((m) => m[0]);
    expect(links).toHaveLength(3);
    expect(links[0]).toMatch(/<w:ins [^>]*w:author="Ana Pérez \(Borealia\)"[^>]*>[\s\S]*?amended/);
    expect(links[0]).toMatch(/<w:del [^>]*>[\s\S]*?<w:delText[^>]*>, as in force<\/w:delText>/);
    expect(links[1]).toMatch(/<w:delText[^>]*>5<\/w:delText>[\s\S]*<w:ins [^>]*>[\s\S]*?>6</);
    // Both comments start in the link (on the suggestion and on "Act"); each range ends where its mark does, the
    // second one just after the link, and each has its reference.
    const started = [...links[1]!.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)].map((m) => m[1]!);
    expect(started).toHaveLength(2);
    expect(links[1]).toMatch(new RegExp(`<w:commentRangeStart w:id="${started[1]}"/><w:r>[^]*?>Act</w:t>`));
    for (const id of started) expect(doc).toMatch(new RegExp(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/>`));
    expect(links[2]).toMatch(/<w:footnoteReference w:id="\d+"\/>/);
    // pandoc finds the changes and the comment inside the links.
    const json = JSON.stringify(JSON.parse(execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).blocks);
    const inLinks = [...json.matchAll(/\{"t":"Link","c":\[.*?"https:\/\/example\.org\/[^"]*"/g)].map((m) => m[0]).join('\n');
    expect(inLinks).toMatch(/"insertion"[\s\S]*?amended/);
    expect(inLinks).toMatch(/"deletion"[\s\S]*?as/);
    expect(inLinks).toMatch(/"comment-start"/);
    // Returned unchanged, the file gives the draft back byte for byte; the clean copy has the accepted words.
    const back = await importDocx(text, bytes, file);
    expect([back.text === text, back.unplaced]).toEqual([true, []]);
    const clean = await (await JSZip.loadAsync(await exportDocx(text, { mode: 'clean' }))).file('word/document.xml')!.async('string');
    const cleanLinks = [...clean.matchAll(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/g)].map((m) => m[0].replace(/<[^>]+>/g, '')).join(' | ');
    expect(cleanLinks).toContain('the amended Criminal Code | section 6 of the Act | its note');
  }, 120_000);
  it('writes a picture\'s description, and a note\'s lists, quotes, tables and code: no word of the draft left out, imported unchanged', async () => {
    const text = withParagraph([
      'The chart ![cases by year, {++2019 to ++}{>>@im000001<<}2023](https://example.org/chart.png) and the [map ![of the region](https://example.org/m.png)](https://example.org/map)',
      'and the logo ![of the court][logo], the seal ![of the \\*high\\* court](https://example.org/s.png), with a long note[^long].',
      '{>>@im000001 | Li Wei (Calderra) | 2026-11-23T09:00:00Z<<}',
      '',
      '[logo]: https://example.org/logo.png',
    ], '\n[^long]: The note begins here.\n\n    - a listed act\n    - another act\n\n    > a quoted judgment\n\n    | court | year |\n    |---|---|\n    | supreme | 2019 |\n\n    ```\n    section 212\n    ```\n');
    const { file, bytes } = await validExport(text, 'pictures.docx');
    const zip = await JSZip.loadAsync(bytes);
    const words = async (part: string) => ((await zip.file(part)!.async('string')).match(/<w:(?:t|delText)\b[^>]*>[^<]*/g) ?? []).map((m) => m.replace(/^<[^>]*>/, '')).join('');
    const doc = await words('word/document.xml'), notes = await words('word/footnotes.xml');
    for (const w of ['cases by year, ', '2019 to ', '2023', 'map ', 'of the region', 'of the court', 'of the *high* court']) expect(doc).toContain(w);
    for (const w of ['The note begins here.', 'a listed act', 'another act', 'a quoted judgment', 'supreme', '2019', 'section 212']) expect(notes).toContain(w);
    const xml = await zip.file('word/document.xml')!.async('string');
    // The picture's description links to it; the one inside a link is that link's text (no link in a link).
    expect(xml).toMatch(/<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>)[^])*cases by year(?:(?!<\/w:hyperlink>)[^])*<w:ins [^>]*>(?:(?!<\/w:hyperlink>)[^])*2019 to /);
    expect(xml).toMatch(/<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>)[^])*map (?:(?!<\/w:hyperlink>)[^])*of the region[^]*?<\/w:hyperlink>/);
    const back = await importDocx(text, bytes, file);
    expect([back.text === text, back.unplaced]).toEqual([true, []]);
  }, 120_000);
});
