// assignment.inconsistent-status: an article marked agreed while its section still has work in it.
import { t } from '@vscode/l10n';
import { articleStatuses } from '../../features/assignments';
import type { Rule } from '../rule';

export const inconsistentStatus: Rule = {
  code: 'assignment.inconsistent-status',
  scope: 'document',
  summary: 'An article is marked agreed (`agreed-by-reviewers` or `agreed-with-state`) but its section still has empty parts, open comment threads or pending suggestions, or no section at all.',
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const s of articleStatuses(model)) {
      if (s.status !== 'agreed-by-reviewers' && s.status !== 'agreed-with-state') continue;
      const why: string[] = [];
      if (s.emptyParts < 0) why.push(t('the draft has no section for it'));
      if (s.emptyParts > 0) why.push(t('{0} empty part(s)', s.emptyParts));
      if (s.openThreads) why.push(t('{0} open comment thread(s)', s.openThreads));
      if (s.pendingSuggestions) why.push(t('{0} pending suggestion(s)', s.pendingSuggestions));
      if (!why.length) continue;
      const a = info.assignments.get(s.key) ?? info.assignments.get(s.instrument);
      const at = a?.statusRange ?? a?.valueRange;
      const place = s.section ? { start: s.section.heading.start, end: s.section.heading.end } : at ? { start: at[0], end: at[1] } : { start: 0, end: 0 };
      report(place, t('Article {0} is marked "{1}" but has {2}. Settle them, or set the status back.', s.key, s.status, why.join(', ')));
    }
  },
};
