// One analysis per document version: the draft's model (front matter, instrument → article → part) and, on first need, every fact derived from it.
import { withoutHtmlComments } from '../text/code';
import type { Root } from 'mdast';
import { INTRODUCTION_ID, isPartId, type PartId } from '../domain/blueprint';
import { getArticle, isInstrumentKey, type InstrumentKey } from '../domain/instruments';
import type { LineIndex, Range } from '../text/lines';
import { readFrontMatter, type FrontMatterIssue, type ReviewInfo } from './frontMatter';
import { parseSection } from './sectionTree';
import { createAnalysisEnv, newFacts, type AnalysisEnv, type EarlierText, type SectionFacts } from './sectionCache';
import { commentsOf, hasCommentMarkup, localComments, type CommentsModel, type LocalComments } from '../comments/parse';
import { resolveChunk, type ResolvedRef } from '../refs/resolve';
import type { Finding } from '../checks/finding';
import type { SectionFindings } from '../checks/sectionFindings';
import { tooDeep, tooDeepAfterEdit, type TooDeep } from '../files/input';
import { sharedEnds, type ChangedSpan } from '../text/changes';
import { Slots } from '../text/slots';
import type { HeadingList } from './headingList';
import { scan, type FrontMatterBlock, type HeadingKind, type Scan, type ScannedHeading } from './scan';

export type SectionRole = 'title' | 'introduction' | 'instrument' | 'article' | 'part' | 'other';

export interface Section {
  readonly heading: ScannedHeading;
  readonly role: SectionRole;
  readonly instrument?: InstrumentKey;
  readonly article?: number;
  /** False for an article id that names an article the instrument does not have. */
  readonly articleExists?: boolean;
  readonly part?: PartId;
  /** Offset where the section (and everything nested in it) ends: the next heading of the same or a higher level. */
  readonly end: number;
  readonly parent: Section | null;
  readonly children: readonly Section[];
  /** Index of this heading's chunk in `DraftAnalysis.chunks`. */
  readonly chunk: number;
}

/** A stretch of text parsed on its own: the preamble, or one heading and the text up to the next heading. */
export interface Chunk { readonly start: number; readonly end: number; readonly line: number }

const ARTICLE_ID = /^([a-z]+)-(\d+)$/;
const THREAD_LINE = /^\{>>@[a-z0-9.]+ \|.*?<<\}[ \t]*$/gm;

/**
 * A chunk has content when something but whitespace is left under its heading line once template hints and comment
 * threads are removed. The parser agrees in every case (an HTML comment is the only block it reads as blank), so
 * it is not asked; a test keeps the two in agreement.
 */
function hasContentUnderHeading(chunk: string): boolean {
  const nl = chunk.indexOf('\n');
  // Most parts: the first character after the heading line that is not blank opens neither a hint nor a thread line.
  const first = nl < 0 ? -1 : chunk.slice(nl + 1, nl + 200).search(/\S/);
  if (first >= 0 && chunk[nl + 1 + first] !== '<' && chunk[nl + 1 + first] !== '{') return true;
  return /\S/.test(withoutHtmlComments(nl < 0 ? '' : chunk.slice(nl + 1), '').replace(THREAD_LINE, ''));
}
/** Whether a chunk has content under its heading line, kept with its text. */
export function chunkHasContent(text: string, facts: SectionFacts): boolean {
  return (facts.hasContent ??= hasContentUnderHeading(text));
}

/** What a version's analysis keeps of the one before it: per chunk, its text, first line and section findings. */
interface Inherited {
  /** The previous version's chunk count, and chunk `i`'s text and first line (read only where asked). */
  readonly count: number;
  text(i: number): string;
  line(i: number): number;
  /** Where each article's first section was, by heading index, if the previous version had looked. */
  readonly articles: ReadonlyMap<string, number> | undefined;
  readonly findings: Slots<ChunkFindings>;
  readonly headings: HeadingList;
  readonly info: ReviewInfo | null;
  readonly bodyStart: number;
  readonly headingFindings: ReadonlyMap<string, Finding[]>;
  readonly facts: readonly (SectionFacts | undefined)[];
  readonly layout: CommentLayout | undefined;
  readonly deep: Deep | null | undefined;
  /** What each check of the previous version was made of (checks/index.ts), per check options. */
  readonly checks: ReadonlyMap<string, CheckParts>;
}
/** The first line that nests too deep, document-absolute, and the chunk it is in (-1: before the first chunk). */
interface Deep { readonly offset: number; readonly line: number; readonly depth: number; readonly chunk: number }
/**
 * One check of a version as checks/index.ts made it, kept for the next version: the findings of each document rule (by
 * code), of the section rules (chunk by chunk, `of(i)`, under the review facts `review` and the comment layout `layout`),
 * and the merged list the check gave.
 */
export interface CheckParts {
  readonly rules: ReadonlyMap<string, readonly Finding[]>;
  /** What each document rule kept (checks/rule.ts DocumentRuleContext.keep), by code. */
  readonly keeps: ReadonlyMap<string, unknown>;
  readonly others: readonly Finding[];
  readonly sections: SectionFindings | undefined;
  readonly headings: Finding[] | undefined;
  readonly all: Finding[];
}
/**
 * The chunks an edit may have changed, [lo, hi), when every other chunk is the previous version's (same text, same
 * line, same heading) and no chunk was added or removed; `delta`: how much longer the text became.
 */
export interface ChunkEdit { readonly lo: number; readonly hi: number; readonly delta: number }
/** How a version's comment threads are read (DraftAnalysis.commentLayout). */
export interface CommentLayout { readonly whole: boolean; readonly shared: ReadonlySet<string> }
const WHOLE: CommentLayout = Object.freeze({ whole: true, shared: new Set<string>() });

/**
 * Everything outside a chunk's text that its section rules read (checks/index.ts `placeOf`): the review's facts and
 * the options (one short name per check), the section's role and instrument, and which of its threads reach other
 * sections. Kept as fields, not one joined string: every chunk's place is compared with the last version's at each
 * keystroke, and comparing interned fields costs nothing where building and comparing a string per chunk cost a
 * tenth of the keystroke.
 */
export interface ChunkPlace {
  readonly review: string; readonly role: string; readonly instrument: string; readonly comments: string;
}
/** The findings of the section rules on one chunk, document-absolute, and the place they were made for. */
export interface ChunkFindings { readonly place: ChunkPlace; readonly findings: readonly Finding[] }

export function classify(h: ScannedHeading, isFirst: boolean): HeadingKind {
  const id = h.attributes?.id ?? null;
  if (id === INTRODUCTION_ID) return { role: 'introduction' };
  if (id !== null && isInstrumentKey(id)) return { role: 'instrument', instrument: id };
  const m = id === null ? null : ARTICLE_ID.exec(id);
  if (m && isInstrumentKey(m[1])) {
    const n = Number(m[2]);
    return { role: 'article', instrument: m[1], article: n, articleExists: getArticle(m[1], n) !== undefined };
  }
  const part = h.attributes?.classes.find(isPartId);
  if (part) return { role: 'part', part };
  if (isFirst && h.level === 1) return { role: 'title' };
  return { role: 'other' };
}

/**
 * What the next version keeps of a version: its scan (whose section texts and heading lines are read only where asked),
 * its preamble's text and first line when it has one, and the rest as given. Not the analysis itself: that would chain
 * every version before it.
 */
function inheritedOf(scanned: Scan, firstHeadingChunk: number, preamble: { text: string; line: number } | null, rest: Omit<Inherited, 'count' | 'text' | 'line'>): Inherited {
  const h = scanned.headings;
  return {
    ...rest, count: firstHeadingChunk + h.length,
    text: (i) => (i < firstHeadingChunk ? preamble!.text : scanned.headingText(i - firstHeadingChunk)),
    line: (i) => (i < firstHeadingChunk ? preamble!.line : h.line(i - firstHeadingChunk)),
  };
}

/**
 * A version's sections, each made when first asked for (a keystroke's check asks for the few it changed, not for the
 * thousands of a long draft): their nesting is worked out once, as heading indices, and a section reads its end, its
 * parent and its children from there.
 */
class SectionTree {
  private readonly made: (Section | undefined)[] = [];
  private nesting: { parent: Int32Array; endAt: Int32Array } | undefined;
  private everyOne: Section[] | undefined;
  /**
   * `nestedAsBefore`: the nesting of the last version's tree, when it had worked it out, and whether this version's
   * headings nest as those did (asked only when the nesting is needed).
   */
  constructor(private readonly heads: HeadingList, private readonly textLength: number, private readonly firstChunk: number,
    private nestedAsBefore?: { nesting: { parent: Int32Array; endAt: Int32Array }; same: () => boolean }) {}
  /** The nesting, once worked out, for the next version's tree. */
  get builtNesting(): { parent: Int32Array; endAt: Int32Array } | undefined { return this.nesting; }
  get count(): number { return this.heads.length; }
  /** The section of heading `k`. */
  at(k: number): Section {
    const h = this.heads.get(k)!;
    // The first heading may be the title (classify's isFirst): not kept on the heading, which may not stay first.
    return (this.made[k] ??= new HeadingSection(this, k, h, k === 0 ? classify(h, true) : this.heads.kind(k, (x) => classify(x, false)), k + this.firstChunk));
  }
  get all(): Section[] {
    if (!this.everyOne) { this.everyOne = []; for (let k = 0; k < this.heads.length; k++) this.everyOne.push(this.at(k)); }
    return this.everyOne;
  }
  /** For each heading, the heading of the section it is nested in (-1: none) and the heading its section ends at. */
  private get nest(): { parent: Int32Array; endAt: Int32Array } {
    if (this.nesting) return this.nesting;
    const was = this.nestedAsBefore;
    this.nestedAsBefore = undefined;
    if (was?.same()) return (this.nesting = was.nesting);
    const n = this.heads.length, parent = new Int32Array(n), endAt = new Int32Array(n).fill(n);
    const stack: number[] = [];
    for (let k = 0; k < n; k++) {
      const level = this.heads.level(k);
      while (stack.length && this.heads.level(stack[stack.length - 1]!) >= level) endAt[stack.pop()!] = k;
      parent[k] = stack.length ? stack[stack.length - 1]! : -1;
      stack.push(k);
    }
    return (this.nesting = { parent, endAt });
  }
  endOf(k: number): number { const e = this.nest.endAt[k]!; return e < this.heads.length ? this.heads.start(e) : this.textLength; }
  parentOf(k: number): Section | null { const p = this.nest.parent[k]!; return p < 0 ? null : this.at(p); }
  childrenOf(k: number): Section[] {
    const out: Section[] = [], endAt = this.nest.endAt;
    // A child's section ends where its next sibling starts, or where this section ends.
    for (let j = k + 1; j < endAt[k]!; j = endAt[j]!) out.push(this.at(j));
    return out;
  }
  isRoot(k: number): boolean { return this.nest.parent[k]! < 0; }
}

/** A section as the tree makes it: what its heading says, and its place read from the tree. */
class HeadingSection implements Section {
  readonly role: SectionRole;
  readonly instrument?: InstrumentKey;
  readonly article?: number;
  readonly articleExists?: boolean;
  readonly part?: PartId;
  private kids: Section[] | undefined;
  constructor(private readonly tree: SectionTree, private readonly index: number, readonly heading: ScannedHeading, kind: HeadingKind, readonly chunk: number) {
    this.role = kind.role; this.instrument = kind.instrument; this.article = kind.article; this.articleExists = kind.articleExists; this.part = kind.part;
  }
  get end(): number { return this.tree.endOf(this.index); }
  get parent(): Section | null { return this.tree.parentOf(this.index); }
  get children(): Section[] { return (this.kids ??= this.tree.childrenOf(this.index)); }
}

export class DraftAnalysis {
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatterBlock | null;
  readonly info: ReviewInfo | null;
  readonly frontMatterIssues: FrontMatterIssue[];
  /** Every heading section in document order. */
  get sections(): Section[] { return this.tree.all; }
  /** Sections not nested in another one. */
  get roots(): Section[] { return (this.rootsMemo ??= this.sections.filter((_, k) => this.tree.isRoot(k))); }
  private rootsMemo: Section[] | undefined;
  /** The chunks, as objects: `chunkCount`, `chunkStart` and `chunkLine` say the same without making one per chunk. */
  get chunks(): Chunk[] {
    if (!this.chunksMemo) {
      this.chunksMemo = [];
      for (let i = 0; i < this.chunkCount; i++) this.chunksMemo.push({ start: this.chunkStart(i), end: this.chunkEnd(i), line: this.chunkLine(i) });
    }
    return this.chunksMemo;
  }
  private chunksMemo: Chunk[] | undefined;
  get chunkCount(): number { return this.firstHeadingChunk + this.heads.length; }
  chunkStart(i: number): number { return i < this.firstHeadingChunk ? this.preamble!.start : this.heads.start(i - this.firstHeadingChunk); }
  chunkEnd(i: number): number { return i + 1 < this.chunkCount ? this.chunkStart(i + 1) : this.text.length; }
  chunkLine(i: number): number { return i < this.firstHeadingChunk ? this.preamble!.line : this.heads.line(i - this.firstHeadingChunk); }
  private readonly heads: HeadingList;
  /** The text between the front matter and the first heading, when there is some. */
  private readonly preamble: { start: number; line: number } | null;
  private readonly tree: SectionTree;
  /** Offset where the body (after front matter) starts. */
  readonly bodyStart: number;

  /** The cache this analysis fills and the parser it asks; shared with the versions after it. */
  readonly env: AnalysisEnv;

  private readonly scanned: Scan;
  /** Chunk index of the first heading: 1 when a preamble precedes it, else 0. */
  private readonly firstHeadingChunk: number;
  private preambleText: string | undefined;
  private readonly yamlText: string | null;
  private readonly inherited: Inherited | null;
  private commentsMemo: CommentsModel | undefined;
  private readonly chunkRefs: (ResolvedRef[] | undefined)[];
  private allRefs: ResolvedRef[] | undefined;
  /** Per chunk, the section findings last materialized (read by the next version, see `inheritedFindings`). */
  chunkFindings: Slots<ChunkFindings>;
  /** Per chunk, its entry in the cache once looked up (the next version takes those of its unchanged chunks). */
  private readonly factsOf: (SectionFacts | undefined)[];
  /** Findings of the rules that read only headings, per check options (see `inheritedHeadingFindings`). */
  readonly headingFindings: Map<string, Finding[]>;
  /** Findings per check options (checks/index.ts `checkAnalysis`): diagnostics, code actions and views share one check. */
  readonly checked: Map<string, Finding[]>;
  /** What each check was made of, per check options: the next version takes what its edit left (checks/index.ts). */
  readonly checkParts: Map<string, CheckParts>;
  /** The chunks this version's edit may have changed, when it is the last version with only those chunks edited. */
  readonly edit: ChunkEdit | null;

  private constructor(readonly text: string, previous: DraftAnalysis | undefined, env: AnalysisEnv | undefined, span: ChangedSpan | undefined) {
    this.env = env ?? previous?.env ?? createAnalysisEnv();
    // With the editor's report of the edits, only the stretch they touched is compared with the last version: a
    // keystroke, or an undo back to the last text, costs that stretch, not the document's length.
    const ends = previous && span ? sharedEnds(previous.text, text, span) : undefined;
    // A new version with the same text (a save, an undo back to it) is the previous one again: what it derived stands,
    // and what is derived later is derived once for both (they share their memo slots' contents as of now).
    if (previous && (ends ? ends.same : previous.text === text) && previous.env === this.env) {
      this.scanned = previous.scanned; this.lines = previous.lines; this.frontMatter = previous.frontMatter;
      this.yamlText = previous.yamlText; this.info = previous.info; this.frontMatterIssues = previous.frontMatterIssues;
      this.bodyStart = previous.bodyStart; this.firstHeadingChunk = previous.firstHeadingChunk;
      this.heads = previous.heads; this.preamble = previous.preamble; this.tree = previous.tree;
      this.inherited = previous.inherited;
      this.commentsMemo = previous.commentsMemo;
      this.layoutMemo = previous.layoutMemo;
      this.allRefs = previous.allRefs;
      this.chunkRefs = previous.chunkRefs;
      this.deepMemo = previous.deepMemo;
      this.chunkFindings = previous.chunkFindings;
      this.checked = previous.checked;
      this.headingFindings = previous.headingFindings;
      this.factsOf = previous.factsOf;
      this.checkParts = previous.checkParts;
      this.edit = null;
      return;
    }
    this.chunkRefs = []; this.chunkFindings = Slots.empty(); this.checked = new Map(); this.headingFindings = new Map(); this.factsOf = [];
    this.checkParts = new Map();
    const s = scan(text, previous?.scanned, ends);
    this.scanned = s;
    this.lines = s.lines;
    this.frontMatter = s.frontMatter;
    this.yamlText = s.frontMatter && s.frontMatter.closeLine !== null ? text.slice(s.frontMatter.contentStart, s.frontMatter.contentEnd) : null;
    if (s.frontMatter && this.yamlText !== null) {
      // A keystroke in the body leaves the front matter as it was: its YAML is not read again.
      const same = previous && previous.yamlText === this.yamlText && previous.frontMatter?.contentStart === s.frontMatter.contentStart;
      const fm = same ? { info: previous.info, issues: previous.frontMatterIssues } : readFrontMatter(this.yamlText, s.frontMatter.contentStart);
      this.info = fm.info;
      this.frontMatterIssues = fm.issues;
    } else {
      this.info = null;
      this.frontMatterIssues = [];
    }
    const fmEnd = s.frontMatter ? (s.frontMatter.closeLine === null ? s.lines.lineStart(1) ?? text.length : s.lines.lineStart(s.frontMatter.closeLine + 1) ?? text.length) : s.bodyStart;
    this.bodyStart = fmEnd;
    const firstHeading = s.headings.length ? s.headings.start(0) : text.length;
    this.heads = s.headings;
    this.preamble = firstHeading > fmEnd ? { start: fmEnd, line: s.lines.positionAt(fmEnd).line } : null;
    this.firstHeadingChunk = this.preamble ? 1 : 0;
    const nesting = previous?.tree.builtNesting;
    this.tree = new SectionTree(s.headings, text.length, this.firstHeadingChunk, nesting && { nesting, same: () => this.headingsAsBefore });
    // Only what the next version needs is kept of this one: holding `previous` itself would chain every version.
    const kept = s.kept;
    this.edit = previous && kept && kept.shift === 0 && kept.lineDelta === 0 && previous.firstHeadingChunk === this.firstHeadingChunk
      ? { lo: kept.prefix + this.firstHeadingChunk, hi: kept.suffix + this.firstHeadingChunk, delta: text.length - previous.text.length } : null;
    this.inherited = previous ? inheritedOf(previous.scanned, previous.firstHeadingChunk, previous.preamble && { text: previous.chunkText(0), line: previous.preamble.line }, {
      articles: previous.articleIndex,
      findings: previous.chunkFindings, headings: previous.scanned.headings, layout: previous.layoutMemo, deep: previous.deepMemo, checks: previous.checkParts, info: previous.info, bodyStart: previous.bodyStart, headingFindings: previous.headingFindings, facts: previous.factsOf,
    }) : null;
  }

  /**
   * `previous`: the analysis of the same document's last version, so unchanged sections are recognized by identity and
   * their findings reused; `env`: the cache and parser (a service's; by default the previous version's, or new ones);
   * `span`: what the editor's reports of the edits since `previous` say the two texts share (text/changes.ts), so the
   * texts are not compared whole. A span that does not match the two texts' lengths is not used.
   */
  static parse(text: string, previous?: DraftAnalysis, env?: AnalysisEnv, span?: ChangedSpan): DraftAnalysis { return new DraftAnalysis(text, previous, env, span); }

  /** Everything the cache knows of a chunk's text. */
  chunkFacts(i: number): SectionFacts {
    const hit = this.factsOf[i];
    if (hit) return hit;
    // The previous version's entry for the same text, when it had one: no lookup in the cache (which may have let it go).
    const j = this.sameChunkBefore(i, (k) => this.inherited!.facts[k] !== undefined);
    if (j >= 0) return (this.factsOf[i] = this.inherited!.facts[j]!);
    // A chunk the edit changed is a text nobody has seen (or one seen a few keystrokes ago): its facts are made without
    // looking in the cache, whose lookup reads every character of the key (a long section's, at each keystroke), and
    // handed to the next version directly. A file checked anew looks every chunk up, as sections recur across drafts.
    return (this.factsOf[i] = this.editedFrom(i) ? newFacts() : this.env.cache.facts(this.chunkText(i)));
  }

  /**
   * A chunk of the previous version with the same text as chunk `i` that `accept`s, where an edit leaves it: at the same
   * index, or shifted by the headings the edit added or removed; -1 when there is none.
   */
  private sameChunkBefore(i: number, accept: (j: number) => boolean): number {
    const h = this.inherited;
    if (!h) return -1;
    const text = this.chunkText(i);
    const shift = h.count - this.chunkCount;
    if (i < h.count && h.text(i) === text && accept(i)) return i;
    return shift && i + shift >= 0 && i + shift < h.count && h.text(i + shift) === text && accept(i + shift) ? i + shift : -1;
  }

  /**
   * The first line that nests too deep (input.ts tooDeep), document-absolute: looked for section by section, each
   * section's answer kept with its text; the front matter is looked at whole.
   */
  get tooDeep(): Deep | null {
    if (this.deepMemo !== undefined) return this.deepMemo;
    const kept = this.deepAfterEdit();
    return (this.deepMemo = kept !== undefined ? kept : this.deepFrom(0, this.chunkCount, true));
  }
  /** The first of chunks [from, to) with a line too deep (after the text before the first chunk, when `head`). */
  private deepFrom(from: number, to: number, head: boolean): Deep | null {
    const first = this.chunkCount ? this.chunkStart(0) : this.text.length;
    const before = head && first > 0 ? tooDeep(this.text.slice(0, first)) : null;
    if (before) return { ...before, chunk: -1 };
    for (let i = from; i < to; i++) {
      const facts = this.chunkFacts(i);
      const d = facts.deep !== undefined ? facts.deep : (facts.deep = this.deepOfChunk(i));
      if (d) return { offset: this.chunkStart(i) + d.offset, line: this.chunkLine(i) + d.line, depth: d.depth, chunk: i };
    }
    return null;
  }
  /** Chunk `i`'s first line too deep, relative to it: after an edit, from its earlier text's answer (the lines it left stand). */
  private deepOfChunk(i: number): TooDeep {
    const text = this.chunkText(i), earlier = this.editedFrom(i), was = earlier?.facts.deep;
    return was === undefined ? tooDeep(text) : tooDeepAfterEdit(text, earlier!.text, was);
  }
  /**
   * The answer from the last version's, when only chunks [lo, hi) changed: its answer before them stands, and after
   * them stands moved by the edit's length; only the changed chunks are read again. Undefined when it cannot say.
   */
  private deepAfterEdit(): Deep | null | undefined {
    const e = this.edit, was = this.inherited?.deep;
    if (!e || was === undefined) return undefined;
    if (was && was.chunk < e.lo) return was;
    const now = this.deepFrom(e.lo, e.hi, false);
    if (now) return now;
    if (!was) return null;
    return was.chunk >= e.hi ? { ...was, offset: was.offset + e.delta } : this.deepFrom(e.hi, this.chunkCount, false);
  }
  private deepMemo: Deep | null | undefined;

  /**
   * How this version's comment threads can be read: section by section (each section's threads from its own text,
   * kept with it, so a keystroke reads one section), except the threads whose lines stand in more than one section
   * (`shared`); or only as one text (`whole`), when a mark may run out of its section, when marks stand before the
   * first heading, or when there is at most one heading.
   */
  get commentLayout(): CommentLayout {
    if (this.layoutMemo) return this.layoutMemo;
    const headings = this.scanned.headings;
    if (this.env.commentsWhole || headings.length <= 1 || hasCommentMarkup(this.text.slice(0, headings.start(0)))) return (this.layoutMemo = WHOLE);
    const kept = this.layoutAfterEdit();
    if (kept) return (this.layoutMemo = kept);
    const seen = new Map<string, number>();
    const shared = new Set<string>();
    for (let i = this.firstHeadingChunk; i < this.chunkCount; i++) {
      const local = this.localCommentsOf(i);
      if (local.crossesSections) return (this.layoutMemo = WHOLE);
      for (const id of local.ids) {
        const at = seen.get(id);
        if (at === undefined) seen.set(id, i);
        else if (at !== i) shared.add(id);
      }
    }
    return (this.layoutMemo = { whole: false, shared });
  }
  private layoutMemo: CommentLayout | undefined;
  /**
   * The last version's layout, read section by section, when only chunks [lo, hi) changed and each of them still has
   * the threads it had (by id, none running out of it): which threads stand in more than one section is then as it was.
   */
  private layoutAfterEdit(): CommentLayout | undefined {
    const e = this.edit, was = this.inherited?.layout;
    if (!e || !was || was.whole) return undefined;
    for (let i = e.lo; i < e.hi; i++) {
      const now = this.localCommentsOf(i), before = this.previousChunk(i).localComments;
      if (now.crossesSections || before.crossesSections || now.ids.length !== before.ids.length || now.ids.some((id, k) => id !== before.ids[k])) return undefined;
    }
    return was;
  }
  /** The previous version's chunk `i` (its text and facts), when this version's edit may have changed it (see `edit`). */
  editedFrom(i: number): EarlierText | undefined {
    const e = this.edit;
    return e && i >= e.lo && i < e.hi ? this.previousChunk(i) : undefined;
  }
  /** What the previous version knew of its chunk `i` (this analysis must have one: see `edit`). */
  previousChunk(i: number): { text: string; facts: SectionFacts; readonly localComments: LocalComments } {
    const h = this.inherited!;
    const text = h.text(i), facts = h.facts[i] ?? this.env.cache.facts(text);
    return { text, facts, get localComments() { return localComments(text, facts); } };
  }

  /** Chunk `i`'s comment threads read from its own text, offsets relative to the chunk (see commentLayout). */
  localCommentsOf(i: number): LocalComments {
    // After an edit, the paragraphs it left are read from the chunk's earlier text.
    return localComments(this.chunkText(i), this.chunkFacts(i), this.editedFrom(i));
  }

  /** The comment marks, threads and conflicts of this version. */
  get comments(): CommentsModel { return (this.commentsMemo ??= commentsOf(this.text, this.scanned, this.env.cache, (i) => this.chunkFacts(i + this.firstHeadingChunk))); }

  /** The resolved references of one chunk, document-absolute. */
  referencesIn(i: number): ResolvedRef[] { return (this.chunkRefs[i] ??= resolveChunk(this, i)); }
  /** Every resolved reference of the draft, in document order. */
  get references(): ResolvedRef[] {
    if (!this.allRefs) { this.allRefs = []; for (let i = 0; i < this.chunkCount; i++) for (const r of this.referencesIn(i)) this.allRefs.push(r); }
    return this.allRefs;
  }
  /** The reference under an offset, if any: only the chunk holding it is read. */
  referenceAt(offset: number): ResolvedRef | undefined {
    return this.referencesIn(this.chunkAt(offset)).find((r) => r.start <= offset && offset <= r.end);
  }
  /** The index of the chunk holding an offset. */
  chunkAt(offset: number): number {
    let lo = 0, hi = this.chunkCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunkStart(mid) <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  /** The section whose heading opens chunk `i` (null for the preamble). */
  sectionOfChunk(i: number): Section | null {
    const k = i - this.firstHeadingChunk;
    return k < 0 || k >= this.tree.count ? null : this.tree.at(k);
  }

  /** Whether the front matter reads as the previous version's: its review facts are the very same object. */
  get reviewAsBefore(): boolean {
    return !!this.inherited && this.inherited.info === this.info;
  }
  /**
   * The previous version's findings of the rules that read only headings, under the same options, when this version's
   * headings are the previous one's (same lines, levels, texts and attributes at the same columns) and so is the front
   * matter: a keystroke in a paragraph does not run them again.
   */
  inheritedHeadingFindings(key: string): Finding[] | undefined {
    const found = this.inherited?.headingFindings.get(key);
    return found && this.headingsAsBefore ? found : undefined;
  }
  /**
   * Whether this version's headings are the previous one's (same lines, levels, texts and attributes at the same
   * columns) and so is the front matter. After an edit of a few chunks only their headings are compared: the others are
   * the last version's, at the same lines.
   */
  get headingsAsBefore(): boolean {
    if (this.headingsMemo !== undefined) return this.headingsMemo;
    const h = this.inherited;
    if (!h || h.info !== this.info || h.bodyStart !== this.bodyStart) return (this.headingsMemo = false);
    const now = this.scanned.headings;
    if (now.length !== h.headings.length) return (this.headingsMemo = false);
    const e = this.edit, from = e ? Math.max(0, e.lo - this.firstHeadingChunk) : 0, to = e ? e.hi - this.firstHeadingChunk : now.length;
    for (let i = from; i < to; i++) {
      const a = now.get(i)!, b = h.headings.get(i)!;
      if (a === b) continue;
      if (a.line !== b.line || a.level !== b.level || a.text !== b.text || a.end - a.start !== b.end - b.start) return (this.headingsMemo = false);
      const x = a.attributes, y = b.attributes;
      if (x === y) continue;
      if (!x || !y || x.id !== y.id || (x.classes !== y.classes && x.classes.join(' ') !== y.classes.join(' ')) || x.from !== y.from || x.to !== y.to) return (this.headingsMemo = false);
    }
    return (this.headingsMemo = true);
  }
  private headingsMemo: boolean | undefined;

  /**
   * The previous version's section findings for chunk `i`, when that chunk is the same text on the same line and its
   * findings were made for a place that is the `same`: then nothing about it is computed again, not even its positions.
   */
  inheritedFindings(i: number, same: (place: ChunkPlace) => boolean): ChunkFindings | undefined {
    const line = this.chunkLine(i);
    const h = this.inherited;
    const j = this.sameChunkBefore(i, (k) => h!.line(k) === line && h!.findings.get(k) !== undefined && same(h!.findings.get(k)!.place));
    return j < 0 ? undefined : h!.findings.get(j)!;
  }

  /** Whether this version was analysed from the one before it (a draft being edited), not on its own. */
  get followsAnother(): boolean { return this.inherited !== null; }
  /** The last version's check under the same options, when there is one (see checks/index.ts runChecks). */
  previousCheck(key: string): CheckParts | undefined { return this.inherited?.checks.get(key); }
  /**
   * After an edit of a few chunks (see `edit`), every other chunk's section findings are the last version's: they are
   * taken as they are (shared, not copied), for the next version to find; the edited chunks' are then set over them.
   */
  keepChunkFindings(): void {
    this.chunkFindings = this.inherited!.findings.fork();
  }

  chunkText(i: number): string {
    if (i >= this.firstHeadingChunk) return this.scanned.headingText(i - this.firstHeadingChunk);
    return (this.preambleText ??= this.text.slice(this.preamble!.start, this.chunkEnd(i)));
  }
  /** The chunk's tree with positions relative to the chunk; cached by text and shared, so read only. */
  chunkTree(i: number): Root {
    const facts = this.chunkFacts(i);
    return (facts.tree ??= parseSection(this.chunkText(i), this.env.parser));
  }
  /**
   * The chunk's tree as `chunkTree` gives it, but not kept when it was not already: a reader that passes over the
   * draft once (the export) would otherwise hold every section's tree at the same time.
   */
  passingChunkTree(i: number): Root {
    return this.chunkFacts(i).tree ?? parseSection(this.chunkText(i), this.env.parser);
  }

  /** Range of a section's heading line. */
  headingRange(s: Section): Range { return this.lines.rangeOf(s.heading.start, s.heading.end); }
  /** Range of a whole section, up to the last non-blank line before its end. */
  sectionRange(s: Section): Range {
    let end = s.end;
    while (end > s.heading.end && /\s/.test(this.text[end - 1]!)) end--;
    return this.lines.rangeOf(s.heading.start, end);
  }
  /** Chunks that make up a section's content, its heading's own chunk first. */
  sectionChunks(s: Section): number[] {
    const out: number[] = [];
    for (let i = s.chunk; i < this.chunkCount && this.chunkStart(i) < s.end; i++) out.push(i);
    return out;
  }
  /** A part with no observation in it: nested headings are content, the part's own heading is not. */
  isEmptyPart(s: Section): boolean {
    if (s.children.length) return false;
    return !chunkHasContent(this.chunkText(s.chunk), this.chunkFacts(s.chunk));
  }
  articleSections(): Section[] { return this.sections.filter((s) => s.role === 'article'); }
  /** The first section for an article (a duplicate is reported, not used); indexed once, asked per article per check. */
  findArticle(k: InstrumentKey, n: number): Section | undefined {
    const at = this.articles.get(`${k}-${n}`);
    return at === undefined ? undefined : this.tree.at(at);
  }
  /**
   * Where each article's first section is, by heading index: the last version's index when the headings are as they
   * were (a keystroke does not look at every heading again).
   */
  private get articles(): ReadonlyMap<string, number> {
    if (this.articleIndex) return this.articleIndex;
    const was = this.inherited?.articles;
    if (was && this.headingsAsBefore) return (this.articleIndex = was);
    const index = new Map<string, number>();
    for (let k = 0; k < this.heads.length; k++) {
      const s = this.tree.at(k);
      if (s.role === 'article' && !index.has(`${s.instrument}-${s.article}`)) index.set(`${s.instrument}-${s.article}`, k);
    }
    return (this.articleIndex = index);
  }
  private articleIndex: ReadonlyMap<string, number> | undefined;
  /** The article section an offset lies in, if any. */
  articleAt(offset: number): Section | undefined {
    // The sections holding an offset are the ancestors of the last section that starts at or before it.
    if (!this.heads.length || this.heads.start(0) > offset) return undefined;
    for (let s = this.sectionOfChunk(this.chunkAt(offset)); s; s = s.parent) if (s.role === 'article' && offset < s.end) return s;
    return undefined;
  }
}
