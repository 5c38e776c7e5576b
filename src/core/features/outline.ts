// Outline (instrument → article → part) and folding ranges of a draft, as plain data for any editor.
import type { DraftAnalysis, Section, SectionRole } from '../draft/analysis';
import type { Range } from '../text/lines';

export interface OutlineSymbol {
  name: string;
  /** What the section is, so an adapter can pick an icon. */
  role: SectionRole | 'front-matter';
  detail: string;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export function outline(model: DraftAnalysis): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const fm = model.frontMatter;
  if (fm) {
    const last = fm.closeLine ?? 0;
    const r = { start: { line: 0, character: 0 }, end: { line: last, character: model.lines.lineText(last).length } };
    out.push({ name: model.info?.stateUnderReview ?? 'Front matter', role: 'front-matter', detail: model.info?.kind ?? '', range: r, selectionRange: model.lines.lineRange(0), children: [] });
  }
  const toSymbol = (s: Section): OutlineSymbol => ({
    name: s.heading.text || '#',
    role: s.role,
    detail: s.role === 'article' ? `${s.instrument} ${s.article}` : s.role === 'part' ? s.part! : s.role === 'instrument' ? s.instrument! : '',
    range: model.sectionRange(s),
    selectionRange: model.headingRange(s),
    children: s.children.map(toSymbol),
  });
  // Not spread as arguments: a draft may have more top-level headings than a call takes.
  for (const s of model.roots) out.push(toSymbol(s));
  return out;
}

export interface Fold { startLine: number; endLine: number; kind?: 'region' | 'comment' }

export function foldingRanges(model: DraftAnalysis): Fold[] {
  const out: Fold[] = [];
  const fm = model.frontMatter;
  if (fm?.closeLine) out.push({ startLine: 0, endLine: fm.closeLine, kind: 'region' });
  for (const s of model.sections) {
    const end = model.sectionRange(s).end.line;
    if (end > s.heading.line) out.push({ startLine: s.heading.line, endLine: end });
  }
  return out;
}
