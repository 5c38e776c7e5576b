// Headings and placeholder texts of a draft in each supported drafting language (English and Chinese).
import type { DocumentKind, PartId } from './blueprint';
import { getInstrument, type Article, type InstrumentKey } from './domain/instruments';

export type TemplateLanguage = 'en' | 'zh';
export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = ['en', 'zh'];

export interface Template {
  title(kind: DocumentKind, state: string): string;
  introduction: string;
  introductionHint: string;
  instrument(key: InstrumentKey): string;
  article(a: Article): string;
  part: Record<PartId, string>;
  partHint: Record<PartId, string>;
}

const en: Template = {
  title: (kind, state) =>
    kind === 'summary' ? `Summary of the list of observations: ${state}` : `List of observations: ${state}`,
  introduction: 'Introduction',
  introductionHint:
    'Describe the review: the State party under review, the reviewing States parties, the cluster, the self-assessment questionnaire, the written feedback and the dialogue.',
  instrument: (k) => getInstrument(k).fullName('en') ?? k,
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
};

const zh: Template = {
  title: (kind, state) => (kind === 'summary' ? `意见清单摘要：${state}` : `意见清单：${state}`),
  introduction: '导言',
  introductionHint: '说明审议情况：被审议缔约国、审议缔约国、专题组、自评清单、书面反馈和对话。',
  instrument: (k) => getInstrument(k).fullName('zh') ?? getInstrument(k).fullName('en') ?? k,
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
};

const TEMPLATES: Record<TemplateLanguage, Template> = { en, zh };

export function isTemplateLanguage(s: unknown): s is TemplateLanguage {
  return typeof s === 'string' && (TEMPLATE_LANGUAGES as readonly string[]).includes(s);
}
/** The template for a drafting language; languages without one yet fall back to English. */
export function templateFor(lang: string): Template {
  return isTemplateLanguage(lang) ? TEMPLATES[lang] : TEMPLATES.en;
}
