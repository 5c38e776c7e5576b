// Differences between a draft and a co-reviewer's copy, by word (by Intl.Segmenter word for Chinese), and their import as suggestions.
import { t } from '@vscode/l10n';
import { diffArrays } from 'diff';
import { parseComments } from '../comments/parse';
import { blockText, CommentError, decisionEdits, randomId, stamp, type OpContext } from '../comments/ops';
import { placeThreads, suggestionKind, type NewThread } from '../comments/place';
import { applyEdits, editsGive, type OffsetEdit } from './edits';
import { codeSpans, fencedBlocks, htmlComments } from '../text/code';

export interface Token { text: string; start: number }

/** Text that a difference may never cut: comment marks and lines, HTML comments, heading attributes, Markdown markers. */
// A whole code span is one token: a suggestion must never hold half of one, or its backtick would pair with another.
const ATOMS = /\{[#.][^{}\n]*\}(?=[ \t]*$)|^[ \t]{0,3}(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)(?=[ \t])|\*\*|__|`+|!?\[|\]\(|\]|\r\n|\n|[ \t]+/gm;
const SEGMENT_PIECE = 2000;
/** Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): Intl.Segmenter's work. */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
/** A word (letters, marks and digits, joined across an apostrophe or a decimal point as Intl.Segmenter joins them), or one character. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’.,][\p{L}\p{M}\p{N}]+)*|[\s\S]/gu;

/** Splits a text into tokens that together give it back exactly. */
export function tokenize(text: string): Token[] {
  const starts = tokenStarts(text);
  return tokenTexts(text, starts).map((t, i) => ({ text: t, start: starts[i]! }));
}

/**
 * Where each token starts (a token ends where the next starts), four bytes a token: a 5 MB line has two million
 * tokens, and an object with its own string for each took sixty times the text's size.
 */
function tokenStarts(text: string): Int32Array {
  let starts = new Int32Array(1024), n = 0;
  scanTokens(text, (start) => {
    if (n === starts.length) { const grown = new Int32Array(n * 2); grown.set(starts); starts = grown; }
    starts[n++] = start;
  });
  return starts.subarray(0, n);
}

/** The tokens' texts, each distinct text held once. */
function tokenTexts(text: string, starts: Int32Array): string[] {
  const distinct = new Map<string, string>();
  return Array.from(starts, (s, i) => {
    const t = text.slice(s, i + 1 < starts.length ? starts[i + 1]! : text.length);
    let once = distinct.get(t);
    if (once === undefined) distinct.set(t, (once = t));
    return once;
  });
}

function scanTokens(text: string, push: (start: number) => void): void {
  const protectedRanges: [number, number][] = [];
  const cm = parseComments(text);
  for (const m of cm.marks) protectedRanges.push([m.start, m.end]);
  for (const b of cm.blocks) protectedRanges.push([b.start, b.end]);
  // A whole HTML comment, and a whole code span, is one token (found in one linear pass, see text/code.ts).
  for (const c of htmlComments(text)) protectedRanges.push(c);
  for (const c of codeSpans(text, 'line')) protectedRanges.push(c);
  protectedRanges.sort((a, b) => a[0] - b[0]);
  // Made per scan, on the first piece that needs it: loading its dictionaries takes 12 ms, which every command and the
  // extension's activation paid at load; made again it costs microseconds.
  let segmenter: Intl.Segmenter | undefined;
  const words = (from: number, to: number) => {
    // Intl.Segmenter gives words and punctuation in every script: Latin, Cyrillic and Arabic words, Chinese words. V8
    // walks a long string's segments in more than linear time (a 1 MB Chinese line: minutes), so a long stretch is
    // given to it in pieces of about two thousand characters, cut after a space or punctuation where there is one.
    for (let a = from; a < to;) {
      let b = Math.min(to, a + SEGMENT_PIECE);
      if (b < to) {
        const cut = text.slice(a, b).search(/[\s\p{P}][^\s\p{P}]*$/u);
        if (cut > SEGMENT_PIECE / 2) b = a + cut + 1;
        else if (/[\udc00-\udfff]/.test(text[b]!)) b--;
      }
      const piece = text.slice(a, b);
      // Scripts written with spaces between words need no dictionary: a pattern finds their words many times faster.
      if (!UNSPACED.test(piece)) for (const m of piece.matchAll(SPACED_WORD)) push(a + m.index!);
      else for (const s of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(piece)) push(a + s.index);
      a = b;
    }
  };
  const plain = (from: number, to: number) => {
    ATOMS.lastIndex = 0;
    const part = text.slice(from, to);
    let at = 0;
    for (let m = ATOMS.exec(part); m; m = ATOMS.exec(part)) {
      if (!m[0]) { ATOMS.lastIndex++; continue; }
      if (m.index > at) words(from + at, from + m.index);
      push(from + m.index);
      at = m.index + m[0].length;
    }
    if (at < part.length) words(from + at, to);
  };
  let at = 0;
  for (const [a, b] of protectedRanges) {
    if (a < at) continue;
    if (a > at) plain(at, a);
    push(a);
    at = b;
  }
  if (at < text.length) plain(at, text.length);
}

export interface Hunk { oldStart: number; oldEnd: number; newStart: number; newEnd: number; oldText: string; newText: string }

function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^\n]*\n|[^\n]+$/g;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * Myers's diff costs about (tokens × differences): past a budget of differences the stretches are one change. The
 * budget shrinks as the stretches grow, so the cost stays within about fifty million steps whatever the text.
 */
const EDIT_BUDGET = 50_000_000;
const maxEdits = (n: number) => Math.max(50, Math.min(2000, Math.floor(EDIT_BUDGET / Math.max(1, n))));

/**
 * diffArrays, bounded: past maxEdits differences (two unrelated 5 MB lines, say) the stretches are one change after
 * their common start and end, found in linear time and memory instead of quadratic.
 */
function boundedDiff(a: string[], b: string[]): DiffPart[] {
  return diffArrays(a, b, { maxEditLength: maxEdits(a.length + b.length) }) ?? commonEnds(a.length, b.length, (i, j) => a[i] === b[j]);
}

type DiffPart = { value: string[]; count?: number; added?: boolean; removed?: boolean };

/**
 * Two sequences as their common start, one change, and their common end: linear in time and memory. Counts only:
 * callers read `count`, and copies of millions of tokens would double the memory a huge line takes.
 */
function commonEnds(na: number, nb: number, same: (i: number, j: number) => boolean): DiffPart[] {
  let pre = 0;
  while (pre < na && pre < nb && same(pre, pre)) pre++;
  let suf = 0;
  while (suf < na - pre && suf < nb - pre && same(na - 1 - suf, nb - 1 - suf)) suf++;
  const out: DiffPart[] = [];
  if (pre) out.push({ value: [], count: pre });
  if (na - pre - suf) out.push({ value: [], count: na - pre - suf, removed: true });
  if (nb - pre - suf) out.push({ value: [], count: nb - pre - suf, added: true });
  if (suf) out.push({ value: [], count: suf });
  return out;
}

/**
 * The changed stretches from `a` to `b`, in `a`'s order, never cutting a token. Lines are compared first, then
 * words only inside the runs of lines that differ: a word-level diff of a whole 1 MB draft would take seconds.
 */
export function compareTexts(a: string, b: string): Hunk[] {
  const la = lines(a), lb = lines(b);
  const parts = boundedDiff(la.map((x) => x.text), lb.map((x) => x.text));
  const out: Hunk[] = [];
  let ia = 0, ib = 0, runA = -1, runB = -1;
  const startA = (i: number) => (i < la.length ? la[i]!.start : a.length);
  const startB = (i: number) => (i < lb.length ? lb[i]!.start : b.length);
  const flush = () => {
    if (runA < 0) return;
    const [a0, a1, b0, b1] = [startA(runA), startA(ia), startB(runB), startB(ib)];
    for (const h of compareWords(a.slice(a0, a1), b.slice(b0, b1))) {
      out.push({ oldStart: h.oldStart + a0, oldEnd: h.oldEnd + a0, newStart: h.newStart + b0, newEnd: h.newEnd + b0, oldText: h.oldText, newText: h.newText });
    }
    runA = runB = -1;
  };
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (!p.added && !p.removed) { flush(); ia += n; ib += n; continue; }
    if (runA < 0) { runA = ia; runB = ib; }
    if (p.removed) ia += n; else ib += n;
  }
  flush();
  return out;
}

const WORD_DIFF_TOKENS = 40_000;

/** Whether token i of a and token j of b have the same text, compared in place. */
function sameToken(a: string, sa: Int32Array, i: number, b: string, sb: Int32Array, j: number): boolean {
  const [a0, a1] = [sa[i]!, i + 1 < sa.length ? sa[i + 1]! : a.length], [b0, b1] = [sb[j]!, j + 1 < sb.length ? sb[j + 1]! : b.length];
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (a.charCodeAt(a0 + k) !== b.charCodeAt(b0 + k)) return false;
  return true;
}

/** Word-level comparison of two stretches of text. */
function compareWords(a: string, b: string): Hunk[] {
  const ta = tokenStarts(a), tb = tokenStarts(b);
  // Past WORD_DIFF_TOKENS (a changed stretch of tens of thousands of words: one huge line), no search at all: on
  // periodic text every one of Myers's steps extends long snakes, and even a small budget of differences takes minutes.
  const parts = ta.length + tb.length <= WORD_DIFF_TOKENS
    ? boundedDiff(tokenTexts(a, ta), tokenTexts(b, tb))
    : commonEnds(ta.length, tb.length, (i, j) => sameToken(a, ta, i, b, tb, j));
  const hunks: Hunk[] = [];
  let ia = 0, ib = 0;
  let cur: Hunk | null = null;
  const posA = (i: number) => (i < ta.length ? ta[i]! : a.length);
  const posB = (i: number) => (i < tb.length ? tb[i]! : b.length);
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (!p.added && !p.removed) {
      if (cur) { hunks.push(cur); cur = null; }
      ia += n; ib += n;
      continue;
    }
    cur ??= { oldStart: posA(ia), oldEnd: posA(ia), newStart: posB(ib), newEnd: posB(ib), oldText: '', newText: '' };
    if (p.removed) { ia += n; cur.oldEnd = posA(ia); }
    else { ib += n; cur.newEnd = posB(ib); }
  }
  if (cur) hunks.push(cur);
  // Changes separated by nothing but the same spaces read as one ("None identified" → "Training on asset recovery").
  const merged: Hunk[] = [];
  for (const h of hunks) {
    const prev = merged[merged.length - 1];
    if (prev && /^[ \t]+$/.test(a.slice(prev.oldEnd, h.oldStart)) && a.slice(prev.oldEnd, h.oldStart) === b.slice(prev.newEnd, h.newStart)) {
      prev.oldEnd = h.oldEnd; prev.newEnd = h.newEnd;
    } else merged.push({ ...h });
  }
  for (const h of merged) { h.oldText = a.slice(h.oldStart, h.oldEnd); h.newText = b.slice(h.newStart, h.newEnd); }
  return merged;
}

/** Lines a mark must not start: a heading, a fence, a list item, a quote, a table row or a thread line would break. */
const STRUCTURAL = /^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|\|)|\{>>@)/;
const lineStartAt = (t: string, o: number) => o === 0 || t[o - 1] === '\n';

/**
 * The hunks as suggestions can hold them. A change inside fenced code becomes one replacement of the whole block;
 * a change of whole lines, or one that starts a structural line, moves back by the line break before it, so the
 * mark opens at the end of the line before and closes before the line break — no heading, fence, list marker or
 * thread line ever gets markup in front of it.
 */
function placeable(draft: string, copy: string, hunks: Hunk[]): Hunk[] {
  const blocks = fencedBlocks(draft);
  const touches = (h: Hunk, [bs, be]: [number, number]) => h.oldStart < be && (h.oldEnd > bs || (h.oldStart === h.oldEnd && h.oldStart > bs));
  const merged: Hunk[] = [];
  for (let i = 0; i < hunks.length;) {
    const block = blocks.find((b) => touches(hunks[i]!, b));
    if (!block) { merged.push({ ...hunks[i]! }); i++; continue; }
    // Every hunk that touches the block joins one replacement of the whole block: the unchanged text around the
    // first and last hunks maps one for one.
    let [s, e] = block;
    let j = i;
    while (j < hunks.length && hunks[j]!.oldStart <= e && (touches(hunks[j]!, [s, e]) || hunks[j]!.oldStart === e)) { s = Math.min(s, hunks[j]!.oldStart); e = Math.max(e, hunks[j]!.oldEnd); j++; }
    const first = hunks[i]!, last = hunks[j - 1]!;
    const newStart = first.newStart - (first.oldStart - s), newEnd = last.newEnd + (e - last.oldEnd);
    merged.push({ oldStart: s, oldEnd: e, newStart, newEnd, oldText: draft.slice(s, e), newText: copy.slice(newStart, newEnd) });
    i = j;
  }
  return merged.map((h) => {
    const isBlock = blocks.some(([bs, be]) => h.oldStart <= bs && h.oldEnd >= be);
    if (isBlock && draft[h.oldStart - 1] === '\n' && draft[h.oldEnd] === '\n' && copy[h.newStart - 1] === '\n' && copy[h.newEnd] === '\n') {
      // "{~~" ends the line before, "~>" and "~~}" open lines of their own: the fences stay fences
      return { oldStart: h.oldStart - 1, oldEnd: h.oldEnd + 1, newStart: h.newStart - 1, newEnd: h.newEnd + 1, oldText: draft.slice(h.oldStart - 1, h.oldEnd + 1), newText: copy.slice(h.newStart - 1, h.newEnd + 1) };
    }
    const wholeLines = (h.oldText === '' || h.oldText.endsWith('\n')) && (h.newText === '' || h.newText.endsWith('\n')) && (h.oldText + h.newText).endsWith('\n');
    const atStructure = lineStartAt(draft, h.oldStart) && (STRUCTURAL.test(draft.slice(h.oldStart, h.oldStart + 8)) || STRUCTURAL.test(h.newText.slice(0, 8)));
    if (wholeLines && (atStructure || lineStartAt(draft, h.oldStart)) && draft[h.oldStart - 1] === '\n') {
      // The same lines, one line break earlier: the mark opens at the end of the line before and closes before the
      // line break that ends the last changed line, so the next line (a heading, say) keeps its first column.
      const oldText = h.oldText ? '\n' + h.oldText.slice(0, -1) : '';
      const newText = h.newText ? '\n' + h.newText.slice(0, -1) : '';
      return { oldStart: h.oldStart - 1, oldEnd: h.oldStart - 1 + oldText.length, newStart: h.newStart - 1, newEnd: h.newStart - 1 + newText.length, oldText, newText };
    }
    return h;
  });
}

/**
 * Edits that turn `draft` into itself with every difference from `copy` as a suggestion by `author`: accepting them
 * all gives `copy`, rejecting them all gives `draft`, byte for byte — checked before anything is returned. The
 * draft's own comments may not be changed by the copy (that is a merge, not a set of suggestions).
 */
export function differencesAsSuggestions(draft: string, copy: string, ctx: OpContext): OffsetEdit[] {
  return draftWithSuggestions(draft, copy, ctx).edits;
}

/** The same edits and the draft they make (their proof makes it): a caller that writes the draft does not make it again. */
export function draftWithSuggestions(draft: string, copy: string, ctx: OpContext): { edits: OffsetEdit[]; text: string } {
  const own = parseComments(draft);
  const taken = [...own.marks.map((m): [number, number] => [m.start, m.end]), ...own.blocks.map((b): [number, number] => [b.start, b.end]), ...own.conflicts.map((c): [number, number] => [c.start, c.end])];
  const hunks = placeable(draft, copy, compareTexts(draft, copy));
  const date = stamp(ctx);
  const newId = ctx.newId ?? randomId;
  const threads: NewThread[] = [];
  const near = (h: Hunk) => (h.oldText || h.newText).trim().slice(0, 40);
  for (const h of hunks) {
    // The draft's own marks and thread lines are not the copy's to change; prose that merely contains "~>" is.
    if (taken.some(([a, b]) => h.oldStart < b && h.oldEnd > a || (h.oldStart === h.oldEnd && h.oldStart > a && h.oldStart < b))) {
      throw new CommentError(t('The copy changes a comment or suggestion near "{0}": resolve the draft\'s own comments and suggestions first, or merge the copies with git.', near(h)));
    }
    const kind = suggestionKind(h.oldStart, h.oldEnd, h.newText);
    // A replacement whose texts hold its own delimiters is written as a deletion and an insertion.
    if (kind === 'replacement' && /~>|~~/.test(h.oldText + h.newText)) {
      const d = newId(8), n = newId(8);
      threads.push({ id: d, start: h.oldStart, end: h.oldEnd, newText: '', kind: 'deletion', lines: [blockText(d, ctx.author, date, '')] });
      threads.push({ id: n, start: h.oldEnd, end: h.oldEnd, newText: h.newText, kind: 'insertion', lines: [blockText(n, ctx.author, date, '')] });
      continue;
    }
    const id = newId(8);
    threads.push({ id, start: h.oldStart, end: h.oldEnd, newText: h.newText, kind, lines: [blockText(id, ctx.author, date, '')] });
  }
  const edits = placeThreads(draft, threads);
  // Proof before return: each suggestion reads back, accepting them gives the copy and rejecting them the draft.
  const marked = applyEdits(draft, edits);
  const ours = new Set(threads.map((x) => x.id));
  const placed = parseComments(marked).threads.filter((x) => ours.has(x.id));
  const back = placed.filter((x) => x.mark);
  // Compared without making the accepted and rejected texts: on a 5 MB line each would be another copy of it.
  const roundTrips = () => {
    try { return editsGive(marked, placed.flatMap((x) => decisionEdits(x, 'accept')), copy) && editsGive(marked, placed.flatMap((x) => decisionEdits(x, 'reject')), draft); }
    catch { return false; }
  };
  if (back.length !== threads.length || back.some((x) => x.kind === 'comment') || !roundTrips()) {
    const read = new Set(back.map((x) => x.id));
    const bad = threads.find((x) => !read.has(x.id)) ?? threads[0];
    const h = bad && hunks.find((x) => x.oldStart === bad.start || x.oldEnd === bad.end);
    throw new CommentError(t('A difference near "{0}" cannot be written as a suggestion here (it holds the marks\' own characters or cuts Markdown structure): make that change in the draft by hand, then turn the other differences into suggestions.', h ? near(h) : ''));
  }
  return { edits, text: marked };
}
