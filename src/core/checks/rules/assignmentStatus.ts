// assignment.inconsistent-status / assignment.changed-after-agreement: an agreed article still with work in it, or changed since.
import { t } from '@vscode/l10n';
import { articleStatuses, threadTally } from '../../features/assignments';
import { agreements, isAgreed } from '../../features/agreement';
import type { Rule } from '../rule';
import { chunkHasContent } from '../../draft/analysis';
import { localComments } from '../../comments/parse';

export const inconsistentStatus: Rule = {
  code: 'assignment.inconsistent-status',
  scope: 'document',
  summary: 'An article is marked agreed (`agreed-by-reviewers` or `agreed-with-state`) but its section still has empty parts, open comment threads or pending suggestions, or no section at all.',
  defaultSeverity: 'warning',
  // Of a section's text it reads whether it is empty and how many threads are open and suggestions pending in it.
  chunkKey(text, facts) {
    let open = 0, pending = 0;
    for (const th of localComments(text, facts).model.threads) {
      const tally = threadTally(th);
      if (tally === 'open') open++; else if (tally === 'pending') pending++;
    }
    return `${chunkHasContent(text, facts)} ${open} ${pending}`;
  },
  check({ model, info, report }) {
    // Only agreed articles are reported: with none, the statuses are not worked out at all.
    if (![...info.assignments.values()].some((a) => isAgreed(a.status))) return;
    for (const s of articleStatuses(model)) {
      if (!isAgreed(s.status)) continue;
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

export const changedAfterAgreement: Rule = {
  code: 'assignment.changed-after-agreement',
  scope: 'document',
  summary: 'An agreed article (`agreed-by-reviewers` or `agreed-with-state`) whose text changed after the agreement was recorded.',
  escalates: true,
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const a of agreements(model)) {
      // An agreed article without a section is the other rule's finding (inconsistent-status).
      if (!a.changed || !a.section) continue;
      const [k, n] = a.key.split('-') as [string, string];
      const by = a.by ?? t('an unnamed author');
      const when = a.on?.slice(0, 10) ?? t('an unrecorded date');
      const status = info.assignments.get(a.key)?.status ?? '';
      report(a.section, t('Article {0} was agreed ("{1}") by {2} on {3}; its text has changed since. Show the changes, then agree to the text again or reopen the article.', a.key, status, by, when), undefined, { instrument: k, article: Number(n) });
    }
  },
};
