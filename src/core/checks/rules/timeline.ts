// timeline.overdue / timeline.late: a review step past its indicative deadline, from the dates in the front matter.
import { t } from '@vscode/l10n';
import { timeline, type StepId } from '../../features/timeline';
import type { DocumentRule } from '../rule';

function stepName(s: StepId): string {
  switch (s) {
    case 'focal-point': return t('The appointment of the focal point');
    case 'experts': return t('The appointment of the governmental experts');
    case 'self-assessment': return t('The self-assessment questionnaire');
    case 'feedback': return t('The written feedback');
  }
}
/** The day a check judges deadlines on: the options' (a test, a report "as of"), else today's, in UTC. */
export function checkDay(options: { today?: string }): string {
  return options.today ?? new Date().toISOString().slice(0, 10);
}
const period = (d: { weeks?: number; months?: number }) => (d.months ? t('{0} months', d.months) : t('{0} weeks', d.weeks ?? 0));

// Both read the front matter alone: kept while the headings and the front matter are (a keystroke in a paragraph), on
// the same day (checks/index.ts keys the heading rules' findings by the day).
export const timelineOverdue: DocumentRule = {
  code: 'timeline.overdue',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'A step of the review is past its indicative deadline and not recorded as done.',
  defaultSeverity: 'warning',
  check({ info, options, report }) {
    for (const s of timeline(info, checkDay(options), options.deadlines)) {
      if (s.done || s.overdueDays <= 0) continue;
      const at = info.dateRanges[s.deadline.from];
      if (!at) continue;
      report({ start: at[0], end: at[1] }, t('{0} was due on {1} ({2} after "{3}") and is {4} days overdue. Record "{5}" in the front matter when it is done.', stepName(s.step), s.due, period(s.deadline), s.deadline.from, s.overdueDays, s.deadline.done));
    }
  },
};

export const timelineLate: DocumentRule = {
  code: 'timeline.late',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'A step was done after its indicative deadline.',
  defaultSeverity: 'info',
  check({ info, options, report }) {
    for (const s of timeline(info, checkDay(options), options.deadlines)) {
      const at = info.dateRanges[s.deadline.done];
      if (!s.done || s.lateDays <= 0 || !at) continue;
      report({ start: at[0], end: at[1] }, t('{0} was done {1} days after its indicative deadline of {2}.', stepName(s.step), s.lateDays, s.due));
    }
  },
};
