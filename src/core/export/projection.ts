// What an export writes, paragraph by paragraph, and where each piece came from in the draft: the import's reference.
import JSZip from 'jszip';

/** Characters both sides use for what is not text in Word: a footnote reference, a line break inside a paragraph. */
export const OBJECT = '\ufffc', LINE_BREAK = '\u2028';

/** A stretch of one Word paragraph's text: draft text at `src` (or -1 for text the export wrote itself). */
export interface Seg {
  text: string;
  src: number;
  /** Text of a pending suggestion, written as a tracked insertion or deletion. */
  kind: 'normal' | 'ins' | 'del';
  /** The suggestion's thread id, for `ins` and `del`. */
  thread: string | null;
}

export interface ProjectedParagraph {
  segs: Seg[];
  /** The Markdown block the paragraph came from (-1 for the heading block the export writes). */
  blockStart: number;
  blockEnd: number;
}

/** A Word comment the export wrote, and the thread and block of the draft it came from. */
export interface ExportedComment {
  wordId: number;
  threadId: string;
  /** null for an anonymous CriticMarkup note. */
  blockId: string | null;
  author: string;
  date: string;
  body: string;
  resolved: boolean;
}

export interface Projection {
  fingerprint: string;
  mode: 'with-changes' | 'clean';
  body: ProjectedParagraph[];
  /** Footnote paragraphs, in footnote order. */
  notes: ProjectedParagraph[];
  comments: ExportedComment[];
  /** Inline code spans of the draft, backticks included: no mark can stand inside one. */
  codeSpans: [number, number][];
}

/** Custom document properties (docProps/custom.xml): Word and LibreOffice keep them when they save. */
export const FINGERPRINT_PROPERTY = 'ReviewObservations.Source';
export const MODE_PROPERTY = 'ReviewObservations.Mode';
/** The custom XML part that carries the exported draft's text (Word and LibreOffice keep custom XML parts). */
export const SOURCE_NAMESPACE = 'urn:review-observations:source';
const SOURCE_PART = 'customXml/reviewObservationsSource.xml';

/** Base64 of the UTF-8 bytes of a text, without Node's Buffer (the web build has none). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}
export function fromBase64(b64: string): string {
  const bin = atob(b64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * A fingerprint of the draft's text (two 32-bit FNV-1a hashes over its UTF-16 code units and its length): enough to
 * tell whether a returned file was exported from this very text, with no crypto API the browser lacks.
 */
export function sourceFingerprint(text: string): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return `v1-${text.length.toString(36)}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const CT_EXT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml';
const CT_PEOPLE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml';
const REL_EXT = 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended';
const REL_PEOPLE = 'http://schemas.microsoft.com/office/2011/relationships/people';

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Adds what the docx library leaves out and Word writes: the resolved state of every thread (commentsExtended.xml,
 * which the library writes only when some comment is a reply) and the comments' authors (people.xml).
 */
export async function finishPackage(bytes: Uint8Array, proj: Projection, source: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const nextRel = () => `rIdRo${(rels.match(/<Relationship /g) ?? []).length + 1}`;
  // Parts only: a package has no folder entries (JSZip would add them for the parts' folders).
  const put = (name: string, data: string) => zip.file(name, data, { createFolders: false });
  // The draft as exported: the import compares the returned file with it, and carries the changes onto the draft
  // as it is by then, even when the experts went on writing after the export.
  put(SOURCE_PART, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<source xmlns="${SOURCE_NAMESPACE}" fingerprint="${proj.fingerprint}">${toBase64(source)}</source>`);
  put('customXml/itemProps90.xml', `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{5E1C0B7A-2D4F-4C3B-9A8E-7F6D5C4B3A29}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SOURCE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`);
  put('customXml/_rels/reviewObservationsSource.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps90.xml"/></Relationships>');
  types = types.replace('</Types>', '<Override PartName="/customXml/itemProps90.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>');
  rels = rels.replace('</Relationships>', `<Relationship Id="${nextRel()}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../${SOURCE_PART}"/></Relationships>`);
  const comments = await zip.file('word/comments.xml')?.async('string');
  if (comments && proj.comments.length && !zip.file('word/commentsExtended.xml')) {
    // Each comment's last paragraph gets the paraId its commentEx entry names (the library's ids: the comment id + 1).
    const paraIds: string[] = [];
    const stamped = comments.replace(/<w:comment\b[^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g, (whole, id: string, inner: string) => {
      const paraId = (Number(id) + 1).toString(16).toUpperCase().padStart(8, '0');
      paraIds.push(paraId);
      const last = inner.lastIndexOf('<w:p>');
      if (last < 0) return whole;
      const at = whole.indexOf(inner) + last;
      return `${whole.slice(0, at)}<w:p w14:paraId="${paraId}" w14:textId="${paraId}">${whole.slice(at + 5)}`;
    });
    const done = new Map(proj.comments.map((c) => [(c.wordId + 1).toString(16).toUpperCase().padStart(8, '0'), c]));
    const entries = paraIds.map((p) => {
      const c = done.get(p);
      const root = c && proj.comments.find((x) => x.threadId === c.threadId);
      const parent = root && root !== c ? ` w15:paraIdParent="${(root.wordId + 1).toString(16).toUpperCase().padStart(8, '0')}"` : '';
      return `<w15:commentEx w15:paraId="${p}"${parent} w15:done="${c?.resolved ? 1 : 0}"/>`;
    });
    put('word/comments.xml', stamped);
    put('word/commentsExtended.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="${W15}" mc:Ignorable="w15">${entries.join('')}</w15:commentsEx>`);
    types = types.replace('</Types>', `<Override PartName="/word/commentsExtended.xml" ContentType="${CT_EXT}"/></Types>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="${nextRel()}" Type="${REL_EXT}" Target="commentsExtended.xml"/></Relationships>`);
  }
  if (proj.comments.length && !zip.file('word/people.xml')) {
    const authors = [...new Set(proj.comments.map((c) => c.author))];
    const people = authors.map((a) => `<w15:person w15:author="${xmlAttr(a)}"><w15:presenceInfo w15:providerId="None" w15:userId="${xmlAttr(a)}"/></w15:person>`).join('');
    put('word/people.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:people xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="${W15}" mc:Ignorable="w15">${people}</w15:people>`);
    types = types.replace('</Types>', `<Override PartName="/word/people.xml" ContentType="${CT_PEOPLE}"/></Types>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="${nextRel()}" Type="${REL_PEOPLE}" Target="people.xml"/></Relationships>`);
  }
  put('[Content_Types].xml', types);
  put('word/_rels/document.xml.rels', rels);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
