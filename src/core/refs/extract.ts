// Finds the references in one section's source text, outside code, inline code and HTML; kept with the section's facts.
import type { Root, RootContent } from 'mdast';
import { scanChinese } from './zh';
import { scanChain } from './chain';
import type { SectionCache } from '../draft/sectionCache';
import { LineIndex } from '../text/lines';
import { RangeIndex } from '../text/ranges';
import { codeSpans } from '../text/code';
import { unitToken, type RawRef, type Target } from './types';

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
const BLANK_LINE = /\n[ \t]*\r?\n/g;
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
  const paragraph = (to: number) => {
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
    const found = read.found;
    for (const r of found[0]) chain.push(lo ? movedRef(r, lo) : r);
    for (const r of found[1]) zh.push(lo ? movedRef(r, lo) : r);
    from = to;
  };
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) paragraph(m.index + m[0].length);
  paragraph(text.length);
  return zh.length ? chain.concat(zh) : chain;
}
/**
 * What the two scanners find whose words begin in [from, to): the references of the chain languages, and the Chinese
 * ones. Chinese references need 第; most sections of a Latin-script draft have none, and then that scan is skipped.
 */
function scanners(text: string, from = 0, to = text.length): [RawRef[], RawRef[]] {
  return [scanChain(text, from, to), text.includes('第') ? scanChinese(text, from, to) : []];
}
function movedRef(r: RawRef, by: number): RawRef {
  const span = (x: { start: number; end: number }) => ({ start: x.start + by, end: x.end + by });
  return {
    ...r, start: r.start + by, end: r.end + by,
    ...(r.instrumentSpan ? { instrumentSpan: span(r.instrumentSpan) } : {}), ...(r.spans ? { spans: r.spans.map(span) } : {}), ...(r.tail !== undefined ? { tail: r.tail + by } : {}),
  };
}

/**
 * References in a chunk, offsets relative to it. `skipFirstLine` leaves out a structural heading ("### Article 5. … {#untoc-5}"):
 * it names the section, it does not cite the article.
 */
export function chunkReferences(text: string, tree: () => Root, skipFirstLine: boolean, cache: SectionCache, byParagraph = false): RawRef[] {
  const facts = cache.facts(text);
  const slot = skipFirstLine ? 1 : 0;
  const hit = facts.refs?.[slot];
  if (hit) return hit;
  let from = 0;
  if (skipFirstLine) { const nl = text.indexOf('\n'); from = nl < 0 ? text.length : nl + 1; }
  // Comment threads ({>>@id | … <<} lines) are conversation between reviewers, not observations to validate.
  // Lines found by halving, not by searching back from each reference: a 5 MB line of 150,000 references was quadratic.
  let lines: LineIndex | undefined;
  const lineAt = (o: number) => (lines ??= new LineIndex(text)).positionAt(o).line;
  const onThreadLine = (o: number) => { const line = lineAt(o); return text.startsWith('{>>@', lines!.lineStart(line)!); };
  const all = rawReferences(text, cache, byParagraph);
  const found = all.filter((r) => r.start >= from && !onThreadLine(r.start));
  let refs = found;
  // Code, HTML and link targets need a backtick, '<', '](' or a fence or indented line; the parser is asked only
  // when a reference stands on such a line or the section has a code block.
  const lineOf = (o: number) => lines!.lineText(lineAt(o));
  // Comment tags ({>>@id<<}) carry a '<' but are not HTML.
  const needsParser = found.length > 0 && (mayHoldCode(text) ||
    // One pass over the section first: most have none of these characters, and then no line needs a look.
    // (the copy without comment tags is made only when the section has one of them at all)
    (risky(text) && RISKY.test(text.replace(COMMENT_TAGS, '')) && found.some((r) => RISKY.test(lineOf(r.start).replace(COMMENT_TAGS, '')))));
  if (needsParser) {
    // Indexed: a reference in each of thousands of code spans was quadratic. Where backticks are all that could hide
    // text, the code spans are found without the parser (a paragraph of 250,000 of them took 2 s and 600 MB to parse).
    const opaque = new RangeIndex(codeSpansAlone(text) ?? opaqueRanges(tree()));
    refs = found.filter((r) => !opaque.overlaps(r.start, r.end));
  }
  // One reference per stretch of text: where two scanners overlap, the earlier and longer wins.
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawRef[] = [];
  for (const r of refs) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(shareParts(r, cache));
  (facts.refs ??= [undefined, undefined])[slot] = out;
  return out;
}
