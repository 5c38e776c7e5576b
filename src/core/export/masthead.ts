// The words of a UN document's masthead in each of the six languages: the Organization, the distribution, the date
// written out, the original language. Dates and language names come from Intl, not from lists written here.

export interface MastheadWords {
  organization: string;
  /** "Distr.: General" for `general`, and so on; null for a distribution the document does not name. */
  distribution(kind: string): string | null;
  date(iso: string): string | null;
  original(language: string): string;
}

/** Locale of each draft language for Intl (Arabic with Western digits, as UN Arabic documents write dates). */
const LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', zh: 'zh-CN', ar: 'ar-u-nu-latn' };

const ORGANIZATION: Record<string, string> = {
  en: 'United Nations', fr: 'Nations Unies', es: 'Naciones Unidas', ru: 'Организация Объединенных Наций', zh: '联合国', ar: 'الأمم المتحدة',
};

/** The distribution line as UN documents print it; English, Chinese, Russian and Arabic versions keep "Distr.: …". */
const DISTRIBUTION: Record<string, Record<string, string>> = {
  en: { general: 'Distr.: General', limited: 'Distr.: Limited', restricted: 'Distr.: Restricted' },
  fr: { general: 'Distr. générale', limited: 'Distr. limitée', restricted: 'Distr. restreinte' },
  es: { general: 'Distr. general', limited: 'Distr. limitada', restricted: 'Distr. reservada' },
};

/** "Original: English" and its forms: the label, and how the language name is written after it. */
const ORIGINAL: Record<string, (name: string) => string> = {
  en: (n) => `Original: ${n}`,
  fr: (n) => `Original : ${n}`,
  es: (n) => `Original: ${n}`,
  ru: (n) => `Язык оригинала: ${n}`,
  zh: (n) => `原文：${n}`,
  ar: (n) => `الأصل: ${n}`,
};

export function mastheadWords(lang: string): MastheadWords {
  const l = LOCALE[lang] ? lang : 'en';
  const names = new Intl.DisplayNames([LOCALE[l]!], { type: 'language' });
  const dates = new Intl.DateTimeFormat(LOCALE[l], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    organization: ORGANIZATION[l]!,
    distribution(kind) {
      const k = kind.trim().toLowerCase();
      const table = DISTRIBUTION[l] ?? DISTRIBUTION.en!;
      // A distribution the tables do not know is written as the front matter has it, never replaced by another.
      return table[k] ?? (kind.trim() || null);
    },
    date(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
      if (!m) return null;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
      return dates.format(d);
    },
    original(language) {
      // French and Spanish write language names in lower case, as Intl gives them; English capitalizes them.
      const name = names.of(language === 'zh' ? 'zh' : language) ?? language;
      return ORIGINAL[l]!(l === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name);
    },
  };
}
