// export.*: what the Word export would leave out or show wrongly, said while drafting rather than found in Word.
import { t } from '@vscode/l10n';
import { HOLES, lazyFormatter } from '../../text/messages';
import type { ReviewInfo } from '../../draft/frontMatter';
import type { DocumentRule, DocumentRuleContext, Rule } from '../rule';
import { codeSpans, fencedBlocks } from '../../text/code';
import type { SectionFacts } from '../../draft/sectionCache';
import type { RootContent } from 'mdast';

/** The text with stretches blanked (same length, line breaks kept). */
function blank(text: string, ranges: [number, number][]): string {
  if (!ranges.length) return text;
  const out: string[] = [];
  let at = 0;
  for (const [a, b] of ranges) { if (a < at) continue; out.push(text.slice(at, a), text.slice(a, b).replace(/[^\n]/g, ' ')); at = b; }
  out.push(text.slice(at));
  return out.join('');
}

/** The text with code blocks and code spans blanked (same length): footnote syntax inside code is code. */
function withoutCode(text: string): string {
  // Without the characters a fence or a code span needs, there is no code: the text is not read for it.
  const noBlocks = text.includes('```') || text.includes('~~~') ? blank(text, fencedBlocks(text)) : text;
  return noBlocks.includes('`') ? blank(noBlocks, codeSpans(noBlocks, 'line')) : noBlocks;
}

/** A section's footnote definitions (lower-cased, as Markdown matches them) and references (as written), outside code. */
function chunkFootnotes(text: string, facts: SectionFacts): NonNullable<SectionFacts['footnotes']> {
  if (facts.footnotes) return facts.footnotes;
  const out: NonNullable<SectionFacts['footnotes']> = { defined: [], cited: [] };
  if (text.includes('[^')) {
    const plain = withoutCode(text);
    for (const m of plain.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) out.defined.push(m[1]!.toLowerCase());
    for (const m of plain.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) out.cited.push({ label: m[1]!, start: m.index!, end: m.index! + m[0].length });
  }
  return (facts.footnotes = out);
}

/** The footnote labels defined anywhere in the draft, read section by section (each section's kept with its text). */
function definedLabels(model: DocumentRuleContext['model']): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < model.chunkCount; i++) for (const d of chunkFootnotes(model.chunkText(i), model.chunkFacts(i)).defined) out.add(d);
  return out;
}

/** Reports chunk `i`'s footnote references that no definition in the draft answers. */
function undefinedIn(ctx: DocumentRuleContext, i: number): void {
  const { model, report } = ctx;
  const notes = chunkFootnotes(model.chunkText(i), model.chunkFacts(i));
  if (!notes.cited.length) return;
  const defined = ctx.keep(() => definedLabels(model));
  const at = model.chunkStart(i);
  const message = lazyFormatter(() => t('The footnote [^{0}] has no definition: Word would show "[^{0}]" as text. Add a line "[^{0}]: …" (anywhere in the draft).', HOLES[0]));
  for (const c of notes.cited) {
    if (defined.has(c.label.toLowerCase())) continue;
    report({ start: at + c.start, end: at + c.end }, message(c.label));
  }
}

export const footnoteUndefined: DocumentRule = {
  code: 'export.footnote-undefined',
  scope: 'document',
  summary: 'A footnote reference (`[^3]`) has no definition anywhere in the draft.',
  defaultSeverity: 'warning',
  // Read section by section (code never crosses a heading), each section's footnotes kept with its text. What one
  // section does to the others is the labels it defines; its references are reported in it: a keystroke reads the
  // section it changed, never the whole draft.
  chunkKey: (text, facts) => chunkFootnotes(text, facts).defined.join('\n'),
  inChunk: undefinedIn,
  check(ctx) { for (let i = 0; i < ctx.model.chunkCount; i++) undefinedIn(ctx, i); },
};

/** The masthead fields a draft's front matter does not give, which the export leaves out. */
export function mastheadGaps(info: Pick<ReviewInfo, 'symbol' | 'distribution' | 'date'>, defaults: { distribution?: string } = {}): string[] {
  return [info.symbol ? null : 'symbol', info.distribution || defaults.distribution ? null : 'distribution', info.date ? null : 'date'].filter((x): x is string => !!x);
}

export const mastheadIncomplete: Rule = {
  code: 'export.masthead-incomplete',
  scope: 'document',
  summary: 'The front matter does not give every field of the UN masthead that the Word export writes: `symbol`, `distribution` or `date`.',
  defaultSeverity: 'warning',
  check({ model, info, options, report }) {
    // While drafting the masthead is the secretariat's to give; the document that goes to it for finalization needs it.
    if (info.stage !== 'finalization' || !model.frontMatter) return;
    const missing = mastheadGaps(info, options.masthead);
    if (!missing.length) return;
    const at = { start: model.frontMatter.contentStart, end: model.frontMatter.contentStart };
    report(at, t('The Word export leaves out what the front matter does not give for the UN masthead: {0}. Add {1} (e.g. "distribution: general", "date: 2026-05-12").', missing.join(', '), missing.map((m) => `"${m}:"`).join(', ')));
  },
};

export const pictureNotEmbedded: Rule = {
  code: 'export.picture-not-embedded',
  scope: 'section',
  summary: 'A picture (`![description](address)`): the Word export writes its description in its place, not the picture.',
  defaultSeverity: 'info',
  check({ model, chunk, report }) {
    // Most sections hold no picture: their text says so without a tree.
    const text = model.chunkText(chunk);
    if (!text.includes('![')) return;
    const base = model.chunkStart(chunk);
    const walk = (n: RootContent): void => {
      if ((n.type === 'image' || n.type === 'imageReference') && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
        report({ start: base + n.position.start.offset, end: base + n.position.end.offset }, t('The Word export does not embed pictures: Word gets "{0}" in its place, as a link to the picture when its address is given. Insert the picture in Word, or say in the text what it shows.', n.alt ?? ''));
      }
      if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
    };
    for (const n of model.chunkTree(chunk).children) walk(n);
  },
};
