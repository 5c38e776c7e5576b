// The citation style of a single reference per language: UN English, Chinese and French (verified), Spanish and Russian (usual forms, secondary sources).
import type { ResolvedRef } from './resolve';
import { unitPhrase, type Target } from './types';

/** How a reference should be written: the text, where the rewrite starts (a French "à le" becomes "au"), and how sure the style is. */
export interface Verdict {
  form: string;
  /** How many characters before the reference the rewrite begins: 0, or the preposition that contracts ("à le" → "au"). */
  back: number;
  /** The rewrite can be applied as it stands (false where Russian case endings cannot be told). */
  fix: boolean;
  /** Verified in UN texts (English, Chinese, French); otherwise the usual form seen in secondary sources. */
  verified: boolean;
}

/** Abbreviations and informal names rewritten to the short names UN texts use; other recognized names are kept as written. */
const EN_NAME: Record<string, string> = {
  UNTOC: 'Convention', 'Palermo Convention': 'Convention',
  'TIP Protocol': 'Trafficking in Persons Protocol', 'Trafficking Protocol': 'Trafficking in Persons Protocol',
  'SOM Protocol': 'Smuggling of Migrants Protocol', 'Migrants Protocol': 'Smuggling of Migrants Protocol', 'Smuggling Protocol': 'Smuggling of Migrants Protocol',
};

/** The link to the instrument as written (", de la Convention" → "de la Convention"), or '' when none is named after the units. */
function tailText(r: ResolvedRef, text: string): string {
  if (r.raw.tail === undefined) return '';
  return text.slice(r.start - r.raw.start + r.raw.tail, r.end).replace(/^[\s,،]+/, '');
}

function english(r: ResolvedRef, text: string, t: Target): string {
  const u = t.unit;
  const span = r.raw.instrumentSpan;
  const abs = (o: number) => r.start - r.raw.start + o;
  const articleStart = span && abs(span.start) === r.start ? abs(span.end) : r.start;
  const first = text.slice(articleStart, articleStart + 1).replace(/\s|,/g, '') || 'a';
  let out = `${first === 'A' ? 'A' : 'a'}rticle ${t.article}`;
  if (u) out += unitPhrase(u);
  if (span && r.raw.instrument.kind !== 'none') {
    const written = text.slice(abs(span.start), abs(span.end));
    out += `${u ? ',' : ''} of the ${EN_NAME[written] ?? written}`;
  }
  return out;
}

function chinese(r: ResolvedRef, text: string, t: Target): string | null {
  const u = t.unit;
  if (u && (u.paragraph === undefined || u.groups.length > 1)) return null;
  const span = r.raw.instrumentSpan;
  const prefix = span ? text.slice(r.start - r.raw.start + span.start, r.start - r.raw.start + span.end) : '';
  return `${prefix}第${t.article}条${u ? `第${u.paragraph}${u.groups.length ? `(${u.groups[0]})` : ''}款` : ''}`;
}

/**
 * French counts from the smallest unit up, letters and roman numerals closed by a parenthesis only:
 * "l’alinéa b) ii) du paragraphe 1 de l’article 6 de la Convention" (UNTOC art. 15, French authentic text).
 */
function french(r: ResolvedRef, text: string, t: Target): Verdict {
  const written = text.slice(r.start, r.end);
  const apos = written.includes("'") ? "'" : '’';
  const determiner = /^[lL]['’]/.test(written);
  const capital = /^[A-Z]/.test(written);
  const article = `article ${t.article === 1 && /premier|1er/.test(written) ? 'premier' : t.article}`;
  const u = t.unit;
  let smallest: string;
  let rest = '';
  if (!u) smallest = article;
  else if (u.groups.length) {
    smallest = `alinéa ${u.groups.map((g) => `${g})`).join(' ')}`;
    rest = `${u.paragraph !== undefined ? ` du paragraphe ${u.paragraph}` : ''} de l${apos}${article}`;
  } else {
    smallest = `paragraphe ${u.paragraph}`;
    rest = ` de l${apos}${article}`;
  }
  const tail = tailText(r, text);
  const vowel = !smallest.startsWith('paragraphe');
  const upper = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  // The determiner and preposition before the unit agree with the new smallest unit: "à l’article 5, paragraphe 1" becomes
  // "au paragraphe 1 de l’article 5", "le sous-alinéa ii) de l’alinéa c)" becomes "l’alinéa c) ii)".
  const before = text.slice(Math.max(0, r.start - 4), r.start);
  let back = 0;
  let lead = '';
  if (determiner) {
    const prep = /(?:^|[^\p{L}])([àÀ]|[dD]e)[^\S\r\n]+$/u.exec(before);
    if (vowel) lead = `l${apos}`;
    else if (prep) {
      back = prep[0].length - (/^[^\p{L}]/u.test(prep[0]) ? 1 : 0);
      lead = /^[àÀ]/.test(prep[1]!) ? 'au ' : 'du ';
      if (/^[ÀD]/.test(prep[1]!)) lead = upper(lead);
    } else lead = 'le ';
    if (capital && !back) lead = upper(lead);
  } else {
    const det = /(?:^|[^\p{L}])(le|au|du)[^\S\r\n]+$/iu.exec(before);
    if (det && vowel) {
      back = det[0].length - (/^[^\p{L}]/u.test(det[0]) ? 1 : 0);
      const w = det[1]!;
      lead = { le: `l${apos}`, au: `à l${apos}`, du: `de l${apos}` }[w.toLowerCase() as 'le' | 'au' | 'du'];
      if (/^[A-Z]/.test(w)) lead = upper(lead);
    } else if (capital) smallest = upper(smallest);
  }
  return { form: `${lead}${smallest}${rest}${tail ? ` ${tail}` : ''}`, back, fix: true, verified: true };
}

/** Spanish, as secondary sources write it: "artículo 5, párrafo 1, apartado a), inciso i)"; the compact "párrafo 1 a)" is accepted too. */
function spanish(r: ResolvedRef, text: string, t: Target): { verdict: Verdict; also: string } {
  const written = text.slice(r.start, r.end);
  const u = t.unit;
  const word = /^[A-ZÁ]/.test(written) ? 'Artículo' : 'artículo';
  let words = `${word} ${t.article}`;
  let compact = words;
  if (u) {
    const [letter, ...items] = u.groups;
    if (u.paragraph !== undefined) { words += `, párrafo ${u.paragraph}`; compact += `, párrafo ${u.paragraph}${u.groups.map((g) => ` ${g})`).join('')}`; }
    if (letter) words += `, apartado ${letter})`;
    for (const i of items) words += `, inciso ${i})`;
    if (u.paragraph === undefined) compact = words;
  }
  const tail = tailText(r, text);
  const withTail = (s: string) => `${s}${tail ? `${u ? ',' : ''} ${tail}` : ''}`;
  return { verdict: { form: withTail(words), back: 0, fix: true, verified: false }, also: withTail(compact) };
}

// Russian declines the first unit with the sentence; the units after it stand in the genitive.
const RU_CASE: [RegExp, string][] = [[/^стать(?:я)$/i, ''], [/^стать(?:и)$/i, 'а'], [/^стать(?:ю)$/i, ''], [/^стать(?:[её]й)$/i, 'ом']];
/** The ending of "пункт" in the case the article word stands in, or null where it cannot be told (an abbreviation). */
function russianEnding(word: string, before: string): string | null {
  if (/^статье$/i.test(word)) return /(?:^|[^\p{L}])(?:к|по|согласно|вопреки|благодаря)[^\S\r\n]+$/iu.test(before) ? 'у' : 'е';
  for (const [re, ending] of RU_CASE) if (re.test(word)) return ending;
  return null;
}

/** Russian, as UN Russian texts of other conventions write it: "пункт 1 статьи 5", "подпункт (a) пункта 1 статьи 5" (Latin letters). */
function russian(r: ResolvedRef, text: string, t: Target): { verdict: Verdict; also: string | null } {
  const written = text.slice(r.start, r.end);
  const u = t.unit;
  const word = /^\p{L}+\.?/u.exec(written)?.[0] ?? '';
  const tail = tailText(r, text);
  const withTail = (s: string) => `${s}${tail ? ` ${tail}` : ''}`;
  const capital = /^[А-ЯЁ]/.test(written);
  const cap = (s: string) => (capital ? s[0]!.toUpperCase() + s.slice(1) : s);
  const groups = u ? u.groups.map((g) => `(${g})`).join(' ') : '';
  if (r.raw.form === 'paragraph-first') {
    // already smallest first; only abbreviations and Cyrillic look-alike letters differ from the usual form
    const first = /^п\.$/i.test(word) ? 'пункт' : /^(?:подп|пп)\.$/i.test(word) ? 'подпункт' : word;
    const form = u?.groups.length && /^подп/i.test(first)
      ? `${first} ${groups}${u.paragraph !== undefined ? ` пункта ${u.paragraph}` : ''} статьи ${t.article}`
      : u ? [first, u.paragraph, groups, 'статьи', t.article].filter((x) => x !== undefined && x !== '').join(' ') : `${first} ${t.article}`;
    return { verdict: { form: withTail(cap(form)), back: 0, fix: first === word, verified: false }, also: null };
  }
  const ending = russianEnding(word, text.slice(Math.max(0, r.start - 12), r.start));
  const e = ending ?? '';
  let form: string;
  let also: string | null = null;
  if (!u) form = `${ending === null ? 'статья' : word} ${t.article}`;
  else if (u.paragraph === undefined) form = `подпункт${e} ${groups} статьи ${t.article}`;
  else {
    form = `пункт${e} ${u.paragraph}${groups ? ` ${groups}` : ''} статьи ${t.article}`;
    if (groups) also = `подпункт${e} ${groups} пункта ${u.paragraph} статьи ${t.article}`;
  }
  return { verdict: { form: withTail(cap(form)), back: 0, fix: ending !== null, verified: false }, also: also && withTail(cap(also)) };
}

/** How a single reference should be written, or null where no style is established (lists, ranges, Arabic). */
export function canonicalFor(r: ResolvedRef, text: string): { verdict: Verdict; also: string | null } | null {
  if (!r.raw.single) return null;
  const t = r.targets[0]!;
  switch (r.raw.lang) {
    case 'en': return r.raw.form === 'article-first' ? { verdict: { form: english(r, text, t), back: 0, fix: true, verified: true }, also: null } : null;
    case 'zh': { const f = chinese(r, text, t); return f === null ? null : { verdict: { form: f, back: 0, fix: true, verified: true }, also: null }; }
    case 'fr': return { verdict: french(r, text, t), also: null };
    // the smallest-first chain ("el apartado a) del párrafo 1 del artículo 5") is the treaty text's own: accepted as written
    case 'es': return r.raw.form === 'paragraph-first' ? null : spanish(r, text, t);
    case 'ru': return russian(r, text, t);
    default: return null;
  }
}

/**
 * Spacing, line breaks and the apostrophe's shape aside. Most references are written with single spaces and a straight
 * apostrophe: then nothing is replaced (this is asked twice for every reference a cold check reads).
 */
export function normalize(lang: string, s: string): string {
  if (lang === 'zh') return /\s/.test(s) ? s.replace(/\s+/g, '') : s;
  return (/[^\S ]| {2}|’/.test(s) ? s.replace(/\s+/g, ' ').replace(/’/g, "'") : s).trim();
}

/** The verdict when the reference as written differs from its language's style, else null. */
export function nonCanonical(r: ResolvedRef, text: string): Verdict | null {
  // Asked for the sections a version changed only: the findings of the others are kept with their text.
  const c = canonicalFor(r, text);
  let v: Verdict | null = null;
  if (c) {
    const as = normalize(r.raw.lang, text.slice(r.start - c.verdict.back, r.end));
    const ok = as === normalize(r.raw.lang, c.verdict.form) || (c.also !== null && as === normalize(r.raw.lang, c.also));
    v = ok ? null : c.verdict;
  }
  return v;
}
