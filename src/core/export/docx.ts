// Exports a draft to .docx in the layout of a UN document, with comments and tracked changes, using the docx library.
import { t } from '@vscode/l10n';
import { templateForLanguages } from '../templates';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, ExternalHyperlink,
  FootnoteReferenceRun, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type ParagraphChild,
} from 'docx';
import { cleanCopy } from '../comments/ops';
import { parseComments, type Block, type CommentsModel, type Mark } from '../comments/parse';
import { DraftModel } from '../draft/model';

export interface ExportOptions {
  /** `with-changes`: threads as Word comments, suggestions as tracked changes; `clean`: the accepted text only. */
  mode: 'with-changes' | 'clean';
  /** Date for the heading block when the front matter has none. */
  today?: string;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const ZH_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** XML 1.0 cannot carry these; a draft pasted from elsewhere sometimes has them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Arial' };
const A4 = { width: 11906, height: 16838 };

interface Fmt { bold?: boolean; italics?: boolean; code?: boolean }
interface Ctx {
  text: string;
  comments: CommentsModel;
  mode: ExportOptions['mode'];
  /** Source ranges never written: mark delimiters and thread lines. */
  drop: [number, number][];
  commentIds: Map<string, number[]>;
  footnotes: Map<string, number>;
  footnoteBodies: Record<number, { children: Paragraph[] }>;
  lang: string;
  rtl: boolean;
  /** Word wants a distinct id on every revision mark. */
  revision: number;
}

export async function exportDocx(source: string, options: ExportOptions): Promise<Uint8Array> {
  const text0 = options.mode === 'clean' ? cleanCopy(source) : source;
  const text = text0.replace(CONTROL, ' ');
  const model = DraftModel.parse(text);
  const info = model.info;
  const lang = info?.languages[0] ?? 'en';
  const comments = options.mode === 'clean' ? { threads: [], marks: [], blocks: [], conflicts: [], problems: [] } : parseComments(text);
  const ctx: Ctx = { text, comments, mode: options.mode, drop: dropRanges(text, comments), commentIds: new Map(), footnotes: new Map(), footnoteBodies: {}, lang, rtl: lang === 'ar', revision: 1 };
  // Word comments: each thread's first comment, then its replies pointing at it; resolved on the first.
  const wordComments: { id: number; author: string; date: Date; parentId?: number; resolved?: boolean; children: Paragraph[] }[] = [];
  for (const th of comments.threads) {
    const notes = th.blocks.filter((b) => !b.event && (th.kind === 'comment' || b.body));
    if (!notes.length && th.mark?.note === undefined) continue;
    const ids: number[] = [];
    if (th.mark?.note !== undefined && !notes.length) {
      const id = wordComments.length;
      wordComments.push({ id, author: 'Unknown', date: new Date(0), children: [new Paragraph(th.mark.note)] });
      ids.push(id);
    }
    for (const b of notes) {
      const id = wordComments.length;
      wordComments.push({ id, author: b.author, date: new Date(b.date), ...(ids.length ? { parentId: ids[0] } : { resolved: th.resolved }), children: body(b) });
      ids.push(id);
    }
    ctx.commentIds.set(th.id, ids);
  }
  // Footnote definitions first, so references can point at their numbers.
  const trees: Root[] = model.chunks.map((_, i) => model.absoluteChunkTree(i));
  let fn = 0;
  for (const tree of trees) for (const n of tree.children) if (n.type === 'footnoteDefinition') ctx.footnotes.set(n.identifier, ++fn);
  for (const tree of trees) for (const n of tree.children) {
    if (n.type !== 'footnoteDefinition') continue;
    ctx.footnoteBodies[ctx.footnotes.get(n.identifier)!] = { children: n.children.flatMap((c) => (c.type === 'paragraph' ? [new Paragraph({ children: runs(ctx, c.children, {}) })] : [])) };
  }
  const children: (Paragraph | Table)[] = [...headingBlock(info, lang, options.today)];
  let chapter = 0, section = 0, para = 0;
  for (const tree of trees) {
    for (const n of tree.children) {
      switch (n.type) {
        case 'heading': {
          const kids = stripAttributes(ctx, n.children);
          if (n.depth === 1) { children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, bidirectional: ctx.rtl, children: runs(ctx, kids, { bold: true }, 28) })); break; }
          if (n.depth === 2) {
            chapter++; section = 0;
            const num = lang === 'zh' ? `${ZH_NUM[chapter] ?? chapter}、` : `${ROMAN[chapter] ?? chapter}.`;
            children.push(new Paragraph({ keepNext: true, spacing: { before: 360, after: 120 }, bidirectional: ctx.rtl, children: [new TextRun({ text: `${num}\t`, bold: true, size: 24 }), ...runs(ctx, kids, { bold: true }, 24)] }));
            break;
          }
          if (n.depth === 3) {
            const num = `${LETTERS[section++] ?? section}.`;
            children.push(new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, bidirectional: ctx.rtl, children: [new TextRun({ text: `${num}\t`, bold: true }), ...runs(ctx, kids, { bold: true })] }));
            break;
          }
          children.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, bidirectional: ctx.rtl, children: runs(ctx, kids, { italics: true }) }));
          break;
        }
        case 'paragraph': {
          const r = runs(ctx, n.children, {});
          if (!r.length) break; // a paragraph that only held thread lines
          const plain = paragraphText(ctx, n);
          // "(a) …" written as its own paragraph is a subparagraph of the numbered paragraph before it.
          if (/^\((?:[a-z]|[ivx]+)\)\s/.test(plain)) { children.push(new Paragraph({ bidirectional: ctx.rtl || ARABIC.test(plain), indent: { left: 1134 }, alignment: AlignmentType.BOTH, children: r })); break; }
          para++;
          children.push(numbered(`${para}.`, r, ctx, plain));
          break;
        }
        case 'list':
          listItems(ctx, n, 0, children);
          break;
        case 'table':
          children.push(new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: n.children.map((row, ri) => new TableRow({ tableHeader: ri === 0, children: row.children.map((cell) => new TableCell({ children: [new Paragraph({ bidirectional: ctx.rtl, children: runs(ctx, cell.children, ri === 0 ? { bold: true } : {}) })] })) })),
          }));
          break;
        case 'code':
          for (const line of n.value.split('\n')) children.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New', size: 18 })] }));
          break;
        case 'blockquote':
          for (const c of n.children) if (c.type === 'paragraph') children.push(new Paragraph({ indent: { left: 1134 }, bidirectional: ctx.rtl, children: runs(ctx, c.children, {}) }));
          break;
        default:
          break; // html (template hints), thematic breaks, definitions, footnote definitions (already taken)
      }
    }
  }
  const doc = new Document({
    creator: 'review-obs',
    title: info ? templateForLanguages(info.languages).title(info.kind, info.stateUnderReview) : t('Draft'),
    styles: { default: { document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 120 } } } } },
    ...(wordComments.length ? { comments: { children: wordComments } } : {}),
    footnotes: ctx.footnoteBodies,
    sections: [{ properties: { page: { size: A4, margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

function body(b: Block): Paragraph[] {
  return b.body.replace(CONTROL, ' ').split('\n').map((l) => new Paragraph(l));
}

function headingBlock(info: DraftModel['info'], lang: string, today?: string): Paragraph[] {
  if (!info) return [];
  const langName: Record<string, string> = { en: 'English', zh: 'Chinese', fr: 'French', es: 'Spanish', ru: 'Russian', ar: 'Arabic' };
  const lines = [info.symbol ?? '', info.distribution ?? 'Limited', info.date ?? today ?? new Date().toISOString().slice(0, 10), `Original: ${langName[lang] ?? lang}`].filter(Boolean);
  return [...lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text: l, size: 18 })] })), new Paragraph('')];
}

function numbered(num: string, r: ParagraphChild[], ctx: Ctx, plain: string): Paragraph {
  const rtl = ctx.rtl || ARABIC.test(plain);
  return new Paragraph({ bidirectional: rtl, indent: { left: 567, hanging: 567 }, alignment: AlignmentType.BOTH, children: [new TextRun({ text: `${num}\t`, rightToLeft: rtl }), ...r] });
}

function listItems(ctx: Ctx, list: Extract<RootContent, { type: 'list' }>, depth: number, out: (Paragraph | Table)[]): void {
  list.children.forEach((item, i) => {
    const label = depth === 0 ? `(${'abcdefghijklmnopqrstuvwxyz'[i] ?? i + 1})` : `(${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][i] ?? i + 1})`;
    for (const c of item.children) {
      if (c.type === 'paragraph') {
        const r = runs(ctx, c.children, {});
        if (r.length) out.push(new Paragraph({ bidirectional: ctx.rtl || ARABIC.test(paragraphText(ctx, c)), indent: { left: 1134 + 567 * depth, hanging: 567 }, children: [new TextRun(`${label}\t`), ...r] }));
      } else if (c.type === 'list') listItems(ctx, c, depth + 1, out);
    }
  });
}

/** Drops the `{#untoc-5}` / `{.gaps}` block at the end of a heading: it ties the section to its article, it is not text. */
function stripAttributes(ctx: Ctx, kids: PhrasingContent[]): PhrasingContent[] {
  const last = kids[kids.length - 1];
  if (last?.type !== 'text' || !last.position) return kids;
  const src = ctx.text.slice(last.position.start.offset, last.position.end.offset);
  const m = /[ \t]*\{[#.][^{}]*\}[ \t]*$/.exec(src);
  if (!m) return kids;
  const end = last.position.start.offset! + m.index;
  return [...kids.slice(0, -1), { ...last, position: { start: last.position.start, end: { ...last.position.end, offset: end } } }];
}

function paragraphText(ctx: Ctx, n: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  return ctx.text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
}

/** Mark delimiters (`{++`, `++}{>>@id<<}`, `~>` …) and thread lines with the line break before them. */
function dropRanges(text: string, cm: CommentsModel): [number, number][] {
  const out: [number, number][] = [];
  for (const b of cm.blocks) out.push([b.removeStart, b.end]);
  for (const m of cm.marks) for (const r of markSyntax(m)) out.push(r);
  return out.sort((a, b) => a[0] - b[0]);
}
function markSyntax(m: Mark): [number, number][] {
  if (m.kind === 'comment' && !m.text) return [[m.start, m.end]];
  const innerStart = m.start + 3;
  if (m.kind === 'replacement') {
    const oldEnd = innerStart + m.text.length, newStart = oldEnd + 2, newEnd = newStart + (m.newText ?? '').length;
    return [[m.start, innerStart], [oldEnd, newStart], [newEnd, m.end]];
  }
  return [[m.start, innerStart], [innerStart + m.text.length, m.end]];
}

type Piece = { from: number; to: number };

/** What a source offset is part of: the kind of change, and the comment threads whose text it is. */
function classify(ctx: Ctx, o: number): { change: { kind: 'ins' | 'del'; author: string; date: string; id: number } | null; threads: string[] } {
  let change = null;
  const threads: string[] = [];
  for (const m of ctx.comments.marks) {
    if (o < m.start || o >= m.end) continue;
    if (m.kind === 'comment') { threads.push(m.id); continue; }
    const root = ctx.comments.blocks.find((b) => b.id === m.id);
    const who = { author: root?.author ?? 'Unknown', date: root?.date ?? '1970-01-01T00:00:00Z', id: 0 };
    const innerStart = m.start + 3;
    const oldEnd = innerStart + m.text.length;
    if (m.kind === 'insertion') change = { kind: 'ins' as const, ...who };
    else if (m.kind === 'deletion') change = { kind: 'del' as const, ...who };
    else change = { kind: o < oldEnd ? ('del' as const) : ('ins' as const), ...who };
    if (root?.body && ctx.commentIds.has(m.id)) threads.push(m.id);
  }
  return { change, threads };
}


/** Runs for inline content: formatting from the Markdown, changes and comment ranges from the marks. */
function runs(ctx: Ctx, nodes: PhrasingContent[], fmt: Fmt, size?: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const open = new Set<string>();
  const emitText = (from: number, to: number, f: Fmt, literal?: string) => {
    for (const p of pieces(ctx, from, to)) {
      const c = classify(ctx, p.from);
      // comment ranges: open the threads that start here, close those that ended before
      for (const id of [...open]) if (!c.threads.includes(id)) { closeThread(ctx, out, id); open.delete(id); }
      for (const id of c.threads) if (!open.has(id)) { for (const n of ctx.commentIds.get(id) ?? []) out.push(new CommentRangeStart(n)); open.add(id); }
      const t = (literal ?? ctx.text.slice(p.from, p.to)).replace(/\r?\n/g, ' ');
      if (!t) continue;
      const base = { text: t, bold: f.bold, italics: f.italics, size, rightToLeft: ctx.rtl || ARABIC.test(t), ...(f.code ? { font: 'Courier New' } : {}) };
      if (c.change?.kind === 'ins') out.push(new InsertedTextRun({ ...base, id: ctx.revision++, author: c.change.author, date: c.change.date }));
      else if (c.change?.kind === 'del') out.push(new DeletedTextRun({ ...base, id: ctx.revision++, author: c.change.author, date: c.change.date }));
      else out.push(new TextRun(base));
    }
  };
  const walk = (n: PhrasingContent, f: Fmt) => {
    const s = n.position?.start.offset, e = n.position?.end.offset;
    switch (n.type) {
      case 'text': if (s !== undefined && e !== undefined) emitText(s, e, f); break;
      case 'inlineCode': if (s !== undefined && e !== undefined) emitText(s, e, { ...f, code: true }); break;
      case 'strong': for (const c of n.children) walk(c, { ...f, bold: true }); break;
      case 'emphasis': for (const c of n.children) walk(c, { ...f, italics: true }); break;
      case 'delete': for (const c of n.children) walk(c, f); break;
      case 'break': out.push(new TextRun({ text: '', break: 1 })); break;
      case 'footnoteReference': { const id = ctx.footnotes.get(n.identifier); if (id) out.push(new FootnoteReferenceRun(id)); break; }
      case 'link': {
        const inner: ParagraphChild[] = [];
        const before = out.length;
        for (const c of n.children) walk(c, f);
        inner.push(...out.splice(before));
        out.push(new ExternalHyperlink({ link: n.url, children: inner.filter((x): x is TextRun => x instanceof TextRun) }));
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

function closeThread(ctx: Ctx, out: ParagraphChild[], id: string): void {
  for (const n of ctx.commentIds.get(id) ?? []) { out.push(new CommentRangeEnd(n)); out.push(new TextRun({ children: [new CommentReference(n)] })); }
}

/** A source range cut into pieces that avoid the dropped ranges and do not cross a mark boundary. */
function pieces(ctx: Ctx, from: number, to: number): Piece[] {
  const cuts = new Set<number>([from, to]);
  for (const m of ctx.comments.marks) {
    for (const o of [m.start, m.end, m.start + 3, m.start + 3 + m.text.length]) if (o > from && o < to) cuts.add(o);
    if (m.kind === 'replacement') { const ns = m.start + 3 + m.text.length + 2; if (ns > from && ns < to) cuts.add(ns); }
  }
  for (const [a, b] of ctx.drop) { if (a > from && a < to) cuts.add(a); if (b > from && b < to) cuts.add(b); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const p = { from: sorted[i]!, to: sorted[i + 1]! };
    if (ctx.drop.some(([a, b]) => p.from >= a && p.to <= b)) continue;
    out.push(p);
  }
  return out;
}

