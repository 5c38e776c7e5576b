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
    ['UNTOC', named('untoc')], ['Palermo Convention', named('untoc')],
    ['Trafficking Protocol', named('tip')], ['TIP Protocol', named('tip')], ['Trafficking in Persons Protocol', named('tip')],
    ['Migrants Protocol', named('som')], ['SOM Protocol', named('som')], ['Smuggling Protocol', named('som')],
    ['Firearms Protocol', named('firearms')],
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

/** Full names in French, Spanish, Russian and Arabic as the data has them; the generic words are read by instrumentAt. */
function otherAliases(lang: 'fr' | 'es' | 'ru' | 'ar'): Alias[] {
  const out: Alias[] = [];
  for (const k of INSTRUMENT_KEYS) {
    // unverified names too (e.g. one of two Arabic variants): accepted in a text, never imposed
    const full = getInstrument(k).recognizedName(lang);
    if (full) out.push({ text: full, mention: named(k) });
  }
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** Built once from the treaty data, which is loaded with the module anyway: a constant table, not a cache. */
const ALIASES: Readonly<Record<'en' | 'zh' | 'fr' | 'es' | 'ru' | 'ar', readonly Alias[]>> = Object.freeze({
  en: englishAliases(), zh: chineseAliases(), fr: otherAliases('fr'), es: otherAliases('es'), ru: otherAliases('ru'), ar: otherAliases('ar'),
});
export function aliases(lang: keyof typeof ALIASES): readonly Alias[] {
  return ALIASES[lang];
}

/** Whether a language's aliases are matched whatever their case (not Chinese nor Arabic, which have none). */
const cased = (lang: keyof typeof ALIASES) => lang !== 'zh' && lang !== 'ar';
/** Per language, its aliases by their first character (lower-cased where case is ignored), longest first: a constant table. */
const BY_FIRST: Readonly<Record<keyof typeof ALIASES, ReadonlyMap<string, readonly Alias[]>>> = (() => {
  const byFirst = (lang: keyof typeof ALIASES) => {
    const by = new Map<string, Alias[]>();
    for (const a of ALIASES[lang]) {
      const key = cased(lang) ? a.text[0]!.toLowerCase() : a.text[0]!;
      by.set(key, [...(by.get(key) ?? []), a]);
    }
    return by;
  };
  return Object.freeze({ en: byFirst('en'), zh: byFirst('zh'), fr: byFirst('fr'), es: byFirst('es'), ru: byFirst('ru'), ar: byFirst('ar') });
})();

/**
 * The alias that starts exactly at `pos` (case-insensitive for Latin scripts), longest first. Only the aliases that
 * begin with the character there are tried: this is asked at every candidate reference and name.
 */
export function aliasAt(text: string, pos: number, lang: Parameters<typeof aliases>[0]): Alias | null {
  const c = text[pos];
  if (c === undefined) return null;
  for (const a of BY_FIRST[lang].get(cased(lang) ? c.toLowerCase() : c) ?? []) {
    const s = text.substr(pos, a.text.length);
    if (s === a.text || (cased(lang) && s.toLowerCase() === a.text.toLowerCase())) {
      // a whole word: "Convention" must not match "Conventional"
      const next = text.charCodeAt(pos + a.text.length);
      if (lang !== 'zh' && /[\p{L}\p{N}]/u.test(String.fromCharCode(next || 32))) continue;
      return a;
    }
  }
  return null;
}

type Keyed = 'untoc' | 'tip' | 'som' | 'firearms';
interface Naming {
  /** The generic word for the Convention or a Protocol, in any case form, at the position. */
  generic: RegExp;
  /** The words that make it one instrument or another, in the phrase that follows. */
  keys: readonly [Keyed, RegExp][];
  /** A name whose modifier stands before the generic word ("Палермской конвенции"). */
  lead?: RegExp;
  /** A word after the generic one that starts a name ("against", "relatif à", "против", "لمكافحة"): without a key, another treaty. */
  qualifier: RegExp;
}
const W = '(?![\\p{L}])';
const NAMING: Record<'en' | 'fr' | 'es' | 'ru' | 'ar', Naming> = {
  en: {
    generic: new RegExp(`(Convention|Protocol)${W}`, 'iuy'),
    keys: [['tip', /trafficking in (?:persons|human beings)/iu], ['som', /migrants/iu], ['firearms', /firearms/iu], ['untoc', /transnational organi[sz]ed crime|Palermo/iu]],
    qualifier: /^[^\S\r\n]*(?:against|on|for|relating|concerning|to|of\s+(?:\d|[A-Z]))(?![\p{L}])/u,
  },
  fr: {
    generic: new RegExp(`(Convention|Protocole)${W}`, 'iuy'),
    keys: [['tip', /traite(?: des (?:personnes|êtres humains))?(?![\p{L}])/iu], ['som', /migrants/iu], ['firearms', /armes à feu/iu], ['untoc', /criminalité transnationale organisée|Palerme/iu]],
    qualifier: /^[^\S\r\n]*(?:relati(?:f|ve|fs|ves)|des Nations Unies|de l['’]Organisation|contre|sur|visant|additionnel|facultatif|pour|portant|(?:de|d['’])\s*(?:\d|\p{Lu}))/u,
  },
  es: {
    generic: new RegExp(`(Convención|Protocolo)${W}`, 'iuy'),
    keys: [['tip', /trata(?: de personas)?(?![\p{L}])/iu], ['som', /migrantes/iu], ['firearms', /armas de fuego/iu], ['untoc', /delincuencia organizada transnacional|Palermo/iu]],
    qualifier: /^[^\S\r\n]*(?:contra|de las Naciones Unidas|sobre|relativ[oa]|para|facultativo|adicional|de\s+(?:\d|\p{Lu}))/u,
  },
  ru: {
    generic: new RegExp(`(Конвенци[а-яё]*|Протокол[а-яё]*)${W}`, 'iuy'),
    keys: [['tip', /торговл[а-яё]*(?: людьми)?/iu], ['som', /мигрант[а-яё]*/iu], ['firearms', /огнестрельн[а-яё]*(?: оружи[а-яё]*)?/iu], ['untoc', /транснациональн[а-яё]* организованн[а-яё]*|Палермск/iu]],
    qualifier: /^[^\S\r\n]*(?:против|о|об|относительно|по|дополняющ[а-яё]*|Организации Объединенных Наций|ООН)(?![\p{L}])/u,
    lead: /Палермск[а-яё]*[^\S\r\n]+конвенци[а-яё]*(?![\p{L}])/iuy,
  },
  ar: {
    generic: /(ال)?(اتفاقية|بروتوكول)(?![\p{L}])/uy,
    keys: [['tip', /الاتجار(?: بالأشخاص| بالبشر)?|بالأشخاص/u], ['som', /تهريب(?: المهاجرين)?|المهاجرين/u], ['firearms', /الأسلحة النارية/u], ['untoc', /الجريمة المنظمة|باليرمو/u]],
    // an indefinite "اتفاقية …" is always followed by its name; "الاتفاقية" is the Convention unless a name follows
    qualifier: /^[^\S\r\n]*(?:الأمم المتحدة|لمكافحة|بشأن|المتعلق|المتعلقة|الخاص|الخاصة|منع|مكافحة)/u,
  },
};
/** The phrase a name may take after its generic word: up to a sentence's punctuation, about a dozen words. */
const PHRASE_END = /[.;:!?()\[\]«»"“”\r\n؛]/u;

/**
 * The instrument named at `pos`: a full or short name ("the Trafficking in Persons Protocol", "Protocole relatif aux armes à
 * feu", "Протокола о торговле людьми", "بروتوكول الأسلحة النارية"), "the Protocol" (which one depends on the section), or
 * 'other' for another treaty ("Convention against Corruption"). The generic word is declined or prefixed as the language does;
 * what follows it tells which instrument, so no list of inflected names is needed.
 */
export function instrumentAt(text: string, pos: number, lang: 'en' | 'fr' | 'es' | 'ru' | 'ar'): { mention: InstrumentMention; end: number } | 'other' | null {
  const exact = aliasAt(text, pos, lang);
  const n = NAMING[lang];
  if (n.lead) { n.lead.lastIndex = pos; if (n.lead.exec(text)) return { mention: named('untoc'), end: n.lead.lastIndex }; }
  n.generic.lastIndex = pos;
  const g = n.generic.exec(text);
  if (!g) return exact && { mention: exact.mention, end: pos + exact.text.length };
  const genericEnd = n.generic.lastIndex;
  let phrase = text.slice(genericEnd, genericEnd + 160);
  const stop = phrase.search(PHRASE_END);
  if (stop >= 0) phrase = phrase.slice(0, stop);
  const protocol = /^(?:Protocol|Протокол|بروتوكول)/iu.test(g[lang === 'ar' ? 2 : 1]!);
  const definiteArabic = lang === 'ar' && !!g[1];
  const qualified = n.qualifier.test(phrase);
  let best: { key: Keyed; at: number; end: number } | null = null;
  for (const [key, re] of n.keys) {
    if (protocol ? key === 'untoc' : key !== 'untoc') continue;
    const m = re.exec(phrase);
    if (m && (!best || m.index < best.at)) best = { key, at: m.index, end: m.index + m[0].length };
  }
  // A key counts when the name goes on from the generic word (a qualifier, or in Arabic the name straight after it).
  const continues = qualified || (lang === 'ar' && (!definiteArabic || (best !== null && best.at <= 12))) || (best !== null && /^[^\S\r\n]*$/.test(phrase.slice(0, best.at)));
  const viaKey = best && continues ? { mention: named(best.key), end: genericEnd + best.end } : null;
  const viaGeneric = viaKey ?? (qualified || (lang === 'ar' && !definiteArabic) ? 'other' : { mention: protocol ? { kind: 'protocol' } as const : named('untoc'), end: genericEnd });
  if (exact && (viaGeneric === 'other' || pos + exact.text.length >= viaGeneric.end)) return { mention: exact.mention, end: pos + exact.text.length };
  return viaGeneric;
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
