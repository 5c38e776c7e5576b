// Length of a draft's text as the limits count it: characters for Chinese, words for the other languages.
import { withoutHtmlComments } from '../text/code';
import { cleanCopy } from '../comments/ops';
import type { DraftAnalysis } from '../draft/analysis';

/** The prose of a draft: no front matter, template hints, heading markers or section ids, comments or suggestions pending. */
export function proseOf(model: DraftAnalysis): string {
  return withoutHtmlComments(cleanCopy(model.text.slice(model.bodyStart)), ' ')
    .replace(/^ {0,3}#{1,6}[ \t]+/gm, '')
    .replace(/[ \t]*\{[#.][^{}]*\}[ \t]*$/gm, '')
    .replace(/[*_`>|[\]()#-]+/g, ' ');
}

export function countLength(text: string, lang: string): { unit: 'characters' | 'words'; count: number } {
  if (lang === 'zh') return { unit: 'characters', count: [...text.replace(/\s+/g, '')].length };
  const seg = new Intl.Segmenter(lang, { granularity: 'word' });
  let count = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) count++;
  return { unit: 'words', count };
}
