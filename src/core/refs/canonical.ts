// The UN citation style of a reference in English and Chinese, used to flag other forms and to rewrite them.
import type { ResolvedRef } from './resolve';
import { unitPhrase } from './types';

/** Abbreviations and informal names rewritten to the short names UN texts use; other recognized names are kept as written. */
const EN_NAME: Record<string, string> = {
  UNTOC: 'Convention', 'Palermo Convention': 'Convention',
  'TIP Protocol': 'Trafficking in Persons Protocol', 'Trafficking Protocol': 'Trafficking in Persons Protocol',
  'SOM Protocol': 'Smuggling of Migrants Protocol', 'Migrants Protocol': 'Smuggling of Migrants Protocol', 'Smuggling Protocol': 'Smuggling of Migrants Protocol',
};

/** The canonical text for a reference, or null where no single style is established (lists, ranges, other languages). */
export function canonicalText(r: ResolvedRef, text: string): string | null {
  if (!r.raw.single) return null;
  const t = r.targets[0]!;
  const u = t.unit;
  if (r.raw.lang === 'en' && r.raw.form === 'article-first') {
    const span = r.raw.instrumentSpan;
    const abs = (o: number) => r.start - r.raw.start + o;
    const articleStart = span && abs(span.start) === r.start ? abs(span.end) : r.start;
    const first = text.slice(articleStart, articleStart + 1).replace(/\s|,/g, '') || 'a';
    let out = `${first === 'A' ? 'A' : 'a'}rticle ${t.article}`;
    if (u) out += unitPhrase(u);
    if (span && r.raw.instrument.kind !== 'none') {
      const written = text.slice(abs(span.start), abs(span.end));
      const name = EN_NAME[written] ?? written;
      out += `${u ? ',' : ''} of the ${name}`;
    }
    return out;
  }
  if (r.raw.lang === 'zh') {
    if (u && (u.paragraph === undefined || u.groups.length > 1)) return null;
    const span = r.raw.instrumentSpan;
    const prefix = span ? text.slice(r.start - r.raw.start + span.start, r.start - r.raw.start + span.end) : '';
    return `${prefix}第${t.article}条${u ? `第${u.paragraph}${u.groups.length ? `(${u.groups[0]})` : ''}款` : ''}`;
  }
  return null;
}

/** The canonical form when the reference as written differs from it (spacing and line breaks aside), else null. */
export function nonCanonical(r: ResolvedRef, text: string): string | null {
  // The verdict depends on the reference as written and the instrument it resolved to; raw references are cached per
  // section text, so it is computed once and kept on the reference, not on every keystroke.
  const memo = r.raw.canonical;
  if (memo && memo.instrument === r.instrument) return memo.form;
  const c = canonicalText(r, text);
  const norm = (s: string) => (r.raw.lang === 'zh' ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ').trim());
  const v = c === null || norm(text.slice(r.start, r.end)) === norm(c) ? null : c;
  r.raw.canonical = { instrument: r.instrument, form: v };
  return v;
}
