// Editing help for references, as plain data: hover text, completions after the article word in six languages, and the cited section.
import { t } from '@vscode/l10n';
import { getCluster } from '../domain/clusters';
import { getArticle, getInstrument, INSTRUMENT_KEYS, type InstrumentKey } from '../domain/instruments';
import type { DraftAnalysis, Section } from '../draft/analysis';
import type { Range } from '../text/lines';
import { missingForRef } from './validate';
import { type RawRef, type Unit } from './types';
import { LANGUAGE_NAMES } from '../domain/templates';
import { instrumentName, unitLabel } from '../domain/describe';
import { zhNumber } from './zh';

export interface Hover { markdown: string; range: Range }

function clusterOf(k: InstrumentKey, n: number): string | null {
  for (const c of [1, 2, 3, 4]) {
    const cl = getCluster(c);
    if (cl?.articles[k]?.includes(n)) return t('cluster {0} (provisional data)', cl.roman);
  }
  return null;
}

/** The article's title as the hover shows it in the reference's language: the data has verified English and Chinese titles only. */
function titleIn(a: NonNullable<ReturnType<typeof getArticle>>, lang: RawRef['lang']): string {
  if (lang === 'en') return `${a.titleEn}${a.titleZh ? ` · ${a.titleZh}` : ''}`;
  if (lang === 'zh' && a.titleZh) return `${a.titleZh} · ${a.titleEn}`;
  return `${a.titleEn} ${t('(English title: the data has no verified {0} title)', LANGUAGE_NAMES[lang])}`;
}

function articleLines(k: InstrumentKey, n: number, unit: Unit | null, lang: RawRef['lang']): string[] {
  const a = getArticle(k, n);
  const inst = getInstrument(k);
  if (!a) return [`**${t('Article {0}', n)}** — ${t('the {0} has no such article.', instrumentName(k))}`];
  const chapter = a.chapter ? t('chapter {0}', a.chapter) : null;
  const lines = [`**${t('Article {0}', a.number)}${unit ? unitLabel(unit) : ''}** — ${titleIn(a, lang)}`];
  lines.push([inst.fullName('en') ?? k, chapter, clusterOf(k, n)].filter(Boolean).join(' · '));
  return lines;
}

export function hoverAt(model: DraftAnalysis, offset: number): Hover | null {
  const r = model.referenceAt(offset);
  if (!r) return null;
  const range = model.lines.rangeOf(r.start, r.end);
  if (!r.instrument) return { markdown: t('No instrument is named and the section implies none.'), range };
  const seen = new Set<number>();
  const parts: string[] = [];
  const misses = missingForRef(r, model.env.cache);
  r.targets.forEach((target, i) => {
    if (seen.has(target.article) && !target.unit) return;
    seen.add(target.article);
    // A unit that does not exist is said so first: the article's title alone would read as if it did.
    const miss = misses[i];
    const lines = miss && miss.level !== 'article' ? [`⚠ ${miss.message}`, ...articleLines(r.instrument!, target.article, null, r.raw.lang)] : articleLines(r.instrument!, target.article, target.unit, r.raw.lang);
    parts.push(lines.join('  \n'));
  });
  return { markdown: parts.join('\n\n---\n\n'), range };
}

export interface Completion { label: string; insertText: string; detail: string; documentation?: string; sortText: string }

/** The instrument a position is about, from the enclosing article or instrument section. */
function instrumentAtOffset(model: DraftAnalysis, offset: number): InstrumentKey | null {
  let found: Section | undefined;
  for (const s of model.sections) {
    if (s.heading.start > offset) break;
    if ((s.role === 'article' || s.role === 'instrument') && offset < s.end) found = s;
  }
  return found?.instrument ?? null;
}

const EN_ARTICLE = /(?:^|[^\p{L}])(?:[Aa]rticles?|[Aa]rts?\.)[^\S\r\n]+$/u;
/** The article word in French, Spanish, Russian and Arabic, before the number the completion inserts. */
const OTHER_ARTICLE: [RegExp, 'fr' | 'es' | 'ru' | 'ar'][] = [
  [/(?:^|[^\p{L}])(?:l['’])?[Aa]rticles?[^\S\r\n]+$/u, 'fr'],
  [/(?:^|[^\p{L}])[Aa]rtículos?[^\S\r\n]+$/u, 'es'],
  [/(?:^|[^\p{L}])[Сс]тат(?:ь[а-яё]*|ей)[^\S\r\n]+$/u, 'ru'],
  [/(?:^|[^\p{L}])[وف]?(?:(?:ب|ك)?ال|لل|ل)?(?:ماد(?:ة|تان|تين)|مواد)[^\S\r\n]+$/u, 'ar'],
];

/**
 * What follows the number when the article is cited outside its instrument's section, in the draft's language:
 * the generic word for the Convention, or a Protocol's full name where the data has it verified. Null: number only.
 */
function instrumentSuffix(k: InstrumentKey, lang: string): string | null {
  const full = getInstrument(k).fullName(lang);
  switch (lang) {
    case 'en': return k === 'untoc' ? ' of the Convention' : ` of the ${getInstrument(k).shortName('en')}`;
    case 'fr': return k === 'untoc' ? ' de la Convention' : full ? ` du ${full}` : null;
    case 'es': return k === 'untoc' ? ' de la Convención' : full ? ` del ${full}` : null;
    case 'ru': return k === 'untoc' ? ' Конвенции' : null; // a Protocol's name would need declining
    case 'ar': return k === 'untoc' ? ' من الاتفاقية' : full ? ` من ${full}` : null;
    default: return null;
  }
}
const ZH_ARTICLE = /第$/;
const EN_PARAGRAPH = /(?:^|[^\p{L}])(?:[Aa]rticle|[Aa]rt\.)[^\S\r\n]+(\d{1,3}),[^\S\r\n]*paragraph[^\S\r\n]+$/u;
const ZH_PARAGRAPH = /第[^\S\r\n]*([0-9]{1,3}|[一二三四五六七八九十]{1,4})[^\S\r\n]*条[^\S\r\n]*第$/;

/** Completions at an offset: articles after "article " / "第", paragraphs after "article 5, paragraph " / "第5条第". */
export function completionsAt(model: DraftAnalysis, offset: number): Completion[] {
  const pos = model.lines.positionAt(offset);
  const before = model.text.slice(model.lines.lineStart(pos.line)!, offset);
  const here = instrumentAtOffset(model, offset);
  const keys = here ? [here] : (model.info?.partyTo.length ? INSTRUMENT_KEYS.filter((k) => model.info!.partyTo.includes(k)) : INSTRUMENT_KEYS);
  const zh = ZH_ARTICLE.test(before) || ZH_PARAGRAPH.test(before);
  const para = EN_PARAGRAPH.exec(before) ?? ZH_PARAGRAPH.exec(before);
  if (para) {
    const n = zhNumber(para[1]!) ?? Number(para[1]);
    const a = here ? getArticle(here, n) : undefined;
    if (!a) return [];
    return a.refs.filter((r) => /^\d+$/.test(r) || /^\d+\([a-z]+\)$/.test(r)).map((r, i) => {
      const m = /^(\d+)(?:\(([a-z]+)\))?$/.exec(r)!;
      const insert = zh ? (m[2] ? `${m[1]}(${m[2]})款` : `${m[1]}款`) : (m[2] ? `${m[1]} (${m[2]})` : m[1]!);
      return { label: insert, insertText: insert, detail: t('article {0}, {1}', n, r), sortText: String(i).padStart(4, '0') };
    });
  }
  const draftLang = model.info?.languages[0] ?? 'en';
  // the language of the article word just typed; "article" is English or French, as the draft's language says
  const wordLang = zh ? 'zh' : OTHER_ARTICLE.find(([re, l]) => re.test(before) && (l !== 'fr' || draftLang === 'fr'))?.[1] ?? (EN_ARTICLE.test(before) ? 'en' : null);
  if (!wordLang) return [];
  const out: Completion[] = [];
  for (const k of keys) {
    const inst = getInstrument(k);
    for (const a of inst.articles.values()) {
      const title = zh && a.titleZh ? a.titleZh : a.titleEn;
      const underReview = model.info?.articles.get(k)?.includes(a.number);
      const inSection = k === here;
      out.push({
        label: zh ? `${a.number}条 ${title}` : `${a.number}. ${title}`,
        insertText: zh ? `${a.number}条` : String(a.number) + (inSection ? '' : instrumentSuffix(k, wordLang) ?? ''),
        detail: instrumentName(k),
        // The data has verified titles in English and Chinese only: in another language, say the title is English.
        documentation: [underReview ? t('Under review in this draft') : null, wordLang !== 'en' && !(zh && a.titleZh) ? t('(English title: the data has no verified {0} title)', LANGUAGE_NAMES[wordLang as keyof typeof LANGUAGE_NAMES]) : null].filter(Boolean).join(' ') || undefined,
        // articles under review first, then in order
        sortText: `${underReview ? 0 : 1}${String(INSTRUMENT_KEYS.indexOf(k))}${String(a.number).padStart(3, '0')}`,
      });
    }
  }
  return out;
}

/** The section of the draft that a reference cites (its first target), for go to definition. */
export function definitionAt(model: DraftAnalysis, offset: number): Range | null {
  const r = model.referenceAt(offset);
  if (!r?.instrument) return null;
  const s = model.findArticle(r.instrument, r.targets[0]!.article);
  return s ? model.headingRange(s) : null;
}


