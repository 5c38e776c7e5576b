// Recognizes article references in Russian and Arabic (basic): "статья 5", "пункт 1 статьи 5 Конвенции", "المادة 5", "الفقرة 1 من المادة 5".
import { aliasAt } from './names';
import type { InstrumentMention, RawRef, Target } from './types';

const AR_DIGITS = /[٠-٩۰-۹]/g;
/** Western, Arabic-Indic (U+0660…) or Eastern Arabic-Indic (U+06F0…) digits. */
function num(s: string): number {
  return Number(s.replace(AR_DIGITS, (d) => { const c = d.charCodeAt(0); return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660); }));
}

// Russian: article word in any case, optional paragraph and subparagraph first ("подпункт (a) пункта 1 статьи 5").
const RU = /(?<![\p{L}])(?:подпункт[а-я]*[^\S\r\n]+\(([a-z])\)[^\S\r\n]+)?(?:(пункт[а-я]*)[^\S\r\n]+(\d{1,2})[^\S\r\n]+)?(стать[яиеюёй]|ст\.)[^\S\r\n]*(\d{1,3})(?![\d])/giu;
// Arabic: "الفقرة الفرعية (أ) من الفقرة 1 من المادة 5", "الفقرة 1 من المادة 5" or "المادة 5"; digits Western or Arabic-Indic.
const AR = /(?:الفقرة الفرعية\s+\(([\u0621-\u064A\u0640]{1,2})\)\s+من\s+)?(?:(الفقرة)\s+([0-9٠-٩۰-۹]{1,2})\s+من\s+)?(المادة|المواد)\s+([0-9٠-٩۰-۹]{1,3})(?![0-9٠-٩۰-۹])/gu;
/** Arabic texts letter subparagraphs in abjad order: (أ) is (a), (ب) is (b), (ج) is (c)… */
const ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر'];
function abjadLetter(s: string): string | null {
  const i = ABJAD.indexOf(s === 'ه' ? 'هـ' : s);
  return i < 0 ? null : String.fromCharCode(97 + i);
}

function instrumentAfter(t: string, p: number, lang: 'ru' | 'ar'): { mention: InstrumentMention; end: number } | null {
  let q = p;
  while (t[q] === ' ' || t[q] === '\t') q++;
  if (lang === 'ar' && t.startsWith('من', q)) { q += 2; while (t[q] === ' ') q++; }
  const a = aliasAt(t, q, lang);
  return a ? { mention: a.mention, end: q + a.text.length } : null;
}

export function scanOther(text: string): RawRef[] {
  const out: RawRef[] = [];
  for (const [re, lang] of [[RU, 'ru'], [AR, 'ar']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const article = num(m[5]!);
      const letter = m[1] ? (lang === 'ar' ? abjadLetter(m[1]) : m[1]) : null;
      const unit = m[3] ? { paragraph: num(m[3]), groups: letter ? [letter] : [] } : letter ? { groups: [letter] } : null;
      const inst = instrumentAfter(text, m.index + m[0].length, lang);
      const targets: Target[] = [{ article, unit }];
      out.push({ start: m.index, end: inst ? inst.end : m.index + m[0].length, lang, instrument: inst ? inst.mention : { kind: 'none' }, targets, single: true, form: 'other' });
    }
  }
  return out;
}
