// Parses one section of a draft: plain prose built directly, texts that would make the parser quadratic defused first.
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MarkdownParser } from './parser';

/** The tree of a section's text, positions relative to the section's start. */
export function parseSection(text: string, parser: MarkdownParser, longSection = LONG_SECTION): Root {
  // Most sections of a draft are a heading and paragraphs of plain prose: built directly, as remark would build them.
  // Its paragraphs of plain prose masked, the rest parsed (parseMaskingProse): where no block can run over a blank line
  // around them, or the section is long.
  const masking = text.length > longSection || !SPANS_BLANK_LINES.test(text);
  return plainSection(text) ?? parseWithStandIns(text, parser, longSection) ?? (masking ? parseMaskingProse(text, parser) : null) ?? parser.parse(text);
}

/**
 * A section longer than this has its paragraphs of plain prose masked while it is parsed even where a fence or an HTML
 * block could hold some of them (a mask that does not fit gives up, and the section is parsed twice): micromark tries
 * GFM's autolinks at every word, and a 5 MB paragraph of words took 8 s and 2 GB to export.
 */
const LONG_SECTION = 1 << 16;
/**
 * The blocks that can hold a blank line, and so a paragraph of prose that is not one: a fence, an HTML block. A
 * section without them is masked whatever its length — micromark costs a third of a draft's export, most of it on
 * prose (1 MB generated draft: 800 → 580 ms).
 */
const SPANS_BLANK_LINES = /^ {0,3}(?:`{3}|~{3}|<)/m;

/**
 * Parses a long section with each paragraph of plain prose (plain lines only, between blank lines) masked as one "x"
 * a line (its trailing spaces kept), then gives each its offsets and its text back. The lines do not move, and a
 * paragraph after a blank line starts no block and continues none, so the tree is the same; a masked paragraph
 * the parser did not read as a paragraph of its own at the top (inside a fence or an HTML block) makes this give up
 * (null), and the section is parsed as it is.
 */
function parseMaskingProse(text: string, parser: MarkdownParser): Root | null {
  const masked: [number, number][] = [];
  let start = -1, end = -1, plain = true;
  const close = () => { if (start >= 0 && plain) masked.push([start, end]); start = -1; plain = true; };
  for (let offset = 0; offset <= text.length;) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(offset, lineEnd);
    if (line === '' || SPACES.test(line)) close();
    else {
      if (start < 0) start = offset;
      end = lineEnd;
      // Spaces at the end of a line stay as they are (masked lines keep them): the parser trims them or makes a hard
      // break of them, and the text around the break is given back below.
      if (BLOCK_START.test(line) || DELIMITER_ROW.test(line) || maskedSyntax(line)) plain = false;
    }
    if (nl < 0) break;
    offset = nl + 1;
  }
  close();
  if (!masked.length) return null;
  // Each masked line is one "x" and its trailing spaces: the parser reads a line of prose as it reads one letter
  // (micromark costs ~150 ns a character even on plain letters). Where a line's words were cut short is kept, to give
  // the tree the text's own offsets back.
  const pieces: string[] = [];
  const squeezes: Squeeze[] = [];
  let at = 0, length = 0, removed = 0;
  const put = (piece: string) => { pieces.push(piece); length += piece.length; };
  for (const [a, b] of masked) {
    put(text.slice(at, a));
    text.slice(a, b).split('\n').forEach((line, i) => {
      const n = line.trimEnd().length;
      if (i) put('\n');
      if (n > 1) { squeezes.push({ at: length, removed: (removed += n - 1) }); put('x' + line.slice(n)); } else put(line);
    });
    at = b;
  }
  put(text.slice(at));
  const tree = parser.parse(pieces.join(''));
  if (squeezes.length) unsqueeze(tree, squeezes);
  let k = 0;
  for (const node of tree.children) {
    const range = masked[k];
    if (!range || node.position?.start.offset !== range[0]) continue;
    // A paragraph that starts where a masked one does ends at the blank line after it: it is the masked one, its text
    // cut only by the hard breaks its lines' trailing spaces make.
    if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text' || c.type === 'break')) return null;
    for (const c of node.children) {
      // As micromark gives a soft line break: without the spaces around it.
      if (c.type === 'text') c.value = text.slice(c.position!.start.offset, c.position!.end.offset).replace(SPACES_AROUND_BREAK, '\n');
    }
    k++;
  }
  return k === masked.length ? tree : null;
}

/** A masked line cut to one letter at `at` (an offset of the masked text); `removed`: characters cut up to and with it. */
interface Squeeze { at: number; removed: number }

/**
 * Moves every position of a tree parsed from a squeezed text (parseMaskingProse) to the text's own offsets and columns:
 * an offset after a squeezed line's letter moves by what was cut before it, a column by what was cut on its line.
 */
function unsqueeze(tree: Root, squeezes: readonly Squeeze[]): void {
  // Characters cut before masked offset m: those of every line whose letter ends at or before m.
  const cutBefore = (m: number) => {
    let lo = 0, hi = squeezes.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (squeezes[mid]!.at + 1 <= m) lo = mid + 1; else hi = mid; }
    return lo ? squeezes[lo - 1]!.removed : 0;
  };
  const seen = new Set<object>();
  const move = (p: { column: number; offset?: number }) => {
    if (seen.has(p) || p.offset === undefined) return;
    seen.add(p);
    const shift = cutBefore(p.offset);
    p.column += shift - cutBefore(p.offset - p.column + 1);
    p.offset += shift;
  };
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) { move(n.position.start); move(n.position.end); }
    // One at a time: a paragraph of hard breaks has hundreds of thousands of children, too many to spread as arguments.
    if ('children' in n) for (const c of n.children) stack.push(c);
  }
}

/** More "~~" than any real section strikes through: GFM's strikethrough resolution is quadratic in their number. */
const MAX_TILDE_PAIRS = 200;
/** Private-use characters that stand in, one for one, for what must not be read as syntax. */
const TILDE_STAND_IN = '\ue000';
/**
 * More runs of "*" or "_" than any real section emphasizes: micromark resolves emphasis by splicing its list of events
 * once per run, so 40,000 of "*a* b" took 16 s to export and 80,000 took 71 s.
 */
const MAX_EMPHASIS_RUNS = 2000;
const EMPHASIS_STAND_IN: Record<string, string> = { '*': '\ue006', _: '\ue007' };
/** What starts a line and is not emphasis: quote markers and list bullets ("> * item", "* * item"). */
const LINE_MARKERS = /^(?:[ \t]*>)*(?:[ \t]*[*+-](?=[ \t]|$))*/;
/** A thematic break ("* * *", "___"): kept whole. */
const THEMATIC_BREAK = /^[ \t]*(?:>[ \t]*)*(?:[*_-][ \t]*){3,}$/;
const CONFLICT_STAND_IN: Record<string, string> = { '<': '\ue001', '=': '\ue002', '>': '\ue003' };
const CONFLICT_BACK: Record<string, string> = { '\ue001': '<', '\ue002': '=', '\ue003': '>' };
/** Every stand-in with what it stands for. */
const BACK: Record<string, string> = { [TILDE_STAND_IN]: '~', ...CONFLICT_BACK, '\ue006': '*', '\ue007': '_' };
// git's conflict lines: seven ">" read as seven nested quotes that every later line continues lazily, "=======" as a
// heading underline; micromark's work grows with the square of a section full of them.
const CONFLICT_LINE = /^(?:<{7}|={7}|>{7})(?= |$)/gm;
const MAX_CONFLICT_LINES = 60;

/**
 * A section that would make the parser quadratic is parsed with stand-ins: each "~" of a section with hundreds of "~~"
 * (a paste, unclosed suggestions `{~~a~>` by the thousand; tilde fences kept) and the ">" of git's closing conflict
 * lines become one private-use character each while parsing (offsets do not move), then are put back in every text
 * value. Strikethrough or the quote is lost there, never the text, and the parse stays linear. So are the "*" and "_"
 * of a section with thousands of them (not a list's bullets nor a thematic break): emphasis is lost there.
 */
function parseWithStandIns(text: string, parser: MarkdownParser, longSection: number): Root | null {
  let pairs = 0;
  for (let i = text.indexOf('~~'); i >= 0 && pairs <= MAX_TILDE_PAIRS; i = text.indexOf('~~', i + 2)) pairs++;
  const tildes = pairs > MAX_TILDE_PAIRS;
  let runs = 0;
  for (const re = /[*_]+/g; runs <= MAX_EMPHASIS_RUNS && re.exec(text);) runs++;
  const emphasis = runs > MAX_EMPHASIS_RUNS;
  CONFLICT_LINE.lastIndex = 0;
  const conflicts = text.includes('=======') && CONFLICT_LINE.test(text);
  if (!tildes && !conflicts && !emphasis) return null;
  let masked = tildes ? text.replace(/^( {0,3}~{3,}.*)$|~/gm, (m, fence: string | undefined) => fence ?? TILDE_STAND_IN) : text;
  // Emphasis is lost in such a section, never its text; the lines' own markers (lists, breaks) stay what they are.
  if (emphasis) masked = masked.replace(/^.*$/gm, (l) => {
    if (THEMATIC_BREAK.test(l)) return l;
    const keep = LINE_MARKERS.exec(l)![0].length;
    return l.slice(0, keep) + l.slice(keep).replace(/[*_]/g, (c) => EMPHASIS_STAND_IN[c]!);
  });
  if (conflicts) {
    // A few conflicts keep their lines as text; hundreds (a broken merge) are read as blank lines, so each side is its
    // own paragraph: one paragraph of a hundred thousand lines is quadratic again in micromark's text resolution.
    let n = 0;
    for (const _ of text.matchAll(CONFLICT_LINE)) if (++n > MAX_CONFLICT_LINES) break;
    masked = n > MAX_CONFLICT_LINES
      ? masked.replace(/^(?:<{7}|={7}|>{7})(?: .*)?$/gm, (m) => ' '.repeat(m.length))
      : masked.replace(CONFLICT_LINE, (m) => CONFLICT_STAND_IN[m[0]!]!.repeat(7));
  }
  const tree = plainSection(masked) ?? (masked.length > longSection ? parseMaskingProse(masked, parser) : null) ?? parser.parse(masked);
  // Iterative: the tree of such a text can be deep, and a recursive walk is what overflows.
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const n = stack.pop()! as { value?: unknown; url?: unknown; title?: unknown; alt?: unknown; label?: unknown; identifier?: unknown; children?: RootContent[] };
    for (const k of ['value', 'url', 'title', 'alt', 'label', 'identifier'] as const) {
      const v = n[k];
      if (typeof v === 'string' && /[\ue000-\ue003\ue006\ue007]/.test(v)) n[k] = v.replace(/[\ue000-\ue003\ue006\ue007]/g, (c) => BACK[c]!);
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
  return tree;
}

/**
 * Whether a line of a paragraph holds Markdown syntax for the masking (parseMaskingProse): INLINE_SYNTAX, less three
 * characters that micromark reads as text where comment marks put them — "<" not opening a tag, a comment or an
 * autolink ("<<}"), "@" with no address before it ("{>>@id"), and "|" in a paragraph with no table delimiter row
 * (DELIMITER_ROW is looked for on every line). A draft's paragraphs carrying comments are then masked as plain prose.
 */
function maskedSyntax(line: string): boolean {
  return INLINE_SYNTAX.test(line) && INLINE_SYNTAX.test(line.replace(INERT_IN_PROSE, ''));
}
const INERT_IN_PROSE = /<(?![A-Za-z/!?])|(?<![A-Za-z0-9.+_-])@|\|/g;
/** A line that may be a GFM table's delimiter row (only pipes, colons, dashes and spaces, a dash among them). */
const DELIMITER_ROW = /^[ \t|:-]*-[ \t|:-]*$/;
/** Characters (and sequences) that can start Markdown syntax inside a line, GFM's autolinks included (">" only starts a quote, at a line's start). */
const INLINE_SYNTAX = /[`*_[\]<!\\&~|$^\u0000-\u0009\u000b-\u001f\u007f]|www\.|:\/\/|@/i;
/** Line starts that make a block other than a paragraph, or end one (lists, quotes, headings, fences, breaks, tables). */
const BLOCK_START = /^(?:[ ]|[-+*>#=|<]|\d{1,9}[.)](?: |$)|`{3}|~{3})/;
const ATX = /^(#{1,6}) +(\S.*)$/;
const SPACES = /^ +$/;
const SPACES_AROUND_BREAK = / *\n */g;

/**
 * The tree remark gives a section made only of an ATX heading and paragraphs of plain text (no inline syntax, no
 * indentation, no trailing spaces, LF line breaks) between blank lines, built without the parser; null for anything else, which the
 * parser reads. A property test holds the two to the same trees.
 */
export function plainSection(text: string): Root | null {
  if (INLINE_SYNTAX.test(text)) return null;
  const children: RootContent[] = [];
  type Point = { line: number; column: number; offset: number };
  const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });
  let line = 1, offset = 0;
  // A paragraph being read: its start, the text node being read (from `from`, its lines without their trailing spaces),
  // the nodes before it, where the text and the paragraph end so far, and the hard break the last line ends with.
  let para: { start: Point; from: Point; lines: string[]; trimmed: boolean; nodes: RootContent[]; textEnd: Point; end: Point; hardBreak: Point | null } | null = null;
  const text_ = (p: NonNullable<typeof para>): RootContent => ({
    type: 'text', value: p.trimmed ? p.lines.join('\n') : text.slice(p.from.offset, p.textEnd.offset), position: { start: { ...p.from }, end: { ...p.textEnd } },
  });
  const close = () => {
    if (!para) return;
    para.nodes.push(text_(para));
    children.push({ type: 'paragraph', children: para.nodes as PhrasingContent[], position: { start: para.start, end: para.end } });
    para = null;
  };
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    const content = text.slice(offset, end);
    // A line of spaces only is a blank line (a broken merge's conflict lines are parsed as such).
    if (content === '' || SPACES.test(content)) close();
    else {
      const h = line === 1 ? ATX.exec(content) : null;
      if (h) {
        // A closing sequence of #s is not text, nor are trailing spaces: the parser knows how to drop them.
        if (/(?:^| )#+$/.test(h[2]!) || content.endsWith(' ')) return null;
        const start = offset + h[1]!.length + (content.length - h[1]!.length - h[2]!.length);
        children.push({
          type: 'heading', depth: h[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
          children: [{ type: 'text', value: h[2]!, position: { start: point(line, start - offset + 1, start), end: point(line, content.length + 1, end) } }],
          position: { start: point(line, 1, offset), end: point(line, content.length + 1, end) },
        });
      } else {
        if (BLOCK_START.test(content)) return null;
        // Trailing spaces are not text: one or more end a line softly, two or more before another line make a hard
        // break (a node of its own, from the spaces to the next line's start), as micromark reads them.
        // (Spaces only: a no-break space or another Unicode space at the end is text, which trimEnd would cut.)
        let n = content.length;
        while (content.charCodeAt(n - 1) === 32) n--;
        const kept = n === content.length ? content : content.slice(0, n);
        const here = point(line, 1, offset);
        if (!para) para = { start: here, from: here, lines: [], trimmed: false, nodes: [], textEnd: here, end: here, hardBreak: null };
        else if (para.hardBreak) {
          para.nodes.push(text_(para), { type: 'break', position: { start: para.hardBreak, end: point(line, 1, offset) } });
          para.from = here; para.lines = []; para.trimmed = false;
        }
        para.lines.push(kept);
        if (kept !== content) para.trimmed = true;
        para.textEnd = point(line, kept.length + 1, offset + kept.length);
        para.end = point(line, content.length + 1, end);
        para.hardBreak = content.length - kept.length >= 2 ? point(line, kept.length + 1, offset + kept.length) : null;
      }
    }
    if (nl < 0) break;
    offset = nl + 1;
    line++;
  }
  close();
  const lastNl = text.lastIndexOf('\n');
  return { type: 'root', children, position: { start: point(1, 1, 0), end: point(line, text.length - lastNl, text.length) } };
}
