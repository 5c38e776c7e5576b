// Differences between a draft and a co-reviewer's copy, by word (by Intl.Segmenter word for Chinese), and their import as suggestions.
import { t } from '@vscode/l10n';
import { diffArrays } from 'diff';
import { parseComments } from './comments/parse';
import { blockText, CommentError, randomId, stamp, type OpContext } from './comments/ops';
import { placeThreads, suggestionKind, type NewThread } from './comments/place';
import type { OffsetEdit } from './edits';

export interface Token { text: string; start: number }

/** Text that a difference may never cut: comment marks and lines, HTML comments, heading attributes, Markdown markers. */
// A whole code span is one token: a suggestion must never hold half of one, or its backtick would pair with another.
const ATOMS = /<!--[\s\S]*?-->|\{[#.][^{}\n]*\}(?=[ \t]*$)|^[ \t]{0,3}(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)(?=[ \t])|\*\*|__|(`+)(?:(?!\1)[^\n])*?\1|`+|!?\[|\]\(|\]|\r\n|\n|[ \t]+/gm;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Splits a text into tokens that together give it back exactly. */
export function tokenize(text: string): Token[] {
  const protectedRanges: [number, number][] = [];
  const cm = parseComments(text);
  for (const m of cm.marks) protectedRanges.push([m.start, m.end]);
  for (const b of cm.blocks) protectedRanges.push([b.start, b.end]);
  protectedRanges.sort((a, b) => a[0] - b[0]);
  const out: Token[] = [];
  const words = (from: number, to: number) => {
    // Intl.Segmenter gives words and punctuation in every script: Latin, Cyrillic and Arabic words, Chinese words.
    for (const s of segmenter.segment(text.slice(from, to))) out.push({ text: s.segment, start: from + s.index });
  };
  const plain = (from: number, to: number) => {
    ATOMS.lastIndex = 0;
    const part = text.slice(from, to);
    let at = 0;
    for (let m = ATOMS.exec(part); m; m = ATOMS.exec(part)) {
      if (!m[0]) { ATOMS.lastIndex++; continue; }
      if (m.index > at) words(from + at, from + m.index);
      out.push({ text: m[0], start: from + m.index });
      at = m.index + m[0].length;
    }
    if (at < part.length) words(from + at, to);
  };
  let at = 0;
  for (const [a, b] of protectedRanges) {
    if (a < at) continue;
    if (a > at) plain(at, a);
    out.push({ text: text.slice(a, b), start: a });
    at = b;
  }
  if (at < text.length) plain(at, text.length);
  return out;
}

export interface Hunk { oldStart: number; oldEnd: number; newStart: number; newEnd: number; oldText: string; newText: string }

function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^\n]*\n|[^\n]+$/g;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * The changed stretches from `a` to `b`, in `a`'s order, never cutting a token. Lines are compared first, then
 * words only inside the runs of lines that differ: a word-level diff of a whole 1 MB draft would take seconds.
 */
export function compareTexts(a: string, b: string): Hunk[] {
  const la = lines(a), lb = lines(b);
  const parts = diffArrays(la.map((x) => x.text), lb.map((x) => x.text));
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

/** Word-level comparison of two stretches of text. */
function compareWords(a: string, b: string): Hunk[] {
  const ta = tokenize(a), tb = tokenize(b);
  const parts = diffArrays(ta.map((x) => x.text), tb.map((x) => x.text));
  const hunks: Hunk[] = [];
  let ia = 0, ib = 0;
  let cur: Hunk | null = null;
  const posA = (i: number) => (i < ta.length ? ta[i]!.start : a.length);
  const posB = (i: number) => (i < tb.length ? tb[i]!.start : b.length);
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

const MARKUP = /\{(?:==|\+\+|--|~~|>>)|(?:==|\+\+|--|~~|<<)\}|~>/;

/**
 * Edits that turn `draft` into itself with every difference from `copy` as a suggestion by `author`: accepting them
 * all gives `copy`, rejecting them all gives `draft`, byte for byte. The draft's own comments may not be changed by
 * the copy (that is a merge, not a set of suggestions).
 */
export function differencesAsSuggestions(draft: string, copy: string, ctx: OpContext): OffsetEdit[] {
  const hunks = compareTexts(draft, copy);
  const date = stamp(ctx);
  const newId = ctx.newId ?? randomId;
  const threads: NewThread[] = [];
  for (const h of hunks) {
    if (MARKUP.test(h.oldText) || MARKUP.test(h.newText)) {
      throw new CommentError(t('The copy changes a comment or suggestion near "{0}": resolve the draft\'s own comments and suggestions first, or merge the copies with git.', (h.oldText || h.newText).slice(0, 40)));
    }
    const id = newId(8);
    threads.push({ id, start: h.oldStart, end: h.oldEnd, newText: h.newText, kind: suggestionKind(h.oldStart, h.oldEnd, h.newText), lines: [blockText(id, ctx.author, date, '')] });
  }
  return placeThreads(draft, threads);
}
