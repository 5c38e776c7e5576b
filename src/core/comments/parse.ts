// Reads the comment threads and suggested changes of a draft: inline marks, thread blocks, and what is malformed.
import { t } from '@vscode/l10n';
import { scan, type Scan } from '../draft/scan';
import { codeSpans } from '../text/code';
import { blankLines, hasBlankLine, LineIndex } from '../text/lines';
import { isUtcMoment } from '../text/dates';
import { sharedEnds } from '../text/changes';
import { firstReached } from '../text/search';
import { newFacts, type EarlierText, type SectionCache, type SectionFacts } from '../draft/sectionCache';

export type MarkKind = 'comment' | 'insertion' | 'deletion' | 'replacement';

export interface Mark {
  id: string;
  kind: MarkKind;
  /** The whole mark including its id tag. */
  start: number;
  end: number;
  /** The text the mark concerns (annotated, inserted, deleted, or the old text of a replacement). */
  text: string;
  /** The new text of a replacement. */
  newText?: string;
  /** Whether the id was written (`{>>@id<<}`) or the mark is plain CriticMarkup. */
  anonymous: boolean;
  /** For an anonymous inline comment `{>>note<<}`: its text. */
  note?: string;
}

export interface Block {
  /** `k3x9f2qa` for a thread's first comment, `k3x9f2qa.r7d2` for a reply or an event. */
  id: string;
  threadId: string;
  author: string;
  date: string;
  event: 'resolved' | 'reopened' | null;
  body: string;
  /** The block's line, without its line break. */
  start: number;
  end: number;
  /** Where to cut to remove the block with the line break before it, restoring the text as it was before it was added. */
  removeStart: number;
  /** The stored text's range on the line (an empty range before `<<}` when there is none). */
  bodyStart: number;
  bodyEnd: number;
}

export interface Problem {
  code: 'comment.malformed' | 'comment.orphan' | 'comment.merge-conflict'; message: string; start: number; end: number;
  /** A problem of one line that says nothing of marks in other sections (a thread line's impossible date). */
  local?: true;
  /** The thread an orphan problem is about. */
  thread?: string;
}

export interface Conflict { start: number; end: number; ours: [number, number]; theirs: [number, number]; onlyBlocks: boolean }

export interface CommentThread {
  id: string;
  kind: MarkKind;
  mark: Mark | null;
  /** First comment, then replies and events in date order. */
  blocks: Block[];
  resolved: boolean;
}

export interface CommentsModel {
  threads: CommentThread[];
  marks: Mark[];
  blocks: Block[];
  conflicts: Conflict[];
  problems: Problem[];
}

const ID = '[a-z0-9]{4,16}';
// One line per comment: `{>>@ID | Author | DATE | text<<}`; events carry `[resolved]` or `[reopened]` as their text.
const BLOCK = new RegExp(`^\\{>>@(${ID}(?:\\.[a-z0-9]{2,8})?) \\| ((?:(?! \\| ).)+) \\| (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)(?: \\| (.*?))?<<\\}[ \\t]*$`);
// Mark contents do not cross a blank line, so an unclosed mark cannot swallow the next paragraph; a suggestion that
// carries its id may, since importing a co-reviewer's copy can add or remove whole paragraphs.
const NB = '(?!\\n[ \\t]*\\r?\\n)';
// Nor does a mark's text run over the opening of another mark of its kind: without this, an unclosed mark repeated
// many times made the scan quadratic or worse (2,000 "{~~a~>": 45 s). A mark of another kind inside stays possible, so
// a nested mark is still read whole and reported as malformed.
const NO = (opener: string) => `(?!\\{${opener})`;
const MARK = new RegExp(
  `\\{==((?:(?!==\\})${NB}${NO('==')}[^])*?)==\\}\\{>>@(${ID})<<\\}` +
  `|\\{\\+\\+((?:(?!\\+\\+\\})${NO('\\+\\+')}[^])*?)\\+\\+\\}\\{>>@(${ID})<<\\}` +
  `|\\{--((?:(?!--\\})${NO('--')}[^])*?)--\\}\\{>>@(${ID})<<\\}` +
  `|\\{~~((?:(?!~~\\})${NO('~~')}[^])*?)~>((?:(?!~~\\})${NO('~~')}[^])*?)~~\\}\\{>>@(${ID})<<\\}` +
  `|\\{>>@(${ID})<<\\}` +
  `|\\{>>((?:(?!<<\\})${NB}[^])*?)<<\\}` +
  `|\\{\\+\\+((?:(?!\\+\\+\\})${NB}${NO('\\+\\+')}[^])*?)\\+\\+\\}` +
  `|\\{--((?:(?!--\\})${NB}${NO('--')}[^])*?)--\\}` +
  `|\\{~~((?:(?!~~\\})${NB}${NO('~~')}[^])*?)~>((?:(?!~~\\})${NB}${NO('~~')}[^])*?)~~\\}`,
  'g');
const OPENERS = /\{(==|\+\+|--|~~|>>)|(==|\+\+|--|~~|<<)\}/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

const EMPTY: CommentsModel = { threads: [], marks: [], blocks: [], conflicts: [], problems: [] };
/** Any character sequence that could start or end a mark, a thread line or a conflict. */
const ANY_MARKUP = /\{(?:==|\+\+|--|~~|>>)|(?:==|\+\+|--|~~|<<)\}|^(?:<{7}|={7}$|>{7})/m;

/** A text's comments, read afresh: what a command that edits a text reads before it edits. */
export function parseComments(text: string): CommentsModel {
  return commentsOf(text, null, null);
}

/**
 * The comments of an analysed text (draft/analysis.ts): read section by section from the scan it already has, each
 * section's marks and threads kept in the service's cache with everything else known of that section's text.
 */
export function commentsOf(text: string, sections: Scan | null, cache: SectionCache | null, headingFacts?: (i: number) => SectionFacts): CommentsModel {
  // Most drafts have no comment at all: one regular-expression test instead of a parse (with a cache, the test is made
  // section by section and kept with each section's text, so an edit tests only what it changed).
  if (!cache && !ANY_MARKUP.test(text)) return EMPTY;
  const found = scanBySection(text, sections ?? scan(text), cache, headingFacts);
  if (!found.marks.length && !found.blocks.length && !found.conflicts.length && !found.problems.length) return EMPTY;
  return assemble(text, found);
}

/** What one section's text holds, offsets relative to it. */
export interface ScannedComments { marks: Mark[]; blocks: Block[]; conflicts: Conflict[]; problems: Problem[] }
type Scanned = ScannedComments;
const NO_MARKUP: Scanned = Object.freeze({ marks: [], blocks: [], conflicts: [], problems: [] });

/**
 * Scans each heading-delimited section on its own, so a keystroke rescans one section. A mark or a conflict that
 * straddles a heading shows as a local problem; then the whole text is scanned at once instead.
 */
function scanBySection(text: string, s: Scan, cache: SectionCache | null, headingFacts?: (i: number) => SectionFacts): Scanned {
  if (s.headings.length <= 1) return ANY_MARKUP.test(text) ? scanText(text) : NO_MARKUP;
  const out: Scanned = { marks: [], blocks: [], conflicts: [], problems: [] };
  let anon = 0;
  // The text before the first heading, then each heading's section as the scan sliced it (shared with the model).
  const first = s.headings.start(0);
  for (let i = first > 0 ? -1 : 0; i < s.headings.length; i++) {
    const from = i < 0 ? 0 : s.headings.start(i);
    const part = i < 0 ? text.slice(0, first) : s.headingText(i);
    // A heading's section through the analysis (which knows the previous version's entries), the rest by text.
    const sc = sectionComments(part, i >= 0 && headingFacts ? headingFacts(i) : cache?.facts(part));
    if (sc.problems.some((p) => p.code === 'comment.malformed' && !p.local)) return scanText(text);
    for (const m of sc.marks) out.marks.push({ ...m, start: m.start + from, end: m.end + from, id: m.anonymous ? `anon${anon++}` : m.id });
    for (const b of sc.blocks) out.blocks.push({ ...b, start: b.start + from, end: b.end + from, removeStart: b.removeStart + from, bodyStart: b.bodyStart + from, bodyEnd: b.bodyEnd + from });
    for (const c of sc.conflicts) out.conflicts.push({ ...c, start: c.start + from, end: c.end + from, ours: [c.ours[0] + from, c.ours[1] + from], theirs: [c.theirs[0] + from, c.theirs[1] + from] });
    for (const p of sc.problems) out.problems.push({ ...p, start: p.start + from, end: p.end + from });
  }
  return out;
}

/** One section's marks, thread lines, conflicts and local problems, kept with what else is known of its text. */
export function sectionComments(part: string, facts: SectionFacts | undefined, earlier?: EarlierText): ScannedComments {
  const sc = facts?.comments ?? (earlier ? scanAfterEdit(part, facts ?? newFacts(), earlier) : scanWhole(part));
  if (facts) facts.comments = sc;
  return sc;
}

/**
 * What one section's comments say on their own, offsets relative to it: its threads as if it were the whole text (true
 * of every thread none of whose lines stands in another section), the ids it names, and whether a mark may run out of
 * it (then only the whole text can be read). Kept with the section's text, so an unchanged section costs nothing.
 */
export interface LocalComments { readonly model: CommentsModel; readonly ids: readonly string[]; readonly crossesSections: boolean }
export function localComments(part: string, facts: SectionFacts | undefined, earlier?: EarlierText): LocalComments {
  if (facts?.localComments) return facts.localComments;
  // After an edit, what the earlier text held in the paragraphs the edit left is taken from it.
  const sc = sectionComments(part, facts, earlier);
  let anon = 0;
  const marks = sc.marks.map((m) => (m.anonymous ? { ...m, id: `anon${anon++}` } : m));
  const any = marks.length || sc.blocks.length || sc.conflicts.length || sc.problems.length;
  const out: LocalComments = {
    model: any ? assemble(part, { ...sc, marks }) : EMPTY,
    ids: [...new Set([...sc.marks.filter((m) => !m.anonymous).map((m) => m.id), ...sc.blocks.map((b) => b.threadId)])],
    crossesSections: sc.problems.some((p) => p.code === 'comment.malformed' && !p.local),
  };
  if (facts) facts.localComments = out;
  return out;
}

function scanWhole(text: string): Scanned {
  return ANY_MARKUP.test(text) ? scanText(text) : NO_MARKUP;
}

/**
 * Whether fenced code or git conflict lines may stand in a text (the three characters that open a fence, the seven
 * of a conflict line, anywhere): then a line is not read on its own, the lines before it tell what it is. Kept with
 * the text; three of the characters in a row are looked for first (one pass, where six searches took seven times as long).
 */
function mayHoldLineBlocks(text: string, facts: SectionFacts): boolean {
  return (facts.lineBlocks ??= /[`~<|=>]{3}/.test(text) && /`{3}|~{3}|<{7}|\|{7}|={7}|>{7}/.test(text));
}
/** A mark whose text runs over a blank line (a suggestion that carries its id may). */
function overParagraphs(m: Mark): boolean {
  return hasBlankLine(m.text) || (m.newText !== undefined && hasBlankLine(m.newText));
}

/**
 * scanText of a section's text edited from `earlier`: where neither text holds code fences or conflict lines, no mark
 * runs over a blank line and the earlier text had no problem, what a paragraph holds is read from that paragraph alone,
 * so the paragraphs the edit touched are read again and the rest is the earlier text's (moved by the edit's length
 * after it). Anything else, or a problem in the paragraphs read (a mark being typed may end in a later paragraph),
 * reads the whole text.
 */
function scanAfterEdit(text: string, facts: SectionFacts, earlier: EarlierText): Scanned {
  const before = earlier.facts.comments;
  if (!before || before.problems.length || before.conflicts.length || mayHoldLineBlocks(text, facts) || mayHoldLineBlocks(earlier.text, earlier.facts)
    || (earlier.facts.marksOverParagraphs ??= before.marks.some(overParagraphs))) return scanWhole(text);
  const { prefix, suffix } = sharedEnds(earlier.text, text);
  // From the start of the paragraph of the first difference, through the blank line after the last: every character
  // of the blank lines that bound the stretch is one both texts share.
  const from = paragraphStartAtOrBefore(text, prefix);
  const blank = blankLines();
  blank.lastIndex = text.length - suffix;
  const end = blank.exec(text);
  const to = end ? end.index + end[0].length : text.length;
  const mid = scanWhole(text.slice(from, to));
  if (mid.problems.length) return scanWhole(text);
  const delta = text.length - earlier.text.length, resume = to - delta;
  // The earlier text's marks and thread lines before the stretch, as they were (one copy of each list's start); its
  // marks without an id are numbered in text order, and so go on those after them.
  const marksBefore = firstReached(0, before.marks.length, (k) => before.marks[k]!.start >= from);
  const blocksBefore = firstReached(0, before.blocks.length, (k) => before.blocks[k]!.start >= from);
  const out: Scanned = { marks: before.marks.slice(0, marksBefore), blocks: before.blocks.slice(0, blocksBefore), conflicts: [], problems: [] };
  let anon = 0;
  for (const m of out.marks) if (m.anonymous) anon++;
  // Written out field by field, in scanText's order: a spread copies by looking at every key of every mark.
  const mark = (m: Mark, by: number) => {
    const id = m.anonymous ? `anon${anon++}` : m.id;
    const moved: Mark = m.kind === 'replacement' ? { id, kind: m.kind, start: m.start + by, end: m.end + by, text: m.text, newText: m.newText, anonymous: m.anonymous }
      : m.note !== undefined ? { id, kind: m.kind, start: m.start + by, end: m.end + by, text: m.text, anonymous: m.anonymous, note: m.note }
      : { id, kind: m.kind, start: m.start + by, end: m.end + by, text: m.text, anonymous: m.anonymous };
    out.marks.push(moved);
  };
  const block = (b: Block, by: number, removeStart = b.removeStart + by) => {
    out.blocks.push({ id: b.id, threadId: b.threadId, author: b.author, date: b.date, event: b.event, body: b.body, start: b.start + by, end: b.end + by, removeStart, bodyStart: b.bodyStart + by, bodyEnd: b.bodyEnd + by });
  };
  for (const m of mid.marks) mark(m, from);
  for (let k = firstReached(marksBefore, before.marks.length, (x) => before.marks[x]!.start >= resume); k < before.marks.length; k++) mark(before.marks[k]!, delta);
  // A thread line at the stretch's start is removed with the line break before it, which the stretch does not hold.
  for (const b of mid.blocks) block(b, from, lineBreakBefore(text, b.start + from));
  for (let k = firstReached(blocksBefore, before.blocks.length, (x) => before.blocks[x]!.start >= resume); k < before.blocks.length; k++) block(before.blocks[k]!, delta);
  // The marks taken from the earlier text run over no blank line: whether this text's do is told by those read again.
  facts.marksOverParagraphs = mid.marks.some(overParagraphs);
  return out;
}
/** The start of the paragraph holding `offset` (after the blank line before it, or 0), the blank line's characters all before `offset`. */
function paragraphStartAtOrBefore(text: string, offset: number): number {
  for (let nl = offset > 0 ? text.lastIndexOf('\n', offset - 1) : -1; nl >= 0; nl = nl > 0 ? text.lastIndexOf('\n', nl - 1) : -1) {
    let k = nl - 1;
    if (text.charCodeAt(k) === 13) k--;
    while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
    if (k >= 0 && text.charCodeAt(k) === 10) return nl + 1;
  }
  return 0;
}

/** Whether a text holds anything the comment parser reads (a mark's delimiter, a thread line, a conflict line). */
export function hasCommentMarkup(text: string): boolean {
  return ANY_MARKUP.test(text);
}

/** Marks, thread lines, conflicts and local problems of a text (offsets relative to it). */
function scanText(text: string): Scanned {
  const lines = new LineIndex(text);
  // Stretches to blank out before marks are matched (thread lines, code, conflict lines), in text order.
  const masks: [number, number][] = [];
  const mask = (a: number, b: number) => { masks.push([a, b]); };
  const blocks: Block[] = [];
  const conflicts: Conflict[] = [];
  const problems: Problem[] = [];
  let fence: { char: string; len: number } | null = null;
  let conflict: { start: number; mid: number | null; base: number | null; line: number } | null = null;
  for (let l = 0; l < lines.lineCount; l++) {
    const s = lines.lineText(l);
    const ls = lines.lineStart(l)!, le = lines.lineEnd(l);
    if (fence) {
      const f = FENCE.exec(s);
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && !f[2]!.trim()) fence = null;
      mask(ls, le);
      continue;
    }
    const f = FENCE.exec(s);
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) { fence = { char: f[1]![0]!, len: f[1]!.length }; mask(ls, le); continue; }
    // Git's conflict lines: a merge that needs a decision.
    if (/^<{7}( |$)/.test(s)) { conflict = { start: ls, mid: null, base: null, line: l }; mask(ls, le); continue; }
    // merge.conflictStyle=diff3 / zdiff3: the common ancestor's lines, between "|||||||" and "=======", are neither side
    if (conflict && conflict.mid === null && conflict.base === null && /^\|{7}( |$)/.test(s)) { conflict.base = ls; mask(ls, le); continue; }
    if (conflict && conflict.mid === null && conflict.base !== null) {
      if (/^={7}$/.test(s)) { conflict.mid = ls; mask(ls, le); continue; }
      mask(ls, le);
      continue;
    }
    if (conflict && /^={7}$/.test(s)) { conflict.mid = ls; mask(ls, le); continue; }
    if (conflict && /^>{7}( |$)/.test(s)) {
      const mid = conflict.mid ?? ls;
      const oursEnd = conflict.base ?? mid;
      const oursStart = Math.min(lines.lineStart(conflict.line + 1) ?? oursEnd, oursEnd);
      const theirsStart = conflict.mid === null ? ls : (lines.lineStart(lines.positionAt(mid).line + 1) ?? ls);
      conflicts.push({ start: conflict.start, end: le, ours: [oursStart, oursEnd], theirs: [theirsStart, ls], onlyBlocks: false });
      conflict = null;
      mask(ls, le);
      continue;
    }
    if (!s.startsWith('{>>@')) continue;
    const h = BLOCK.exec(s);
    if (!h) {
      problems.push({ code: 'comment.malformed', message: t('A comment line must read "{0}" on one line.', '{>>@ID | Name (State) | YYYY-MM-DDTHH:MM:SSZ | text<<}'), start: ls, end: le });
      mask(ls, le);
      continue;
    }
    const id = h[1]!;
    // Kept as written (the thread still reads), but a stamp no clock can give is the author's to mend.
    if (!isUtcMoment(h[3]!)) problems.push({ code: 'comment.malformed', message: t('"{0}" is not a date and time that exists; write it as YYYY-MM-DDTHH:MM:SSZ in UTC, e.g. 2026-03-14T09:30:00Z.', h[3]!), start: ls + s.indexOf(h[3]!), end: ls + s.indexOf(h[3]!) + h[3]!.length, local: true });
    const raw = h[4] ?? '';
    const ev = /^\[(resolved|reopened)\]$/.exec(raw);
    const bodyStart = h[4] === undefined ? ls + s.lastIndexOf('<<}') : ls + s.lastIndexOf('<<}') - raw.length;
    blocks.push({
      id, threadId: id.split('.')[0]!, author: h[2]!, date: h[3]!, event: ev ? (ev[1] as Block['event']) : null,
      body: ev ? '' : decodeBody(raw), start: ls, end: le, removeStart: lineBreakBefore(text, ls), bodyStart, bodyEnd: bodyStart + raw.length,
    });
    mask(ls, le);
  }
  if (conflict) problems.push({ code: 'comment.malformed', message: t('A git conflict starts here but never ends (no "{0}" line).', '>>>>>>>'), start: conflict.start, end: lines.lineEnd(conflict.line) });
  // Inline code spans are text, whatever they contain.
  const m1 = blankOut(text, masks);
  const spans = codeSpans(m1, 'paragraph');
  const mtext = spans.length ? blankOut(m1, spans) : m1;
  const marks: Mark[] = [];
  const broken: [number, number][] = [];
  let anon = 0;
  for (const m of mtext.matchAll(MARK)) {
    const start = m.index!, end = start + m[0].length;
    // A mark inside another: the outer one is reported once, and its inner markup is left as text.
    if (/\{(==|\+\+|--|~~)|(==|\+\+|--|~~)\}/.test(m[0].slice(3, m[0].lastIndexOf('}{>>') > 0 ? m[0].lastIndexOf('}{>>') - 2 : m[0].length - 3))) {
      problems.push({ code: 'comment.malformed', message: t('Marks cannot be nested: finish one mark before starting another.'), start, end: start + 3 });
      broken.push([start, end]);
      continue;
    }
    // A mark that runs over a thread's line (masked above) would be removed with that line: malformed, never edited.
    const over = blocks.length ? firstAtOrAfter(blocks, start) : -1;
    if (over >= 0 && blocks[over]!.start < end) {
      problems.push({ code: 'comment.malformed', message: t('This mark runs over a comment thread\'s line; close it before the thread, or move the thread below the mark\'s paragraph.'), start, end: start + 3 });
      broken.push([start, end]);
      continue;
    }
    const g = m;
    // Every mark opens with three characters ({==, {++, {--, {~~, {>>); group lengths give the rest.
    const inner = (len: number, from = start + 3) => text.slice(from, from + len);
    if (g[1] !== undefined) marks.push({ id: g[2]!, kind: 'comment', start, end, text: inner(g[1].length), anonymous: false });
    else if (g[3] !== undefined) marks.push({ id: g[4]!, kind: 'insertion', start, end, text: inner(g[3].length), anonymous: false });
    else if (g[5] !== undefined) marks.push({ id: g[6]!, kind: 'deletion', start, end, text: inner(g[5].length), anonymous: false });
    else if (g[7] !== undefined) marks.push({ id: g[9]!, kind: 'replacement', start, end, text: inner(g[7].length), newText: inner(g[8]!.length, start + 3 + g[7].length + 2), anonymous: false });
    else if (g[10] !== undefined) marks.push({ id: g[10], kind: 'comment', start, end, text: '', anonymous: false });
    else if (g[11] !== undefined) marks.push({ id: `anon${anon++}`, kind: 'comment', start, end, text: '', anonymous: true, note: text.slice(start + 3, end - 3) });
    else if (g[12] !== undefined) marks.push({ id: `anon${anon++}`, kind: 'insertion', start, end, text: inner(g[12].length), anonymous: true });
    else if (g[13] !== undefined) marks.push({ id: `anon${anon++}`, kind: 'deletion', start, end, text: inner(g[13].length), anonymous: true });
    else marks.push({ id: `anon${anon++}`, kind: 'replacement', start, end, text: inner(g[14]!.length), newText: inner(g[15]!.length, start + 3 + g[14]!.length + 2), anonymous: true });
  }
  // Whatever opener or closer is left outside a mark is a broken mark. Marks and openers both come in text order, so one
  // pointer walks the marks as the openers go: linear however many there are.
  const taken = [...marks.map((k): [number, number] => [k.start, k.end]), ...broken].sort((a, b) => a[0] - b[0]);
  let k = 0;
  for (const o of mtext.matchAll(OPENERS)) {
    const i = o.index!;
    while (k < taken.length && taken[k]![1] <= i) k++;
    if (k < taken.length && taken[k]![0] <= i) continue;
    problems.push({ code: 'comment.malformed', message: t('"{0}" does not open or close a complete mark: check for a missing closer, a blank line inside the mark, or marks nested in each other.', o[0]), start: o.index!, end: o.index! + 3 });
  }
  // Blocks are in text order: a binary search finds the one a line may lie in.
  const insideBlock = (o: number) => {
    let lo = 0, hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, b = blocks[mid]!;
      if (o < b.start) hi = mid - 1; else if (o >= b.end) lo = mid + 1; else return true;
    }
    return false;
  };
  for (const c of conflicts) {
    // A side holds only thread blocks when each of its non-blank lines lies inside one.
    const side = ([a, b]: [number, number]) => {
      for (let l = lines.positionAt(a).line; l < lines.lineCount && lines.lineStart(l)! < b; l++) {
        if (lines.lineText(l).trim() && !insideBlock(lines.lineStart(l)!)) return false;
      }
      return true;
    };
    c.onlyBlocks = side(c.ours) && side(c.theirs);
    problems.push({ code: 'comment.merge-conflict', message: c.onlyBlocks
      ? t('A git merge conflict between two sets of comments. Use the quick fix "Keep both sides (comments only)" to keep every comment.')
      : t('A git merge conflict: choose the text to keep and remove the conflict lines ({0}).', '<<<<<<<, =======, >>>>>>>'), start: c.start, end: c.end });
  }
  return { marks, blocks, conflicts, problems };
}

/** Index of the first block (in text order) that starts at or after `offset`, or -1. */
function firstAtOrAfter(blocks: readonly Block[], offset: number): number {
  const k = firstReached(0, blocks.length, (j) => blocks[j]!.start >= offset);
  return k < blocks.length ? k : -1;
}

const LINE_BREAK = /[\r\n]/;
/** The text with each stretch (ascending, not overlapping) turned to spaces, line breaks kept: offsets do not move. */
function blankOut(text: string, stretches: [number, number][]): string {
  if (!stretches.length) return text;
  const out: string[] = [];
  let at = 0;
  for (const [a, b] of stretches) {
    // Most stretches are one line (a thread's, a conflict's): spaces of its length, without a replace.
    const piece = text.slice(a, b);
    out.push(text.slice(at, a), LINE_BREAK.test(piece) ? piece.replace(/[^\r\n]/g, ' ') : ' '.repeat(b - a));
    at = b;
  }
  out.push(text.slice(at));
  return out.join('');
}

function assemble(text: string, sc: Scanned): CommentsModel {
  const { marks, blocks, conflicts } = sc;
  const problems = [...sc.problems];
  // Threads: marks and blocks joined by id.
  const byId = new Map<string, CommentThread>();
  for (const mk of marks) byId.set(mk.id, { id: mk.id, kind: mk.kind, mark: mk, blocks: [], resolved: false });
  for (const b of blocks) {
    let th = byId.get(b.threadId);
    if (!th) {
      th = { id: b.threadId, kind: 'comment', mark: null, blocks: [], resolved: false };
      byId.set(b.threadId, th);
    }
    th.blocks.push(b);
  }
  const orphanMark = (mark: Mark, id: string) => problems.push({ code: 'comment.orphan', message: t('The mark @{0} has no thread block with its author and date. Add one after the paragraph, or remove the mark.', id), start: mark.start, end: mark.end, thread: id });
  const startOf = (th: CommentThread) => th.mark?.start ?? th.blocks[0]?.start ?? 0;
  let ordered = true, last = -1;
  for (const th of byId.values()) {
    const at = startOf(th);
    if (at < last) ordered = false;
    last = at;
    if (!th.blocks.length) {
      // A mark alone (the common case of a suggestion without a reason): nothing to sort, nothing resolved.
      if (th.mark && !th.mark.anonymous) orphanMark(th.mark, th.id);
      continue;
    }
    th.blocks.sort((a, b) => (a.id === th.id ? -1 : b.id === th.id ? 1 : a.date.localeCompare(b.date) || a.id.localeCompare(b.id)));
    // Co-reviewers' clocks differ: the state is the last event as the thread's lines stand, not the latest stamp.
    const events = th.blocks.filter((b) => b.event).sort((a, b) => a.start - b.start);
    th.resolved = events.length > 0 && events[events.length - 1]!.event === 'resolved';
    const root = th.blocks.find((b) => b.id === th.id);
    if (th.mark && !th.mark.anonymous && !root) orphanMark(th.mark, th.id);
    if (!th.mark && th.blocks.length) problems.push({ code: 'comment.orphan', message: root ? t('The thread @{0} has no mark in the text; it was probably removed with its text. Delete the thread or add {1} where it belongs.', th.id, `{>>@${th.id}<<}`) : t('Reply to an unknown thread @{0}.', th.id), start: th.blocks[0]!.start, end: th.blocks[0]!.end, thread: th.id });
  }
  // Marks come in text order, and threads with them: sorted only when a thread without a mark came among them.
  const threads = [...byId.values()];
  if (!ordered) threads.sort((a, b) => startOf(a) - startOf(b));
  return { threads, marks, blocks, conflicts, problems };
}

/** A comment's text as stored on its line: line breaks are written <br>. */
/** The comment's text as its author wrote it (ops.ts encodeBody is the other way). */
export function decodeBody(raw: string): string {
  return raw.replace(/<br>|&lt;br>|&#125;|&#91;|&amp;(?=lt;br>|#125;|#91;|amp;)/g, (m) => (m === '<br>' ? '\n' : m === '&lt;br>' ? '<br>' : m === '&#125;' ? '}' : m === '&#91;' ? '[' : '&'));
}

/** Start of the line break before a block's line, so removing from there restores the text before the block was added. */
function lineBreakBefore(text: string, start: number): number {
  if (text.slice(start - 2, start) === '\r\n') return start - 2;
  if (text[start - 1] === '\n' || text[start - 1] === '\r') return start - 1;
  return start;
}
