// Rewrites comment and suggestion markup as HTML for the Markdown preview, keeping every line where it was.
import { applyEdits, type OffsetEdit } from '../features/edits';
import { parseComments } from './parse';
import { attributesSpan, scan } from '../draft/scan';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The source with marks as <mark>/<ins>/<del> and thread lines as notes. Only the markup is replaced; the text
 * inside marks stays Markdown, and line breaks stay put so the preview's scroll sync keeps working.
 */
export function marksToHtml(src: string): string {
  const m = parseComments(src);
  const edits: OffsetEdit[] = [];
  const who = new Map(m.blocks.filter((b) => b.id === b.threadId).map((b) => [b.threadId, `${b.author}, ${b.date.slice(0, 10)}`]));
  for (const k of m.marks) {
    const title = esc(who.get(k.id) ?? '');
    const tag = `<sup class="ro-tag">@${esc(k.id.startsWith('anon') ? '' : k.id)}</sup>`;
    const inner = (from: number, len: number) => [from, from + len] as const;
    switch (k.kind) {
      case 'comment': {
        if (!k.text) { edits.push({ start: k.start, end: k.end, newText: k.note !== undefined ? `<span class="ro-note">${esc(k.note)}</span>` : tag }); break; }
        const [a, b] = inner(k.start + 3, k.text.length);
        edits.push({ start: k.start, end: a, newText: `<mark class="ro-comment" title="${title}">` }, { start: b, end: k.end, newText: `</mark>${tag}` });
        break;
      }
      case 'insertion': case 'deletion': {
        const el = k.kind === 'insertion' ? 'ins' : 'del';
        const [a, b] = inner(k.start + 3, k.text.length);
        edits.push({ start: k.start, end: a, newText: `<${el} class="ro-${el}" title="${title}">` }, { start: b, end: k.end, newText: `</${el}>` });
        break;
      }
      case 'replacement': {
        const a = k.start + 3, b = a + k.text.length, c = b + 2, d = c + (k.newText ?? '').length;
        edits.push({ start: k.start, end: a, newText: `<del class="ro-del" title="${title}">` }, { start: b, end: c, newText: `</del><ins class="ro-ins" title="${title}">` }, { start: d, end: k.end, newText: '</ins>' });
        break;
      }
    }
  }
  for (const b of m.blocks) {
    const what = b.event ? `<em>${b.event}</em>` : esc(b.body).replace(/\n/g, '<br>');
    edits.push({ start: b.start, end: b.end, newText: `<span class="ro-thread"><span class="ro-author">${esc(b.author)}</span> <span class="ro-date">${esc(b.date.slice(0, 16).replace('T', ' '))}</span> ${what}</span>` });
  }
  return applyEdits(src, edits);
}

/**
 * A draft's text for the preview without its headings' attributes (`{#untoc-5}`, `{.gaps}`): they tie a section to its
 * article and part, they are not text a reader should see.
 */
export function withoutHeadingAttributes(src: string): string {
  const edits: OffsetEdit[] = [];
  for (const h of scan(src).headings) {
    const span = attributesSpan(h);
    if (!span) continue;
    let { start } = span;
    while (start > h.start && (src[start - 1] === ' ' || src[start - 1] === '\t')) start--;
    edits.push({ start, end: span.end, newText: '' });
  }
  return applyEdits(src, edits);
}

/** Block tokens that start a run of text whose direction the browser should take from its first strong letter. */
const BLOCK_OPENS = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'blockquote_open', 'th_open', 'td_open']);

interface BlockToken { type: string; attrSet(name: string, value: string): void }

/**
 * Gives every block of a rendered draft `dir="auto"`: an Arabic paragraph reads right to left, an English or Chinese
 * one left to right, each on its own, so a bilingual draft previews correctly and numbers keep their place.
 */
export function markBidiBlocks(tokens: readonly BlockToken[]): void {
  for (const tok of tokens) if (BLOCK_OPENS.has(tok.type)) tok.attrSet('dir', 'auto');
}
