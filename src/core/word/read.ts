// Reads a .docx as the import needs it: each paragraph's characters with their tracked changes and comment anchors,
// the comments with their replies and resolved state, the footnotes, and the document properties. Nothing else.
import { t } from '@vscode/l10n';
import { unzipSync, type Unzipped } from 'fflate';
import { SaxesParser } from 'saxes';
import { fromXmlText, LINE_BREAK, OBJECT, SOURCE_NAMESPACE } from '../export/projection';
import { StretchIndex } from './stretches';

/** What a character of a returned paragraph is: text as it stood, text inserted or deleted with tracking on. */
export const CharKind = { Normal: 0, Inserted: 1, Deleted: 2 } as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

export interface Revision { author: string; date: string }

export interface Anchor { comment: string; kind: 'start' | 'end' | 'ref'; pos: number }

/**
 * A formatting change Word tracked (a run's `w:rPrChange`, a paragraph's `w:pPrChange`): the stretch of the returned
 * text it covers and its revision. The draft's formatting is its Markdown's, so the import does not apply it, but it
 * must not vanish either: the importer keeps it as a comment and reports it.
 */
export interface FormatChange { start: number; end: number; rev: number }

/**
 * The returned document's text as one string: paragraphs joined by '\n', every character labelled — by the run it
 * came in, so a 5 MB paragraph is a few runs, not arrays with an entry per character.
 */
export class ReturnedText {
  readonly stretches = new StretchIndex();
  private readonly kinds: CharKind[] = [];
  private readonly revs: number[] = [];
  constructor(readonly text: string, readonly anchors: Anchor[], runs: readonly number[], readonly formatChanges: readonly FormatChange[] = []) {
    for (let i = 0; i < runs.length; i += 3) {
      const n = runs[i]!, kind = runs[i + 1]! as CharKind, rev = runs[i + 2]!;
      // Runs one after another with the same kind and revision are one stretch.
      const k = this.kinds.length - 1;
      if (k >= 0 && this.kinds[k] === kind && this.revs[k] === rev) { this.stretches.extend(n); continue; }
      this.stretches.add(n); this.kinds.push(kind); this.revs.push(rev);
    }
  }
  /** What character `i` is: as it stood, inserted or deleted with tracking on (undefined outside the text). */
  kindAt(i: number): CharKind | undefined { return this.kinds[this.stretches.at(i)]; }
  /** Index into `revisions` for an inserted or deleted character (and a tracked paragraph mark), else -1. */
  revAt(i: number): number | undefined { return this.revs[this.stretches.at(i)]; }
  stretchKind(k: number): CharKind { return this.kinds[k]!; }
  stretchRev(k: number): number { return this.revs[k]!; }
  /** Whether some character is of that kind. */
  has(kind: CharKind): boolean { return this.kinds.includes(kind); }
}

export interface ReturnedComment {
  id: string;
  author: string;
  /** As written (may be missing or malformed: the import says so). */
  date: string;
  body: string;
  paraId: string | null;
  parentParaId: string | null;
  done: boolean;
}

export interface ReturnedDocument {
  body: ReturnedText;
  notes: ReturnedText;
  revisions: Revision[];
  comments: ReturnedComment[];
  properties: Map<string, string>;
  lastModifiedBy: string | null;
  /** The draft's text as it was exported, when the file carries it. */
  source(): Promise<string | null>;
}

export class WordFileError extends Error {}

/** Larger than any list of observations with its comments; a bigger file is refused before it is unpacked. */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** An element as `{ [its name]: children, ':@': attributes }`, a text as `{ '#text': text }`. */
type XNode = Record<string, unknown>;

/**
 * What the reader never looks at, left out of the tree as the XML is read: formatting (a run's properties, a
 * paragraph's but for its mark's tracked change), drawings, fields' codes, section and table layout. A long document's
 * tree was most of the import's memory (13 MB of XML: 236 MB).
 */
const UNREAD = new Set(['w:sectPr', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:object', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:instrText', 'w:fldChar', 'w:proofErr', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:lastRenderedPageBreak']);
function unread(name: string, parent: string | undefined): boolean {
  if (parent === 'w:r') return name === 'w:rPr';
  if (parent === 'w:pPr') return name !== 'w:rPr';
  return UNREAD.has(name);
}

/**
 * Reads a part's XML into a tree in one pass, refusing XML that is not well-formed with the line and the reason
 * (saxes checks it as it reads, and gives texts and attribute values with their entities and character references
 * read).
 */
function parseXml(xml: string, name: string, path: string): XNode[] {
  const top: XNode[] = [];
  const open: { name: string; kids: XNode[]; node: XNode }[] = [];
  let skipping = 0;
  // The run or paragraph whose properties are being skipped: a tracked change of them is noted on it (FORMAT_CHANGE).
  let skippedOf: XNode | null = null;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    const m = /^(\d+):\d+: (.*)$/s.exec(e.message);
    throw new WordFileError(t('{0}: {1} is not well-formed XML (line {2}: {3}).', name, path, m?.[1] ?? parser.line, (m?.[2] ?? e.message).replace(/\.$/, '')));
  });
  const text = (value: string) => {
    if (skipping || !value) return;
    const kids = open.length ? open[open.length - 1]!.kids : top;
    const last = kids[kids.length - 1];
    // Text and CDATA sections one after another are one text, as a reader of the element's content sees it.
    if (last && typeof last['#text'] === 'string' && Object.keys(last).length === 1) last['#text'] += value;
    else kids.push({ '#text': value });
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('opentag', (tag) => {
    const parent = open[open.length - 1];
    if (skipping || unread(tag.name, parent?.name)) {
      if (!skipping) skippedOf = parent?.name === 'w:r' ? parent.node : parent?.name === 'w:pPr' ? open[open.length - 2]?.node ?? null : null;
      const changed = (tag.name === 'w:rPrChange' && skipping === 1) || (tag.name === 'w:pPrChange' && skipping === 0);
      if (changed && skippedOf) skippedOf[FORMAT_CHANGE] = tag.attributes as Record<string, string>;
      if (!tag.isSelfClosing) skipping++;
      return;
    }
    const node: XNode = { [tag.name]: [] };
    const attrs = tag.attributes as Record<string, string>;
    for (const _ in attrs) { node[':@'] = attrs; break; }
    (open.length ? open[open.length - 1]!.kids : top).push(node);
    if (!tag.isSelfClosing) open.push({ name: tag.name, kids: node[tag.name] as XNode[], node });
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (skipping) { skipping--; return; }
    open.pop();
  });
  parser.write(xml).close();
  return top;
}

/** Where the tree keeps the attributes of a run's or paragraph's tracked formatting change (its properties are not read). */
const FORMAT_CHANGE = ':format';

function tagOf(n: XNode): string | null {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== FORMAT_CHANGE) return k;
  return null;
}
function kids(n: XNode, tag: string): XNode[] { return (n[tag] as XNode[] | undefined) ?? []; }
function attr(n: XNode, name: string): string | null {
  const a = n[':@'] as Record<string, string> | undefined;
  return a?.[name] ?? null;
}
function textOf(n: XNode, tag: string): string {
  return kids(n, tag).map((c) => (typeof c['#text'] === 'string' ? c['#text'] : '')).join('');
}

/** A part of the package as text, or null when the package has none. */
function partText(files: Unzipped, path: string): string | null {
  const data = files[path];
  return data ? new TextDecoder().decode(data) : null;
}

/** A part of the package as XML nodes, or null when the package has none. */
function part(files: Unzipped, path: string, name: string): XNode[] | null {
  const xml = partText(files, path);
  if (xml === null) return null;
  // Word never writes a document type declaration; one is how external entities and entity bombs get in.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new WordFileError(t('{0}: {1} declares a document type or entities, which Word never writes; the file is refused.', name, path));
  return parseXml(xml, name, path);
}

/**
 * The parts of the package `wanted` selects, inflated (fflate's, in one pass: JSZip's chain of asynchronous workers
 * cost as much as the inflating), and the paths of all its parts. A part's size is checked before anything is
 * inflated, and the part is refused when it is not the size the package gives it.
 */
function unpack(bytes: Uint8Array, name: string, wanted: (path: string) => boolean): { files: Unzipped; paths: string[] } {
  const sizes = new Map<string, number>();
  const paths: string[] = [];
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        paths.push(f.name);
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new WordFileError(t('{0}: {1} unpacks to {2} MB, more than a Word document holds; it is refused.', name, f.name, Math.round(f.originalSize / 1048576)));
        sizes.set(f.name, f.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WordFileError) throw e;
    throw new WordFileError(t('{0} is not a readable .docx: {1}.', name, (e as Error).message));
  }
  for (const [path, data] of Object.entries(files)) {
    if (data.length === sizes.get(path)) continue;
    const why = t('{0} is not the size the package gives it', path);
    throw new WordFileError(t('{0} is not a readable .docx: {1}.', name, why));
  }
  return { files, paths };
}
/** The exported draft's own part (customXml/…), as large as the draft: inflated only when the import asks for it. */
const isSourceCandidate = (path: string) => /^customXml\/[^/]+\.xml$/.test(path) && !/itemProps/i.test(path);

function root(nodes: XNode[] | null, tag: string): XNode | null {
  return nodes?.find((n) => tagOf(n) === tag) ?? null;
}

/** Opens a returned .docx, refusing what is not one with a message that names the file and the problem. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<ReturnedDocument> {
  if (bytes.length > MAX_DOCX_BYTES) throw new WordFileError(t('{0} is {1} MB; a returned list of observations is far smaller (the limit is {2} MB).', name, Math.round(bytes.length / 1048576), MAX_DOCX_BYTES / 1048576));
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WordFileError(t('{0} is password-protected or an old .doc file: in Word, remove the password (File › Info › Protect Document) and save it as a .docx, then import again.', name));
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WordFileError(t('{0} is not a Word .docx file (a .docx is a zip package).', name));
  const { files, paths } = unpack(bytes, name, (path) => !isSourceCandidate(path) && !/^word\/media\//.test(path) && path !== 'word/vbaProject.bin');
  const types = partText(files, '[Content_Types].xml');
  if (!types) throw new WordFileError(t('{0} is a zip file but not a Word document (it has no {1}).', name, '[Content_Types].xml'));
  if (/macroEnabled/i.test(types) || paths.includes('word/vbaProject.bin')) throw new WordFileError(t('{0} contains macros (.docm); it is not imported. In Word, save it as a plain Word document (.docx) and import that.', name));
  const doc = root(part(files, 'word/document.xml', name), 'w:document');
  const body = doc && kids(doc, 'w:document').find((n) => tagOf(n) === 'w:body');
  if (!body) throw new WordFileError(t('{0} is a zip file but not a Word document (it has no {1}).', name, 'word/document.xml'));

  const revisions: Revision[] = [];
  const revIndex = new Map<string, number>();
  const rev = (n: XNode) => {
    const author = attr(n, 'w:author') ?? '', date = attr(n, 'w:date') ?? '';
    const key = `${author}\u0000${date}`;
    let i = revIndex.get(key);
    if (i === undefined) { i = revisions.length; revisions.push({ author, date }); revIndex.set(key, i); }
    return i;
  };

  const bodyText = readParagraphs(kids(body, 'w:body'), rev);
  const notesRoot = root(part(files, 'word/footnotes.xml', name), 'w:footnotes');
  const notes: XNode[] = [];
  for (const fnote of notesRoot ? kids(notesRoot, 'w:footnotes') : []) {
    if (tagOf(fnote) !== 'w:footnote') continue;
    const type = attr(fnote, 'w:type');
    if (type && type !== 'normal') continue;
    notes.push(...kids(fnote, 'w:footnote'));
  }
  const notesText = readParagraphs(notes, rev);

  const ext = new Map<string, { parent: string | null; done: boolean }>();
  const exRoot = root(part(files, 'word/commentsExtended.xml', name), 'w15:commentsEx');
  for (const e of exRoot ? kids(exRoot, 'w15:commentsEx') : []) {
    const id = attr(e, 'w15:paraId');
    if (id) ext.set(id.toUpperCase(), { parent: attr(e, 'w15:paraIdParent')?.toUpperCase() ?? null, done: attr(e, 'w15:done') === '1' });
  }
  const comments: ReturnedComment[] = [];
  const cRoot = root(part(files, 'word/comments.xml', name), 'w:comments');
  for (const c of cRoot ? kids(cRoot, 'w:comments') : []) {
    if (tagOf(c) !== 'w:comment') continue;
    const paras = kids(c, 'w:comment').filter((p) => tagOf(p) === 'w:p');
    const lines = paras.map((p) => readParagraphs([p], () => 0).text);
    const last = paras[paras.length - 1];
    const paraId = last ? attr(last, 'w14:paraId')?.toUpperCase() ?? null : null;
    const x = paraId ? ext.get(paraId) : undefined;
    comments.push({
      id: attr(c, 'w:id') ?? '', author: attr(c, 'w:author') ?? '', date: attr(c, 'w:date') ?? '',
      body: lines.join('\n').replaceAll(LINE_BREAK, '\n').replaceAll(OBJECT, '').trim(), paraId, parentParaId: x?.parent ?? null, done: x?.done ?? false,
    });
  }

  const properties = new Map<string, string>();
  const custom = root(part(files, 'docProps/custom.xml', name), 'Properties');
  for (const p of custom ? kids(custom, 'Properties') : []) {
    const pname = attr(p, 'name');
    if (!pname) continue;
    const value = kids(p, 'property').map((v) => { const t = tagOf(v); return t ? textOf(v, t) : ''; }).join('');
    properties.set(pname, value);
  }
  const core = root(part(files, 'docProps/core.xml', name), 'cp:coreProperties');
  const by = core ? kids(core, 'cp:coreProperties').find((n) => tagOf(n) === 'cp:lastModifiedBy') : undefined;
  const lastModifiedBy = by ? textOf(by, 'cp:lastModifiedBy').trim() || null : null;
  // The exported draft, carried in a custom XML part of its own (Word and LibreOffice keep such parts): read only
  // when the import needs it, since it is as large as the draft.
  const source = async (): Promise<string | null> => {
    const candidates = unpack(bytes, name, isSourceCandidate).files;
    for (const path of paths) {
      if (!isSourceCandidate(path)) continue;
      const el = root(part(candidates, path, name), 'source');
      if (el && attr(el, 'xmlns') === SOURCE_NAMESPACE) return fromXmlText(textOf(el, 'source'));
    }
    return null;
  };
  return { body: bodyText, notes: notesText, revisions, comments, properties, lastModifiedBy, source };
}

/** Containers whose children are read in order as if they stood in their parent. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:bdo', 'w:dir', 'w:tbl', 'w:tr', 'w:tc']);

/** The paragraphs of a body (tables' cells included, in reading order), joined by '\n'. */
function readParagraphs(nodes: XNode[], rev: (n: XNode) => number): ReturnedText {
  const text: string[] = [];
  // One entry per run of text, not per character: a 10 MB document has millions of characters.
  const runs: number[] = []; // length, kind, revision, …
  const anchors: Anchor[] = [];
  let length = 0;
  let paragraphs = 0;
  const push = (s: string, kind: CharKind, r: number) => {
    if (!s) return;
    runs.push(s.length, kind, r);
    text.push(s);
    length += s.length;
  };
  const inline = (list: XNode[], kind: CharKind, r: number) => {
    for (const n of list) {
      const tag = tagOf(n);
      if (!tag) continue;
      switch (tag) {
        case 'w:r': {
          const from = length;
          run(kids(n, tag), kind, r);
          formatted(n, from);
          break;
        }
        case 'w:ins': case 'w:moveTo': inline(kids(n, tag), CharKind.Inserted, rev(n)); break;
        case 'w:del': case 'w:moveFrom': inline(kids(n, tag), CharKind.Deleted, rev(n)); break;
        case 'w:commentRangeStart': anchors.push({ comment: attr(n, 'w:id') ?? '', kind: 'start', pos: length }); break;
        case 'w:commentRangeEnd': anchors.push({ comment: attr(n, 'w:id') ?? '', kind: 'end', pos: length }); break;
        default: if (TRANSPARENT.has(tag)) inline(kids(n, tag), kind, r);
      }
    }
  };
  const formats: FormatChange[] = [];
  // A run's or paragraph's tracked formatting change, over the text read since `from`; one per stretch and revision.
  const formatted = (n: XNode, from: number) => {
    const change = n[FORMAT_CHANGE] as Record<string, string> | undefined;
    if (!change || length === from) return;
    const r = rev({ ':@': change });
    // A paragraph's change covers its runs' changes by the same revision: one is enough.
    while (formats.length && formats[formats.length - 1]!.rev === r && formats[formats.length - 1]!.start >= from) formats.pop();
    const last = formats[formats.length - 1];
    if (last && last.rev === r && last.end === from) last.end = length;
    else formats.push({ start: from, end: length, rev: r });
  };
  const run = (list: XNode[], kind: CharKind, r: number) => {
    for (const n of list) {
      const tag = tagOf(n);
      switch (tag) {
        case 'w:t': case 'w:delText': push(textOf(n, tag), kind, r); break;
        case 'w:tab': case 'w:ptab': push('\t', kind, r); break;
        case 'w:br': if (attr(n, 'w:type') !== 'page' && attr(n, 'w:type') !== 'column') push(LINE_BREAK, kind, r); break;
        case 'w:cr': push(LINE_BREAK, kind, r); break;
        case 'w:noBreakHyphen': push('-', kind, r); break;
        case 'w:footnoteReference': case 'w:endnoteReference': push(OBJECT, kind, r); break;
        case 'w:commentReference': anchors.push({ comment: attr(n, 'w:id') ?? '', kind: 'ref', pos: length }); break;
        default: break; // properties, field codes, drawings, the footnote's own reference mark
      }
    }
  };
  const block = (list: XNode[]) => {
    for (const n of list) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        // The paragraph mark: text of its own in the joined string, tracked when the paragraph was inserted or deleted.
        let markKind: CharKind = CharKind.Normal, markRev = -1;
        const pPr = kids(n, tag).find((c) => tagOf(c) === 'w:pPr');
        const rPr = pPr && kids(pPr, 'w:pPr').find((c) => tagOf(c) === 'w:rPr');
        for (const c of rPr ? kids(rPr, 'w:rPr') : []) {
          const t = tagOf(c);
          if (t === 'w:ins') { markKind = CharKind.Inserted; markRev = rev(c); }
          if (t === 'w:del') { markKind = CharKind.Deleted; markRev = rev(c); }
        }
        if (paragraphs++) push('\n', pendingMark.kind, pendingMark.rev);
        const from = length;
        inline(kids(n, tag), CharKind.Normal, -1);
        formatted(n, from);
        pendingMark = { kind: markKind, rev: markRev };
      } else if (tag && TRANSPARENT.has(tag)) block(kids(n, tag));
    }
  };
  // A paragraph's mark ends it: written as the separator before the next paragraph.
  let pendingMark = { kind: CharKind.Normal as CharKind, rev: -1 };
  block(nodes);
  return new ReturnedText(text.join(''), anchors, runs, formats);
}
