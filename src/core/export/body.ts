// The exported document's body as data (paragraphs of runs) and its XML: the docx library writes one template of each
// paragraph and run shape, and the body is filled in from them, so a long draft costs its length, not a library object a run.
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import {
  CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun,
  Paragraph, TextRun, type ParagraphChild, type Table,
} from 'docx';

export type ParagraphOptions = Omit<Exclude<ConstructorParameters<typeof Paragraph>[0], string>, 'children'>;
/** A run's formatting as the docx library takes it, without its text. */
export type RunOptions = Omit<Exclude<ConstructorParameters<typeof TextRun>[0], string>, 'text' | 'children'>;
/**
 * A tracked change's kind, author and date (Word wants a distinct id on each: the run carries it, as `revision`). A
 * suggestion with no date a word processor can read has none (the attribute is optional): a date of 1970 would show.
 */
export interface Change { kind: 'ins' | 'del'; author: string; date: string | null }
export type RunItem =
  | { kind: 'text'; text: string; options: RunOptions; change: Change | null; /** Word's id of the change (w:id), 0 without one. */ revision: number }
  | { kind: 'commentStart' | 'commentEnd' | 'commentReference' | 'footnote'; id: number }
  | { kind: 'break' }
  | { kind: 'link'; url: string; runs: RunItem[] };
export interface BodyParagraph { options: ParagraphOptions; runs: RunItem[] }
export type BodyItem = BodyParagraph | Table;

/**
 * One zip entry's raw deflate stream, given slice by slice: each call returns the bytes that follow the last call's, the
 * last (`final`) ending the stream. The platform's own compressor where there is one (Node's zlib, several times
 * fflate's speed on a long body: src/node/deflate.ts); fflate's otherwise.
 */
export interface RawDeflate {
  (slice: Uint8Array, final: boolean): Uint8Array<ArrayBuffer>;
  /** The platform's CRC-32 of `data`, continued from `value` (0 to start), when it has one; fflate's otherwise. */
  readonly crc32?: (data: Uint8Array, value: number) => number;
}

/** A zip entry compressed by an injected deflate stream (fflate sums its size and, unless the platform does, its checksum). */
class EntryDeflate extends ZipPassThrough {
  constructor(path: string, private readonly deflate: RawDeflate) {
    super(path);
    this.compression = 8;
    const crc32 = deflate.crc32;
    if (crc32) {
      // fflate's checksum, computed in JavaScript, cost as much as compressing a long body: its running sum is replaced.
      let value = 0;
      (this as unknown as { c: { p(d: Uint8Array): void; d(): number } }).c = { p: (d) => { value = crc32(d, value); }, d: () => value };
    }
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, final), final);
  }
}

/** The docx library's objects for runs: the reference the templates must equal, and what tables, notes and links use. */
export function libraryRuns(runs: RunItem[]): ParagraphChild[] {
  return runs.map((r): ParagraphChild => {
    switch (r.kind) {
      case 'text':
        // The library leaves out an attribute whose value is undefined (its type asks for a string all the same).
        if (r.change?.kind === 'ins') return new InsertedTextRun({ ...r.options, text: r.text, id: r.revision, author: r.change.author, date: r.change.date ?? undefined! });
        if (r.change?.kind === 'del') return new DeletedTextRun({ ...r.options, text: r.text, id: r.revision, author: r.change.author, date: r.change.date ?? undefined! });
        return new TextRun({ ...r.options, text: r.text });
      case 'commentStart': return new CommentRangeStart(r.id);
      case 'commentEnd': return new CommentRangeEnd(r.id);
      case 'commentReference': return new TextRun({ children: [new CommentReference(r.id)] });
      case 'footnote': return new FootnoteReferenceRun(r.id);
      case 'break': return new TextRun({ text: '', break: 1 });
      // A hyperlink holds what a paragraph holds (ECMA-376 CT_Hyperlink): tracked changes, comment ranges and note
      // references in a link's text are written in it, not dropped. Its relationship is the library's to number.
      case 'link': return new ExternalHyperlink({ link: r.url, children: libraryRuns(r.runs) });
    }
  });
}

export function libraryParagraph(p: BodyParagraph): Paragraph {
  return new Paragraph({ ...p.options, children: libraryRuns(p.runs) });
}

/** Whether a body item is a paragraph of runs (the rest are the library's own objects: tables). */
export function isParagraph(x: BodyItem): x is BodyParagraph {
  return 'runs' in x;
}

// Private-use characters and a number no draft gives the library: where the templates take the text, author, date, id.
const TEXT = '\ue000', AUTHOR = '\ue001', DATE = '\ue002', BRACKET = '\ue003', PLACE = '\ue004', REGION = '\ue005';
const ID = 999999937;
const SLOTS = /\ue000|\ue001|\ue002|999999937/g;
type Slot = 'text' | 'author' | 'date' | 'id';
type Template = { parts: string[]; slots: Slot[] };
/** A text run's template as the library writes it, and without `xml:space="preserve"` on its text, for text that keeps its spaces without it. */
type RunTemplate = { kept: Template; bare: Template };
/** How many characters of the body are gathered before they are compressed into the package. */
const FLUSH_AT = 1 << 16;
const FIXED = ['commentStart', 'commentEnd', 'commentReference', 'footnote', 'break'] as const;

/** As the library escapes text and attribute values alike. */
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const TO_ESCAPE_ALL = new RegExp(TO_ESCAPE.source, 'g');
// Most of a draft's runs have nothing to escape: tested first, as replacing allocates even when nothing matches.
const escape = (s: string) => (TO_ESCAPE.test(s) ? s.replace(TO_ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : s);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Writes a body through templates. `documentChildren` gives the library the templates (first, so numbering instances
 * are created in the body's order) and a placeholder for each stretch of body paragraphs; `finish` fills them in.
 */
export class TemplateBody {
  private readonly paragraphShapes = new Map<string, { index: number; options: ParagraphOptions }>();
  private readonly runShapes = new Map<string, { index: number; options: RunOptions }>();
  /** Runs of consecutive body paragraphs the templates write, each paragraph with its shape's index. */
  private readonly stretches: { paragraph: BodyParagraph; shape: number }[][] = [];
  private readonly children: (Paragraph | Table)[] = [];
  private readonly optionKeys = new WeakMap<RunOptions, string>();

  constructor(body: BodyItem[]) {
    const templates: Paragraph[] = [];
    const shapeOf = (options: ParagraphOptions) => {
      const key = JSON.stringify(options);
      let s = this.paragraphShapes.get(key);
      if (!s) { s = { index: this.paragraphShapes.size, options }; this.paragraphShapes.set(key, s); templates.push(new Paragraph({ ...options, children: [new TextRun(BRACKET)] })); }
      return s;
    };
    let stretch: { paragraph: BodyParagraph; shape: number }[] | null = null;
    for (const item of body) {
      if (!isParagraph(item)) { stretch = null; this.children.push(item); continue; }
      const shape = shapeOf(item.options).index;
      // A link's relationship is numbered by the library: such a paragraph is its to write.
      if (item.runs.some((r) => r.kind === 'link')) { stretch = null; this.children.push(libraryParagraph(item)); continue; }
      if (!stretch) { stretch = []; this.stretches.push(stretch); this.children.push(new Paragraph({ children: [new TextRun(`${PLACE}${this.stretches.length - 1}${PLACE}`)] })); }
      stretch.push({ paragraph: item, shape });
    }
    const runTemplates: Paragraph[] = [];
    for (const s of this.stretches) for (const { paragraph } of s) for (const r of paragraph.runs) {
      if (r.kind !== 'text') continue;
      const key = this.runKey(r.options, r.change);
      if (this.runShapes.has(key)) continue;
      this.runShapes.set(key, { index: this.runShapes.size, options: r.options });
      const change = r.change ? { kind: r.change.kind, author: AUTHOR, date: r.change.date === null ? null : DATE } : null;
      runTemplates.push(bracketed(libraryRuns([{ kind: 'text', text: TEXT, options: r.options, change, revision: ID }])[0]!));
    }
    const fixed = FIXED.map((kind) => bracketed(libraryRuns([kind === 'break' ? { kind } : { kind, id: ID }])[0]!));
    this.children.unshift(new Paragraph({ children: [new TextRun(REGION)] }), ...templates, ...runTemplates, ...fixed, new Paragraph({ children: [new TextRun(REGION)] }));
  }

  /**
   * A run shape's key: its formatting and its change's kind, and whether the change is dated (an undated one has no
   * date attribute). The runs of a draft share a few option objects, so each is written out once.
   */
  private runKey(options: RunOptions, change: Change | null): string {
    let key = this.optionKeys.get(options);
    if (key === undefined) this.optionKeys.set(options, (key = JSON.stringify(options)));
    return change ? (change.date === null ? `${change.kind}-` : change.kind) + key : key;
  }

  /** What the library is to write as the section's children. */
  documentChildren(): (Paragraph | Table)[] {
    return this.children;
  }

  /**
   * The packed document with the templates taken out and each placeholder replaced by its stretch of paragraphs, and
   * the `extra` parts added.
   */
  finish(packed: Uint8Array, extra: { path: string; data: string }[] = [], deflate?: () => RawDeflate): Uint8Array {
    // fflate, the library's own zip: the same container, and several times JSZip's speed on a long body.
    const files = unzipSync(packed);
    const xml = strFromU8(files['word/document.xml']!);
    const first = xml.indexOf(REGION), last = xml.lastIndexOf(REGION);
    const regionStart = paragraphStart(xml, first), regionEnd = xml.indexOf('</w:p>', last) + 6;
    const inner = xml.slice(xml.indexOf('</w:p>', first) + 6, paragraphStart(xml, last));
    const paras = inner.split('</w:p>').slice(0, -1).map((p) => p + '</w:p>');
    const expected = this.paragraphShapes.size + this.runShapes.size + FIXED.length;
    // An invariant of the library's output, not of the user's input.
    if (paras.length !== expected) throw new Error(`export: ${paras.length} templates where ${expected} were written`); // l10n-ignore
    const paragraphTemplates = paras.slice(0, this.paragraphShapes.size).map(openAndClose);
    const runTemplates = paras.slice(this.paragraphShapes.size, this.paragraphShapes.size + this.runShapes.size).map((p) => runTemplate(between(p)));
    const fixed = Object.fromEntries(FIXED.map((k, i) => [k, compile(between(paras[this.paragraphShapes.size + this.runShapes.size + i]!))])) as Record<(typeof FIXED)[number], Template>;

    // The body goes into the package as it is written, a few tens of kilobytes at a time: a draft of 150,000 tracked
    // changes is 35 MB of XML, which is never held whole, nor its pieces, nor a copy of it as bytes.
    const zipped: Uint8Array[] = [];
    const zip = new Zip((err, data) => { if (err) throw err; zipped.push(data); });
    const writeBody = ({ write, end }: XmlStream) => {
      const writeRuns = (runs: RunItem[]) => {
        for (const r of runs) {
          if (r.kind === 'text') {
            const t = runTemplates[this.runShapes.get(this.runKey(r.options, r.change))!.index]!;
            fill(write, keepsSpaces(r.text) ? t.bare : t.kept, r.text, r.change, r.revision);
          }
          else if (r.kind === 'break') fill(write, fixed.break, '', null, 0);
          else if (r.kind !== 'link') fill(write, fixed[r.kind], '', null, r.id);
        }
      };
      let at = regionEnd;
      write(xml.slice(0, regionStart));
      for (let i = xml.indexOf(PLACE, at); i >= 0; i = xml.indexOf(PLACE, at)) {
        const close = xml.indexOf(PLACE, i + 1);
        const k = Number(xml.slice(i + 1, close));
        const start = paragraphStart(xml, i);
        write(xml.slice(at, start));
        for (const { paragraph, shape } of this.stretches[k]!) {
          const [opening, closing] = paragraphTemplates[shape]!;
          write(opening);
          writeRuns(paragraph.runs);
          write(closing);
        }
        at = xml.indexOf('</w:p>', close) + 6;
      }
      write(xml.slice(at));
      end();
    };
    for (const p of extra) files[p.path] = strToU8(p.data);
    // The parts in the order the library wrote them, the added ones after; each compressed as zipSync would.
    for (const [path, data] of Object.entries(files)) {
      const file = deflate ? new EntryDeflate(path, deflate()) : new ZipDeflate(path);
      zip.add(file);
      if (path === 'word/document.xml') writeBody(xmlStream(file)); else file.push(data, true);
    }
    zip.end();
    const size = zipped.reduce((n, c) => n + c.length, 0);
    const result = new Uint8Array(size);
    let offset = 0;
    for (const c of zipped) { result.set(c, offset); offset += c.length; }
    return result;
  }
}


/** Text written into a zip entry as it comes. */
interface XmlStream { write(piece: string): void; end(): void }
/** Gathers FLUSH_AT characters before compressing them; a longer text goes in slices, never cut inside a surrogate pair. */
function xmlStream(file: Pick<ZipDeflate, 'push'>): XmlStream {
  // Pieces joined by concatenation (V8 keeps them as a rope until the encoder reads it): faster than an array joined,
  // for the millions of small pieces a body of many runs is written in.
  let pending = '';
  const flush = (final: boolean) => {
    file.push(strToU8(pending), final);
    pending = '';
  };
  return {
    write(piece) {
      if (piece.length < FLUSH_AT) {
        pending += piece;
        if (pending.length >= FLUSH_AT) flush(false);
        return;
      }
      if (pending) flush(false);
      for (let a = 0; a < piece.length;) {
        let b = Math.min(piece.length, a + FLUSH_AT);
        if (b < piece.length && (piece.charCodeAt(b) & 0xfc00) === 0xdc00) b++;
        file.push(strToU8(piece.slice(a, b)), false);
        a = b;
      }
    },
    end: () => flush(true),
  };
}

/** A template paragraph holding one run between two bracket runs. */
function bracketed(run: ParagraphChild): Paragraph {
  return new Paragraph({ children: [new TextRun(BRACKET), run, new TextRun(BRACKET)] });
}

function paragraphStart(xml: string, i: number): number {
  return Math.max(xml.lastIndexOf('<w:p>', i), xml.lastIndexOf('<w:p ', i));
}

/** The XML between a template paragraph's two bracket runs. */
function between(p: string): string {
  const a = p.indexOf('</w:r>', p.indexOf(BRACKET)) + 6;
  return p.slice(a, p.lastIndexOf('<w:r>', p.lastIndexOf(BRACKET)));
}

/** A paragraph shape's opening (its properties) and closing, around its bracket run. */
function openAndClose(p: string): [string, string] {
  const i = p.indexOf(BRACKET);
  return [p.slice(0, p.lastIndexOf('<w:r>', i)), p.slice(p.indexOf('</w:r>', i) + 6)];
}

/** The library's `xml:space` on a run's text element, the only one in a run template. */
const PRESERVE = ' xml:space="preserve">' + TEXT;

/** A text run's two templates (see RunTemplate). */
function runTemplate(xml: string): RunTemplate {
  // An invariant of the library's output, not of the user's input.
  if (!xml.includes(PRESERVE)) throw new Error('export: a run template without xml:space on its text'); // l10n-ignore
  return { kept: compile(xml), bare: compile(xml.replace(PRESERVE, '>' + TEXT)) };
}

/**
 * Whether a run's text keeps its spaces without `xml:space="preserve"`: no space at either end and none doubled, and
 * no other white space (Word writes the attribute on just such text). A draft of many short marks is written in a
 * fifth less XML for it.
 */
function keepsSpaces(text: string): boolean {
  return !NEEDS_PRESERVE.test(text);
}
const NEEDS_PRESERVE = /^\s|\s$|\s\s|[^\S ]/;

function compile(xml: string): Template {
  const parts: string[] = [], slots: Slot[] = [];
  let at = 0;
  for (const m of xml.matchAll(SLOTS)) {
    parts.push(xml.slice(at, m.index));
    slots.push(m[0] === TEXT ? 'text' : m[0] === AUTHOR ? 'author' : m[0] === DATE ? 'date' : 'id');
    at = m.index! + m[0].length;
  }
  parts.push(xml.slice(at));
  return { parts, slots };
}

function fill(write: (piece: string) => void, t: Template, text: string, change: Change | null, id: number): void {
  for (let i = 0; i < t.slots.length; i++) {
    write(t.parts[i]!);
    const s = t.slots[i]!;
    write(s === 'id' ? String(id) : escape(s === 'text' ? text : s === 'author' ? change!.author : change!.date!));
  }
  write(t.parts[t.slots.length]!);
}
