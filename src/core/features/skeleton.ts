// Writes a new draft (list of observations or summary): front matter plus a section for every article under review.
import { t } from '@vscode/l10n';
import { Document, isMap, parseDocument, type Scalar, type YAMLSeq } from 'yaml';
import { PARTS, INTRODUCTION_ID, type DocumentKind } from '../domain/blueprint';
import { getCluster } from '../domain/clusters';
import { getArticle, INSTRUMENT_KEYS, type InstrumentKey } from '../domain/instruments';
import { FIELDS, type ReviewingState } from '../draft/frontMatter';
import { DraftAnalysis } from '../draft/analysis';
import { templateForLanguages } from '../domain/templates';

export interface NewDraftOptions {
  kind: DocumentKind;
  stateUnderReview: string;
  reviewingStates: ReviewingState[];
  cluster: number;
  partyTo: InstrumentKey[];
  /** One or two UN language codes: the headings are written in each (bilingual when two). */
  languages: string[];
  group?: number;
  reviewStart?: string;
  /** Articles under review; defaults to the (provisional) cluster data for the instruments the State is party to. */
  articles?: Partial<Record<InstrumentKey, number[]>>;
  /** Line break to write: the platform's or the one of the file being derived from. */
  eol?: '\n' | '\r\n';
}

export function defaultArticles(cluster: number, partyTo: readonly InstrumentKey[]): Partial<Record<InstrumentKey, number[]>> {
  const c = getCluster(cluster);
  const out: Partial<Record<InstrumentKey, number[]>> = {};
  for (const k of INSTRUMENT_KEYS) if (partyTo.includes(k)) out[k] = [...(c?.articles[k] ?? [])];
  return out;
}

export function newDraft(o: NewDraftOptions): string {
  const partyTo = INSTRUMENT_KEYS.filter((k) => o.partyTo.includes(k));
  const articles = o.articles ?? defaultArticles(o.cluster, partyTo);
  const fromCluster = !o.articles;
  const doc = new Document({});
  const set = (k: string, v: unknown) => doc.set(k, v);
  set(FIELDS.document, o.kind);
  set(FIELDS.state, o.stateUnderReview);
  set(FIELDS.reviewers, o.reviewingStates.map((r) => {
    const instruments = INSTRUMENT_KEYS.filter((k) => r.instruments.includes(k));
    return sameList(instruments, partyTo) ? { state: r.state } : { state: r.state, instruments: flow(doc, instruments) };
  }));
  set(FIELDS.cluster, o.cluster);
  set(FIELDS.partyTo, flow(doc, partyTo));
  set(FIELDS.languages, flow(doc, o.languages));
  if (o.group !== undefined) set(FIELDS.group, o.group);
  if (o.reviewStart !== undefined) set(FIELDS.reviewStart, o.reviewStart);
  set(FIELDS.stage, 'drafting');
  const arts = new Document({}).createNode({}) as ReturnType<Document['createNode']>;
  for (const k of partyTo) {
    if (isMap(arts)) arts.set(k, flow(doc, [...(articles[k] ?? [])].sort((a, b) => a - b)));
  }
  set(FIELDS.articles, arts);
  let yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (fromCluster) {
    yaml = yaml.replace(/^articles:/m, '# Articles under review: a default from provisional cluster data (the official list was not\n# available to this tool). Check them against the review\'s terms of reference and correct them here.\narticles:');
  }
  const tpl = templateForLanguages(o.languages);
  const lines: string[] = ['---', ...yaml.trimEnd().split('\n'), '---', '', `# ${tpl.title(o.kind, o.stateUnderReview)}`, ''];
  lines.push(`## ${tpl.introduction} {#${INTRODUCTION_ID}}`, '', `<!-- ${tpl.introductionHint} -->`, '');
  for (const k of partyTo) {
    lines.push(...instrumentSection(k, articles[k] ?? [], o.languages));
  }
  const eol = o.eol ?? '\n';
  return lines.join(eol).replace(/(\r?\n)+$/, '') + eol;
}

/** The lines of one instrument's section with its articles; used by the skeleton and by the quick fixes. */
export function instrumentSection(k: InstrumentKey, articles: readonly number[], languages: readonly string[]): string[] {
  const tpl = templateForLanguages(languages);
  const out = [`## ${tpl.instrument(k)} {#${k}}`, ''];
  for (const n of [...articles].sort((a, b) => a - b)) out.push(...articleSection(k, n, languages));
  return out;
}

export function articleSection(k: InstrumentKey, n: number, languages: readonly string[]): string[] {
  const tpl = templateForLanguages(languages);
  const a = getArticle(k, n);
  const title = a ? tpl.article(a) : `${n}`; // only articles the data has reach here (callers validate)
  const out = [`### ${title} {#${k}-${n}}`, ''];
  for (const p of PARTS) out.push(...partSection(p.id, languages));
  return out;
}

export function partSection(p: (typeof PARTS)[number]['id'], languages: readonly string[]): string[] {
  const tpl = templateForLanguages(languages);
  return [`#### ${tpl.part[p]} {.${p}}`, '', `<!-- ${tpl.partHint[p]} -->`, ''];
}

/**
 * A summary started from an existing list of observations: the list's front matter kept as written (comments and
 * extra fields included) with "document" set to "summary", and one section for every article the list covers.
 */
export function summaryFromList(listText: string): string {
  const model = DraftAnalysis.parse(listText);
  const fm = model.frontMatter;
  if (!fm || fm.closeLine === null || !model.info) {
    throw new Error(t('The list of observations has no valid front matter; fix it first (run "review-obs check" to see why).'));
  }
  const info = model.info;
  const yamlText = listText.slice(fm.contentStart, fm.contentEnd);
  const yaml = parseDocument(yamlText);
  const kindNode = yaml.get(FIELDS.document, true) as Scalar | undefined;
  const r = kindNode?.range;
  if (!r) throw new Error(t('The list of observations has no "document" field.'));
  // The summary is a document of its own: who drafts what carries over, the list's statuses and agreements do not
  // (an agreement binds the list's text, not the summary's).
  const cuts: [number, number, string][] = [[r[0], r[1], 'summary']];
  const assignments = yaml.get(FIELDS.assignments, true);
  if (isMap(assignments)) {
    for (const entry of assignments.items) {
      const v = entry.value;
      if (!isMap(v)) continue;
      for (const pair of v.items) {
        const key = (pair.key as Scalar | null)?.value;
        if (!['status', 'agreed-by', 'agreed-on', 'agreed-text'].includes(String(key))) continue;
        const from = (pair.key as Scalar).range![0], to = (pair.value as Scalar | null)?.range?.[1] ?? (pair.key as Scalar).range![1];
        if (v.flow) {
          // "{state: X, status: Y}": the pair and the comma before it.
          const comma = yamlText.lastIndexOf(',', from);
          cuts.push([comma > yamlText.lastIndexOf('{', from) ? comma : from, to, '']);
        } else {
          // One field a line: the whole line.
          const lineStart = yamlText.lastIndexOf('\n', from - 1) + 1;
          const lineEnd = yamlText.indexOf('\n', to);
          cuts.push([lineStart, lineEnd < 0 ? yamlText.length : lineEnd + 1, '']);
        }
      }
    }
  }
  let yamlOut = yamlText;
  for (const [a, b, text] of cuts.sort((x, y) => y[0] - x[0])) yamlOut = yamlOut.slice(0, a) + text + yamlOut.slice(b);
  const head = listText.slice(0, fm.contentStart) + yamlOut +
    listText.slice(fm.contentEnd, model.lines.lineStart(fm.closeLine + 1) ?? listText.length);
  const eol = listText.includes('\r\n') ? '\r\n' : '\n';
  const covered = new Map<InstrumentKey, number[]>();
  for (const s of model.articleSections()) {
    if (!s.articleExists) continue;
    const list = covered.get(s.instrument!) ?? [];
    if (!list.includes(s.article!)) list.push(s.article!);
    covered.set(s.instrument!, list);
  }
  const tpl = templateForLanguages(info.languages);
  const lines = ['', `# ${tpl.title('summary', info.stateUnderReview)}`, '', `## ${tpl.introduction} {#${INTRODUCTION_ID}}`, '', `<!-- ${tpl.introductionHint} -->`, ''];
  for (const k of INSTRUMENT_KEYS) {
    if (covered.has(k)) lines.push(...instrumentSection(k, covered.get(k)!, info.languages));
  }
  return head + lines.join(eol).replace(/(\r?\n)+$/, '') + eol;
}

function flow(doc: Document, items: readonly unknown[]): YAMLSeq {
  const seq = doc.createNode([...items]) as YAMLSeq;
  seq.flow = true;
  return seq;
}
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
