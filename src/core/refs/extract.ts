// Finds the references in one section's source text, outside code, inline code and HTML; kept with the section's facts.
import type { Root, RootContent } from 'mdast';
import { scanChinese } from './zh';
import { scanChain } from './chain';
import type { EarlierText, SectionCache, SectionFacts } from '../draft/sectionCache';
import { blankLines, LineIndex } from '../text/lines';
import { RangeIndex } from '../text/ranges';
import { codeSpans } from '../text/code';
import { unitToken, type RawRef, type Target } from './types';
import { sharedEnds } from '../text/changes';
import { firstReached } from '../text/search';

/** One frozen copy of each list of targets and each instrument mention per cache, shared by all references citing them. */
function shareParts(r: RawRef, cache: SectionCache): RawRef {
  const tk = r.targets.map((x) => (x.unit ? `${x.article}:${unitToken(x.unit)}` : `${x.article}`)).join(',');
  const targets = cache.sharedTargets(tk, () => Object.freeze(r.targets.map((x) => Object.freeze({ article: x.article, unit: x.unit && Object.freeze({ ...x.unit, groups: Object.freeze([...x.unit.groups]) as string[] }) }))) as Target[]);
  const instrument = cache.sharedMention(r.instrument.kind === 'named' ? r.instrument.key : r.instrument.kind, r.instrument);
  // One shape for every reference, whichever scanner found it: thousands of objects of several shapes make every rule
  // that reads them slow and each object larger.
  return { start: r.start, end: r.end, lang: r.lang, instrument, instrumentSpan: r.instrumentSpan, targets, spans: r.spans, single: r.single, form: r.form, tail: r.tail };
}

/** What makes a line's references need the parser: code, HTML, a link target or a link definition. */
const RISKY = /[`<]|\]\(|^\s*\[[^\]]+\]:/m;
/** RISKY, asked with plain substring searches first: a multiline regex over every section costs more than the scan itself. */
function risky(s: string): boolean {
  return (s.includes('`') || s.includes('<') || s.includes('](') || s.includes(']:')) && RISKY.test(s);
}
/** A fenced or indented code block may stand in the section (then the parser says where code is). */
function mayHoldCode(s: string): boolean {
  // Indented by four columns or more, a tab counting to the next multiple of four (" \t" is indented code too).
  return (s.includes('```') || s.includes('~~~') || s.includes('    ') || s.includes('\t')) && /^ {0,3}(?:`{3,}|~{3,})|^ {0,3}\t|^ {4}/m.test(s);
}
const COMMENT_TAGS = /\{>>|<<\}/g;

/** Node types whose text is never prose: their digits and words are not references. */
const OPAQUE = new Set(['code', 'inlineCode', 'html', 'definition', 'yaml', 'math', 'inlineMath']);

/** The stretches of a parsed text whose words are not prose (code, HTML, link targets…). */
export function opaqueRanges(tree: Root): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const walk = (n: Root | RootContent) => {
    if (OPAQUE.has(n.type) && n.position) { out.push({ start: n.position.start.offset ?? 0, end: n.position.end.offset ?? 0 }); return; }
    if (n.type === 'link' || n.type === 'image') {
      // The URL of [text](url) is not prose; the link text is.
      const kids = 'children' in n ? n.children : [];
      const lastKid = kids[kids.length - 1];
      if (n.position && lastKid?.position) out.push({ start: lastKid.position.end.offset ?? 0, end: n.position.end.offset ?? 0 });
    }
    if ('children' in n) for (const c of n.children) walk(c as RootContent);
  };
  walk(tree);
  return out;
}

/** Lines whose container markers (quotes, list items) may be followed by a fence or by indented code (a tab, or four spaces). */
const CODE_IN_CONTAINER = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))+(?:[ \t]*\t|[ \t]{4,}|[ \t]*(?:`{3,}|~{3,}))/m;

/**
 * The code spans of a text whose only code can be code spans, as the parser would find them (its inline code nodes);
 * null when anything else could hide text or change where a span ends: HTML or autolinks (a "<" outside comment
 * tags), links and definitions, code blocks (fenced or indented, inside a quote or list item too), table cells (a
 * "|" splits a cell before its spans are read), an escaped backtick, or a span that would run over a line break (the
 * paragraph's bounds are the parser's to say). A property test holds it to the parser's tree.
 */
export function codeSpansAlone(text: string): { start: number; end: number }[] | null {
  if (mayHoldCode(text) || text.includes('|') || text.includes('\\`') || CODE_IN_CONTAINER.test(text)) return null;
  const bare = text.includes('<') ? text.replace(COMMENT_TAGS, '') : text;
  if (bare.includes('<') || bare.includes('](') || bare.includes(']:')) return null;
  const spans = codeSpans(text, 'line');
  const across = codeSpans(text, 'paragraph');
  if (spans.length !== across.length || spans.some(([a, b], k) => across[k]![0] !== a || across[k]![1] !== b)) return null;
  return spans.map(([start, end]) => ({ start, end }));
}

/** A section this long is read paragraph by paragraph (see rawReferences); a shorter one at once. */
const BY_PARAGRAPH = 4_096;
/** How much text around a paragraph its references may read: the 80 characters that tell their language, the name of an instrument before them (《…》 up to 200). */
const AROUND = 256;
/** How many texts around one paragraph's text are kept with it. */
const SURROUNDINGS = 8;

/**
 * The references the scanners find in a section's text. A long section of a draft being edited (`byParagraph`; a file
 * checked once is read whole, as nothing would ask for its paragraphs again) is read paragraph by paragraph, each paragraph's
 * references kept with its text and the text around it that they may read: a keystroke in a long section reads one
 * paragraph again, not the section. No reference runs over a blank line (the scanners allow one line break between
 * words), so the references found are those of the whole text, in the same order (a test compares the two).
 */
export function rawReferences(text: string, cache: SectionCache, byParagraph: boolean): RawRef[] {
  if (!byParagraph || text.length < BY_PARAGRAPH) {
    const [chain, zh] = scanners(text);
    return zh.length ? chain.concat(zh) : chain;
  }
  const chain: RawRef[] = [], zh: RawRef[] = [];
  let from = 0;
  for (const to of paragraphEnds(text)) {
    const { read, lo } = readParagraph(text, cache, from, to);
    for (const r of read.found[0]) chain.push(lo ? movedRef(r, lo) : r);
    for (const r of read.found[1]) zh.push(lo ? movedRef(r, lo) : r);
    from = to;
  }
  return zh.length ? chain.concat(zh) : chain;
}
/** Where each paragraph of a text ends: after the blank line that ends it, and the last at the text's end. */
function paragraphEnds(text: string): number[] {
  const ends: number[] = [];
  const blank = blankLines();
  for (let m = blank.exec(text); m; m = blank.exec(text)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}
type ParagraphRead = NonNullable<SectionFacts['paragraphRefs']>[number];
/**
 * Paragraph [from, to) of a long text as the cache read it: what the scanners found in it, with the text around it, at
 * offsets relative to `lo` (where that text begins).
 */
function readParagraph(text: string, cache: SectionCache, from: number, to: number): { read: ParagraphRead; lo: number } {
  const lo = Math.max(0, from - AROUND), hi = Math.min(text.length, to + AROUND);
  // Looked up by the paragraph's text alone, the text around it compared after: a lookup hashes the characters of its
  // key, and the paragraph with the text around it was four times as long as the paragraph.
  const before = text.slice(lo, from), after = text.slice(to, hi);
  const variants = (cache.facts(text.slice(from, to)).paragraphRefs ??= []);
  let read = variants.find((v) => v.before === before && v.after === after);
  if (!read) {
    // The same paragraph in several places ("None identified."): a few of its surroundings are kept.
    if (variants.length >= SURROUNDINGS) variants.shift();
    variants.push(read = { before, after, found: scanners(text.slice(lo, hi), from - lo, to - lo) });
  }
  return { read, lo };
}
/**
 * What the two scanners find whose words begin in [from, to): the references of the chain languages, and the Chinese
 * ones. Chinese references need 第; most sections of a Latin-script draft have none, and then that scan is skipped.
 */
function scanners(text: string, from = 0, to = text.length): [RawRef[], RawRef[]] {
  return [scanChain(text, from, to), text.includes('第') ? scanChinese(text, from, to) : []];
}
function movedRef(r: RawRef, by: number): RawRef {
  // One literal of shareParts' shape: a spread with optional parts made objects of several shapes, each slower to make.
  return {
    start: r.start + by, end: r.end + by, lang: r.lang, instrument: r.instrument,
    instrumentSpan: r.instrumentSpan && movedSpan(r.instrumentSpan, by), targets: r.targets,
    spans: r.spans && r.spans.map((x) => movedSpan(x, by)), single: r.single, form: r.form, tail: r.tail === undefined ? undefined : r.tail + by,
  };
}
function movedSpan(x: { start: number; end: number }, by: number): { start: number; end: number } {
  return { start: x.start + by, end: x.end + by };
}

/**
 * References in a chunk, offsets relative to it. `skipFirstLine` leaves out a structural heading ("### Article 5. … {#untoc-5}"):
 * it names the section, it does not cite the article. `earlier`: the chunk's text before an edit of the draft; `facts`:
 * what is known of the text (the analysis's, which may not be the cache's: DraftAnalysis.chunkFacts).
 */
export function chunkReferences(text: string, tree: () => Root, skipFirstLine: boolean, cache: SectionCache, byParagraph = false, earlier?: EarlierText,
  facts: SectionFacts = cache.facts(text)): RawRef[] {
  const slot = skipFirstLine ? 1 : 0;
  const hit = facts.refs?.[slot];
  if (hit) return hit.refs;
  let from = 0;
  if (skipFirstLine) { const nl = text.indexOf('\n'); from = nl < 0 ? text.length : nl + 1; }
  // A long section of a draft being edited, with no code block: each paragraph's references are settled with the
  // paragraph and kept with it, so that a keystroke settles one paragraph again (null: a paragraph needs the parser).
  // The section's text before the edit, when its references were settled so too, gives those of the paragraphs the
  // edit left as they were (read whole, a fence the edit removed may have made code of those after it).
  const was = earlier?.facts.refs?.[slot];
  const out = byParagraph && text.length >= BY_PARAGRAPH && !mayHoldCode(text)
    ? settledByParagraph(text, from, cache, was?.byParagraph ? { text: earlier!.text, refs: was.refs } : undefined) : null;
  const refs = out?.refs ?? settled(text, from, tree, cache, byParagraph);
  (facts.refs ??= [undefined, undefined])[slot] = { refs, byParagraph: out !== null, ...(out?.edit ? { edit: out.edit } : {}) };
  return refs;
}

/**
 * The references of a text whose words begin at `from` or after, as a section's are kept: off comment threads' lines
 * ({>>@id | … <<}: conversation between reviewers, not observations to validate), out of code, HTML and link targets,
 * one per stretch of text (where two scanners overlap, the earlier and longer wins), their parts shared.
 */
function settled(text: string, from: number, tree: () => Root, cache: SectionCache, byParagraph: boolean): RawRef[] {
  const found = onProse(text, rawReferences(text, cache, byParagraph), from);
  let refs = found;
  // Code, HTML and link targets need a backtick, '<', '](' or a fence or indented line; the parser is asked only
  // when a reference stands on such a line or the section has a code block.
  if (found.length > 0 && (mayHoldCode(text) || onRiskyLine(text, found))) {
    // Indexed: a reference in each of thousands of code spans was quadratic. Where backticks are all that could hide
    // text, the code spans are found without the parser (a paragraph of 250,000 of them took 2 s and 600 MB to parse).
    const opaque = new RangeIndex(codeSpansAlone(text) ?? opaqueRanges(tree()));
    refs = found.filter((r) => !opaque.overlaps(r.start, r.end));
  }
  return oneEach(refs, cache);
}
/** The references found that begin at `from` or after and not on a comment thread's line. */
function onProse(text: string, found: RawRef[], from: number): RawRef[] {
  // Lines found by halving, not by searching back from each reference: a 5 MB line of 150,000 references was quadratic.
  let lines: LineIndex | undefined;
  return found.filter((r) => {
    if (r.start < from) return false;
    const line = (lines ??= new LineIndex(text)).positionAt(r.start).line;
    return !text.startsWith('{>>@', lines.lineStart(line)!);
  });
}
/**
 * Whether one of the references stands on a line that may hold code, HTML or a link target (comment tags aside);
 * `shift`: what to add to a reference's offsets to have them in `text`.
 */
function onRiskyLine(text: string, refs: RawRef[], shift = 0): boolean {
  // One pass over the text first: most have none of these characters, and then no line needs a look (the copy without
  // comment tags is made only when the text has one of them at all).
  if (!risky(text) || !RISKY.test(text.replace(COMMENT_TAGS, ''))) return false;
  const lines = new LineIndex(text);
  return refs.some((r) => RISKY.test(lines.lineText(lines.positionAt(r.start + shift).line).replace(COMMENT_TAGS, '')));
}
/** The references in order, one per stretch of text (the earlier and longer wins an overlap), their parts shared. */
function oneEach(refs: RawRef[], cache: SectionCache): RawRef[] {
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawRef[] = [];
  for (const r of refs) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(shareParts(r, cache));
  return out;
}

/** An earlier version of a text and its references as settledByParagraph settled them. */
interface EarlierRefs { readonly text: string; readonly refs: readonly RawRef[] }

/**
 * `settled` for a long text with no code block, paragraph by paragraph: no reference runs over a blank line, so each
 * paragraph's are settled on their own, with the text around it that their scanners read, and kept with that reading
 * (a paragraph that holds the start `from` is settled with it and not kept). After an edit (`before`), the paragraphs
 * whose text and surroundings the edit left have the earlier text's references, moved by the edit's length after it.
 * Null when a reference stands on a line that needs the parser (settled then reads the whole text).
 */
function settledByParagraph(text: string, from: number, cache: SectionCache, before: EarlierRefs | undefined): { refs: RawRef[]; edit?: ReferencesEdit } | null {
  const ends = before && sharedEnds(before.text, text);
  const delta = before ? text.length - before.text.length : 0;
  const paragraphs = paragraphEnds(text);
  // The paragraphs whose text and surroundings lie before the edit: the earlier text's references up to their end, as
  // they were (one copy of the list's start).
  let p = 0, keptTo = 0, movedFrom = text.length;
  if (ends) while (p < paragraphs.length && paragraphs[p]! + AROUND <= ends.prefix) keptTo = paragraphs[p++]!;
  const refs = before ? before.refs : [];
  const out = refs.slice(0, firstReached(0, refs.length, (k) => refs[k]!.start >= keptTo));
  const result = () => ({ refs: out, ...(before ? { edit: { earlier: before.text, keptTo, movedFrom } } : {}) });
  let start = keptTo;
  for (; p < paragraphs.length; p++) {
    const end = paragraphs[p]!;
    // Those whose text and surroundings lie after it: the earlier text's references from there on, moved.
    if (ends && start - AROUND >= text.length - ends.suffix) {
      for (let k = firstReached(0, refs.length, (x) => refs[x]!.start >= start - delta); k < refs.length; k++) out.push(movedRef(refs[k]!, delta));
      movedFrom = start;
      return result();
    }
    const { read, lo } = readParagraph(text, cache, start, end);
    const cut = from > start;
    let kept = cut ? undefined : read.settled;
    if (kept === undefined) {
      const window = text.slice(lo, Math.min(text.length, end + AROUND));
      const found = onProse(window, read.found[1].length ? read.found[0].concat(read.found[1]) : read.found[0].slice(), cut ? from - lo : 0);
      kept = found.length && onRiskyLine(window.slice(start - lo, end - lo), found, lo - start) ? null : oneEach(found, cache);
      if (!cut) read.settled = kept;
    }
    if (kept === null) return null;
    for (const r of kept) out.push(lo ? movedRef(r, lo) : r);
    start = end;
  }
  return result();
}

/**
 * How a text's references were settled from an earlier text's (settledByParagraph): those starting before `keptTo`
 * are the earlier text's as they were, those from `movedFrom` on the earlier text's moved by the edit's length, and
 * only those between were read again.
 */
export interface ReferencesEdit { readonly earlier: string; readonly keptTo: number; readonly movedFrom: number }

/** How chunkReferences last settled a text's references from an earlier text, if it did (see ReferencesEdit). */
export function referencesEdit(facts: SectionFacts, skipFirstLine: boolean): ReferencesEdit | undefined {
  return facts.refs?.[skipFirstLine ? 1 : 0]?.edit;
}
