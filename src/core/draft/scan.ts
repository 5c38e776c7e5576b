// The cheap line scan that cuts a draft into front matter and heading-delimited sections, skipping code and comments.
import { LineIndex } from '../text/lines';
import { sharedEnds, type SharedEnds } from '../text/changes';
import { Slots } from '../text/slots';
import { HeadingList } from './headingList';
import type { Section } from './analysis';

export interface FrontMatterBlock {
  /** Line of the opening `---` and of the closing `---`/`...` (null when it never closes). */
  openLine: number;
  closeLine: number | null;
  /** Offsets of the YAML text between the fences. */
  contentStart: number;
  contentEnd: number;
}

/**
 * A heading's `{#id .class}` block. Its place is counted from the heading line's start (`from`, `to`), not from the
 * document's: when an edit above moves the heading, the same object still says where the block is, so thousands of
 * headings move at each keystroke without a copy of their attributes.
 */
export interface HeadingAttributes { readonly id: string | null; readonly classes: string[]; readonly from: number; readonly to: number }

export interface ScannedHeading {
  line: number;
  level: number;
  /** Heading text without the `#`s, closing sequence and attribute block. */
  text: string;
  /** Offsets of the whole heading line (without its line break). */
  start: number;
  end: number;
  attributes: HeadingAttributes | null;
  /**
   * What the heading is (an article's, a part's…), as the analysis classifies it (analysis.ts classify) when it first
   * meets the heading; it moves with the heading to the next version, so a keystroke does not classify thousands again.
   */
  kind: HeadingKind | undefined;
}
/** Where a heading's attribute block stands in the document. */
export function attributesSpan(h: ScannedHeading): { start: number; end: number } | null {
  return h.attributes && { start: h.start + h.attributes.from, end: h.start + h.attributes.to };
}
export type HeadingKind = Pick<Section, 'role' | 'instrument' | 'article' | 'articleExists' | 'part'>;

export interface Scan {
  lines: LineIndex;
  /** Offset after a leading byte-order mark, if any. */
  bodyStart: number;
  frontMatter: FrontMatterBlock | null;
  headings: HeadingList;
  /**
   * The text from heading `i` to the next heading (or the end), sliced once per scan: the per-section caches key on
   * these strings, and one string object hashes once however many caches look it up.
   */
  headingText(i: number): string;
  /** The section texts sliced so far (by heading index), for the next version's scan to reuse. */
  readonly texts: Slots<string>;
  /** Which sections the last version's scan gave this one as they were, when it was rescanned from that one. */
  readonly kept?: Kept;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/;
const ATTRS = /[ \t]*\{([^{}]*)\}$/;

/** Reads the `{#id .class key=value}` block that ends a heading (pandoc's header attributes). */
export function parseAttributes(text: string): { text: string; attrs: { id: string | null; classes: string[]; index: number } | null } {
  const m = ATTRS.exec(text);
  if (!m) return { text, attrs: null };
  let id: string | null = null;
  const classes: string[] = [];
  for (const tok of (m[1] ?? '').trim().split(/\s+/)) {
    if (tok.startsWith('#') && tok.length > 1) id = tok.slice(1);
    else if (tok.startsWith('.') && tok.length > 1) classes.push(tok.slice(1));
  }
  if (id === null && classes.length === 0) return { text, attrs: null };
  return { text: text.slice(0, m.index), attrs: { id, classes, index: m.index + (m[0].length - m[0].trimStart().length) } };
}

/**
 * `previous`: the scan of the same document's last version, when there is one (the editor's keystroke path); `ends`:
 * how much the two texts share at their start and end, when the caller knows (from the editor's report of the edits),
 * else the texts are compared.
 */
export function scan(text: string, previous?: Scan, ends?: SharedEnds): Scan {
  return scanText(text, previous ?? null, ends);
}

/**
 * A copy of a string that does not keep the text it was sliced from alive (V8 slices point into their parent). A
 * section edited by a keystroke is kept as such a copy: sliced, it would keep that whole version of the draft in
 * memory for as long as a cache holds the section.
 */
function detached(s: string): string {
  // The structured clone copies the characters as they are (a twentieth of the time of a JSON round trip, which
  // escapes and parses them).
  return structuredClone(s);
}

function scanText(text: string, previous: Scan | null, ends: SharedEnds | undefined): Scan {
  const reused = previous ? rescanEdit(text, previous, ends) : null;
  if (reused) return withSectionTexts(text, reused.lines, previous!.bodyStart, previous!.frontMatter, reused.headings, previous, reused.kept);
  const lines = new LineIndex(text);
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let frontMatter: FrontMatterBlock | null = null;
  let line = 0;
  const first = lines.lineText(0).slice(bodyStart);
  if (/^---[ \t]*$/.test(first)) {
    let close: number | null = null;
    for (let l = 1; l < lines.lineCount; l++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines.lineText(l))) { close = l; break; }
    }
    frontMatter = {
      openLine: 0, closeLine: close,
      contentStart: lines.lineStart(1) ?? text.length,
      contentEnd: close === null ? text.length : (lines.lineStart(close) ?? text.length),
    };
    // An unclosed block would swallow the whole draft; scan the body from the next line so headings still show.
    line = close === null ? 1 : close + 1;
  }
  const headings: ScannedHeading[] = [];
  scanLines(text, lines, line, lines.lineCount, headings);
  return withSectionTexts(text, lines, bodyStart, frontMatter, HeadingList.of(headings), previous);
}

/**
 * The headings of lines [from, to), pushed onto `out`, skipping code blocks and HTML comments; whether the last line
 * leaves a code block or a comment open (then what follows cannot be taken as it was).
 */
function scanLines(text: string, lines: LineIndex, from: number, to: number, out: ScannedHeading[]): boolean {
  let fence: { code: number; len: number } | null = null;
  let inComment = false;
  for (let line = from; line < to; line++) {
    // Most lines are prose: look at the first non-space character (at most 3 spaces in) before slicing the line.
    const lineStart = lines.lineStart(line)!;
    let p = lineStart;
    while (p < lineStart + 3 && text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    if (fence) {
      if (c !== fence.code) continue;
      const m = FENCE.exec(lines.lineText(line));
      if (m && m[1]!.length >= fence.len && (m[2] ?? '').trim() === '') fence = null;
      continue;
    }
    if (inComment) {
      if (lines.lineText(line).includes('-->')) inComment = false;
      continue;
    }
    if (c !== 35 /* # */ && c !== 96 /* ` */ && c !== 126 /* ~ */ && c !== 60 /* < */) continue;
    const s = lines.lineText(line);
    const f = FENCE.exec(s);
    if (f && !(f[1]![0] === '`' && (f[2] ?? '').includes('`'))) { fence = { code: f[1]!.charCodeAt(0), len: f[1]!.length }; continue; }
    if (/^ {0,3}<!--/.test(s)) {
      if (!s.slice(s.indexOf('<!--') + 4).includes('-->')) inComment = true;
      continue;
    }
    const h = ATX.exec(s);
    if (!h) continue;
    const start = lineStart;
    let raw = h[2] ?? '';
    const { text: withoutAttrs, attrs } = parseAttributes(raw);
    raw = withoutAttrs.replace(CLOSING_HASHES, '').trim();
    let attributes: HeadingAttributes | null = null;
    if (attrs) {
      const contentOffset = s.length - (h[2] ?? '').length - (s.length - s.trimEnd().length);
      attributes = { id: attrs.id, classes: attrs.classes, from: contentOffset + attrs.index, to: s.trimEnd().length };
    }
    out.push({ line, level: h[1]!.length, text: raw, start, end: start + s.length, attributes, kind: undefined });
  }
  return fence !== null || inComment;
}

/**
 * After an edit, only the sections it touched are scanned again. The sections before the first one that differs and
 * after the last one that differs are the previous version's, found by comparing their text where they must be (a
 * comparison of flat strings, far cheaper than reading their lines); their headings are kept, moved by the edit's
 * length and lines. Null when the edit reaches the front matter, the text before the first heading or the first line,
 * or an unclosed front matter, when the text
 * has CR line breaks, or when the edited stretch leaves a code block or comment open (what follows may then have
 * changed meaning): the whole text is scanned then.
 */
/**
 * Which sections an edit left as they were: the first `prefix` ones, and from `suffix` on (new index) the old ones
 * `shift` later, moved down by `lineDelta` lines.
 */
export interface Kept { readonly prefix: number; readonly suffix: number; readonly shift: number; readonly lineDelta: number }

function rescanEdit(text: string, prev: Scan, ends: SharedEnds | undefined): { lines: LineIndex; headings: HeadingList; kept: Kept } | null {
  const old = prev.lines.text;
  const H = prev.headings;
  // An unclosed front matter runs to the end of the text, so any edit may close it.
  if (H.length < 2 || prev.frontMatter?.closeLine === null || prev.lines.hasCR) return null;
  const bound = (i: number) => (i < H.length ? H.start(i) : old.length);
  if (text.length < bound(0) || text.slice(0, bound(0)) !== old.slice(0, bound(0))) return null;
  // The first section that differs (a), then the first of the unchanged sections at the end (b), from where the two
  // texts first and last differ.
  const { prefix: same, suffix: tail } = ends ?? sharedEnds(old, text);
  if (same === text.length && same === old.length) return { lines: prev.lines, headings: H, kept: { prefix: H.length, suffix: H.length, shift: 0, lineDelta: 0 } };
  const delta = text.length - old.length;
  // The section holding the first difference (when it starts right at a heading, that heading's section: the text
  // before it is the same, so the headings found from there on are the new text's).
  let a = upperBound(H, same) - 1;
  if (a < 0) a = 0;
  // The first line decides whether there is a front matter at all.
  if (a === 0 && bound(0) === 0) return null;
  // The first heading at or after the end of the last difference in the old text.
  let b = lowerBound(H, old.length - tail);
  if (b <= a) b = a + 1;
  const from = bound(a), to = bound(b) + delta;
  // The edited stretch must end where a line starts, as the unchanged section after it does.
  if (b < H.length && text.charCodeAt(to - 1) !== 10) return null;
  // A CR in the edited stretch: line breaks of another kind, read by the full scan.
  if (text.slice(from, to).includes('\r')) return null;
  const fromLine = H.line(a);
  const toLineOld = b < H.length ? H.line(b) : prev.lines.lineCount;
  const added: number[] = [];
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) if (i + 1 < to || b === H.length) added.push(i + 1);
  const lineDelta = added.length - (toLineOld - fromLine - 1);
  // The lines before and after the edit keep their starts, moved (runs of the index, not copies: a draft has tens of
  // thousands of lines).
  const lines = LineIndex.edited(prev.lines, text, fromLine + 1, added, b < H.length ? toLineOld : prev.lines.lineCount, delta);
  const found: ScannedHeading[] = [];
  const toLine = b < H.length ? toLineOld + lineDelta : lines.lineCount;
  if (scanLines(text, lines, fromLine, toLine, found) && b < H.length) return null;
  // Section a - 1 ends where section a starts: it is unchanged only if a's start is (a heading added at the edit's
  // place ends it sooner), so the sections known unchanged are those before a - 1.
  const kept: Kept = { prefix: Math.max(0, a - 1), suffix: a + found.length, shift: b - (a + found.length), lineDelta };
  // The headings after the edit move with it: runs of the last version's, not a copy of each (see HeadingList).
  const headings = H.edited(a, found, b, delta, lineDelta);
  return { lines, headings, kept };
}

/** The number of headings that start at or before `offset`. */
function upperBound(h: HeadingList, offset: number): number {
  let lo = 0, hi = h.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (h.start(mid) <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}
/** The index of the first heading that starts at or after `offset`. */
function lowerBound(h: HeadingList, offset: number): number {
  let lo = 0, hi = h.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (h.start(mid) < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

function withSectionTexts(text: string, lines: LineIndex, bodyStart: number, frontMatter: FrontMatterBlock | null, headings: HeadingList, previous: Scan | null, kept?: Kept): Scan {
  const before = previous?.texts;
  // After a keystroke, an unchanged section is given the very string the last version's scan gave it (at its index, or
  // shifted by the headings added or removed): every cache keyed by it then hits on identity instead of comparing its
  // text. Without a last version (a file checked once, as in a batch) sections stay slices: nothing is copied. The
  // strings are taken now, not when asked: a version that reads only the section it changed still hands every other
  // section's string on to the next version (the strings shared, not copied, when no heading was added or removed).
  let texts: Slots<string>;
  if (kept && before && !kept.shift) {
    texts = before.fork();
    for (let i = kept.prefix; i < kept.suffix; i++) texts.set(i, undefined);
  } else {
    texts = Slots.empty();
    if (kept && before) {
      for (let i = 0; i < kept.prefix; i++) texts.set(i, before.get(i));
      for (let i = kept.suffix; i < headings.length; i++) texts.set(i, before.get(i + kept.shift));
    }
  }
  const shift = previous ? previous.headings.length - headings.length : 0;
  const headingText = (i: number): string => {
    const hit = texts.get(i);
    if (hit !== undefined) return hit;
    const fresh = text.slice(headings.start(i), i + 1 < headings.length ? headings.start(i + 1) : text.length);
    let out = fresh;
    if (before) {
      const same = before.get(i) === fresh ? before.get(i) : shift && before.get(i + shift) === fresh ? before.get(i + shift) : undefined;
      out = same ?? detached(fresh);
    }
    texts.set(i, out);
    return out;
  };
  return { lines, bodyStart, frontMatter, headings, headingText, texts, ...(kept ? { kept } : {}) };
}
