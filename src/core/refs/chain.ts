// Recognizes article references written as a chain of units in English, French, Spanish, Russian and Arabic:
// "article 5, paragraph 1 (a), of the Convention", "l’alinéa b) ii) du paragraphe 1 de l’article 6", "пунктов 2 и 3 статьи 16",
// "الفقرتان 1 و2 من المادة 10". One grammar for all five; each language gives its words (refs/vocab.ts).
import { aliasEndingAt, instrumentAt } from './names';
import type { InstrumentMention, RawRef, Target, Unit } from './types';
import { ANCHOR, latinLanguages, numberValue, ROMAN_NUMERALS, VOCABS, type ChainLang, type Level, type Vocab } from './vocab';

/** One element of a list as read: the units it gives (the larger ones come from the words that follow) and where it stands. */
interface Item { article?: number; paragraph?: number; groups: string[]; start: number; end: number }
interface List { items: Item[]; end: number }

const LEVELS: readonly Level[] = ['item', 'subparagraph', 'paragraph', 'article'];
const above = (l: Level) => LEVELS.slice(LEVELS.indexOf(l) + 1);

// Whitespace that may hold one line break: a reference can wrap inside a paragraph, never across a blank line.
// (What /[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?/y skips, read character by character: it is asked between any two words
// of every reference, and a space is far the most common character there.)
const OTHER_INLINE_SPACE = /[^\S\r\n]/;
function inlineSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || (c > 127 && OTHER_INLINE_SPACE.test(String.fromCharCode(c)));
}
export function ws(t: string, p: number): number {
  while (p < t.length && inlineSpace(t.charCodeAt(p))) p++;
  const c = t.charCodeAt(p);
  if (c !== 10 && c !== 13) return p;
  p += c === 13 && t.charCodeAt(p + 1) === 10 ? 2 : 1;
  while (p < t.length && inlineSpace(t.charCodeAt(p))) p++;
  return p;
}
function at(t: string, p: number, re: RegExp): RegExpExecArray | null { re.lastIndex = p; return re.exec(t); }
/** Past a comma (Latin or Arabic) and the spaces around it. */
function pastComma(t: string, p: number): number {
  const q = ws(t, p);
  return t[q] === ',' || t[q] === '،' ? ws(t, q + 1) : q;
}

const PAREN_NUM = /\([^\S\r\n]*(\d{1,2}|[٠-٩]{1,2})[^\S\r\n]*\)/y;
const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/;

class Reader {
  constructor(readonly t: string, readonly v: Vocab) {}

  number(p: number): { n: number; end: number } | null {
    const m = at(this.t, p, this.v.number);
    return m ? { n: numberValue(m[0]), end: this.v.number.lastIndex } : null;
  }

  /** Subdivisions after a number or a subparagraph word: "(a) (ii)", "a) ii)", «б», (أ) '1'. The first is a letter unless `roman`. */
  groups(p: number, roman: boolean): { v: string[]; end: number } {
    const v: string[] = [];
    let end = p;
    for (;;) {
      const q = ws(this.t, end);
      const g = at(this.t, q, this.v.group);
      if (!g) break;
      const value = this.v.groupValue(g[1] ?? g[2] ?? g[3]!, roman || v.length > 0);
      if (!value) break;
      v.push(value);
      end = this.v.group.lastIndex;
    }
    return { v, end };
  }

  /** One element at a level; `prev` lets "(c)" after "1 (a) to" and "ii)" after "a) i) ou" inherit what they leave out. */
  item(level: Level, p: number, prev: Item | null, allowParen: boolean): Item | null {
    const t = this.t;
    if (level === 'article' || level === 'paragraph') {
      const n = this.number(p);
      if (!n) {
        if (level === 'paragraph' && prev?.groups.length) {
          const g = this.groups(p, false);
          if (g.v.length) return { paragraph: prev.paragraph, groups: inherit(prev.groups, g.v), start: ws(t, p), end: g.end };
        }
        return null;
      }
      if (level === 'paragraph') {
        const g = this.groups(n.end, false);
        return { paragraph: n.n, groups: g.v, start: p, end: g.end };
      }
      // "5(1)(a)", "5 (3)", "23(a)": the units in parentheses after the article number
      if (allowParen) {
        const q = ws(t, n.end);
        const paren = at(t, q, PAREN_NUM);
        if (paren) {
          const g = this.groups(PAREN_NUM.lastIndex, false);
          return { article: n.n, paragraph: numberValue(paren[1]!), groups: g.v, start: p, end: g.end };
        }
        // "23(a)", "l’article 23 a)": a subparagraph straight after the number
        const g = this.groups(n.end, false);
        if (g.v.length) return { article: n.n, groups: g.v, start: p, end: g.end };
      }
      return { article: n.n, groups: [], start: p, end: n.end };
    }
    // an item word with a letter ("inciso a)", as some Spanish texts write subparagraphs) is read as the letter
    let g = this.groups(p, level === 'item');
    if (!g.v.length && level === 'item') g = this.groups(p, false);
    if (g.v.length) return { groups: level === 'subparagraph' ? inherit(prev?.groups ?? [], g.v) : g.v, start: ws(t, p), end: g.end };
    const b = this.v.bareGroup && level === 'subparagraph' ? at(t, ws(t, p), this.v.bareGroup) : null;
    return b ? { groups: [b[1]!], start: ws(t, p), end: this.v.bareGroup!.lastIndex } : null;
  }

  /** Elements joined by the language's "and" and commas, ranges expanded: "5, 6 and 23", "1 (a) to (c)", "من 5 إلى 8". */
  list(level: Level, p: number, plural: boolean, allowParen: boolean): List | null {
    const t = this.t, v = this.v;
    let q = p;
    const open = plural && v.rangeOpen ? at(t, q, v.rangeOpen) : null;
    if (open) q = v.rangeOpen!.lastIndex;
    const first = this.item(level, q, null, allowParen);
    if (!first) return null;
    const items = [first];
    let end = first.end;
    // A singular word still takes a range or a list of its own subdivisions ("paragraph 1 (a) to (c)", "paragraph 1 (a)
    // (i) and (ii)"), never another number ("paragraph 1 and 2" is two references, or prose).
    if (!plural && !first.groups.length) return { items, end };
    const subdivisionOnly = (q: number) => plural || !/^[^\S\r\n]*[0-9٠-٩]/.test(t.slice(q, q + 4));
    for (;;) {
      const prev = items[items.length - 1]!;
      const r = at(t, end, v.range);
      if (r && subdivisionOnly(v.range.lastIndex)) {
        const next = this.item(level, v.range.lastIndex, prev, false);
        const expanded = next && expand(level, prev, next);
        if (expanded) { items.pop(); items.push(...expanded); end = next.end; continue; }
      }
      const s = at(t, end, v.list);
      if (!s || !subdivisionOnly(v.list.lastIndex)) break;
      const next = this.item(level, v.list.lastIndex, prev, allowParen);
      if (!next || (!plural && (next.paragraph !== prev.paragraph || next.article !== prev.article))) break;
      items.push(next);
      end = next.end;
    }
    return { items, end };
  }

  /** A word of one of `levels` at p, as { level, plural, end }. */
  word(p: number, levels: readonly Level[]): { level: Level; plural: boolean; end: number } | null {
    for (const level of levels) {
      const re = this.v.words[level];
      const m = re && at(this.t, p, re);
      if (m) return { level, plural: this.v.plural(m[0]), end: re.lastIndex };
    }
    return null;
  }

  /** After the article number(s): ", paragraph 1 (a)", ", párrafo 1, apartado b), inciso i)", ", пункт 2", "، الفقرة 1". */
  unitsAfter(p: number): List | null {
    const q = pastComma(this.t, p);
    const w = this.word(q, ['paragraph', 'subparagraph']);
    if (!w) return null;
    const list = this.list(w.level, ws(this.t, w.end), w.plural, false);
    if (!list) return null;
    // "paragraph 1, subparagraph (a)", "apartado b), inciso i)": a smaller unit's word after a single element
    let end = list.end;
    for (const level of ['subparagraph', 'item'] as const) {
      if (list.items.length !== 1 || LEVELS.indexOf(level) >= LEVELS.indexOf(w.level)) continue;
      const r = pastComma(this.t, end);
      const sub = this.word(r, [level]);
      if (!sub) continue;
      let g = this.groups(sub.end, level === 'item');
      if (!g.v.length && level === 'item' && !list.items[0]!.groups.length) g = this.groups(sub.end, false);
      if (!g.v.length) continue;
      list.items[0]!.groups.push(...g.v);
      end = g.end;
    }
    return { items: list.items, end };
  }
}

/** "ii)" after "a) i) ou": a roman numeral alone continues the letter before it. */
function inherit(prev: readonly string[], g: string[]): string[] {
  if (prev.length > g.length && ROMAN.test(g[0]!) && ROMAN.test(prev[prev.length - 1]!)) return [...prev.slice(0, prev.length - g.length), ...g];
  return g;
}

const seq = (a: number, b: number) => (b > a && b - a <= 60 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : null);

/** The elements of a range "a to b" at one level, or null when it is not one (then it is read as two elements). */
function expand(level: Level, a: Item, b: Item): Item[] | null {
  const span = { start: a.start, end: b.end };
  if (!a.groups.length && !b.groups.length) {
    const key = level === 'article' ? 'article' : 'paragraph';
    const ns = a[key] !== undefined && b[key] !== undefined ? seq(a[key]!, b[key]!) : null;
    return ns && ns.map((n) => ({ ...a, [key]: n, groups: [], ...span }));
  }
  if (a.groups.length !== b.groups.length || a.paragraph !== b.paragraph || a.article !== b.article) return null;
  const k = a.groups.length - 1;
  if (a.groups.slice(0, k).join() !== b.groups.slice(0, k).join()) return null;
  const x = a.groups[k]!, y = b.groups[k]!;
  const roman = level === 'item' || k > 0;
  let values: string[] | null = null;
  if (roman) {
    const i = ROMAN_NUMERALS.indexOf(x), j = ROMAN_NUMERALS.indexOf(y);
    values = i >= 0 && j > i ? ROMAN_NUMERALS.slice(i, j + 1) : null;
  } else if (/^[a-z]$/.test(x) && /^[a-z]$/.test(y) && y > x) {
    values = Array.from({ length: y.charCodeAt(0) - x.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(x.charCodeAt(0) + i));
  }
  return values && values.map((g) => ({ ...a, groups: [...a.groups.slice(0, k), g], ...span }));
}

/** The instrument after the chain, as written: named, "the Protocol", or null; 'domestic' when another text is named. */
function instrumentAfter(t: string, p: number, v: Vocab): { mention: InstrumentMention; start: number; end: number } | 'domestic' | null {
  const q = pastComma(t, p);
  const of = at(t, q, v.ofInstrument);
  if (!of) return null;
  const r = v.ofInstrument.lastIndex;
  const a = instrumentAt(t, r, v.lang);
  if (a === 'other') return 'domestic';
  if (a) return { mention: a.mention, start: r, end: a.end };
  // "of the report", "de la loi", "Уголовного кодекса", "من قانون العقوبات": another text, so no treaty reference at all
  const rest = t.slice(r, r + 40);
  if (v.lang === 'ru' || v.lang === 'ar' ? v.otherText.test(rest) : v.otherText.test(rest) && !startsUnit(t, r, v)) return 'domestic';
  return null;
}
function startsUnit(t: string, p: number, v: Vocab): boolean {
  return LEVELS.some((l) => { const re = v.words[l]; return !!re && !!at(t, p, re); }) || /^l['’]/i.test(t.slice(p, p + 2));
}

/** The languages of the non-Latin scripts; a Latin-script word's languages are told by the word (vocab.ts latinLanguages). */
const SCRIPTS: Readonly<Record<'cyrillic' | 'arabic', readonly ChainLang[]>> = { cyrillic: ['ru'], arabic: ['ar'] };
function scriptOf(ch: string): 'latin' | keyof typeof SCRIPTS {
  const c = ch.charCodeAt(0);
  return c >= 0x0400 && c <= 0x04ff ? 'cyrillic' : c >= 0x0600 && c <= 0x06ff ? 'arabic' : 'latin';
}

/** The reference a language's grammar reads at an anchor, or null; 'domestic' when it cites another law. */
const LARGEST_FIRST: readonly Level[] = LEVELS.slice().reverse();

function readAt(rd: Reader, anchor: number, word: number): RawRef | 'domestic' | null {
  const t = rd.t, v = rd.v;
  const w = rd.word(word, LARGEST_FIRST);
  if (!w) return null;
  let list = rd.list(w.level, ws(t, w.end), w.plural, w.level === 'article');
  if (!list) return null;
  // "article 222-34 du code pénal", "Art. 5-1": a hyphenated number of a code, not a range
  if (/^-\d/.test(t.slice(list.end, list.end + 2))) return null;
  let end = list.end;
  let level = w.level;
  let form: RawRef['form'] = 'article-first';
  if (level === 'article') {
    // the units after a single article: "article 5, paragraph 1 (a)"
    const only = list.items.length === 1 ? list.items[0]! : null;
    const units = only && !only.paragraph && !only.groups.length ? rd.unitsAfter(end) : null;
    if (units) {
      list = { items: units.items.map((u) => ({ ...u, article: only!.article })), end: units.end };
      end = units.end;
    }
  } else {
    form = 'paragraph-first';
    // climb: "… of paragraph 1 of article 5", "пункта 1 статьи 5", "من الفقرة 1 من المادة 5"
    while (level !== 'article') {
      const q = pastComma(t, end);
      const of = at(t, q, v.of);
      if (!of) return null;
      const up = rd.word(v.of.lastIndex, above(level));
      if (!up) return null;
      const higher = rd.item(up.level, ws(t, up.end), null, false);
      if (!higher) return null;
      list = { items: list.items.map((i) => ({ article: higher.article ?? i.article, paragraph: higher.paragraph ?? i.paragraph, groups: [...higher.groups, ...i.groups], start: i.start, end: i.end })), end: higher.end };
      end = higher.end;
      level = up.level;
    }
  }
  const inst = instrumentAfter(t, end, v);
  // "Criminal Code, article 12": asked only once a reference is read, as most anchors are not one
  if (inst === 'domestic' || v.domesticBefore.test(t.slice(Math.max(0, anchor - 40), anchor))) return 'domestic';
  let mention: InstrumentMention = inst ? inst.mention : { kind: 'none' };
  let span = inst ? { start: inst.start, end: inst.end } : undefined;
  let start = anchor;
  const tail = inst ? end : undefined;
  if (inst) end = inst.end;
  else if (v.lang === 'en') {
    // the name before the article: "UNTOC art. 5", "TIP Protocol, article 3"
    let b = anchor;
    while (b > 0 && /[\s,]/.test(t[b - 1]!) && anchor - b < 3) b--;
    const before = aliasEndingAt(t, b, 'en');
    if (before) { mention = before.mention; start = b - before.text.length; span = { start, end: b }; }
  }
  const targets: Target[] = list.items.map((i) => ({ article: i.article!, unit: i.paragraph === undefined && !i.groups.length ? null : unitOf(i) }));
  const spans = targets.length > 1 ? list.items.map((i) => ({ start: i.start, end: i.end })) : undefined;
  return { start, end, lang: v.lang, instrument: mention, instrumentSpan: span, targets, spans, single: targets.length === 1, form, tail };
}
const unitOf = (i: Item): Unit => (i.paragraph === undefined ? { groups: i.groups } : { paragraph: i.paragraph, groups: i.groups });

// Words frequent in each language's prose and rare in the others': what tells "article 5" in a French sentence from an English one.
const FUNCTION_WORDS: [ChainLang, RegExp][] = [
  ['en', /(?<![\p{L}])(?:the|of|and|is|to|which|with)(?![\p{L}])/giu],
  ['fr', /(?<![\p{L}])(?:le|la|les|des|du|et|est|au|aux|une|qui)(?![\p{L}])/giu],
  ['es', /(?<![\p{L}])(?:el|los|las|del|y|es|una|que|se)(?![\p{L}])/giu],
];
/** The Latin-script language of the words around a reference whose form two languages share ("article 5 (1)"). */
function nearLang(t: string, start: number, end: number): ChainLang {
  const around = t.slice(Math.max(0, start - 80), start) + ' ' + t.slice(end, end + 80);
  let best: ChainLang = 'en', most = 0;
  for (const [lang, re] of FUNCTION_WORDS) {
    const n = around.match(re)?.length ?? 0;
    if (n > most) { best = lang; most = n; }
  }
  return best;
}

/** What may not stand just before a unit's word: "particle" holds no "article", "l’article" is read from its "l’". */
const LEFT_LATIN = /[\p{L}\p{N}_'’\-]/u;
const LEFT_OTHER = /\p{L}/u;

/** The references whose words begin in [from, to) of `text` (the text around is read where they need it). */
export function scanChain(text: string, from = 0, to = text.length): RawRef[] {
  const out: RawRef[] = [];
  const re = ANCHOR;
  re.lastIndex = from;
  const readers = new Map<ChainLang, Reader>();
  const reader = (lang: ChainLang) => { let r = readers.get(lang); if (!r) readers.set(lang, (r = new Reader(text, VOCABS[lang]))); return r; };
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const anchor = m.index;
    const script = scriptOf(m[0][0]!);
    const before = text[anchor - 1];
    if (before !== undefined && (script === 'latin' ? LEFT_LATIN : LEFT_OTHER).test(before)) { re.lastIndex = anchor + 1; continue; }
    const elided = script === 'latin' && /^[ld]['’]/i.test(m[0]) ? 2 : 0;
    let best: RawRef | null = null;
    let domestic = false;
    // "l’article" is French; otherwise each language whose word it is is tried, and the one that reads furthest wins
    const langs = elided ? (['fr'] as const) : script === 'latin' ? latinLanguages(m[0]) : SCRIPTS[script];
    for (const lang of langs) {
      const r = readAt(reader(lang), anchor, anchor + elided);
      if (r === 'domestic') { domestic = true; continue; }
      if (r && (!best || r.end > best.end || (r.end === best.end && r.lang === nearLang(text, anchor, r.end)))) best = r;
    }
    // "Article 12 of the Criminal Code": one language reads another law, another reads a bare article; the law wins.
    if (best && !(domestic && best.instrument.kind === 'none')) { out.push(best); re.lastIndex = Math.max(best.end, anchor + 1); }
    else re.lastIndex = anchor + m[0].length;
  }
  return out;
}
