// The words each language cites treaty units with, for the one grammar of refs/chain.ts: English, French, Spanish, Russian, Arabic.
// Inflection is handled by rules (a stem and any ending, a clitic prefix), never by listing every form.

export type ChainLang = 'en' | 'fr' | 'es' | 'ru' | 'ar';
/** From the largest unit down: an article, its numbered paragraph, a lettered subparagraph, a roman-numbered item. */
export type Level = 'article' | 'paragraph' | 'subparagraph' | 'item';

export interface Vocab {
  readonly lang: ChainLang;
  /** The word of each level, sticky, at the position where it starts (after any clitic the anchor allows). */
  readonly words: Readonly<Record<Level, RegExp | null>>;
  /** Whether a word (as matched) is plural or dual, so a list of numbers may follow it. */
  plural(word: string): boolean;
  /** The link from a unit to the unit that contains it ("of", "du", "de l’", "del", "من"; nothing in Russian). */
  readonly of: RegExp;
  /** The link before an instrument's name, with its determiner ("of the", "de la présente", "من هذه"). */
  readonly ofInstrument: RegExp;
  readonly list: RegExp;
  readonly range: RegExp;
  /** A word before the first number of a range: "с 5 по 8", "من 5 إلى 8". */
  readonly rangeOpen: RegExp | null;
  /** A number: digits (Arabic-Indic too) or the language's word for "first". */
  readonly number: RegExp;
  /** One subdivision: "(a)", "a)", and the language's own forms («a», (أ), '1'). Group 1 is its raw text. */
  readonly group: RegExp;
  /** A letter written bare after the subparagraph word ("alinéa b", "apartado c"). */
  readonly bareGroup: RegExp | null;
  /** Text just before the article word that makes it domestic law ("Criminal Code, article 12"). */
  readonly domesticBefore: RegExp;
  /** After the link to an instrument: a word that names another text, so the reference is not to a treaty ("of the report"). */
  readonly otherText: RegExp;
  /** The raw text of a subdivision as the data writes it (Arabic abjad letters and Cyrillic look-alikes to Latin letters). */
  groupValue(raw: string, roman: boolean): string | null;
}

const S = '[^\\S\\r\\n]';
/** A law's number or date between its name and the article: "Ley 24/2019, artículo 12", "Act No. 5 of 2010, section". */
const LAW_NO = String.raw`(?:[^\S\r\n]+(?:No\.?|n[º°o]\.?|núm\.)?[^\S\r\n]*[\d/.\-]+(?:[^\S\r\n]+(?:of|de|du)[^\S\r\n]+\d{4})?)?`;
const y = (src: string, flags = 'iu') => new RegExp(src, `${flags}y`);
const latin = (raw: string) => raw.toLowerCase();
const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)$/;

/** Arabic texts letter subparagraphs in abjad order: (أ) is (a), (ب) is (b), (ج) is (c)… */
const ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض'];
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
// Russian texts keep Latin letters; a Cyrillic letter that looks like one is read as it ("(а)" typed for "(a)").
const LOOKALIKE: Record<string, string> = { а: 'a', в: 'b', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', і: 'i', у: 'y', к: 'k', м: 'm', н: 'h', т: 't' };
const AR_DIGIT = /[٠-٩۰-۹]/g;

/** Western, Arabic-Indic (U+0660…) or Eastern Arabic-Indic (U+06F0…) digits, or the language's ordinal for 1. */
const AR_ORDINALS = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
export function numberValue(s: string): number {
  // Western digits, by far the most written: read as they are (asked for every number of every reference).
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (/^(?:premier|1er)$/i.test(s)) return 1;
  const ordinal = AR_ORDINALS.indexOf(s);
  if (ordinal >= 0) return ordinal + 1;
  return Number(s.replace(AR_DIGIT, (d) => { const c = d.charCodeAt(0); return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660); }));
}

const latinGroup = (raw: string, roman: boolean) => {
  const v = latin(raw);
  return roman && !ROMAN.test(v) ? null : v;
};

const DIGITS = '\\d{1,3}(?![\\d\\p{L}]|[.,]\\d)';
// French codes number their articles with a hyphen ("article 222-34 du code pénal"); French ranges say "à" or an en dash.
const FR_DIGITS = '\\d{1,3}(?![\\d\\p{L}]|[.,-]\\d)';

const en: Vocab = {
  lang: 'en',
  words: {
    article: y('(?:articles?|arts?\\.|art(?=' + S + '*\\d))(?![\\p{L}])'),
    paragraph: y('(?:paragraphs?|paras?\\.?)(?![\\p{L}])'),
    subparagraph: y('subparagraphs?(?![\\p{L}])'),
    item: null,
  },
  plural: (w) => /s\.?$/i.test(w) && !/^art\.?$/i.test(w),
  of: y(`of${S}+(?:the${S}+)?`),
  ofInstrument: y(`of${S}+(?:(?:the|this)${S}+)?`),
  list: y(`(?:${S}*,${S}*(?:and${S}+)?|${S}+(?:and|or)${S}+)`),
  range: y(`(?:${S}+to${S}+|${S}*[-–]${S}*)`),
  rangeOpen: null,
  number: y(DIGITS),
  group: y(`\\(${S}*([a-z]{1,2}|[ivx]{1,5})${S}*\\)|lit\\.?${S}+([a-z])(?![\\p{L}])`),
  bareGroup: null,
  domesticBefore: new RegExp(String.raw`(?:Code|Act|Law|Constitution|Decree|Ordinance|Regulations?|Statute|Bill)${LAW_NO}[)\]]?,?[^\S\r\n]*$`),
  otherText: /^\p{L}/u,
  groupValue: latinGroup,
};

const fr: Vocab = {
  lang: 'fr',
  words: {
    article: y('(?:articles?|art\\.)(?![\\p{L}])'),
    paragraph: y('(?:paragraphes?|par\\.)(?![\\p{L}])'),
    subparagraph: y('(?:alinéas?|al\\.)(?![\\p{L}])'),
    item: y('sous-alinéas?(?![\\p{L}])'),
  },
  plural: (w) => /s$/i.test(w),
  of: y(`(?:du|des|de${S}+l['’]|de${S}+la|de)${S}*`),
  ofInstrument: y(`(?:du|des|de${S}+l['’]|de${S}+la|de)${S}*(?:(?:présente?|même)${S}+)?`),
  list: y(`(?:${S}*,${S}*(?:(?:et|ou)${S}+)?|${S}+(?:et|ou)${S}+)`),
  range: y(`(?:${S}+à${S}+|${S}*[-–]${S}*)`),
  rangeOpen: null,
  number: y(`(?:${FR_DIGITS}|premier(?![\\p{L}])|1er(?![\\p{L}]))`),
  group: y(`\\(${S}*([a-z]{1,2}|[ivx]{1,5})${S}*\\)|([a-z]|[ivx]{1,5})\\)`),
  bareGroup: y('([a-z])(?![\\p{L}\\p{N}(])'),
  domesticBefore: new RegExp(String.raw`(?:Code(?: pénal)?|Loi|loi|Décret|Constitution|Ordonnance)${LAW_NO}[)\]]?,?[^\S\r\n]*$`),
  otherText: /^\p{L}/u,
  groupValue: latinGroup,
};

const es: Vocab = {
  lang: 'es',
  words: {
    article: y('(?:artículos?|arts?\\.)(?![\\p{L}])'),
    paragraph: y('(?:párrafos?|párr\\.)(?![\\p{L}])'),
    subparagraph: y('(?:apartados?|letras?)(?![\\p{L}])'),
    item: y('incisos?(?![\\p{L}])'),
  },
  plural: (w) => /s\.?$/i.test(w),
  of: y(`(?:del|de${S}+los|de${S}+las|de${S}+la|de)${S}+`),
  ofInstrument: y(`(?:del|de${S}+la|de)${S}+(?:(?:presente|misma)${S}+)?`),
  list: y(`(?:${S}*,${S}*(?:[yeou]${S}+)?|${S}+[yeou]${S}+)`),
  range: y(`(?:${S}+a${S}+|${S}*[-–]${S}*)`),
  rangeOpen: null,
  number: y(DIGITS),
  group: y(`\\(${S}*([a-z]{1,2}|[ivx]{1,5})${S}*\\)|([a-z]|[ivx]{1,5})\\)`),
  bareGroup: y('([a-z])(?![\\p{L}\\p{N}(])'),
  domesticBefore: new RegExp(String.raw`(?:Código(?: Penal)?|Ley|ley|Decreto|Constitución|Reglamento)${LAW_NO}[)\]]?,?[^\S\r\n]*$`),
  otherText: /^\p{L}/u,
  groupValue: latinGroup,
};

const RU_END = '[а-яё]*';
const ru: Vocab = {
  lang: 'ru',
  words: {
    article: y(`(?:стат(?:ь${RU_END}|ей)|ст\\.)(?![\\p{L}])`),
    paragraph: y(`(?:пункт${RU_END}|п\\.)(?![\\p{L}])`),
    subparagraph: y(`(?:подпункт${RU_END}|подп\\.|пп\\.)(?![\\p{L}])`),
    item: null,
  },
  // "статьи" is the genitive singular and the nominative plural alike: a list may follow either
  plural: (w) => /^(?:стать(?:и|ям|ями|ях)|статей|(?:под)?пункт(?:ы|ов|ам|ами|ах))$/i.test(w),
  of: y(`${S}*`),
  ofInstrument: y(`(?:(?:настоящ|указанн|данн)${RU_END}${S}+)?`),
  list: y(`(?:${S}*,${S}*(?:(?:и|или)${S}+)?|${S}+(?:и|или)${S}+)`),
  range: y(`(?:${S}+по${S}+|${S}*[-–—]${S}*)`),
  rangeOpen: y(`с${S}+`),
  number: y(DIGITS),
  group: y(`\\(${S}*([a-zа-яё]{1,2}|[ivx]{1,5})${S}*\\)|([a-zа-яё]|[ivx]{1,5})\\)|[«"„]([a-zа-яё])[»"“]`),
  bareGroup: null,
  domesticBefore: /(?:[Кк]одекс\p{L}*|[Зз]акон\p{L}*|УК(?:\s+РФ)?|УПК|КоАП)[)\]]?,?[^\S\r\n]*$/u,
  // "статьи 210 Уголовного кодекса", "статьи 5 Закона о …": a law named in the genitive, straight after the number
  otherText: /^(?:уголовн|кодекс|закон|федеральн|конституц|указ|постановлен|УК|УПК|КоАП|ГК|[А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ых|их)\s+(?:кодекс|закон))/iu,
  groupValue(raw, roman) {
    const v = raw.toLowerCase().replace(/[а-яё]/g, (c) => LOOKALIKE[c] ?? c);
    if (/[а-яё]/.test(v)) return v === 'б' ? 'b' : null;
    return latinGroup(v, roman);
  },
};

// Arabic glues its conjunction و, prepositions ب ل ك and the article ال to the word: "والفقرة", "بالمادة", "للمادة".
const AR_PREFIX = '(?:[وف]?(?:(?:ب|ك)?ال|لل|ل)?)';
const AR_DIGITS = '[0-9٠-٩۰-۹]{1,3}(?![0-9٠-٩۰-۹])';
const ar: Vocab = {
  lang: 'ar',
  words: {
    article: y(`${AR_PREFIX}(?:ماد(?:ة|تان|تين|تا)|مواد)(?![\\p{L}])`, 'u'),
    paragraph: y(`${AR_PREFIX}فقر(?:ة|تان|تين|تا|ات)(?![\\p{L}])(?!${S}+(?:ال)?فرعي)`, 'u'),
    subparagraph: y(`${AR_PREFIX}فقر(?:ة|تان|تين|تا|ات)${S}+(?:ال)?فرعي(?:ة|تان|تين|تا|ات)(?![\\p{L}])`, 'u'),
    item: null,
  },
  plural: (w) => /(?:مواد|تان|تين|تا|ات)(?:\s|$)/u.test(w) || /(?:تان|تين|ات)$/u.test(w),
  of: y(`من${S}+`, 'u'),
  ofInstrument: y(`من${S}+(?:هذه${S}+|هذا${S}+)?`, 'u'),
  // the conjunction و is glued to what follows: "الفقرتان 1 و2", "(أ) و(ب)"; a bare "(و)" is the letter f
  list: y(`(?:${S}*[،,]${S}*(?:و${S}*)?|${S}+و${S}*|${S}+أو${S}+)`, 'u'),
  range: y(`(?:${S}+(?:إلى|الى|حتى)${S}+|${S}*[-–]${S}*)`, 'u'),
  rangeOpen: y(`من${S}+`, 'u'),
  // digits, or the ordinal words legal Arabic also writes articles with: "المادة الخامسة"
  number: y(`(?:${AR_DIGITS}|(?:${AR_ORDINALS.join('|')})(?![\\p{L}]))`, 'u'),
  // (أ) … (هـ) for letters; the roman level is written with Arabic digits in quotes or parentheses: '1', "2", (3)
  group: y(`\\(${S}*(هـ|[\\u0621-\\u064A])${S}*\\)|\\(${S}*([a-z]{1,2}|[ivx]{1,5})${S}*\\)|['‘’"“”](${AR_DIGITS})['‘’"“”]`, 'u'),
  bareGroup: null,
  domesticBefore: /(?:قانون|القانون|الدستور|المرسوم|مرسوم|اللائحة)[^\n.،,]{0,40}[،,]?[^\S\r\n]*$/u,
  otherText: /^(?:(?:ال)?قانون|(?:ال)?دستور|(?:ال)?مرسوم|(?:ال)?لائحة|(?:ال)?نظام|مجلة|(?:ال)?تقرير)/u,
  groupValue(raw, roman) {
    if (/^[0-9٠-٩۰-۹]+$/.test(raw)) { const n = numberValue(raw); return roman ? ROMANS[n - 1] ?? null : null; }
    if (/^[a-z]/i.test(raw)) return latinGroup(raw, roman);
    const i = ABJAD.indexOf(raw === 'ه' ? 'هـ' : raw);
    return i < 0 || roman ? null : String.fromCharCode(97 + i);
  },
};

export const VOCABS: Readonly<Record<ChainLang, Vocab>> = { en, fr, es, ru, ar };

/**
 * Where a reference may start, in every language at once (one pass over the text): the article word, or a smaller unit's
 * word (a reference written smallest unit first). French may elide its article onto the word ("l’article", "d’article").
 * No lookbehind: the engine scans fastest for a plain alternation, and the word's left edge is checked after a match
 * (refs/chain.ts), so a 1 MB draft costs a few milliseconds here.
 */
export const ANCHOR = new RegExp([
  '(?:[ld][\'’])?(?:art(?:icles?|ículos?|s?\\.|(?=[^\\S\\r\\n]*\\d))|par(?:agraphs?|agraphes?|as?\\.?|\\.)|subparagraphs?|alinéas?|al\\.|sous-alinéas?|párr(?:afos?|\\.)|apartados?|letras?|incisos?)(?![\\p{L}])',
  `(?:стат(?:ь|ей)|ст\\.|пункт|п\\.|подпункт|подп\\.|пп\\.)`,
  `${AR_PREFIX}(?:ماد(?:ة|تان|تين|تا)|مواد|فقر(?:ة|تان|تين|تا|ات))`,
].join('|'), 'giu');

/** The Latin-script languages whose words an anchor is ("article": English or French; "párrafo": Spanish only). */
export function latinLanguages(word: string): readonly ChainLang[] {
  const w = word.toLowerCase().replace(/^[ld]['’]/, '');
  if (w.startsWith('article')) return ['en', 'fr'];
  if (w.startsWith('art')) return /^artículo/.test(w) ? ['es'] : ['en', 'fr', 'es'];
  if (/^(?:paragraphe|par\.$|alinéa|al\.|sous-)/.test(w)) return ['fr'];
  if (/^(?:párr|apartado|letra|inciso)/.test(w)) return ['es'];
  return ['en'];
}

/** A roman numeral as the data writes it, for ranges of items. */
export const ROMAN_NUMERALS: readonly string[] = ROMANS;
