// Names by which text refers to each instrument, per language: the data's verified names plus common usage (recognized, never imposed).
import { getInstrument, INSTRUMENT_KEYS, type InstrumentKey } from '../domain/instruments';
import type { InstrumentMention } from './types';

interface Alias { text: string; mention: InstrumentMention }

const named = (key: InstrumentKey): InstrumentMention => ({ kind: 'named', key });

/** English names after "of the …" or before "article …". Longest first so the full names win. */
function englishAliases(): Alias[] {
  const out: Alias[] = [];
  for (const k of INSTRUMENT_KEYS) {
    const i = getInstrument(k);
    for (const n of [i.fullName('en'), i.shortName('en')]) if (n) out.push({ text: n, mention: named(k) });
  }
  const extra: [string, InstrumentMention][] = [
    ['Convention', named('untoc')], ['UNTOC', named('untoc')], ['Palermo Convention', named('untoc')],
    ['Trafficking Protocol', named('tip')], ['TIP Protocol', named('tip')], ['Trafficking in Persons Protocol', named('tip')],
    ['Migrants Protocol', named('som')], ['SOM Protocol', named('som')], ['Smuggling Protocol', named('som')],
    ['Firearms Protocol', named('firearms')], ['Protocol', { kind: 'protocol' }],
  ];
  for (const [text, mention] of extra) out.push({ text, mention });
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** Chinese names as written inside 《》 or bare before 第…条: the data's full names and short-name candidates (unverified, so accepted, never imposed). */
function chineseAliases(): Alias[] {
  const out: Alias[] = [];
  for (const k of INSTRUMENT_KEYS) {
    const i = getInstrument(k);
    for (const n of [i.fullName('zh'), ...i.shortCandidates('zh')]) if (n) out.push({ text: n.replace(/^《|》$/g, ''), mention: named(k) });
  }
  // The generic words a text uses once the instrument is clear: 公约 is the Convention, 议定书 depends on the section.
  out.push({ text: '公约', mention: named('untoc') }, { text: '议定书', mention: { kind: 'protocol' } });
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** Full names in French, Spanish, Russian and Arabic as the data has them, and the generic words for "Convention"/"Protocol". */
function otherAliases(lang: 'fr' | 'es' | 'ru' | 'ar'): Alias[] {
  const out: Alias[] = [];
  for (const k of INSTRUMENT_KEYS) {
    // unverified names too (e.g. one of two Arabic variants): accepted in a text, never imposed
    const full = getInstrument(k).recognizedName(lang);
    if (full) out.push({ text: full, mention: named(k) });
  }
  const generic: Record<typeof lang, [string, InstrumentMention][]> = {
    fr: [['Convention', named('untoc')], ['Protocole', { kind: 'protocol' }]],
    es: [['Convención', named('untoc')], ['Protocolo', { kind: 'protocol' }]],
    ru: [['Конвенции', named('untoc')], ['Конвенция', named('untoc')], ['Протокола', { kind: 'protocol' }], ['Протокол', { kind: 'protocol' }]],
    ar: [['الاتفاقية', named('untoc')], ['البروتوكول', { kind: 'protocol' }]],
  };
  out.push(...generic[lang].map(([text, mention]) => ({ text, mention })));
  return out.sort((a, b) => b.text.length - a.text.length);
}

let cache: Record<string, Alias[]> | null = null;
export function aliases(lang: 'en' | 'zh' | 'fr' | 'es' | 'ru' | 'ar'): Alias[] {
  cache ??= { en: englishAliases(), zh: chineseAliases(), fr: otherAliases('fr'), es: otherAliases('es'), ru: otherAliases('ru'), ar: otherAliases('ar') };
  return cache[lang]!;
}

/** The alias that starts exactly at `pos` (case-insensitive for Latin scripts), longest first. */
export function aliasAt(text: string, pos: number, lang: Parameters<typeof aliases>[0]): Alias | null {
  for (const a of aliases(lang)) {
    const s = text.substr(pos, a.text.length);
    if (s === a.text || (lang !== 'zh' && lang !== 'ar' && s.toLowerCase() === a.text.toLowerCase())) {
      // a whole word: "Convention" must not match "Conventional"
      const next = text.charCodeAt(pos + a.text.length);
      if (lang !== 'zh' && /[\p{L}\p{N}]/u.test(String.fromCharCode(next || 32))) continue;
      return a;
    }
  }
  return null;
}

/** The alias that ends exactly at `end` (names written before the article: 《公约》第5条, "UNTOC art. 5"). */
export function aliasEndingAt(text: string, end: number, lang: 'zh' | 'en'): Alias | null {
  for (const a of aliases(lang)) {
    if (end - a.text.length < 0 || !text.startsWith(a.text, end - a.text.length)) continue;
    // In English only a specific name counts ("UNTOC art. 5"), never the generic word ("the Convention article" is prose).
    if (lang === 'en' && (a.text === 'Convention' || a.text === 'Protocol' || /[\p{L}]/u.test(text[end - a.text.length - 1] ?? ''))) continue;
    return a;
  }
  return null;
}
