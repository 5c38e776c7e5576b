// Exports a draft to .docx in the layout of a UN document, with comments and tracked changes, using the docx library.
import { t } from '@vscode/l10n';
import { templateForLanguages } from '../domain/templates';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow,
  TabStopType, TextRun, WidthType,
} from 'docx';
import { cleanCopy } from '../comments/ops';
import { parseComments, type Block, type CommentsModel, type Mark } from '../comments/parse';
import { DraftAnalysis } from '../draft/analysis';
import { tooDeep, tooDeepMessage } from '../files/input';
import { mastheadWords } from './masthead';
import { documentNumbering, documentStyles, NUMBERING, STYLE } from './styles';
import { isParagraph, libraryParagraph, TemplateBody, type BodyItem, type BodyParagraph, type ParagraphOptions, type RawDeflate, type RunItem, type RunOptions } from './body';
import { RangeIndex } from '../text/ranges';
import { extraParts, FINGERPRINT_PROPERTY, LINE_BREAK, OBJECT, MODE_PROPERTY, sourceFingerprint, type Projection, type Seg } from './projection';

export interface ExportOptions {
  /** `with-changes`: threads as Word comments, suggestions as tracked changes; `clean`: the accepted text only. */
  mode: 'with-changes' | 'clean';
  /** Masthead defaults (a configuration file's) for what the front matter does not give. */
  masthead?: { organ?: string; distribution?: string; jobNumberPrefix?: string };
  /**
   * How the body's paragraphs are written: from templates (the default), or each by the docx library — the slower
   * reference that a test holds the templates to.
   */
  body?: 'templates' | 'library';
  /** The compressor of the package's parts, a new stream for each (see RawDeflate); fflate's when not given. */
  deflate?: () => RawDeflate;
}

/** XML 1.0 cannot carry these; a draft pasted from elsewhere sometimes has them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const A4 = { width: 11906, height: 16838 };
/** The width between the margins (A4 less 2 × 2.5 cm), where the masthead's right-hand column ends. */
const TEXT_WIDTH = A4.width - 2 * 1417;

interface Fmt { bold?: boolean; italics?: boolean; code?: boolean; link?: boolean }
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
interface Ctx {
  text: string;
  /**
   * Where the tree being written starts in the draft: a section's tree keeps positions relative to its section (it is
   * the analysis's, shared and read only), so offsets are read through `startOf` / `endOf` instead of copying each
   * tree with document-absolute positions.
   */
  base: number;
  comments: CommentsModel;
  mode: ExportOptions['mode'];
  /** Source ranges never written: mark delimiters and thread lines. */
  drop: RangeIndex<{ start: number; end: number }>;
  /** The marks, found by position. */
  marks: RangeIndex<Mark>;
  /** Each thread's first block, by thread id. */
  roots: Map<string, Block>;
  commentIds: Map<string, number[]>;
  footnotes: Map<string, number>;
  footnoteBodies: Record<number, { children: Paragraph[] }>;
  lang: string;
  rtl: boolean;
  /** Word wants a distinct id on every revision mark. */
  revision: number;
  /** What every Word paragraph shows and where it came from: what an import compares the returned file with. */
  proj: Projection;
  /** The segments of the paragraph being built. */
  segs: Seg[];
  /**
   * Whether the projection's paragraphs are recorded: what the import compares a returned file with. An export writes
   * only the projection's comments, so it records no segment (a hundred thousand marks made twice as many).
   */
  project: boolean;
  /** Point comments (`{>>@id<<}`) by offset, so each is anchored where it stands. */
  points: Map<number, string>;
  /** Lists written so far: each numbers its items from (a) again. */
  lists: number;
  /** The run formattings met so far, by what they are made of. */
  runOptions: Map<string, RunOptions>;
  /** Each suggestion's changes as its pieces carry them, by its thread's first block (classify). */
  suggesters: Map<Block, Suggester>;
  /** The same for every suggestion without a thread line. */
  unattributed?: Suggester;
}

/**
 * A comment's date when it has none Word can read: the date attribute is optional, but the docx library writes the
 * moment of the export for a comment given none (and Word showed 1 January 1970 for the 1970 written before). The
 * library writes the attribute from `toISOString()` and leaves out an attribute whose value is undefined.
 */
const NO_DATE = { toISOString: () => undefined } as unknown as Date;

/** An export refused for what the draft holds, with a message naming the place and the fix. */
export class ExportError extends Error {}

export async function exportDocx(source: string, options: ExportOptions): Promise<Uint8Array> {
  const built = build(source, options);
  const doc = built.doc!.document;
  const parts = extraParts(built.proj, source, {
    addOverride: (type, name) => doc.ContentTypes.addOverride(type, name),
    addRelationship: (id, type, target) => doc.Document.Relationships.addRelationship(id, type as Parameters<typeof doc.Document.Relationships.addRelationship>[1], target),
    hasCommentsExtended: built.proj.comments.some((c, i, all) => all.findIndex((x) => x.threadId === c.threadId) !== i),
  });
  // An ArrayBuffer, which Node and a browser's worker both have (a Node Buffer is not to be had in the web build).
  const templates = built.doc!.body;
  // The extra parts (the draft as exported among them, as long as the draft) are zipped once, with the filled-in body.
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc, false, templates ? [] : parts));
  return templates ? templates.finish(packed, parts, options.deflate) : packed;
}

/** The paragraphs an export of `source` writes, with their sources: the import's reference, built by the export's own code. */
export function projectExport(source: string, options: ExportOptions, fingerprint?: string): Projection {
  return build(source, options, true, fingerprint).proj;
}

/**
 * The document and its projection; with `projectOnly`, the projection alone (no document is made; only tables' and
 * footnotes' few paragraphs still become the library's objects on the way). `fingerprint`: the source's, when the
 * caller knows it already (the import, which told the draft by it).
 */
function build(source: string, options: ExportOptions, projectOnly = false, fingerprint?: string): { doc: { document: Document; body: TemplateBody | null } | null; proj: Projection } {
  // Nesting a thousand deep overflows every tree walker: refused with the line, as the check reports it (file.too-deep).
  const deep = tooDeep(source);
  if (deep) throw new ExportError(tooDeepMessage(deep.depth, deep.line));
  const text0 = options.mode === 'clean' ? cleanCopy(source) : source;
  // Same length, so offsets into `text` are offsets into the draft.
  const text = text0.replace(CONTROL, ' ');
  const model = DraftAnalysis.parse(text);
  const info = model.info;
  const lang = info?.languages[0] ?? 'en';
  const comments = options.mode === 'clean' ? { threads: [], marks: [], blocks: [], conflicts: [], problems: [] } : parseComments(text);
  const proj: Projection = { fingerprint: fingerprint ?? sourceFingerprint(source), mode: options.mode, body: [], notes: [], comments: [], codeSpans: [] };
  const ctx: Ctx = { text, base: 0, comments, mode: options.mode, drop: new RangeIndex(dropRanges(comments)), marks: new RangeIndex([...comments.marks]), roots: new Map(comments.blocks.filter((b) => b.id === b.threadId).map((b) => [b.id, b])), commentIds: new Map(), footnotes: new Map(), footnoteBodies: {}, lang, rtl: lang === 'ar', revision: 1, proj, segs: [], project: projectOnly, points: new Map(), lists: 0, runOptions: new Map(), suggesters: new Map() };
  // Word comments: each thread's first comment, then its replies pointing at it; resolved on the first.
  const wordComments: { id: number; author: string; date: Date; durableId: string; parentId?: number; resolved?: boolean; children: Paragraph[] }[] = [];
  for (const th of comments.threads) {
    const notes = th.blocks.filter((b) => !b.event && (th.kind === 'comment' || b.body));
    if (!notes.length && th.mark?.note === undefined) continue;
    // A thread whose text was deleted has no place in the document; Word would show it nowhere (check reports it).
    if (!th.mark) continue;
    const ids: number[] = [];
    if (th.mark?.note !== undefined && !notes.length) {
      const id = wordComments.length;
      wordComments.push({ id, author: 'Unknown', date: NO_DATE, durableId: durableId(id), children: [new Paragraph(th.mark.note)] });
      proj.comments.push({ wordId: id, threadId: th.id, blockId: null, author: 'Unknown', date: new Date(0).toISOString(), body: th.mark.note, resolved: false });
      ids.push(id);
    }
    for (const b of notes) {
      const id = wordComments.length;
      // A date Word cannot read is left out rather than written as an invalid one (or as the moment of the export).
      const date = validDate(b.date);
      wordComments.push({ id, author: b.author, date: date ?? NO_DATE, durableId: durableId(id), ...(ids.length ? { parentId: ids[0] } : { resolved: th.resolved }), children: body(b) });
      proj.comments.push({ wordId: id, threadId: th.id, blockId: b.id, author: b.author, date: date?.toISOString() ?? '', body: b.body, resolved: th.resolved });
      ids.push(id);
    }
    ctx.commentIds.set(th.id, ids);
    if (th.mark?.kind === 'comment' && !th.mark.text && ids.length) ctx.points.set(th.mark.start, th.id);
  }
  // Footnote definitions first, so references can point at their numbers.
  // Each section's tree is read once and let go (a long draft's trees were most of the export's memory), but those that
  // may hold a footnote definition (its text has "[^") are read first, for the numbers, and kept for the pass below.
  const noteTrees = new Map<number, Root>();
  for (let i = 0; i < model.chunkCount; i++) if (model.chunkText(i).includes('[^')) noteTrees.set(i, model.passingChunkTree(i));
  let fn = 0;
  for (const tree of noteTrees.values()) for (const n of tree.children) if (n.type === 'footnoteDefinition') ctx.footnotes.set(n.identifier, ++fn);
  for (const [i, tree] of noteTrees) for (const n of tree.children) {
    if (n.type !== 'footnoteDefinition') continue;
    ctx.base = model.chunkStart(i);
    ctx.footnoteBodies[ctx.footnotes.get(n.identifier)!] = { children: noteParagraphs(ctx, n.children) };
  }
  const head = info && withMastheadDefaults(info, options.masthead);
  const children: BodyItem[] = [...masthead(ctx, head, lang)];
  for (let i = 0; i < model.chunkCount; i++) {
    ctx.base = model.chunkStart(i);
    for (const n of (noteTrees.get(i) ?? model.passingChunkTree(i)).children) {
      switch (n.type) {
        case 'heading': {
          const kids = stripAttributes(ctx, n.children);
          // Word's own heading styles and numbering: the navigation pane shows the structure, and Word numbers it.
          if (n.depth === 1) { children.push(para(ctx, { heading: HeadingLevel.TITLE, bidirectional: ctx.rtl }, runs(ctx, kids, {}), n)); break; }
          if (n.depth === 2) { children.push(para(ctx, { heading: HeadingLevel.HEADING_1, numbering: { reference: NUMBERING.chapters, level: 0 }, bidirectional: ctx.rtl }, runs(ctx, kids, {}), n)); break; }
          if (n.depth === 3) { children.push(para(ctx, { heading: HeadingLevel.HEADING_2, numbering: { reference: NUMBERING.chapters, level: 1 }, bidirectional: ctx.rtl }, runs(ctx, kids, {}), n)); break; }
          children.push(para(ctx, { heading: HeadingLevel.HEADING_3, bidirectional: ctx.rtl }, runs(ctx, kids, {}), n));
          break;
        }
        case 'paragraph': {
          const plain = paragraphText(ctx, n);
          const r = runs(ctx, n.children, {});
          if (!r.length) { ctx.segs = []; break; } // a paragraph that only held thread lines
          const bidirectional = ctx.rtl || ARABIC.test(plain);
          // "(a) …" written as its own paragraph is a subparagraph of the numbered paragraph before it.
          if (/^\((?:[a-z]|[ivx]+)\)\s/.test(plain)) { children.push(para(ctx, { style: STYLE.subparagraph, bidirectional }, r, n)); break; }
          children.push(para(ctx, { style: STYLE.paragraph, numbering: { reference: NUMBERING.paragraphs, level: 0 }, bidirectional }, r, n));
          break;
        }
        case 'list':
          // Each list numbers its items from (a) again: a numbering instance of its own.
          listItems(ctx, n, 0, children, ++ctx.lists);
          break;
        case 'table':
          children.push(new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            // A row made only of a thread's lines (GFM reads the lines under a table as a row) is not a row.
            rows: n.children.filter((row) => !droppedWhole(ctx, row)).map((row, ri) => new TableRow({ tableHeader: ri === 0, children: row.children.map((cell) => new TableCell({ children: [libraryParagraph(para(ctx, { bidirectional: ctx.rtl }, runs(ctx, cell.children, ri === 0 ? { bold: true } : {}), cell))] })) })),
          }));
          break;
        case 'code':
          for (const line of n.value.split('\n')) children.push(para(ctx, { style: STYLE.code }, [lit(ctx, { text: line })], n));
          break;
        case 'blockquote':
          for (const c of n.children) if (c.type === 'paragraph') children.push(para(ctx, { style: STYLE.quote, bidirectional: ctx.rtl }, runs(ctx, c.children, {}), c));
          break;
        default:
          break; // html (template hints), thematic breaks, definitions, footnote definitions (already taken)
      }
    }
  }
  if (projectOnly) return { doc: null, proj };
  const templates = options.body === 'library' ? null : new TemplateBody(children);
  const doc = new Document({
    creator: 'review-obs',
    // Values from the front matter are YAML-decoded: an escape such as "\uFFFE" gives a character XML cannot carry.
    title: xmlText(info ? templateForLanguages(info.languages).title(info.kind, info.stateUnderReview) : t('Draft')),
    styles: documentStyles(lang),
    numbering: documentNumbering(lang),
    // The State's and the secretariat's edits in Word come back as tracked changes; the fingerprint tells the import
    // which draft the file was exported from.
    features: { trackRevisions: true },
    customProperties: [{ name: FINGERPRINT_PROPERTY, value: proj.fingerprint }, { name: MODE_PROPERTY, value: options.mode }],
    ...(wordComments.length ? { comments: { children: wordComments } } : {}),
    footnotes: ctx.footnoteBodies,
    sections: [{
      // The first page carries the masthead and, in its footer, the job number; the others the symbol and the page.
      properties: { titlePage: true, page: { size: A4, margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } } },
      headers: { first: new Header({ children: [] }), default: new Header({ children: info?.symbol ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: xmlText(info.symbol), bold: true, size: 17 })] })] : [] }) },
      footers: {
        first: new Footer({ children: head?.jobNumber ? [new Paragraph({ children: [new TextRun({ text: xmlText(head.jobNumber), size: 17 })] })] : [] }),
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 17 })] })] }),
      },
      children: templates ? templates.documentChildren() : children.map((c) => (isParagraph(c) ? libraryParagraph(c) : c)),
    }],
  });
  return { doc: { document: doc, body: templates }, proj };
}

function body(b: Block): Paragraph[] {
  return b.body.replace(CONTROL, ' ').split('\n').map((l) => new Paragraph(l));
}

/**
 * The UN masthead in the document's language: the Organization and the symbol, the organ and the distribution, the
 * date written out, the original language. A field the front matter does not give is left out (check says so).
 */
function masthead(ctx: Ctx, info: DraftAnalysis['info'], lang: string): BodyParagraph[] {
  if (!info) return [];
  const w = mastheadWords(lang);
  const tab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  type Run = { text: string; size?: number; bold?: boolean };
  // The runs are made in reading order, so the projection records them in that order.
  const line = (left: Run[], right: Run[]) => para(ctx, { style: STYLE.masthead, tabStops: tab, bidirectional: ctx.rtl }, [...left, ...(right.length ? [{ text: '\t' }, ...right] : [])].map((r) => lit(ctx, r)));
  const out: BodyParagraph[] = [line([{ text: w.organization, size: 24 }], info.symbol ? [{ text: xmlText(info.symbol), size: 32, bold: true }] : [])];
  const distr = info.distribution ? w.distribution(info.distribution) : null;
  if (info.organ || distr) out.push(line(info.organ ? [{ text: xmlText(info.organ), bold: true }] : [], distr ? [{ text: distr }] : []));
  const date = info.date ? w.date(info.date) : null;
  for (const right of [date, w.original(lang)]) if (right) out.push(para(ctx, { style: STYLE.masthead, alignment: ctx.rtl ? AlignmentType.LEFT : AlignmentType.RIGHT, bidirectional: ctx.rtl }, [lit(ctx, { text: right })]));
  out.push(para(ctx, { style: STYLE.masthead, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }, []));
  return out;
}

/** The front matter's masthead fields, with the configuration's defaults where it gives none. */
function withMastheadDefaults(info: NonNullable<DraftAnalysis['info']>, d: ExportOptions['masthead']): NonNullable<DraftAnalysis['info']> {
  if (!d) return info;
  const job = info.jobNumber && d.jobNumberPrefix && !info.jobNumber.startsWith(d.jobNumberPrefix) ? d.jobNumberPrefix + info.jobNumber : info.jobNumber;
  return { ...info, organ: info.organ ?? d.organ ?? null, distribution: info.distribution ?? d.distribution ?? null, jobNumber: job };
}

/** What XML 1.0 can carry: control characters and U+FFFE/U+FFFF (a YAML escape can make them) become spaces. */
function xmlText(s: string): string {
  return s.replace(CONTROL, ' ');
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };
/** Where a node of the tree being written starts and ends in the draft (see Ctx.base). */
function startOf(ctx: Ctx, n: Positioned | undefined): number | undefined {
  const o = n?.position?.start.offset;
  return o === undefined ? undefined : ctx.base + o;
}
function endOf(ctx: Ctx, n: Positioned | undefined): number | undefined {
  const o = n?.position?.end.offset;
  return o === undefined ? undefined : ctx.base + o;
}

/** A Word paragraph, its segments recorded in the projection with the source block it came from. */
function para(ctx: Ctx, options: ParagraphOptions, runs: RunItem[], node?: Positioned, where: 'body' | 'notes' = 'body'): BodyParagraph {
  const start = startOf(ctx, node) ?? -1, end = endOf(ctx, node) ?? -1;
  if (ctx.project) ctx.proj[where].push({ segs: ctx.segs, blockStart: start, blockEnd: end });
  ctx.segs = [];
  // Left to right is what a paragraph is without saying so: `w:bidi="false"` on every paragraph only lengthens the XML.
  if (options.bidirectional === false) { const { bidirectional: _, ...rest } = options; options = rest; }
  return { options, runs };
}

/** A run of text that the export writes itself (a number, a heading line): it has no place in the draft. */
function lit(ctx: Ctx, { text, ...options }: { text: string; size?: number; bold?: boolean }): RunItem {
  record(ctx, { text, src: -1, kind: 'normal', thread: null });
  return { kind: 'text', text, options, change: null, revision: 0 };
}

/** Word's durable comment id (commentsIds.xml): a hexadecimal number below 0x7FFFFFFF, one per comment. */
function durableId(wordId: number): string {
  return (0x10000000 + wordId).toString(16).toUpperCase();
}

function validDate(s: string): Date | null {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A footnote's paragraphs: its own, and those of the lists, quotes, tables and code it holds, in order (a note in Word
 * holds paragraphs; what a note's list or quote said was left out).
 */
function noteParagraphs(ctx: Ctx, nodes: readonly RootContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (c: RootContent): void => {
    if (c.type === 'paragraph' || c.type === 'tableCell') out.push(libraryParagraph(para(ctx, {}, runs(ctx, c.children, {}), c, 'notes')));
    else if (c.type === 'code') for (const line of c.value.split('\n')) out.push(libraryParagraph(para(ctx, { style: STYLE.code }, [lit(ctx, { text: line })], c, 'notes')));
    else if (c.type === 'list' || c.type === 'listItem' || c.type === 'blockquote' || c.type === 'table' || c.type === 'tableRow') for (const k of c.children) walk(k);
  };
  for (const c of nodes) walk(c);
  return out;
}

/** Whether every cell of a table row is text the export drops (a thread line read as a row). */
function droppedWhole(ctx: Ctx, row: Positioned): boolean {
  const s = startOf(ctx, row), e = endOf(ctx, row);
  if (s === undefined || e === undefined) return false;
  const line = ctx.text.slice(s, e);
  return /^\{>>@[a-z0-9.]+ \|.*<<\}\s*$/.test(line.trim());
}

function listItems(ctx: Ctx, list: Extract<RootContent, { type: 'list' }>, depth: number, out: BodyItem[], instance: number): void {
  for (const item of list.children) {
    let first = true;
    for (const c of item.children) {
      if (c.type === 'paragraph') {
        const r = runs(ctx, c.children, {});
        if (!r.length) { ctx.segs = []; continue; }
        // The item's first paragraph carries its number (a), (i), a.; the ones after it continue its text.
        const numbering = first ? { numbering: { reference: NUMBERING.subparagraphs, level: Math.min(depth, 3), instance } } : { indent: { left: 1134 + 567 * Math.min(depth, 3) } };
        out.push(para(ctx, { style: STYLE.list, ...numbering, bidirectional: ctx.rtl || ARABIC.test(paragraphText(ctx, c)) }, r, c));
        first = false;
      } else if (c.type === 'list') listItems(ctx, c, depth + 1, out, instance);
    }
  }
}

/** Drops the `{#untoc-5}` / `{.gaps}` block at the end of a heading: it ties the section to its article, it is not text. */
function stripAttributes(ctx: Ctx, kids: PhrasingContent[]): PhrasingContent[] {
  const last = kids[kids.length - 1];
  if (last?.type !== 'text' || !last.position) return kids;
  const src = ctx.text.slice(startOf(ctx, last), endOf(ctx, last));
  const m = /[ \t]*\{[#.][^{}]*\}[ \t]*$/.exec(src);
  if (!m) return kids;
  const end = last.position.start.offset! + m.index;
  return [...kids.slice(0, -1), { ...last, position: { start: last.position.start, end: { ...last.position.end, offset: end } } }];
}

function paragraphText(ctx: Ctx, n: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  return ctx.text.slice(startOf(ctx, n) ?? 0, endOf(ctx, n) ?? 0);
}

/** Mark delimiters (`{++`, `++}{>>@id<<}`, `~>` …) and thread lines with the line break before them. */
function dropRanges(cm: CommentsModel): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const b of cm.blocks) out.push({ start: b.removeStart, end: b.end });
  // Each mark's delimiters, pushed as found (no list per mark: a draft may have a hundred thousand marks).
  for (const m of cm.marks) {
    if (m.kind === 'comment' && !m.text) { out.push({ start: m.start, end: m.end }); continue; }
    const innerStart = m.start + 3, oldEnd = innerStart + m.text.length;
    out.push({ start: m.start, end: innerStart });
    if (m.kind === 'replacement') {
      const newStart = oldEnd + 2;
      out.push({ start: oldEnd, end: newStart }, { start: newStart + (m.newText ?? '').length, end: m.end });
    } else out.push({ start: oldEnd, end: m.end });
  }
  return out; // sorted by the index
}

type Piece = { from: number; to: number };

type PieceChange = { kind: 'ins' | 'del'; author: string; date: string | null };
type Suggester = { ins: PieceChange; del: PieceChange; commented: boolean };

/** What a piece of text is: in which suggestion, as what change, under which comments. */
interface PieceClass { readonly change: PieceChange | null; readonly suggestion: string | null; readonly threads: readonly string[] }
/** A piece under no mark (the text between marks): one answer for all of them. */
const UNMARKED: PieceClass = Object.freeze({ change: null, suggestion: null, threads: Object.freeze([]) });
/** What a source offset is part of: the kind of change (and the suggestion it belongs to), and the comment threads whose text it is. */
function classify(ctx: Ctx, o: number): PieceClass {
  let change: PieceChange | null = null, suggestion: string | null = null;
  let threads: string[] | null = null;
  ctx.marks.overlapping(o, o + 1, (m) => {
    if (m.kind === 'comment') { (threads ??= []).push(m.id); return; }
    const who = suggesterOf(ctx, m.id);
    const oldEnd = m.start + 3 + m.text.length;
    change = m.kind === 'insertion' ? who.ins : m.kind === 'deletion' || o < oldEnd ? who.del : who.ins;
    suggestion = m.id;
    if (who.commented) (threads ??= []).push(m.id);
  });
  if (suggestion === null && threads === null) return UNMARKED;
  // Found from the last mark backwards: in the text's order, as before.
  const found: string[] = threads ?? [];
  if (found.length > 1) found.reverse();
  return { change, suggestion, threads: found };
}

/**
 * A suggestion's author and date as its changes carry them: made once per thread, and once for all the suggestions with
 * no thread line (a draft can hold a hundred thousand of those, each piece of each asking).
 */
function suggesterOf(ctx: Ctx, id: string): Suggester {
  const root = ctx.roots.get(id);
  // A suggestion with no date Word can read has none in the document (Word would show 1 January 1970 for a made-up one).
  if (!root) return (ctx.unattributed ??= suggester('Unknown', null, false));
  let hit = ctx.suggesters.get(root);
  if (!hit) ctx.suggesters.set(root, (hit = suggester(root.author, validDate(root.date) ? root.date : null, !!root.body && ctx.commentIds.has(id))));
  return hit;
}
function suggester(author: string, date: string | null, commented: boolean): Suggester {
  return { ins: { kind: 'ins', author, date }, del: { kind: 'del', author, date }, commented };
}

/** Runs for inline content: formatting from the Markdown, changes and comment ranges from the marks. */
function runs(ctx: Ctx, nodes: PhrasingContent[], fmt: Fmt, size?: number): RunItem[] {
  const out: RunItem[] = [];
  const open = new Set<string>();
  let last: { f: Fmt | null; rtl: boolean; options: RunOptions } = { f: null, rtl: false, options: {} };
  const point = (o: number) => {
    const id = ctx.points.get(o);
    if (!id) return;
    // A comment on a point: an empty range, so Word, LibreOffice and pandoc show it where it stands.
    for (const n of ctx.commentIds.get(id) ?? []) out.push({ kind: 'commentStart', id: n });
    closeThread(ctx, out, id);
  };
  const emitPiece = (p: Piece, f: Fmt) => {
    const c = classify(ctx, p.from);
    // comment ranges: open the threads that start here, close those that ended before
    if (open.size) for (const id of [...open]) if (!c.threads.includes(id)) { closeThread(ctx, out, id); open.delete(id); }
    for (const id of c.threads) if (!open.has(id)) { for (const n of ctx.commentIds.get(id) ?? []) out.push({ kind: 'commentStart', id: n }); open.add(id); }
    const src = ctx.text.slice(p.from, p.to);
    let t = '';
    if (!src.includes('\n')) { segment(ctx, src, p.from, c); t = src; }
    else {
      // Line by line: a soft line break is a space, except between Chinese characters, where it is nothing.
      let at = 0;
      for (const m of src.matchAll(/\r?\n/g)) {
        segment(ctx, src.slice(at, m.index), p.from + at, c);
        const joint = CJK.test(src.charAt(m.index - 1)) && CJK.test(src.charAt(m.index + m[0].length)) ? '' : ' ';
        segment(ctx, joint, p.from + m.index, c);
        t += src.slice(at, m.index) + joint;
        at = m.index + m[0].length;
      }
      segment(ctx, src.slice(at), p.from + at, c);
      t += src.slice(at);
    }
    if (!t) return;
    const rtl = ctx.rtl || ARABIC.test(t);
    // The pieces of one text node share its formatting: its options are looked up once, not once a piece.
    if (f !== last.f || rtl !== last.rtl) last = { f, rtl, options: runOptions(ctx, f, size, rtl) };
    const options = last.options;
    // The suggestion's author and date are its suggester's, shared by all its pieces; the id is the piece's own.
    out.push({ kind: 'text', text: t, options, change: c.change, revision: c.change ? ctx.revision++ : 0 });
  };
  const emitText = (from: number, to: number, f: Fmt) => {
    let last = from;
    for (const p of pieces(ctx, from, to)) {
      for (let o = last; o < p.from; o++) point(o);
      emitPiece(p, f);
      last = p.to;
    }
    for (let o = last; o < to; o++) point(o);
  };
  const footnote = (n: number) => {
    record(ctx, { text: OBJECT, src: -1, kind: 'normal', thread: null });
    out.push({ kind: 'footnote', id: n });
  };
  /** Text, with `[^1]` references whose definition stands in another section (the parser sees one section at a time). */
  const text = (s: number, e: number, f: Fmt) => {
    let at = s;
    if (ctx.footnotes.size) {
      for (const m of ctx.text.slice(s, e).matchAll(/\[\^([^\]\s]+)\]/g)) {
        const n = ctx.footnotes.get(m[1]!.toLowerCase());
        if (!n) continue;
        emitText(at, s + m.index, f);
        footnote(n);
        at = s + m.index + m[0].length;
      }
    }
    emitText(at, e, f);
  };
  const walk = (n: PhrasingContent, f: Fmt) => {
    const s = startOf(ctx, n), e = endOf(ctx, n);
    switch (n.type) {
      case 'text': if (s !== undefined && e !== undefined) text(s, e, f); break;
      case 'inlineCode': {
        if (s === undefined || e === undefined) break;
        // The code itself, without its backticks (and the one space that pads a span starting with one).
        const fence = /^`+/.exec(ctx.text.slice(s, e))![0].length;
        ctx.proj.codeSpans.push([s, e]);
        let a = s + fence, b = e - fence;
        if (b - a >= 2 && ctx.text[a] === ' ' && ctx.text[b - 1] === ' ' && ctx.text.slice(a, b).trim()) { a++; b--; }
        emitText(a, b, { ...f, code: true });
        break;
      }
      case 'strong': for (const c of n.children) walk(c, { ...f, bold: true }); break;
      case 'emphasis': for (const c of n.children) walk(c, { ...f, italics: true }); break;
      case 'delete': for (const c of n.children) walk(c, f); break;
      case 'break': record(ctx, { text: LINE_BREAK, src: -1, kind: 'normal', thread: null }); out.push({ kind: 'break' }); break;
      case 'footnoteReference': { const id = ctx.footnotes.get(n.identifier); if (id) footnote(id); break; }
      case 'link': {
        const before = out.length;
        for (const c of n.children) walk(c, { ...f, link: true });
        out.push({ kind: 'link', url: n.url, runs: out.splice(before) });
        break;
      }
      case 'image':
      case 'imageReference': {
        // A picture is not fetched (export.picture-not-embedded says so while drafting): its description is written,
        // as a link to the picture when its address is at hand (as text inside a link, or for a reference to a
        // definition), so its words are not lost. Taken from the source when it stands there as written, after "![";
        // one with escapes is written as the export's own text (Word's edits of it are not read back).
        if (s === undefined || !n.alt) break;
        if (ctx.text.slice(s + 2, s + 2 + n.alt.length) !== n.alt) { out.push(lit(ctx, { text: n.alt })); break; }
        const linked = n.type === 'image' && !f.link;
        const before = out.length;
        emitText(s + 2, s + 2 + n.alt.length, linked ? { ...f, link: true } : f);
        if (linked) out.push({ kind: 'link', url: n.url, runs: out.splice(before) });
        break;
      }
      case 'html': break; // inline HTML and comments are not text of the observations
      default: if ('children' in n) for (const c of (n as { children: PhrasingContent[] }).children) walk(c, f);
    }
  };
  for (const n of nodes) walk(n, fmt);
  for (const id of open) closeThread(ctx, out, id);
  return out;
}

/** A run's formatting, one object for each combination (a draft has a handful; the writer keys its templates by them). */
function runOptions(ctx: Ctx, f: Fmt, size: number | undefined, rightToLeft: boolean): RunOptions {
  const key = `${+!!f.bold}${+!!f.italics}${f.code ? 'c' : f.link ? 'l' : '-'}${+rightToLeft}${size ?? ''}`;
  let o = ctx.runOptions.get(key);
  if (!o) ctx.runOptions.set(key, (o = { bold: f.bold, italics: f.italics, size, ...(rightToLeft ? { rightToLeft } : {}), ...(f.code ? { style: STYLE.inlineCode } : f.link ? { style: STYLE.hyperlink } : {}) }));
  return o;
}

/** A segment of the paragraph being built, when the projection is recorded. */
function record(ctx: Ctx, seg: Seg): void {
  if (ctx.project) ctx.segs.push(seg);
}
/** Records a stretch of draft text written into the paragraph, with the change or thread it belongs to. */
function segment(ctx: Ctx, text: string, src: number, c: PieceClass): void {
  if (!text || !ctx.project) return;
  record(ctx, { text, src, kind: c.change ? c.change.kind : 'normal', thread: c.suggestion });
}

function closeThread(ctx: Ctx, out: RunItem[], id: string): void {
  for (const n of ctx.commentIds.get(id) ?? []) { out.push({ kind: 'commentEnd', id: n }); out.push({ kind: 'commentReference', id: n }); }
}

/**
 * A source range cut into pieces that avoid the dropped ranges and do not cross a mark boundary. Every boundary of a
 * mark is one of a dropped range (dropRanges: its delimiters), so the dropped ranges' ends are all the cuts there are.
 */
function pieces(ctx: Ctx, from: number, to: number): Piece[] {
  // The dropped ranges come by start, last first; walked from the first, the text between them is what is written.
  // Every mark boundary is a dropped range's end (its delimiters are dropped), so each piece has one classification.
  // (Cutting at every range's start and end, sorting the cuts and asking the index whether a range held each stretch
  // between two of them gave the same pieces at a binary search a cut.)
  const drops: { start: number; end: number }[] = [];
  ctx.drop.overlapping(from, to, (r) => { drops.push(r); });
  const out: Piece[] = [];
  let at = from;
  for (let k = drops.length - 1; k >= 0; k--) {
    const d = drops[k]!;
    if (d.start > at) { out.push({ from: at, to: d.start }); at = d.end; }
    else if (d.end > at) at = d.end;
  }
  if (at < to) out.push({ from: at, to });
  return out;
}

