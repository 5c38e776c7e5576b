// Import from Word as the State and the secretariat meet it: LibreOffice plays Word (through its Python UNO bridge),
// pandoc writes a .docx of its own, and generated drafts go out and come back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { exportDocx } from '../../src/core/export/docx';
import { acceptAll, applyEdits, deleteThread, parseComments, reject, rejectAll, type CommentThread } from '../../src/core/index';
import { importDocx, WordFileError } from '../../src/core/word/index';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ro-import-'));
const fixture = (p: string) => readFileSync(join(repo, p), 'utf8');
const clock = { now: () => new Date('2026-12-01T12:00:00Z') };

/** LibreOffice opens `bytes`, does what `ops` say as `user`, and saves as .docx: the Word side of the round trip. */
let n = 0;
function libreOffice(bytes: Uint8Array, user: string, ops: object[]): Uint8Array {
  const i = join(work, `lo-in-${++n}.docx`), o = join(work, `lo-out-${n}.docx`), s = join(work, `lo-${n}.json`);
  writeFileSync(i, bytes);
  writeFileSync(s, JSON.stringify({ user, ops }));
  execFileSync('/usr/bin/python3', [join(repo, 'test', 'word-side', 'libreoffice.py'), i, o, s], { stdio: 'pipe', timeout: 120_000 });
  return readFileSync(o);
}

const thread = (text: string, pred: (t: CommentThread) => boolean) => parseComments(text).threads.find(pred);
const author = (t: CommentThread | undefined) => t?.blocks.find((b) => b.id === t.id)?.author;
const threadText = (text: string, t: CommentThread) => text.slice(t.mark!.start, t.mark!.end);

const draft = fixture('test/fixtures/comments.draft.md');

describe('import from Word', () => {
  it('gives the draft back byte for byte when nothing was changed, for every sample and fixture', async () => {
    for (const p of ['test/fixtures/comments.draft.md', 'test/fixtures/valid.draft.md', 'test/fixtures/refs-zh.draft.md', 'test/fixtures/refs-ar.draft.md', 'examples/arcadia-list-of-observations.en.md', 'examples/arcadia-list-of-observations.zh.md']) {
      const text = fixture(p);
      const r = await importDocx(text, await exportDocx(text, { mode: 'with-changes' }), p, clock);
      expect(r.text, p).toBe(text);
      expect(r.unplaced, p).toEqual([]);
    }
  });

  it('gives the draft back byte for byte after LibreOffice opened and saved the export unchanged', async () => {
    for (const text of [draft, fixture('examples/arcadia-list-of-observations.zh.md')]) {
      const back = libreOffice(await exportDocx(text, { mode: 'with-changes' }), 'Amina Diallo', []);
      expect((await importDocx(text, back, 'back.docx', clock)).text).toBe(text);
    }
  });

  it('brings back what two people did in LibreOffice: comments, replies, resolves, tracked and untracked edits, by their authors at their places', async () => {
    const out = await exportDocx(draft, { mode: 'with-changes' });
    const back = libreOffice(libreOffice(out, 'Amina Diallo', [
      { op: 'comment', find: 'settled point', body: 'Is this still the case?' },
      { op: 'reply', to: 'Covers or addresses?', body: 'We prefer addresses.' },
      { op: 'resolve', comment: 'Check.' },
      { op: 'insert', after: 'A reopened point', text: ' indeed', tracked: true },
      { op: 'delete', find: 'Plain ', tracked: true },
    ]), 'Li Na', [
      { op: 'replace', find: 'mark with no', text: 'mark without', tracked: false },
      { op: 'comment', find: 'Code is text', body: '代码是文本吗？' },
    ]);
    const r = await importDocx(draft, back, 'back.docx', { ...clock, author: { name: 'Li Na', state: 'Arcadia' } });
    const text = r.text;
    expect(r.unplaced).toEqual([]);
    // A new thread on the text it marked, by its Word author, with its text.
    const c1 = thread(text, (t) => t.blocks[0]?.body === 'Is this still the case?')!;
    expect(author(c1)).toBe('Amina Diallo');
    expect(threadText(text, c1)).toBe('{==settled point==}' + `{>>@${c1.id}<<}`);
    const c2 = thread(text, (t) => t.blocks[0]?.body === '代码是文本吗？')!;
    expect(author(c2)).toBe('Li Na');
    expect(c2.mark!.text).toBe('Code is text');
    // The reply joins the exported thread (LibreOffice writes no reply link: it stands on the thread's text).
    const t1 = thread(text, (t) => t.id === 'aaaa1111')!;
    expect(t1.blocks.map((b) => [b.author, b.body])).toContainEqual(['Amina Diallo', 'We prefer addresses.']);
    expect(thread(text, (t) => t.id === 'cccc3333')!.resolved).toBe(true);
    // Tracked changes by their author; the untracked edit by the importing user; nothing accepted on the way.
    const ins = thread(text, (t) => t.kind === 'insertion' && t.mark?.text === ' indeed')!;
    expect(author(ins)).toBe('Amina Diallo');
    expect(text).toContain(`A reopened point{++ indeed++}{>>@${ins.id}<<} {==there==}`);
    const del = thread(text, (t) => t.kind === 'deletion' && t.mark?.text === 'Plain ')!;
    expect(author(del)).toBe('Amina Diallo');
    const rep = thread(text, (t) => t.kind === 'replacement' && author(t) === 'Li Na (Arcadia)')!;
    expect([rep.mark!.text, rep.mark!.newText, author(rep)]).toEqual(['with no ', 'without ', 'Li Na (Arcadia)']);
    expect(r.summary).toMatchObject({ comments: 2, replies: 1, resolved: 1, trackedChanges: 2, untrackedChanges: 1, accepted: 0, rejected: 0 });
    // Rejecting the new suggestions gives the draft's text back; every exported thread is still there, once.
    const ids = (s: string) => parseComments(s).threads.map((t) => t.id).sort();
    expect(ids(text).filter((id) => ids(draft).includes(id))).toEqual(ids(draft));
  });

  it('a link whose words carry suggestions and a comment goes to LibreOffice and back: unchanged, all accepted, all rejected', async () => {
    // The export once wrote a link's text without the tracked changes and comment ranges in it.
    const linked = draft.replace('Plain CriticMarkup counts too:', [
      'See [the {++amended ++}{>>@mmmm1111<<}Criminal Code{--, as in force--}{>>@nnnn2222<<}](https://example.org/code) and [the {==Act==}{>>@oooo3333<<}](https://example.org/act).',
      '{>>@mmmm1111 | Li Wei (Calderra) | 2026-11-23T09:00:00Z<<}',
      '{>>@nnnn2222 | Li Wei (Calderra) | 2026-11-23T09:01:00Z<<}',
      '{>>@oooo3333 | Ana Pérez (Borealia) | 2026-11-23T09:02:00Z | Which Act?<<}',
      '',
      'Plain CriticMarkup counts too:',
    ].join('\n'));
    const out = await exportDocx(linked, { mode: 'with-changes' });
    expect((await importDocx(linked, libreOffice(out, 'Amina Diallo', []), 'same.docx', clock)).text).toBe(linked);
    const accepted = (await importDocx(linked, libreOffice(out, 'Amina Diallo', [{ op: 'acceptAll' }]), 'a.docx', clock)).text;
    expect(accepted).toBe(applyEdits(linked, acceptAll(linked)));
    expect(accepted).toContain('[the amended Criminal Code](https://example.org/code)');
    const rejected = (await importDocx(linked, libreOffice(out, 'Amina Diallo', [{ op: 'rejectAll' }]), 'r.docx', clock)).text;
    expect(rejected).toBe(applyEdits(linked, rejectAll(linked)));
    expect(rejected).toContain('[the Criminal Code, as in force](https://example.org/code)');
  }, 240_000);

  it('a Word comment on words the same reviewer then changed stands right after them, with its text, and is reported', async () => {
    const out = await exportDocx(draft, { mode: 'with-changes' });
    const back = libreOffice(out, 'Amina Diallo', [
      { op: 'comment', find: 'settled point', body: 'Agreed by whom?' },
      { op: 'insert', after: 'A settled', text: ' and agreed', tracked: true },
    ]);
    const r = await importDocx(draft, back, 'back.docx', clock);
    // Marks do not nest: the suggestion is written, the comment is a point comment after the words it was on.
    expect(r.text).toMatch(/A settled\{\+\+ and agreed\+\+\}\{>>@[a-z0-9]{8}<<\} point\{>>@([a-z0-9]{8})<<\} \{==here==\}/);
    const comment = thread(r.text, (x) => x.blocks.some((b) => b.body === 'Agreed by whom?'));
    expect(comment?.mark?.kind).toBe('comment');
    expect(comment?.mark?.text).toBe('');
    expect(r.unplaced).toEqual([expect.objectContaining({ what: expect.stringContaining('Amina Diallo'), reason: expect.stringMatching(/point comment after that text/) })]);
    // Nothing else: rejecting the suggestion and deleting the comment give the draft back.
    let undone = r.text;
    for (const th of parseComments(r.text).threads.filter((x) => author(x) === 'Amina Diallo')) undone = applyEdits(undone, th.kind === 'comment' ? deleteThread(undone, th.id) : reject(undone, th.id));
    expect(undone).toBe(draft);
  }, 120_000);

  it('keeps a formatting change tracked in LibreOffice as a comment by its author after the text, and reports it', async () => {
    const out = await exportDocx(draft, { mode: 'with-changes' });
    // Two stretches of one paragraph made bold, and one of another: a comment a paragraph.
    const back = libreOffice(out, 'Amina Diallo', [
      { op: 'bold', find: 'A reopened', tracked: true }, { op: 'bold', find: 'there', tracked: true }, { op: 'bold', find: 'A settled', tracked: true },
    ]);
    const r = await importDocx(draft, back, 'back.docx', clock);
    expect(r.unplaced).toEqual([
      expect.objectContaining({ what: 'formatting of "A settled"', reason: expect.stringMatching(/formatting from its Markdown/), line: 19 }),
      expect.objectContaining({ what: 'formatting of "A reopened", "there"', reason: expect.stringMatching(/formatting from its Markdown/), line: 23 }),
    ]);
    const notes = parseComments(r.text).threads.filter((x) => author(x) === 'Amina Diallo');
    expect(notes).toHaveLength(2);
    const note = notes[1];
    expect(note?.blocks[0]?.body).toMatch(/^\[From Word, not placed where it stood: formatting of "A reopened", "there"/);
    // A point comment after the paragraph's text, and nothing else: deleting it gives the draft back.
    expect(note?.mark?.text).toBe('');
    expect(r.text.slice(note!.mark!.start - 1, note!.mark!.start)).toBe('}');
    let undone = r.text;
    for (const x of notes) undone = applyEdits(undone, deleteThread(undone, x.id));
    expect(undone).toBe(draft);
    // Imported again into the draft it made, the same file adds nothing.
    expect((await importDocx(r.text, back, 'back.docx', clock)).text).toBe(r.text);
  }, 120_000);

  it('keeps a paragraph\'s tracked formatting change (w:pPrChange) as a comment too, one per paragraph', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(draft, { mode: 'with-changes' }));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Word's record of a paragraph restyled with tracking on, in the paragraph of "A settled point", and a run of it bold.
    const at = xml.indexOf('A settled point');
    const p = xml.lastIndexOf('<w:p>', at) >= 0 ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
    const pPr = xml.indexOf('<w:pPr>', p);
    expect(p).toBeGreaterThan(0);
    expect(pPr).toBeGreaterThan(p);
    expect(pPr).toBeLessThan(at);
    const change = '<w:pPrChange w:id="901" w:author="Li Wei" w:date="2026-12-02T10:00:00Z"><w:pPr/></w:pPrChange>';
    const edited = `${xml.slice(0, pPr + 7)}${change}${xml.slice(pPr + 7)}`;
    zip.file('word/document.xml', edited);
    const back = await zip.generateAsync({ type: 'uint8array' });
    const r = await importDocx(draft, back, 'back.docx', clock);
    expect(r.unplaced).toEqual([expect.objectContaining({ what: expect.stringMatching(/^formatting of "A settled point/), line: 19 })]);
    const note = thread(r.text, (x) => author(x) === 'Li Wei');
    expect(note?.blocks[0]?.date).toBe('2026-12-02T10:00:00Z');
    expect(applyEdits(r.text, deleteThread(r.text, note!.id))).toBe(draft);
  });

  it('a Word comment over two paragraphs marks its words in the first, and says so', async () => {
    const list = fixture('examples/arcadia-list-of-observations.en.md');
    const back = libreOffice(await exportDocx(list, { mode: 'with-changes' }), 'Amina Diallo', [
      { op: 'comment', find: 'as required by paragraph 1 (a) (ii).', to: 'Organizing, directing', body: 'These two belong together.' },
    ]);
    const r = await importDocx(list, back, 'back.docx', clock);
    const th = thread(r.text, (x) => x.blocks.some((b) => b.body === 'These two belong together.'));
    expect(th?.mark?.text).toBe('as required by paragraph 1 (a) (ii).');
    expect(author(th)).toBe('Amina Diallo');
    expect(r.unplaced).toEqual([expect.objectContaining({ what: 'comment by Amina Diallo', reason: expect.stringMatching(/more than one paragraph/), line: list.slice(0, list.indexOf('as required by paragraph 1 (a) (ii).')).split('\n').length })]);
    expect(applyEdits(r.text, deleteThread(r.text, th!.id))).toBe(list);
    // A paragraph with thread lines below its text: the mark ends before them.
    const back2 = libreOffice(await exportDocx(draft, { mode: 'with-changes' }), 'Amina Diallo', [
      { op: 'comment', find: 'article 5.', to: 'A settled', body: 'Across two.' },
    ]);
    const r2 = await importDocx(draft, back2, 'back.docx', clock);
    const th2 = thread(r2.text, (x) => x.blocks.some((b) => b.body === 'Across two.'));
    expect(th2?.mark?.text).toBe('article 5. {comment.open-thread}');
    expect(applyEdits(r2.text, deleteThread(r2.text, th2!.id))).toBe(draft);
  }, 120_000);

  it('accepts in the draft what was accepted in Word, and rejects what was rejected', async () => {
    const out = await exportDocx(draft, { mode: 'with-changes' });
    const accepted = await importDocx(draft, libreOffice(out, 'Amina Diallo', [{ op: 'acceptAll' }]), 'a.docx', clock);
    expect(accepted.text).toBe(applyEdits(draft, acceptAll(draft)));
    const rejected = await importDocx(draft, libreOffice(out, 'Amina Diallo', [{ op: 'rejectAll' }]), 'r.docx', clock);
    expect(rejected.text).toBe(applyEdits(draft, rejectAll(draft)));
  });

  it('carries what came back onto the draft as the experts changed it since the export, never undoing their changes', async () => {
    const out = await exportDocx(draft, { mode: 'with-changes' });
    // While the State reads, the experts go on: a paragraph added at the top, a sentence rewritten, a thread resolved.
    const later = draft
      .replace('# List of observations: Arcadia\n', '# List of observations: Arcadia\n\nA paragraph written after the export.\n')
      .replace('A mark with no thread line', 'A mark, rewritten since the export,');
    expect(later).not.toBe(draft);
    const back = libreOffice(out, 'Amina Diallo', [
      { op: 'comment', find: 'settled point', body: 'Still true?' },
      { op: 'insert', after: 'A reopened point', text: ' indeed', tracked: true },
      { op: 'comment', find: 'mark with no thread', body: 'On text the experts rewrote.' },
    ]);
    const r = await importDocx(later, back, 'back.docx', clock);
    expect(r.matchedByText).toBe(false);
    // Placed where the text still stands, in the draft as it is now.
    expect(r.text).toMatch(/A \{==settled point==\}\{>>@[a-z0-9]{8}<<\} \{==here==\}/);
    expect(r.text).toMatch(/A reopened point\{\+\+ indeed\+\+\}\{>>@[a-z0-9]{8}<<\}/);
    // The experts' own changes since the export stay as they wrote them: no suggestion undoes them.
    expect(r.text).toContain('A paragraph written after the export.');
    expect(r.text).toContain('A mark, rewritten since the export,');
    expect(r.summary.untrackedChanges).toBe(0);
    // The comment on rewritten text is kept, as a point comment saying so, and reported.
    expect(r.unplaced).toEqual([expect.objectContaining({ reason: expect.stringMatching(/changed there since the export/) })]);
    expect(r.text).toMatch(/On text the experts rewrote\. \[From Word, not placed where it stood/);
    // Nothing else changed: rejecting and deleting what the import added gives the later draft back.
    let backToLater = r.text;
    for (const th of parseComments(r.text).threads.filter((x) => author(x) === 'Amina Diallo')) backToLater = applyEdits(backToLater, th.kind === 'comment' ? deleteThread(backToLater, th.id) : reject(backToLater, th.id));
    expect(backToLater).toBe(later);
    // Another draft altogether is refused.
    await expect(importDocx(fixture('examples/arcadia-list-of-observations.en.md'), back, 'back.docx', clock)).rejects.toThrow(/another draft/);
  });

  it('refuses a file that was not exported from this draft, and with --force places a pandoc document\'s comment and change by their text', async () => {
    const text = fixture('test/fixtures/valid.draft.md');
    expect(text).toContain('\nThe prosecution unit publishes statistics.\n');
    const md = join(work, 'pandoc.md'), docx = join(work, 'pandoc.docx');
    // pandoc's own comment and insertion syntax, on a paragraph of the draft.
    writeFileSync(md, 'The [Please check.]{.comment-start id="0" author="Ivan Petrov (Borealia)" date="2026-11-30T10:00:00Z"}prosecution[]{.comment-end id="0"} unit publishes statistics[, monthly]{.insertion author="Ivan Petrov (Borealia)" date="2026-11-30T10:05:00Z"}.\n');
    execFileSync('pandoc', [md, '-o', docx]);
    const bytes = readFileSync(docx);
    await expect(importDocx(text, bytes, 'pandoc.docx', clock)).rejects.toThrow(/pandoc\.docx was not exported from a draft.*--force/);
    const r = await importDocx(text, bytes, 'pandoc.docx', { ...clock, force: true, author: { name: 'Ivan Petrov', state: 'Borealia' } });
    expect(r.matchedByText).toBe(true);
    const c = thread(r.text, (t) => t.kind === 'comment')!;
    expect([c.mark!.text, c.blocks[0]!.body, author(c)]).toEqual(['prosecution', 'Please check.', 'Ivan Petrov (Borealia)']);
    const ins = thread(r.text, (t) => t.kind === 'insertion')!;
    expect([ins.mark!.text, author(ins)]).toEqual([', monthly', 'Ivan Petrov (Borealia)']);
    expect(r.text).toContain(`statistics{++, monthly++}{>>@${ins.id}<<}.`);
  });

  /** The package with the unpacked size of one part rewritten in its local header and central directory entry. */
  const withSize = (zip: Uint8Array, path: string, size: (was: number) => number): Uint8Array => {
    const out = Uint8Array.from(zip), view = new DataView(out.buffer), name = new TextEncoder().encode(path);
    const named = (at: number, nameAt: number) => view.getUint16(at + (nameAt === 30 ? 26 : 28), true) === name.length && name.every((c, k) => out[at + nameAt + k] === c);
    for (let at = 0; at + 46 < out.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50 && named(at, 30)) view.setUint32(at + 22, size(view.getUint32(at + 22, true)), true);
      if (sig === 0x02014b50 && named(at, 46)) view.setUint32(at + 24, size(view.getUint32(at + 24, true)), true);
    }
    return out;
  };

  it('says what is wrong with a bad file, names it, and writes nothing', async () => {
    const good = await exportDocx(draft, { mode: 'with-changes' });
    const zipOf = async (edit: (z: JSZip) => void) => { const z = await JSZip.loadAsync(good); edit(z); return z.generateAsync({ type: 'uint8array' }); };
    const cases: [string, Uint8Array | Promise<Uint8Array>, RegExp][] = [
      ['not a zip', new TextEncoder().encode('just text'), /not a Word \.docx file/],
      ['password', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /password-protected/],
      ['zip not word', (async () => { const z = new JSZip(); z.file('a.txt', 'x'); return z.generateAsync({ type: 'uint8array' }); })(), /not a Word document/],
      ['macros', zipOf((z) => z.file('word/vbaProject.bin', 'x')), /macros/],
      ['entities', zipOf((z) => z.file('word/comments.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:comments>')), /declares a document type or entities/],
      ['broken xml', zipOf((z) => z.file('word/document.xml', '<w:document><w:body>')), /not well-formed XML/],
      ['too big', new Uint8Array(64 * 1024 * 1024 + 1), /limit is 64 MB/],
      // A part whose unpacked size the package gives wrong: refused before inflating when it is too large to be a
      // document's, and after when the part is not the size it is said to be.
      ['says it unpacks to 300 MB', withSize(good, 'word/document.xml', () => 300 * 1024 * 1024), /word\/document\.xml unpacks to 300 MB/],
      ['not the size it says', withSize(good, 'word/comments.xml', (n) => n + 7), /comments\.xml is not the size the package gives it/],
    ];
    for (const [what, bytes, message] of cases) {
      const err = await importDocx(draft, await bytes, 'returned.docx', clock).catch((e: unknown) => e);
      expect(err, what).toBeInstanceOf(WordFileError);
      expect((err as Error).message, what).toMatch(message);
      expect((err as Error).message, what).toMatch(/returned\.docx/);
    }
    // Through the CLI: exit 2, a message, the draft untouched.
    const dir = mkdtempSync(join(work, 'cli-'));
    writeFileSync(join(dir, 'd.md'), draft);
    writeFileSync(join(dir, 'bad.docx'), 'not a zip');
    const err: string[] = [];
    expect(await main(['import', 'bad.docx', '--into', 'd.md'], { out: () => {}, err: (s) => err.push(s), cwd: dir })).toBe(2);
    expect(err.join('\n')).toMatch(/bad\.docx is not a Word \.docx file/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe(draft);
  });

  it('takes a comment with no author and no date, and says what it filled in', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(draft, { mode: 'with-changes' }));
    const doc = await zip.file('word/document.xml')!.async('string');
    const at = doc.indexOf('<w:t xml:space="preserve">A settled point </w:t>');
    expect(at).toBeGreaterThan(0);
    const runStart = doc.lastIndexOf('<w:r>', at), runEnd = doc.indexOf('</w:r>', at) + 6;
    zip.file('word/document.xml', `${doc.slice(0, runStart)}<w:commentRangeStart w:id="77"/>${doc.slice(runStart, runEnd)}<w:commentRangeEnd w:id="77"/><w:r><w:commentReference w:id="77"/></w:r>${doc.slice(runEnd)}`);
    const comments = await zip.file('word/comments.xml')!.async('string');
    zip.file('word/comments.xml', comments.replace('</w:comments>', '<w:comment w:id="77" w:date="not a date"><w:p><w:r><w:t>Who wrote this?</w:t></w:r></w:p></w:comment></w:comments>'));
    const r = await importDocx(draft, await zip.generateAsync({ type: 'uint8array' }), 'x.docx', clock);
    const c = thread(r.text, (t) => t.blocks[0]?.body === 'Who wrote this?')!;
    expect([author(c), c.blocks[0]!.date, c.mark!.text]).toEqual(['Unknown', '2026-12-01T12:00:00Z', 'A settled point ']);
    expect(r.unplaced).toEqual([expect.objectContaining({ what: 'comment by an unnamed author', reason: expect.stringMatching(/date is missing or malformed/) })]);
  });

  it('review-obs import writes the draft beside and renames it, and says what it brought', async () => {
    const dir = mkdtempSync(join(work, 'cli-'));
    writeFileSync(join(dir, 'd.md'), draft);
    writeFileSync(join(dir, 'back.docx'), libreOffice(await exportDocx(draft, { mode: 'with-changes' }), 'Amina Diallo', [{ op: 'comment', find: 'settled point', body: 'Why?' }]));
    const err: string[] = [];
    expect(await main(['import', 'back.docx', '--into', 'd.md'], { out: () => {}, err: (s) => err.push(s), cwd: dir })).toBe(0);
    expect(err.join('\n')).toMatch(/imported back\.docx into d\.md: 1 new comment/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toMatch(/\{==settled point==\}\{>>@[a-z0-9]{8}<<\}/);
    // The same file imported again brings nothing twice.
    const once = readFileSync(join(dir, 'd.md'), 'utf8');
    expect(await main(['import', 'back.docx', '--into', 'd.md'], { out: () => {}, err: (s) => err.push(s), cwd: dir })).toBe(0);
    expect(err.join('\n')).toMatch(/nothing to import from back\.docx/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe(once);
  });
});

// ---- generated drafts ---------------------------------------------------------------------------------------------

const word = fc.constantFrom('criminal', 'group', 'offence', 'laundering', '犯罪', '集团', 'جريمة', 'преступление', 'article 5', '**bold**', '`code`', '。', ',');
const sentence = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => w.join(' ') + '.');
const body = fc.array(fc.oneof(sentence, sentence.map((s) => `- ${s}`), sentence.map((s) => `#### ${s} {.gaps}`)), { minLength: 1, maxLength: 6 });
const generated = fc.record({ blocks: body, eol: fc.constantFrom('\n', '\r\n') }).map(({ blocks, eol }) =>
  ['---', 'document: list-of-observations', 'state-under-review: Arcadia', 'reviewing-states: [Borealia, Calderra]', 'cluster: 1', 'party-to: [untoc]', '---', '', '# List of observations: Arcadia', '', '## Introduction {#introduction}', '', ...blocks.flatMap((b) => [b, '']), ''].join(eol));

/** Word-side operations written into the package as Word writes them: on runs of the draft's text. */
function wordSide(xml: string, ops: { kind: 'ins' | 'del' | 'comment'; pick: number }[]): { xml: string; comments: string[]; done: { kind: string; text: string }[] } {
  // The draft's text begins at its title: the masthead above it is written by the export, not taken from the draft.
  const titleAt = xml.indexOf('<w:pStyle w:val="Title"/>');
  const runs = [...xml.matchAll(/<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*[A-Za-z\u4e00-\u9fff\u0600-\u06ff\u0400-\u04ff][^<]*)<\/w:t><\/w:r>/g)].filter((m) => m.index! > titleAt);
  const used = new Set<number>();
  const edits: { at: number; end: number; text: string }[] = [];
  const comments: string[] = [];
  const done: { kind: string; text: string }[] = [];
  ops.forEach((op, k) => {
    // Each operation at its own minute, as a person makes them (Word merges one author's changes of one moment).
    const who = `w:author="Word Tester (Arcadia)" w:date="2026-12-01T10:${String(k).padStart(2, '0')}:00Z"`;
    if (!runs.length) return;
    const i = op.pick % runs.length;
    if (used.has(i)) return;
    used.add(i);
    const m = runs[i]!;
    const text = m[1]!;
    const run = m[0];
    if (op.kind === 'ins') {
      edits.push({ at: m.index! + run.length, end: m.index! + run.length, text: `<w:ins w:id="${9000 + k}" ${who}><w:r><w:t xml:space="preserve"> inserted${k}</w:t></w:r></w:ins>` });
      done.push({ kind: 'insertion', text: ` inserted${k}` });
    } else if (op.kind === 'del') {
      edits.push({ at: m.index!, end: m.index! + run.length, text: `<w:del w:id="${9000 + k}" ${who}>${run.replace('<w:t ', '<w:delText ').replace('</w:t>', '</w:delText>')}</w:del>` });
      // Deleting all of a code span's text deletes the span (a mark cannot stand inside one).
      const plain = text.replace(/&amp;/g, '&');
      done.push({ kind: 'deletion', text: run.includes('InlineCode') ? `\`${plain}\`` : plain });
    } else {
      const id = 900 + k;
      edits.push({ at: m.index!, end: m.index! + run.length, text: `<w:commentRangeStart w:id="${id}"/>${run}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>` });
      comments.push(`<w:comment w:id="${id}" ${who} w:initials="WT"><w:p><w:r><w:t>Remark ${k}</w:t></w:r></w:p></w:comment>`);
      done.push({ kind: 'comment', text: `Remark ${k}` });
    }
  });
  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { xml: out, comments, done };
}

describe('import from Word, generated', () => {
  it('the file carries the exported draft exactly, whatever it holds (CR LF, control characters, lone surrogates, backslashes)', async () => {
    const { readDocx } = await import('../../src/core/word/read');
    const head = '---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\n---\n\n';
    const hostile = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\r\n', '\\u{41}', '\\', '\ud800', '\udfff', '\u0000', '\ufffe', '&amp;', '<w:t>', ']]>')), { maxLength: 12 }).map((xs) => head + xs.join(''));
    await fc.assert(fc.asyncProperty(hostile, async (text) => {
      expect(await (await readDocx(await exportDocx(text, { mode: 'with-changes' }), 'h.docx')).source()).toBe(text);
    }), { numRuns: 60 });
  });

  it('export → import with nothing changed gives every generated draft back byte for byte', async () => {
    await fc.assert(fc.asyncProperty(generated, async (text) => {
      const r = await importDocx(text, await exportDocx(text, { mode: 'with-changes' }), 'g.docx', clock);
      expect(r.text).toBe(text);
    }), { numRuns: 40 });
  });

  it('export → Word-side insertions, deletions and comments → import: each present exactly once, and rejecting them gives the draft back', async () => {
    const op = fc.record({ kind: fc.constantFrom('ins' as const, 'del' as const, 'comment' as const), pick: fc.nat(1000) });
    await fc.assert(fc.asyncProperty(generated, fc.array(op, { minLength: 1, maxLength: 5 }), async (text, ops) => {
      const zip = await JSZip.loadAsync(await exportDocx(text, { mode: 'with-changes' }));
      const side = wordSide(await zip.file('word/document.xml')!.async('string'), ops);
      zip.file('word/document.xml', side.xml);
      if (side.comments.length) {
        const c = await zip.file('word/comments.xml')?.async('string');
        zip.file('word/comments.xml', c ? c.replace('</w:comments>', `${side.comments.join('')}</w:comments>`)
          : `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${side.comments.join('')}</w:comments>`);
      }
      const returned = await zip.generateAsync({ type: 'uint8array' });
      const r = await importDocx(text, returned, 'g.docx', clock);
      expect(r.unplaced).toEqual([]);
      // Imported again into the result, the same file brings nothing twice.
      expect((await importDocx(r.text, returned, 'g.docx', clock)).text).toBe(r.text);
      const mine = parseComments(r.text).threads.filter((t) => author(t) === 'Word Tester (Arcadia)');
      const got = mine.map((t) => ({ kind: t.kind, text: t.kind === 'comment' ? t.blocks[0]!.body : t.mark!.text })).sort((a, b) => a.text.localeCompare(b.text));
      expect(got).toEqual([...side.done].sort((a, b) => a.text.localeCompare(b.text)));
      // Rejecting every suggestion and deleting the comments gives the exported draft back.
      let back = applyEdits(r.text, rejectAll(r.text, 'Word Tester (Arcadia)'));
      for (const t of parseComments(back).threads.filter((x) => author(x) === 'Word Tester (Arcadia)')) {
        const { deleteThread } = await import('../../src/core/comments/ops');
        back = applyEdits(back, deleteThread(back, t.id));
      }
      expect(back).toBe(text);
    }), { numRuns: 40 });
  });
});
