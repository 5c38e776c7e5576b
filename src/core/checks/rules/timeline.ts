// timeline.overdue / timeline.late: a review step past its indicative deadline, from the dates in the front matter.
import { t } from '@vscode/l10n';
import { timeline, type StepId } from '../../features/timeline';
import type { Rule } from '../rule';

function stepName(s: StepId): string {
  switch (s) {
    case 'focal-point': return t('The appointment of the focal point');
    case 'experts': return t('The appointment of the governmental experts');
    case 'self-assessment': return t('The self-assessment questionnaire');
    case 'feedback': return t('The written feedback');
  }
}
const today = (o?: string) => o ?? new Date().toISOString().slice(0, 10);
const period = (d: { weeks?: number; months?: number }) => (d.months ? t('{0} months', d.months) : t('{0} weeks', d.weeks ?? 0));

export const timelineOverdue: Rule = {
  code: 'timeline.overdue',
  scope: 'document',
  summary: 'A step of the review is past its indicative deadline and not recorded as done.',
  defaultSeverity: 'warning',
  check({ info, options, report }) {
    for (const s of timeline(info, today(options.today), options.deadlines)) {
      if (s.done || s.overdueDays <= 0) continue;
      const at = info.dateRanges[s.deadline.from];
      if (!at) continue;
      report({ start: at[0], end: at[1] }, t('{0} was due on {1} ({2} after "{3}") and is {4} days overdue. Record "{5}" in the front matter when it is done.', stepName(s.step), s.due, period(s.deadline), s.deadline.from, s.overdueDays, s.deadline.done));
    }
  },
};

export const timelineLate: Rule = {
  code: 'timeline.late',
  scope: 'document',
  summary: 'A step was done after its indicative deadline.',
  defaultSeverity: 'info',
  check({ info, options, report }) {
    for (const s of timeline(info, today(options.today), options.deadlines)) {
      const at = info.dateRanges[s.deadline.done];
      if (!s.done || s.lateDays <= 0 || !at) continue;
      report({ start: at[0], end: at[1] }, t('{0} was done {1} days after its indicative deadline of {2}.', stepName(s.step), s.lateDays, s.due));
    }
  },
};
