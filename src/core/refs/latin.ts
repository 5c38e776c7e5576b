// Recognizes article references in English, French and Spanish: "article 5, paragraph 1 (a), of the Convention", "art. 5(1)(a)",
// "articles 5 to 8", "l'alinéa b du paragraphe 1 de l'article 6", "el apartado a) del párrafo 1 del artículo 5".
import { aliasAt, aliasEndingAt } from './names';
import type { InstrumentMention, RawRef, Target, Unit } from './types';

type Lang = 'en' | 'fr' | 'es';

// Whitespace that may hold one line break: a reference can wrap inside a paragraph, never across a blank line.
const WS = /[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?/y;
function ws(t: string, p: number): number { WS.lastIndex = p; WS.exec(t); return WS.lastIndex; }
function at(t: string, p: number, re: RegExp): RegExpExecArray | null { re.lastIndex = p; return re.exec(t); }

const ANCHOR = /(?<![\p{L}\p{N}_'’])(?:(l['’])?(articles?|artículos?|arts?\.|art(?=\s*\d))|(?:l['’])?(subparagraphs?|paragraphs?|paras?\.|paragraphes?|párrafos?|alinéas?|apartados?))/giu;
const NUM = /(\d{1,3})(?![\d\p{L}]|\.\d)/uy;
const GROUP = /\(\s*([a-z]{1,2}|[ivx]{1,5})\s*\)/y;
// French and Spanish texts write subdivisions with a closing parenthesis only: "1 a) ii)".
const HALF_GROUP = /([a-z]|[ivx]{1,5})\)/y;
// "alinéa b", "apartado c": a bare letter after the word.
const BARE_GROUP = /([a-z])(?![\p{L}\p{N}(])/uy;
const FIRST = /(?:premier|1er)(?![\p{L}])/iuy;
const PAREN_NUM = /\(\s*(\d{1,2})\s*\)/y;
const LIT = /lit\.?[^\S\r\n]+([a-z])(?![\p{L}])/uy;
const LIST_SEP = /(?:[^\S\r\n]*,[^\S\r\n]*(?:(?:and|et|y)[^\S\r\n]+)?|[^\S\r\n]+(?:and|or|et|ou|y|o)[^\S\r\n]+)/y;
const RANGE_SEP = /(?:[^\S\r\n]+(?:to|à|a)[^\S\r\n]+|[^\S\r\n]*[-–][^\S\r\n]*)/y;
const PARA_WORD = /(?:paragraphs?|paras?\.?|paragraphes?|párrafos?)(?![\p{L}])/iuy;
const SUBPARA_WORD = /(?:subparagraphs?|alinéas?|apartados?)(?![\p{L}])/iuy;
const OF = /(?:of|de|del|du)(?![\p{L}])/iuy;
const THE = /(?:the|la|l['’]|el)(?![\p{L}])/iuy;
/** "of the <word>" / "de l'<word>" / "del <word>": the link from a subdivision to what contains it. */
const ofThe = (word: string) => new RegExp(`(?:of|de|del|du)[^\\S\\r\\n]+(?:(?:the|la|l['’]|el)[^\\S\\r\\n]*)?(?:${word})(?![\\p{L}])`, 'iuy');
const OF_PARAGRAPH = ofThe('paragraphe|paragraph|párrafo');
const OF_ARTICLE = ofThe('articles?|artículos?|art\\.');
// "of the Convention against Corruption", "Protocol on …": another treaty that happens to start with our generic word
const OTHER_TREATY = /[^\S\r\n]+(?:against|on|for|relating|concerning|to|of|contre|sur|relative|contra|sobre)(?![\p{L}])/iuy;
// "Article 12 of the Criminal Code", "Code, article 12": domestic law, not the treaty
const DOMESTIC_BEFORE = /(?:Code|Act|Law|Constitution|Decree|Ordinance|Regulations?|Statute|Bill|Code pénal|Ley|Loi)[)\]]?,?[^\S\r\n]*$/;

function listOf<T>(t: string, p: number, item: (p: number) => { v: T[]; end: number } | null, plural: boolean, range?: (a: T, b: T) => T[] | null): { v: T[]; end: number } | null {
  const first = item(p);
  if (!first) return null;
  const v = [...first.v];
  let end = first.end;
  if (!plural) return { v, end };
  for (;;) {
    const r = range ? at(t, end, RANGE_SEP) : null;
    if (r) {
      const next = item(RANGE_SEP.lastIndex);
      const expanded = next && next.v.length === 1 ? range!(v[v.length - 1]!, next.v[0]!) : null;
      if (next && expanded) { v.push(...expanded); end = next.end; continue; }
    }
    const s = at(t, end, LIST_SEP);
    if (!s) break;
    const next = item(LIST_SEP.lastIndex);
    if (!next) break;
    v.push(...next.v);
    end = next.end;
  }
  return { v, end };
}

function numberAt(t: string, p: number): { v: number[]; end: number } | null {
  const m = at(t, p, NUM);
  if (m) return { v: [Number(m[1])], end: NUM.lastIndex };
  // "l'article premier": French texts name article 1 so
  return at(t, p, FIRST) ? { v: [1], end: FIRST.lastIndex } : null;
}
const numRange = (a: number, b: number) => (b > a && b - a <= 60 ? Array.from({ length: b - a }, (_, i) => a + i + 1) : null);

function groupsAt(t: string, p: number): { v: string[]; end: number } {
  const v: string[] = [];
  let end = p;
  for (;;) {
    const q = ws(t, end);
    const g = at(t, q, GROUP) ?? at(t, q, HALF_GROUP);
    if (!g) break;
    v.push(g[1]!);
    end = q + g[0].length;
  }
  return { v, end };
}

/** "1 (a) (ii)" → one unit. */
function paragraphUnit(t: string, p: number): { v: Unit[]; end: number } | null {
  const n = numberAt(t, p);
  if (!n) return null;
  const g = groupsAt(t, n.end);
  const unit: Unit = { paragraph: n.v[0]!, groups: g.v };
  let end = g.end;
  const lit = at(t, ws(t, end), LIT);
  if (lit) { unit.groups.push(lit[1]!); end = LIT.lastIndex; }
  return { v: [unit], end };
}
function groupUnit(t: string, p: number, bare = false): { v: Unit[]; end: number } | null {
  const g = groupsAt(t, p);
  if (g.v.length) return { v: [{ groups: g.v }], end: g.end };
  const b = bare ? at(t, ws(t, p), BARE_GROUP) : null;
  return b ? { v: [{ groups: [b[1]!] }], end: BARE_GROUP.lastIndex } : null;
}

/** After the article numbers: "(1)(a)", ", paragraph 1 (a)", ", subparagraph (b)", " para 1 lit a". */
function unitsAfter(t: string, p: number, single: boolean): { v: Unit[]; end: number; words: boolean } | null {
  if (single) {
    const q = ws(t, p);
    const paren = at(t, q, PAREN_NUM);
    if (paren) {
      const g = groupsAt(t, PAREN_NUM.lastIndex);
      return { v: [{ paragraph: Number(paren[1]), groups: g.v }], end: g.end, words: false };
    }
    const g = groupUnit(t, p);
    if (g && t[q] === '(') return { ...g, words: false };
  }
  let q = ws(t, p);
  if (t[q] === ',') q = ws(t, q + 1);
  const para = at(t, q, PARA_WORD);
  if (para) {
    const plural = /s$|s\.$/i.test(para[0]);
    const paraRange = (a: Unit, b: Unit): Unit[] | null =>
      a.groups.length || b.groups.length ? null : numRange(a.paragraph!, b.paragraph!)?.map((n) => ({ paragraph: n, groups: [] })) ?? null;
    const list = listOf<Unit>(t, ws(t, PARA_WORD.lastIndex), (x) => paragraphUnit(t, x), plural, paraRange);
    if (list) {
      // "paragraph 1, subparagraph (a)"
      let end = list.end;
      let r = ws(t, end);
      if (t[r] === ',') r = ws(t, r + 1);
      const sub = at(t, r, SUBPARA_WORD);
      if (sub && list.v.length === 1) {
        const g = groupsAt(t, SUBPARA_WORD.lastIndex);
        if (g.v.length) { list.v[0]!.groups.push(...g.v); end = g.end; }
      }
      return { v: list.v, end, words: true };
    }
  }
  const sub = at(t, q, SUBPARA_WORD);
  if (sub) {
    const plural = /s$/i.test(sub[0]);
    const list = listOf(t, SUBPARA_WORD.lastIndex, (x) => groupUnit(t, x), plural);
    if (list) return { v: list.v, end: list.end, words: true };
  }
  return null;
}

/** ", of the Convention" / " de la Convention": the instrument, or 'domestic' when another law is named. */
function instrumentAfter(t: string, p: number): { mention: InstrumentMention; start: number; end: number } | 'domestic' | null {
  let q = ws(t, p);
  if (t[q] === ',') q = ws(t, q + 1);
  const of = at(t, q, OF);
  if (!of) return null;
  let r = ws(t, OF.lastIndex);
  const the = at(t, r, THE);
  if (the) r = ws(t, THE.lastIndex);
  const a = aliasAt(t, r, 'en') ?? aliasAt(t, r, 'fr') ?? aliasAt(t, r, 'es');
  if (!a) {
    // "of the report", "of its Criminal Code", "de la loi": another text, so not a treaty reference at all
    return /^[\p{L}]/u.test(t.slice(r, r + 1)) && !/^(?:articles?|artículos?)\b/iu.test(t.slice(r, r + 10)) ? 'domestic' : null;
  }
  const end = r + a.text.length;
  if ((a.text === 'Convention' || a.text === 'Protocol' || a.text === 'Convención' || a.text === 'Protocolo' || a.text === 'Protocole') && at(t, end, OTHER_TREATY)) return 'domestic';
  return { mention: a.mention, start: r, end };
}

function langOf(words: string): Lang {
  if (/artículo|párrafo|apartado|Convención|Protocolo|\bdel\b|\by\b/i.test(words)) return 'es';
  if (/paragraphe|alinéa|^l['’]|\bde la\b|\bdu\b|\bde l['’]|\bet\b|\bà\b/i.test(words)) return 'fr';
  return 'en';
}

export function scanLatin(text: string): RawRef[] {
  const out: RawRef[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const start = m.index;
    if (DOMESTIC_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    if (m[2]) {
      const plural = /s\.?$/i.test(m[2]) && !/^art\.?$/i.test(m[2]);
      const nums = listOf(text, ws(text, start + m[0].length), (x) => numberAt(text, x), plural, numRange);
      if (!nums) continue;
      const single = nums.v.length === 1;
      const units = unitsAfter(text, nums.end, single);
      let end = units ? units.end : nums.end;
      const inst = instrumentAfter(text, end);
      if (inst === 'domestic') { ANCHOR.lastIndex = end; continue; }
      if (inst) end = inst.end;
      const targets: Target[] = single ? (units ? units.v : [null]).map((u) => ({ article: nums.v[0]!, unit: u })) : nums.v.map((n) => ({ article: n, unit: null }));
      let mention: InstrumentMention = inst ? inst.mention : { kind: 'none' };
      let span = inst ? { start: inst.start, end: inst.end } : undefined;
      let refStart = start;
      if (!inst) {
        // The name before the article: "UNTOC art. 5", "TIP Protocol, article 3".
        let b = start;
        while (b > 0 && /[\s,]/.test(text[b - 1]!) && start - b < 3) b--;
        const before = aliasEndingAt(text, b, 'en');
        if (before) { mention = before.mention; refStart = b - before.text.length; span = { start: refStart, end: b }; }
      }
      out.push({ start: refStart, end, lang: langOf(text.slice(start, end)), instrument: mention, instrumentSpan: span, targets, single: single && targets.length === 1, form: 'article-first' });
      ANCHOR.lastIndex = end;
    } else {
      // Paragraph first: "paragraph 2 of article 5 of the Convention", "subparagraph (a) of article 2".
      const word = m[3]!;
      const isSub = /^(sub|alin|apart)/i.test(word);
      const plural = /s\.?$/i.test(word);
      const p = ws(text, start + m[0].length);
      // a bare letter only after the French or Spanish word: "alinéa b", never "subparagraph a"
      const bare = /^(alin|apart)/i.test(word);
      const list = isSub ? listOf(text, p, (x) => groupUnit(text, x, bare), plural) : listOf(text, p, (x) => paragraphUnit(text, x), plural);
      if (!list) continue;
      let q = ws(text, list.end);
      if (text[q] === ',') q = ws(text, q + 1);
      // "subparagraph (a) of paragraph 1 of article 5", "l'alinéa b du paragraphe 1 de l'article 6"
      if (isSub && list.v.length === 1 && at(text, q, OF_PARAGRAPH)) {
        const para = numberAt(text, ws(text, OF_PARAGRAPH.lastIndex));
        if (para) {
          list.v[0]!.paragraph = para.v[0]!;
          q = ws(text, para.end);
          if (text[q] === ',') q = ws(text, q + 1);
        }
      }
      if (!at(text, q, OF_ARTICLE)) continue;
      const n = numberAt(text, ws(text, OF_ARTICLE.lastIndex));
      if (!n) continue;
      let end = n.end;
      const inst = instrumentAfter(text, end);
      if (inst === 'domestic') { ANCHOR.lastIndex = end; continue; }
      if (inst) end = inst.end;
      out.push({ start, end, lang: langOf(text.slice(start, end)), instrument: inst ? inst.mention : { kind: 'none' }, targets: list.v.map((u) => ({ article: n.v[0]!, unit: u })), single: list.v.length === 1, form: 'paragraph-first' });
      ANCHOR.lastIndex = end;
    }
  }
  return out;
}
