// Typed access to the treaty data (instruments.json): instruments, articles, titles, addressable units.
import data from './data/instruments.json';

export type InstrumentKey = 'untoc' | 'tip' | 'som' | 'firearms';
/** Blueprint order: the Convention first, then the Protocols in the order of their adoption annexes. */
export const INSTRUMENT_KEYS: readonly InstrumentKey[] = ['untoc', 'tip', 'som', 'firearms'];
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export interface Article {
  readonly instrument: InstrumentKey;
  readonly number: number;
  readonly titleEn: string;
  /** Null where no stored UN Chinese text showed the title: never guessed. */
  readonly titleZh: string | null;
  readonly chapter: string | null;
  /** Every addressable unit as a token: '1', '1(a)', '1(a)(ii)', '(c)(i)'. */
  readonly refs: readonly string[];
}

interface RawName { full?: string | null; short?: string | null; abbrev?: string | null; unverified?: boolean; short_candidates?: string[] }
interface RawArticle {
  number: number; title_en: string; title_zh?: string | null; chapter?: string | null; refs: string[];
}
interface RawInstrument { key: string; names: Record<string, RawName>; articles: RawArticle[] }

const raw = (data as unknown as { instruments: Record<InstrumentKey, RawInstrument> }).instruments;

export interface Instrument {
  readonly key: InstrumentKey;
  readonly articles: ReadonlyMap<number, Article>;
  /** Full name in a UN language, or null where the data has none verified. */
  fullName(lang: string): string | null;
  shortName(lang: string): string | null;
  /** Short names seen in use but not verified as the UN's (e.g. 《贩运人口议定书》): to recognize, never to impose. */
  shortCandidates(lang: string): readonly string[];
  /** The full name as the data gives it, verified or not: to recognize in a text, never to write into one. */
  recognizedName(lang: string): string | null;
}

function build(key: InstrumentKey): Instrument {
  const r = raw[key];
  const articles = new Map<number, Article>();
  for (const a of r.articles) {
    articles.set(a.number, {
      instrument: key, number: a.number, titleEn: a.title_en,
      titleZh: a.title_zh ?? null, chapter: a.chapter ?? null, refs: a.refs,
    });
  }
  const name = (lang: string, field: 'full' | 'short'): string | null => {
    const n = r.names[lang];
    if (!n || n.unverified) return null;
    return n[field] ?? null;
  };
  return { key, articles, fullName: (l) => name(l, 'full'), shortName: (l) => name(l, 'short'), shortCandidates: (l) => r.names[l]?.short_candidates ?? [], recognizedName: (l) => r.names[l]?.full ?? null };
}

const INSTRUMENTS = new Map<InstrumentKey, Instrument>(INSTRUMENT_KEYS.map((k) => [k, build(k)]));

export function isInstrumentKey(s: unknown): s is InstrumentKey {
  return typeof s === 'string' && (INSTRUMENT_KEYS as readonly string[]).includes(s);
}
export function getInstrument(key: InstrumentKey): Instrument {
  return INSTRUMENTS.get(key)!;
}
export function getArticle(key: InstrumentKey, n: number): Article | undefined {
  return INSTRUMENTS.get(key)?.articles.get(n);
}
export function instrumentOrder(key: InstrumentKey): number {
  return INSTRUMENT_KEYS.indexOf(key);
}
