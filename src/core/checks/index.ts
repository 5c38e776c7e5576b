// Runs every check on a draft: file and front-matter findings first, then the structure rules.
import { t } from '@vscode/l10n';
import type { DraftModel } from '../draft/model';
import type { ReviewInfo } from '../draft/frontMatter';
import type { InstrumentKey } from '../domain/instruments';
import { applySeverity, compareFindings, type Finding, type Severity } from '../finding';
import type { CheckOptions } from './options';
import { tooDeep, tooDeepMessage } from '../input';
import type { Rule } from './rule';
import { duplicateSection } from './rules/duplicateSection';
import { emptyPart } from './rules/emptyPart';
import { misplacedSection } from './rules/misplacedSection';
import { missingArticle } from './rules/missingArticle';
import { missingIntroduction } from './rules/missingIntroduction';
import { missingPart } from './rules/missingPart';
import { noSuchArticle } from './rules/noSuchArticle';
import { order } from './rules/order';
import { unexpectedArticle } from './rules/unexpectedArticle';
import { refNoSuchArticle, refNoSuchParagraph, refNoSuchSubparagraph } from './rules/refNoSuchUnit';
import { refNotParty, refOutsideReview } from './rules/refScope';
import { refAmbiguous, refNonCanonical } from './rules/refStyle';
import { malformedMark, mergeConflict, openThread, orphanComment, pendingSuggestion } from './rules/comments';
import { summaryTooLong } from './rules/summaryLength';
import { inconsistentStatus } from './rules/assignmentStatus';
import { timelineLate, timelineOverdue } from './rules/timeline';
import { footnoteUndefined, mastheadIncomplete } from './rules/exportLoss';

export const RULES: readonly Rule[] = [
  missingIntroduction, missingArticle, unexpectedArticle, noSuchArticle, duplicateSection,
  misplacedSection, missingPart, emptyPart, order,
  refNoSuchArticle, refNoSuchParagraph, refNoSuchSubparagraph, refNotParty, refOutsideReview, refAmbiguous, refNonCanonical,
  openThread, pendingSuggestion, malformedMark, orphanComment, mergeConflict,
  timelineOverdue, timelineLate, summaryTooLong, inconsistentStatus, footnoteUndefined, mastheadIncomplete,
];

/**
 * Every code a finding can carry, with its default severity. Each has a page docs/rules/<code>.md;
 * a test keeps the two in step.
 */
export const CODES: Readonly<Record<string, Severity>> = {
  'file.not-utf8': 'error',
  'file.binary': 'error',
  'file.too-large': 'error',
  'file.unreadable': 'error',
  'file.too-deep': 'error',
  'frontmatter.missing': 'error',
  'frontmatter.unclosed': 'error',
  'frontmatter.syntax': 'error',
  'frontmatter.missing-field': 'error',
  'frontmatter.invalid-value': 'error',
  'frontmatter.unknown-field': 'warning',
  'frontmatter.unknown-instrument': 'error',
  'frontmatter.unknown-cluster': 'error',
  'frontmatter.no-such-article': 'error',
  'frontmatter.provisional-articles': 'info',
  'summary.not-in-list': 'error',
  'summary.assistance-not-in-list': 'warning',
  'config.invalid': 'error',
  ...Object.fromEntries(RULES.map((r) => [r.code, r.defaultSeverity])),
};

export type { CheckOptions } from './options';

/**
 * The articles under review a configuration gives for a draft whose front matter has none (its cluster's lists, for
 * the instruments it is party to); null when the draft names its articles or the configuration has none for it.
 */
export function configuredArticles(info: ReviewInfo, options: CheckOptions): Map<InstrumentKey, number[]> | null {
  if (info.articlesFrom !== 'cluster-data') return null;
  const lists = options.clusters?.[String(info.cluster)];
  if (!lists) return null;
  const out = new Map<InstrumentKey, number[]>();
  for (const k of info.partyTo) { const l = lists[k]; if (l?.length) out.set(k, [...l].sort((a, b) => a - b)); }
  return out;
}

export function checkModel(model: DraftModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const push = (code: string, severity: Severity, message: string, start: number, end: number, data?: Finding['data']) =>
    out.push({ code, severity, message, range: model.lines.rangeOf(start, end), ...(data ? { data } : {}) });
  const fm = model.frontMatter;
  if (!fm) {
    push('frontmatter.missing', 'error', t('The draft has no front matter. Start the file with a "---" block describing the review (run "New list of observations" to get one).'), 0, model.lines.lineEnd(0));
  } else if (fm.closeLine === null) {
    push('frontmatter.unclosed', 'error', t('The front matter opened on line 1 is never closed. Add a line "---" after the last field.'), 0, model.lines.lineEnd(0));
  }
  const deep = tooDeep(model.text);
  if (deep) push('file.too-deep', 'error', tooDeepMessage(deep.depth, deep.line), deep.offset, model.lines.lineEnd(deep.line));
  const configured = model.info ? configuredArticles(model.info, options) : null;
  // Articles from the configuration are the secretariat's, not provisional: the note about provisional data goes.
  for (const i of model.frontMatterIssues) if (!(configured && i.code === 'frontmatter.provisional-articles')) push(i.code, i.severity, i.message, i.start, i.end);
  // The secretariat's readiness check judges every draft as at finalization, whatever its front matter says.
  let info = model.info && options.finalization ? { ...model.info, stage: 'finalization' as const } : model.info;
  if (info && configured) info = { ...info, articles: configured };
  if (info) {
    for (const rule of RULES) {
      rule.check({
        model, info, options,
        report(at, message, severity, data) {
          const r = 'heading' in at ? { start: at.heading.start, end: at.heading.end } : at;
          push(rule.code, severity ?? rule.defaultSeverity, message, r.start, r.end, data);
        },
      });
    }
  }
  return applySeverity(out, options.severity).sort(compareFindings);
}
