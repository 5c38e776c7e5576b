// The Word styles and numbering of an exported list of observations: real Heading styles (so Word's navigation pane
// and table of contents see the structure) and Word numbering (so Word renumbers when a paragraph is inserted).
import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

export const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Arial' };

/** Style ids, as Word names its built-in ones (Title, Heading1…) and ours after what they hold. */
export const STYLE = {
  title: 'Title', // l10n-ignore: a Word style id, not text
  chapter: 'Heading1', section: 'Heading2', part: 'Heading3',
  paragraph: 'ObservationParagraph', subparagraph: 'Subparagraph', list: 'ListSubparagraph', quote: 'Quotation',
  code: 'CodeBlock', masthead: 'Masthead', hyperlink: 'Hyperlink', inlineCode: 'InlineCode',
} as const;

/** Numbering definitions: chapters I./A., paragraphs 1. through the document, subparagraphs (a)/(i)/a. */
export const NUMBERING = { chapters: 'chapters', paragraphs: 'paragraphs', subparagraphs: 'subparagraphs' } as const;

/** The language of the draft's text, so a word processor checks spelling and picks glyphs for it (see documentStyles). */
const LANGUAGE: Record<string, { value: string; eastAsia?: string; bidirectional?: string }> = {
  en: { value: 'en-GB' }, fr: { value: 'fr-FR' }, es: { value: 'es-ES' }, ru: { value: 'ru-RU' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN' }, ar: { value: 'en-GB', bidirectional: 'ar-SA' },
};

/**
 * `lang`: the draft's first language. It is the document's default run language, written once in the style defaults
 * (where Word's own templates keep it): written on every run, it was half of a long draft's XML.
 */
export function documentStyles(lang: string): IStylesOptions {
  const heading = (id: string, name: string, run: Record<string, unknown>, before: number) => ({
    id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    run: { font: FONT, ...run }, paragraph: { keepNext: true, keepLines: true, spacing: { before, after: 120 } },
  });
  return {
    default: { document: { run: { font: FONT, size: 20, language: LANGUAGE[lang] ?? LANGUAGE.en }, paragraph: { spacing: { after: 120 } } } },
    paragraphStyles: [
      { id: STYLE.title, name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, bold: true, size: 28 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
      heading(STYLE.chapter, 'heading 1', { bold: true, size: 24 }, 360),
      heading(STYLE.section, 'heading 2', { bold: true, size: 20 }, 240),
      heading(STYLE.part, 'heading 3', { italics: true, size: 20 }, 120),
      { id: STYLE.paragraph, name: 'Numbered paragraph', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.BOTH, indent: { left: 567, hanging: 567 } } },
      { id: STYLE.subparagraph, name: 'Subparagraph', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.BOTH, indent: { left: 1134 } } },
      { id: STYLE.list, name: 'Subparagraphs', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.BOTH } },
      { id: STYLE.quote, name: 'Quotation', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { left: 1134 } } },
      { id: STYLE.code, name: 'Code block', basedOn: 'Normal', run: { font: 'Courier New', size: 18 }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.masthead, name: 'Masthead', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 0 } } },
    ],
    characterStyles: [
      { id: STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
      { id: STYLE.inlineCode, name: 'Inline code', basedOn: 'DefaultParagraphFont', run: { font: 'Courier New', size: 18 } },
    ],
  };
}

/**
 * Chapters I., II. (一、二、 in Chinese) with their sections A., B.; paragraphs 1., 2. through the whole document;
 * subparagraphs (a), (i), a. — in French and Spanish a), i), as the UN French and Spanish texts write them.
 */
export function documentNumbering(lang: string): INumberingOptions {
  const paren = lang === 'fr' || lang === 'es' ? (n: string) => `${n})` : (n: string) => `(${n})`;
  const hanging = (left: number) => ({ paragraph: { indent: { left, hanging: 567 } } });
  return {
    config: [
      { reference: NUMBERING.chapters, levels: [
        { level: 0, format: lang === 'zh' ? LevelFormat.CHINESE_COUNTING : LevelFormat.UPPER_ROMAN, text: lang === 'zh' ? '%1、' : '%1.', alignment: AlignmentType.LEFT, style: hanging(567) },
        { level: 1, format: LevelFormat.UPPER_LETTER, text: '%2.', alignment: AlignmentType.LEFT, style: hanging(567) },
      ] },
      { reference: NUMBERING.paragraphs, levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: hanging(567) },
      ] },
      { reference: NUMBERING.subparagraphs, levels: [
        { level: 0, format: LevelFormat.LOWER_LETTER, text: paren('%1'), alignment: AlignmentType.LEFT, style: hanging(1134) },
        { level: 1, format: LevelFormat.LOWER_ROMAN, text: paren('%2'), alignment: AlignmentType.LEFT, style: hanging(1701) },
        { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3.', alignment: AlignmentType.LEFT, style: hanging(2268) },
        { level: 3, format: LevelFormat.DECIMAL, text: '%4.', alignment: AlignmentType.LEFT, style: hanging(2835) },
      ] },
    ],
  };
}
