// What the secretariat's batch check keeps of each draft, and the checks that compare a summary with its list.
import { withoutHtmlComments } from '../text/code';
import { t } from '@vscode/l10n';
import { saysNothing } from '../domain/templates';
import { agreedCount, articleStatuses } from '../features/assignments';
import { checkModel, type CheckOptions } from '../checks/index';
import type { AnalysisEnv } from '../draft/sectionCache';
import { decodeDraft, type Decoded } from '../files/input';
import { DraftAnalysis, type Section } from '../draft/analysis';
import { isDraft } from '../service';
import { applySeverity, type Finding, type Severity, type SeverityOverrides } from '../checks/finding';
import type { Range } from '../text/lines';

export interface ArticleMark { key: string; range: Range }

/** One draft, reduced to what tables, charts and cross-document checks need (plain data: it crosses worker threads). */
export interface DraftSummary {
  file: string;
  /** False for a Markdown file that is not a draft (skipped) or a file that could not be read (see findings). */
  draft: boolean;
  kind: string | null;
  state: string | null;
  cluster: number | null;
  languages: string[];
  articlesUnderReview: number;
  /** Article sections whose parts are all written. */
  articlesComplete: number;
  findings: Finding[];
  counts: Record<Severity, number>;
  openThreads: number;
  pendingSuggestions: number;
  /** Articles whose status is agreed with the State under review. */
  articlesAgreed: number;
  /** For cross-document checks: the article sections, and those whose technical-assistance part states a need. */
  articles: ArticleMark[];
  assistance: ArticleMark[];
}


function partText(model: DraftAnalysis, s: Section): string {
  return withoutHtmlComments(model.text.slice(s.heading.end, s.end), '').replace(/^\{>>@.*<<\}[ \t]*$/gm, '').trim();
}

/** `env`: the cache and parser of the run (a batch sizes its cache for the file at hand); by default, new ones. */
export function summarizeText(file: string, text: string, options: CheckOptions, explicit = true, env?: AnalysisEnv): DraftSummary {
  const base: DraftSummary = { file, draft: false, kind: null, state: null, cluster: null, languages: [], articlesUnderReview: 0, articlesComplete: 0, findings: [], counts: { error: 0, warning: 0, info: 0 }, openThreads: 0, pendingSuggestions: 0, articlesAgreed: 0, articles: [], assistance: [] };
  if (!explicit && !isDraft(text)) return base;
  const model = DraftAnalysis.parse(text, undefined, env);
  const findings = checkModel(model, options);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const articles: ArticleMark[] = [], assistance: ArticleMark[] = [];
  let complete = 0;
  for (const a of model.articleSections()) {
    if (!a.articleExists) continue;
    const key = `${a.instrument}-${a.article}`;
    articles.push({ key, range: model.headingRange(a) });
    const parts = a.children.filter((c) => c.role === 'part');
    // From the analysis, not from findings: a part is empty whether or not its finding is turned off.
    if (parts.length && parts.every((p) => !model.isEmptyPart(p))) complete++;
    const ta = parts.find((p) => p.part === 'technical-assistance');
    if (ta) { const txt = partText(model, ta); if (txt && !saysNothing(txt)) assistance.push({ key, range: model.headingRange(ta) }); }
  }
  const threads = model.comments.threads;
  const info = model.info;
  return {
    ...base, draft: true, kind: info?.kind ?? null, state: info?.stateUnderReview ?? null, cluster: info?.cluster ?? null, languages: info?.languages ?? [],
    articlesUnderReview: info ? [...info.articles.values()].reduce((n, l) => n + l.length, 0) : 0, articlesComplete: complete,
    findings, counts, articles, assistance,
    openThreads: threads.filter((x) => x.kind === 'comment' && !x.resolved).length,
    pendingSuggestions: threads.filter((x) => x.kind !== 'comment' && x.mark).length,
    articlesAgreed: agreedCount(articleStatuses(model)).agreed,
  };
}

export function summarizeBytes(file: string, bytes: Uint8Array, options: CheckOptions, explicit: boolean, env?: AnalysisEnv): DraftSummary {
  return summarizeDecoded(file, decodeDraft(bytes), options, explicit, env);
}

/** A file's summary from what reading it gave: its text checked, or the one file-level finding that kept it unread. */
export function summarizeDecoded(file: string, d: Decoded, options: CheckOptions, explicit: boolean, env?: AnalysisEnv): DraftSummary {
  if (d.ok) return summarizeText(file, d.text, options, explicit, env);
  const s = summarizeText(file, '', options, false);
  return { ...s, draft: true, findings: [d.finding], counts: { error: 1, warning: 0, info: 0 } };
}

const sameReview = (a: DraftSummary, b: DraftSummary) => a.state !== null && a.state.trim().toLowerCase() === b.state?.trim().toLowerCase() && a.cluster === b.cluster;

/**
 * A summary checked against the list of observations of the same review (same State and cluster) among the files:
 * every article it covers and every technical-assistance need it states must be in the list.
 */
export function crossCheck(drafts: DraftSummary[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const s of drafts.filter((d) => d.kind === 'summary')) {
    const list = drafts.find((d) => d.kind === 'list-of-observations' && sameReview(d, s));
    if (!list) continue;
    const inList = new Set(list.articles.map((a) => a.key));
    const taInList = new Set(list.assistance.map((a) => a.key));
    const add = (f: Finding) => out.set(s.file, [...(out.get(s.file) ?? []), f]);
    for (const a of s.articles) {
      if (!inList.has(a.key)) add({ code: 'summary.not-in-list', severity: 'error', range: a.range, message: t('The summary covers {0}, which has no section in the list of observations ({1}). Remove it or add it to the list.', a.key.replace('-', ' article '), list.file) });
    }
    for (const a of s.assistance) {
      if (inList.has(a.key) && !taInList.has(a.key)) add({ code: 'summary.assistance-not-in-list', severity: 'warning', range: a.range, message: t('The summary states a technical assistance need under {0}, but the list of observations ({1}) states none there.', a.key.replace('-', ' article '), list.file) });
    }
  }
  return out;
}

/** The findings of a set of drafts merged with the cross-document ones (severities as configured), counts updated. */
export function withCrossChecks(drafts: DraftSummary[], severity?: SeverityOverrides): DraftSummary[] {
  const cross = crossCheck(drafts);
  return drafts.map((d) => {
    const found = cross.get(d.file);
    const extra = found && applySeverity(found, severity);
    if (!extra?.length) return d;
    const counts = { ...d.counts };
    for (const f of extra) counts[f.severity]++;
    return { ...d, findings: [...d.findings, ...extra], counts };
  });
}
