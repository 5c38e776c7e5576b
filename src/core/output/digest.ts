// A digest across reviews for the working groups: what every list says, per instrument, article and part.
import { t } from '@vscode/l10n';
import { checkModel } from '../checks/index';
import { PARTS, type PartId } from '../domain/blueprint';
import { getArticle, INSTRUMENT_KEYS, type InstrumentKey } from '../domain/instruments';
import { saysNothing, templateFor } from '../domain/templates';
import { DraftAnalysis, type Section } from '../draft/analysis';
import type { AnalysisEnv } from '../draft/sectionCache';
import { agreements, agreedText } from '../features/agreement';

/** One paragraph a list of observations says under one part of one article. */
export interface DigestEntry {
  instrument: InstrumentKey;
  article: number;
  part: PartId;
  /** The paragraph as it stands (comments and pending suggestions aside), in the language it was written in. */
  text: string;
  /** Its place among the part's paragraphs, from 1. */
  paragraph: number;
  state: string;
  reviewingStates: string[];
  cluster: number | null;
  stage: 'drafting' | 'finalization';
  languages: string[];
  /** The article is agreed with the State under review and its text has not changed since. */
  agreed: boolean;
  /** The draft it comes from, and the line (1-based) of the paragraph there. */
  file: string;
  line: number;
}

export interface DigestOptions {
  part?: PartId;
  /** `untoc-5`: one article only. */
  article?: string;
  /**
   * Only finalized text: lists at `stage: finalization` that pass the readiness check (no error as at finalization),
   * and in them only articles agreed with the State under review whose text has not changed since.
   */
  finalizedOnly?: boolean;
}


/**
 * The paragraphs of one part, each as it stands (features/agreement.ts agreedText: thread lines and marks out, pending
 * suggestions not applied, hints out), with the line of the source it starts on (0-based).
 */
function partParagraphs(model: DraftAnalysis, s: Section): { text: string; line: number }[] {
  const headingLine = model.lines.positionAt(s.heading.start).line;
  // Hints blanked line for line, so that every line keeps its number.
  const body = model.text.slice(s.heading.end, s.end).replace(/<!--[^]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const lines = body.split('\n');
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const first = i;
    while (i < lines.length && lines[i]!.trim()) i++;
    const text = agreedText(lines.slice(first, i).join('\n')).replace(/\s*\n\s*/g, ' ').trim();
    // A run of only thread lines, or a heading nested in the part, is not an observation.
    if (text && !/^#{1,6}\s/.test(text)) out.push({ text, line: headingLine + first });
  }
  return out;
}

/** The entries of the lists among `files`, in the order instrument → article → part → State → paragraph. */
export function digestEntries(files: readonly { file: string; text: string }[], options: DigestOptions = {}, env?: AnalysisEnv): DigestEntry[] {
  const out: DigestEntry[] = [];
  for (const { file, text } of files) {
    const model = DraftAnalysis.parse(text, undefined, env);
    const info = model.info;
    if (!info || info.kind !== 'list-of-observations') continue;
    if (options.finalizedOnly) {
      if (info.stage !== 'finalization') continue;
      if (checkModel(model, { finalization: true }).some((f) => f.severity === 'error')) continue;
    }
    const agreedNow = new Set(agreements(model).filter((a) => !a.changed).map((a) => a.key));
    for (const a of model.articleSections()) {
      if (!a.articleExists || !a.instrument || a.article === undefined) continue;
      const key = `${a.instrument}-${a.article}`;
      if (options.article && options.article !== key) continue;
      const status = info.assignments.get(key)?.status ?? info.assignments.get(a.instrument)?.status;
      const agreed = status === 'agreed-with-state' && agreedNow.has(key);
      if (options.finalizedOnly && !agreed) continue;
      for (const p of a.children) {
        if (p.role !== 'part' || !p.part || (options.part && options.part !== p.part)) continue;
        // A part that only says there is nothing to say ("None identified.", in any language) is not an entry.
        const paragraphs = partParagraphs(model, p).filter((x) => !saysNothing(x.text));
        paragraphs.forEach((x, i) => out.push({
          instrument: a.instrument!, article: a.article!, part: p.part!, text: x.text, paragraph: i + 1,
          state: info.stateUnderReview, reviewingStates: info.reviewingStates.map((r) => r.state), cluster: info.cluster,
          stage: info.stage, languages: info.languages, agreed, file, line: x.line + 1,
        }));
      }
    }
  }
  const inst = (k: InstrumentKey) => INSTRUMENT_KEYS.indexOf(k);
  const part = (p: PartId) => PARTS.findIndex((x) => x.id === p);
  return out.sort((x, y) => inst(x.instrument) - inst(y.instrument) || x.article - y.article || part(x.part) - part(y.part)
    || x.state.localeCompare(y.state) || x.file.localeCompare(y.file) || x.paragraph - y.paragraph);
}

/** Per article, how many States' lists say something under each part: where the gaps are, which needs recur. */
export interface ArticleCount { instrument: InstrumentKey; article: number; states: Record<PartId, number> }

export function digestCounts(entries: readonly DigestEntry[]): ArticleCount[] {
  const byArticle = new Map<string, { c: ArticleCount; seen: Set<string> }>();
  for (const e of entries) {
    const key = `${e.instrument}-${e.article}`;
    let a = byArticle.get(key);
    if (!a) byArticle.set(key, (a = { c: { instrument: e.instrument, article: e.article, states: Object.fromEntries(PARTS.map((p) => [p.id, 0])) as Record<PartId, number> }, seen: new Set() }));
    const once = `${e.part}|${e.state}|${e.file}`;
    if (a.seen.has(once)) continue;
    a.seen.add(once);
    a.c.states[e.part]++;
  }
  return [...byArticle.values()].map((x) => x.c);
}

/** The words of a digest in `lang` (headings follow it; entries stay in theirs). */
export function digestWords(lang: string) {
  const tpl = templateFor(lang);
  return {
    instrument: (k: InstrumentKey) => tpl.instrument(k),
    article: (k: InstrumentKey, n: number) => { const a = getArticle(k, n); return a ? tpl.article(a) : `${k}-${n}`; },
    part: (p: PartId) => tpl.part[p],
  };
}

/** The columns of the spreadsheet and the CSV, in order. */
export function digestColumns(): { key: keyof DigestEntry | 'articleKey' | 'title'; header: string }[] {
  return [
    { key: 'instrument', header: t('Instrument') }, { key: 'article', header: t('Article') }, { key: 'title', header: t('Article title') },
    { key: 'part', header: t('Part') }, { key: 'state', header: t('State under review') }, { key: 'reviewingStates', header: t('Reviewing States') },
    { key: 'cluster', header: t('Cluster') }, { key: 'stage', header: t('Stage') }, { key: 'languages', header: t('Languages') },
    { key: 'agreed', header: t('Agreed with the State') }, { key: 'paragraph', header: t('Paragraph') }, { key: 'text', header: t('Text') },
    { key: 'file', header: t('File') }, { key: 'line', header: t('Line') },
  ];
}

/** A row of the spreadsheet and the CSV: plain values, lists joined. */
export function digestRow(e: DigestEntry): (string | number | boolean)[] {
  const title = getArticle(e.instrument, e.article)?.titleEn ?? '';
  return [e.instrument, e.article, title, e.part, e.state, e.reviewingStates.join('; '), e.cluster ?? '', e.stage, e.languages.join(', '), e.agreed, e.paragraph, e.text, e.file, e.line];
}

/** RFC 4180 CSV (CRLF line breaks, every field that needs it quoted), with a byte-order mark for spreadsheet programs. */
export function digestCsv(entries: readonly DigestEntry[]): string {
  const field = (v: string | number | boolean) => { const s = String(v); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  const lines = [digestColumns().map((c) => field(c.header)).join(','), ...entries.map((e) => digestRow(e).map(field).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained HTML page (no network): counts per article and part drawn as bars, then every entry with a link back. */
export function digestHtml(entries: readonly DigestEntry[], lang: string, generated: string): string {
  const w = digestWords(lang);
  const counts = digestCounts(entries);
  const max = Math.max(1, ...counts.flatMap((c) => Object.values(c.states)));
  const colors: Record<PartId, string> = { implementation: '#2e8540', gaps: '#c0504d', 'good-practices': '#5b7bd5', suggestions: '#d9822b', 'technical-assistance': '#8064a2' };
  const chart = (p: PartId) => {
    const rows = counts.filter((c) => c.states[p]).sort((a, b) => b.states[p] - a.states[p]);
    if (!rows.length) return `<p>${esc(t('No entries.'))}</p>`;
    const h = 22, labelW = 300, width = 640;
    const bars = rows.map((c, i) => {
      const bw = Math.round(((width - labelW - 40) * c.states[p]) / max);
      return `<g transform="translate(0,${i * h})"><text x="${labelW - 8}" y="15" text-anchor="end">${esc(`${c.instrument}-${c.article}`)}</text><rect x="${labelW}" y="3" width="${bw}" height="16" fill="${colors[p]}"/><text x="${labelW + bw + 6}" y="15">${c.states[p]}</text></g>`;
    }).join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rows.length * h + 4}" role="img" aria-label="${esc(w.part(p))}" font-size="12" font-family="sans-serif">${bars}</svg>`;
  };
  const sections: string[] = [];
  let inst: string | null = null, art: string | null = null, part: string | null = null;
  for (const e of entries) {
    if (e.instrument !== inst) { sections.push(`<h2>${esc(w.instrument(e.instrument))}</h2>`); inst = e.instrument; art = null; }
    const a = `${e.instrument}-${e.article}`;
    if (a !== art) { sections.push(`<h3 id="${a}">${esc(w.article(e.instrument, e.article))}</h3>`); art = a; part = null; }
    if (e.part !== part) { sections.push(`<h4>${esc(w.part(e.part))}</h4>`); part = e.part; }
    const dir = e.languages[0] === 'ar' ? 'rtl' : 'auto';
    sections.push(`<p class="entry" dir="${dir}" lang="${esc(e.languages[0] ?? '')}"><span class="state">${esc(e.state)}</span> ${esc(e.text)} <a class="src" href="${esc(encodeURI(e.file))}">${esc(`${e.file}:${e.line}`)}</a>${e.agreed ? '' : ` <span class="draft">${esc(t('(not agreed)'))}</span>`}</p>`);
  }
  const states = new Set(entries.map((e) => `${e.state}|${e.file}`)).size;
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(t('Digest of the lists of observations'))}</title>
<style>
body{font-family:system-ui,"Noto Sans","Noto Sans CJK SC","Noto Naskh Arabic",sans-serif;margin:2em;color:#222;max-width:60em}
h1{font-size:1.4em} h2{font-size:1.2em;margin-top:1.6em} h3{font-size:1.05em} h4{font-size:.95em;font-style:italic}
.entry .state{font-weight:bold} .entry .src{color:#555;font-size:.85em} .entry .draft{color:#b22;font-size:.85em}
svg{direction:ltr}
</style></head><body>
<h1>${esc(t('Digest of the lists of observations'))}</h1>
<p>${esc(t('Generated {0} by review-obs from {1} list(s): {2} entries.', generated, states, entries.length))}</p>
${PARTS.map((p) => `<h2>${esc(t('How many lists say something under "{0}", per article', w.part(p.id)))}</h2>\n<div class="chart" id="chart-${p.id}">${chart(p.id)}</div>`).join('\n')}
${sections.join('\n')}
</body></html>
`;
}
