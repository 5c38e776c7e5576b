// Headings and placeholder texts of a draft in each of the six UN languages, and their bilingual combination.
import type { DocumentKind, PartId } from './blueprint';
import { getInstrument, type Article, type InstrumentKey } from './instruments';

/**
 * The instrument's full name in a language where the data has it verified; otherwise the official English name
 * (an unverified translation is recognized in the text but never written into a draft).
 */
function nameIn(k: InstrumentKey, lang: string): string {
  return getInstrument(k).fullName(lang) ?? getInstrument(k).fullName('en') ?? k;
}

export type TemplateLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
/** Each language by its own name, as a language picker shows it (never translated). */
export const LANGUAGE_NAMES: Record<TemplateLanguage, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };
/** UN order (alphabetical in English), as the UN lists its official languages. */
export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export interface Template {
  title(kind: DocumentKind, state: string): string;
  introduction: string;
  introductionHint: string;
  instrument(key: InstrumentKey): string;
  article(a: Article): string;
  part: Record<PartId, string>;
  partHint: Record<PartId, string>;
  /** What a part says when there is nothing to report under it (this project's wording, not a verified UN text). */
  none: Record<PartId, string>;
}

const en: Template = {
  title: (kind, state) =>
    kind === 'summary' ? `Summary of the list of observations: ${state}` : `List of observations: ${state}`,
  introduction: 'Introduction',
  introductionHint:
    'Describe the review: the State party under review, the reviewing States parties, the cluster, the self-assessment questionnaire, the written feedback and the dialogue.',
  instrument: (k) => nameIn(k, 'en'),
  article: (a) => `Article ${a.number}. ${a.titleEn}`,
  part: {
    implementation: 'Implementation measures',
    gaps: 'Gaps and challenges',
    'good-practices': 'Good practices',
    suggestions: 'Suggestions and recommendations',
    'technical-assistance': 'Technical assistance needs',
  },
  partHint: {
    implementation: 'Measures taken by the State party under review to implement this article.',
    gaps: 'Gaps and challenges in implementing this article.',
    'good-practices': 'Good practices observed.',
    suggestions: 'Suggestions or recommendations to the State party under review.',
    'technical-assistance': 'Technical assistance needs identified, or "None identified."',
  },
  none: {
    implementation: 'No implementation measures were identified.',
    gaps: 'No gaps or challenges were identified.',
    'good-practices': 'No good practices were identified.',
    suggestions: 'No suggestions or recommendations were made.',
    'technical-assistance': 'No technical assistance needs were identified.',
  },
};

const zh: Template = {
  title: (kind, state) => (kind === 'summary' ? `意见清单摘要：${state}` : `意见清单：${state}`),
  introduction: '导言',
  introductionHint: '说明审议情况：被审议缔约国、审议缔约国、专题组、自评清单、书面反馈和对话。',
  instrument: (k) => nameIn(k, 'zh'),
  // Only verified Chinese titles are written; otherwise the article number stands alone.
  article: (a) => (a.titleZh ? `第${a.number}条 ${a.titleZh}` : `第${a.number}条`),
  part: {
    implementation: '实施措施',
    gaps: '差距和挑战',
    'good-practices': '良好做法',
    suggestions: '建议',
    'technical-assistance': '技术援助需要',
  },
  partHint: {
    implementation: '被审议缔约国为实施本条所采取的措施。',
    gaps: '实施本条方面的差距和挑战。',
    'good-practices': '所发现的良好做法。',
    suggestions: '向被审议缔约国提出的建议。',
    'technical-assistance': '所确定的技术援助需要，或"未确定"。',
  },
  none: {
    implementation: '未发现任何执行措施。',
    gaps: '未发现任何差距和挑战。',
    'good-practices': '未发现任何良好做法。',
    suggestions: '未提出任何建议。',
    'technical-assistance': '未发现任何技术援助需要。',
  },
};

// The headings below in French, Spanish, Russian and Arabic are this project's translations of the provisional
// English headings (the official blueprint was not available, see blueprint.ts); article titles are written only
// where the data has them verified (English, some Chinese), so elsewhere the number stands alone.

const fr: Template = {
  title: (kind, state) =>
    kind === 'summary' ? `Résumé de la liste d'observations\u00a0: ${state}` : `Liste d'observations\u00a0: ${state}`,
  introduction: 'Introduction',
  introductionHint:
    "Décrire l'examen : l'État partie examiné, les États parties examinateurs, le groupe thématique, le questionnaire d'auto-évaluation, les observations écrites et le dialogue.",
  instrument: (k) => nameIn(k, 'fr'),
  article: (a) => `Article ${a.number}`,
  part: {
    implementation: "Mesures d'application",
    gaps: 'Lacunes et difficultés',
    'good-practices': 'Bonnes pratiques',
    suggestions: 'Suggestions et recommandations',
    'technical-assistance': "Besoins d'assistance technique",
  },
  partHint: {
    implementation: "Mesures prises par l'État partie examiné pour appliquer cet article.",
    gaps: "Lacunes et difficultés rencontrées dans l'application de cet article.",
    'good-practices': 'Bonnes pratiques observées.',
    suggestions: "Suggestions ou recommandations adressées à l'État partie examiné.",
    'technical-assistance': "Besoins d'assistance technique recensés, ou « Aucun besoin recensé. »",
  },
  none: {
    implementation: 'Aucune mesure d’application n’a été relevée.',
    gaps: 'Aucune lacune ni difficulté n’a été relevée.',
    'good-practices': 'Aucune bonne pratique n’a été relevée.',
    suggestions: 'Aucune suggestion ni recommandation n’a été formulée.',
    'technical-assistance': 'Aucun besoin d’assistance technique n’a été relevé.',
  },
};

const es: Template = {
  title: (kind, state) =>
    kind === 'summary' ? `Resumen de la lista de observaciones: ${state}` : `Lista de observaciones: ${state}`,
  introduction: 'Introducción',
  introductionHint:
    'Describa el examen: el Estado parte examinado, los Estados partes examinadores, el grupo temático, el cuestionario de autoevaluación, las observaciones por escrito y el diálogo.',
  instrument: (k) => nameIn(k, 'es'),
  article: (a) => `Artículo ${a.number}`,
  part: {
    implementation: 'Medidas de aplicación',
    gaps: 'Deficiencias y dificultades',
    'good-practices': 'Buenas prácticas',
    suggestions: 'Sugerencias y recomendaciones',
    'technical-assistance': 'Necesidades de asistencia técnica',
  },
  partHint: {
    implementation: 'Medidas adoptadas por el Estado parte examinado para aplicar este artículo.',
    gaps: 'Deficiencias y dificultades en la aplicación de este artículo.',
    'good-practices': 'Buenas prácticas observadas.',
    suggestions: 'Sugerencias o recomendaciones dirigidas al Estado parte examinado.',
    'technical-assistance': 'Necesidades de asistencia técnica detectadas, o «No se detectaron».',
  },
  none: {
    implementation: 'No se determinaron medidas de aplicación.',
    gaps: 'No se determinaron deficiencias ni dificultades.',
    'good-practices': 'No se determinaron buenas prácticas.',
    suggestions: 'No se formularon sugerencias ni recomendaciones.',
    'technical-assistance': 'No se determinaron necesidades de asistencia técnica.',
  },
};

const ru: Template = {
  title: (kind, state) => (kind === 'summary' ? `Резюме перечня замечаний: ${state}` : `Перечень замечаний: ${state}`),
  introduction: 'Введение',
  introductionHint:
    'Опишите обзор: государство-участник, в отношении которого проводится обзор, проводящие обзор государства-участники, тематический блок, вопросник для самооценки, письменные замечания и диалог.',
  instrument: (k) => nameIn(k, 'ru'),
  article: (a) => `Статья ${a.number}`,
  part: {
    implementation: 'Меры по осуществлению',
    gaps: 'Пробелы и проблемы',
    'good-practices': 'Успешная практика',
    suggestions: 'Предложения и рекомендации',
    'technical-assistance': 'Потребности в технической помощи',
  },
  partHint: {
    implementation: 'Меры, принятые государством-участником для осуществления настоящей статьи.',
    gaps: 'Пробелы и проблемы в осуществлении настоящей статьи.',
    'good-practices': 'Выявленные примеры успешной практики.',
    suggestions: 'Предложения или рекомендации государству-участнику.',
    'technical-assistance': 'Выявленные потребности в технической помощи или «Не выявлены».',
  },
  none: {
    implementation: 'Меры по осуществлению не выявлены.',
    gaps: 'Пробелы и проблемы не выявлены.',
    'good-practices': 'Успешные виды практики не выявлены.',
    suggestions: 'Предложения или рекомендации не вынесены.',
    'technical-assistance': 'Потребности в технической помощи не выявлены.',
  },
};

const ar: Template = {
  title: (kind, state) => (kind === 'summary' ? `موجز قائمة الملاحظات: ${state}` : `قائمة الملاحظات: ${state}`),
  introduction: 'مقدمة',
  introductionHint:
    'صف الاستعراض: الدولة الطرف المستعرَضة، والدولتان الطرفان المستعرِضتان، والمجموعة المواضيعية، واستبيان التقييم الذاتي، والتعليقات الكتابية، والحوار.',
  instrument: (k) => nameIn(k, 'ar'),
  article: (a) => `المادة ${a.number}`,
  part: {
    implementation: 'تدابير التنفيذ',
    gaps: 'الثغرات والتحديات',
    'good-practices': 'الممارسات الجيدة',
    suggestions: 'الاقتراحات والتوصيات',
    'technical-assistance': 'الاحتياجات من المساعدة التقنية',
  },
  partHint: {
    implementation: 'التدابير التي اتخذتها الدولة الطرف المستعرَضة لتنفيذ هذه المادة.',
    gaps: 'الثغرات والتحديات في تنفيذ هذه المادة.',
    'good-practices': 'الممارسات الجيدة الملاحظة.',
    suggestions: 'الاقتراحات أو التوصيات الموجهة إلى الدولة الطرف المستعرَضة.',
    'technical-assistance': 'الاحتياجات المحددة من المساعدة التقنية، أو "لم تحدد أي احتياجات".',
  },
  none: {
    implementation: 'لم تُحدَّد أي تدابير تنفيذ.',
    gaps: 'لم تُحدَّد أي ثغرات أو تحديات.',
    'good-practices': 'لم تُحدَّد أي ممارسات جيدة.',
    suggestions: 'لم تُقدَّم أي اقتراحات أو توصيات.',
    'technical-assistance': 'لم تُحدَّد أي احتياجات إلى المساعدة التقنية.',
  },
};

const TEMPLATES: Record<TemplateLanguage, Template> = { ar, zh, en, fr, ru, es };

export function isTemplateLanguage(s: unknown): s is TemplateLanguage {
  return typeof s === 'string' && (TEMPLATE_LANGUAGES as readonly string[]).includes(s);
}

/** The template for one drafting language; a code that is not a UN language falls back to English. */
export function templateFor(lang: string): Template {
  return isTemplateLanguage(lang) ? TEMPLATES[lang] : TEMPLATES.en;
}

/**
 * The template for a review's languages: one language gives its headings; two give bilingual headings
 * ("Gaps and challenges / 差距和挑战") and hints in both, so each co-reviewer drafts under headings they read.
 */
export function templateForLanguages(languages: readonly string[]): Template {
  const langs = [...new Set(languages.filter(isTemplateLanguage))].slice(0, 2);
  if (langs.length < 2) return templateFor(langs[0] ?? languages[0] ?? 'en');
  const [a, b] = [TEMPLATES[langs[0]!], TEMPLATES[langs[1]!]];
  const both = (x: string, y: string) => (x === y ? x : `${x} / ${y}`);
  const each = <K extends string>(ra: Record<K, string>, rb: Record<K, string>, join: (x: string, y: string) => string) =>
    Object.fromEntries(Object.keys(ra).map((k) => [k, join(ra[k as K], rb[k as K])])) as Record<K, string>;
  return {
    title: (kind, state) => both(a.title(kind, state), b.title(kind, state)),
    introduction: both(a.introduction, b.introduction),
    introductionHint: `${a.introductionHint} — ${b.introductionHint}`,
    instrument: (k) => both(a.instrument(k), b.instrument(k)),
    article: (x) => both(a.article(x), b.article(x)),
    part: each(a.part, b.part, both),
    partHint: each(a.partHint, b.partHint, (x, y) => `${x} — ${y}`),
    // A statement of the draft, not a heading: in its first language (a co-reviewer translates it with the rest).
    none: a.none,
  };
}

/**
 * Whether a part's text only says that there is nothing under it: the sentence of `none` in any language, or the
 * usual short forms ("None identified.", "N/A", 无). Such a part is written, but it states no gap, need or practice.
 */
export function saysNothing(text: string): boolean {
  // A long text says something, unless it is the one open-ended form ("aucune … identifiée"): known without first
  // collapsing its spaces, which for a paragraph of megabytes made a copy of it space by space.
  if (longerThan(text, SHORT) && !/^\s*aucun/i.test(text)) return false;
  const t = text.replace(/\s+/g, ' ').trim();
  return NOTHING.test(t) || NONE_SENTENCES.has(t);
}
/** Whether a text has more than `n` characters that are not white space (as \s counts it), counting no further. */
function longerThan(text: string, n: number): boolean {
  if (text.length <= n) return false;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space && ++k > n) return true;
  }
  return false;
}
const NOTHING = /^(?:none(?: identified)?|no(?:ne)? (?:needs?|gaps?|good practices?|recommendations?) (?:were )?identified|n\/a|not applicable|aucun(?:e)?(?: .*)? identifié(?:e)?s?|ninguno|ninguna|нет|لا يوجد|لا توجد|无|未确定|没有)[.。]?$/i;
const NONE_SENTENCES: ReadonlySet<string> = new Set<string>(Object.values(TEMPLATES).flatMap((tpl) => Object.values(tpl.none)));
/** Longer than every form of NOTHING but the open-ended one and every template's "none" sentence, spaces collapsed. */
const SHORT = Math.max(100, ...[...NONE_SENTENCES].map((x) => x.length));
