// What an export writes, paragraph by paragraph, and where each piece came from in the draft: the import's reference.

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

/**
 * A text as XML character data that gives it back exactly: XML cannot carry control characters, U+FFFE/U+FFFF or
 * lone surrogates, and readers turn CR LF into LF, so those (and the backslash that escapes them) are written \u{…}.
 */
export function toXmlText(text: string): string {
  return text.replace(/[\\\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => (c === '\\' ? '\\\\' : `\\u{${c.charCodeAt(0).toString(16)}}`))
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The inverse of toXmlText, on character data whose entities are already decoded. */
export function fromXmlText(data: string): string {
  return data.replace(/\\(\\|u\{([0-9a-f]{1,4})\})/g, (_, e: string, hex?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : '\\'));
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

/** What the docx library's package needs registered for the parts the export adds (its public API for them). */
export interface PackageHooks {
  addOverride(contentType: string, partName: string): void;
  addRelationship(id: string, type: string, target: string): void;
  /** Whether the library writes commentsExtended.xml itself (it does when some comment is a reply). */
  hasCommentsExtended: boolean;
}

const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CT_CUSTOM_XML_PROPS = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const paraIdOf = (wordId: number) => (wordId + 1).toString(16).toUpperCase().padStart(8, '0');

/**
 * The parts the docx library leaves out and Word writes, registered before the package is written (one pass, no
 * unzipping afterwards): the draft as exported (for the import), the resolved state of every thread
 * (commentsExtended.xml, which the library writes only when some comment is a reply) and the authors (people.xml).
 * The comments' paragraph ids are the library's (durable ids make it write them): the comment id + 1.
 */
export function extraParts(proj: Projection, source: string, hooks: PackageHooks): { path: string; data: string }[] {
  const parts: { path: string; data: string }[] = [];
  parts.push({ path: SOURCE_PART, data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<source xmlns="${SOURCE_NAMESPACE}" fingerprint="${proj.fingerprint}" xml:space="preserve">${toXmlText(source)}</source>` });
  parts.push({ path: 'customXml/itemProps90.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{5E1C0B7A-2D4F-4C3B-9A8E-7F6D5C4B3A29}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SOURCE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>` });
  parts.push({ path: 'customXml/_rels/reviewObservationsSource.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps90.xml"/></Relationships>' });
  hooks.addOverride(CT_CUSTOM_XML_PROPS, '/customXml/itemProps90.xml');
  hooks.addRelationship('rIdRoSource', REL_CUSTOM_XML, `../${SOURCE_PART}`);
  if (!proj.comments.length) return parts;
  if (!hooks.hasCommentsExtended) {
    const root = new Map<string, ExportedComment>();
    for (const c of proj.comments) if (!root.has(c.threadId)) root.set(c.threadId, c);
    const entries = proj.comments.map((c) => {
      const r = root.get(c.threadId)!;
      return `<w15:commentEx w15:paraId="${paraIdOf(c.wordId)}"${r !== c ? ` w15:paraIdParent="${paraIdOf(r.wordId)}"` : ''} w15:done="${c.resolved ? 1 : 0}"/>`;
    });
    parts.push({ path: 'word/commentsExtended.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="${W15}" mc:Ignorable="w15">${entries.join('')}</w15:commentsEx>` });
    hooks.addOverride(CT_EXT, '/word/commentsExtended.xml');
    hooks.addRelationship('rIdRoCommentsEx', REL_EXT, 'commentsExtended.xml');
  }
  const authors = [...new Set(proj.comments.map((c) => c.author))];
  const people = authors.map((a) => `<w15:person w15:author="${xmlAttr(a)}"><w15:presenceInfo w15:providerId="None" w15:userId="${xmlAttr(a)}"/></w15:person>`).join('');
  parts.push({ path: 'word/people.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:people xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="${W15}" mc:Ignorable="w15">${people}</w15:people>` });
  hooks.addOverride(CT_PEOPLE, '/word/people.xml');
  hooks.addRelationship('rIdRoPeople', REL_PEOPLE, 'people.xml');
  return parts;
}
