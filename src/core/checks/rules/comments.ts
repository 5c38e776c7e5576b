// comment.*: open threads, pending suggestions, broken marks, orphans and git conflicts in the draft.
import { t } from '@vscode/l10n';
import { parseComments, type Problem } from '../../comments/parse';
import { threadAuthor } from '../../comments/ops';
import { formatter, HOLES } from '../../text/messages';
import type { Rule } from '../rule';

export const openThread: Rule = {
  code: 'comment.open-thread',
  defaultSeverity: 'info',
  check({ model, info, report }) {
    const byAuthor = formatter(t('Open comment by {0}: resolve it when it is settled.', HOLES[0]));
    const anonymous = t('Open comment: resolve it when it is settled.');
    for (const th of parseComments(model.text).threads) {
      // A mark whose thread lines are missing is reported as an orphan, not also as an open conversation.
      if (th.kind !== 'comment' || th.resolved || !th.mark || (!th.mark.anonymous && !th.blocks.length)) continue;
      const at = th.mark ?? th.blocks[0];
      if (!at) continue;
      const who = threadAuthor(th);
      // While drafting an open thread is conversation; at finalization it blocks the draft.
      report(at, who ? byAuthor(who) : anonymous, info.stage === 'finalization' ? 'error' : undefined);
    }
  },
};

export const pendingSuggestion: Rule = {
  code: 'comment.pending-suggestion',
  defaultSeverity: 'info',
  check({ model, info, report }) {
    const byAuthor = formatter(t('Suggested {0} by {1}: accept or reject it.', HOLES[0], HOLES[1]));
    const anonymous = formatter(t('Suggested {0}: accept or reject it.', HOLES[0]));
    for (const th of parseComments(model.text).threads) {
      if (th.kind === 'comment' || !th.mark) continue;
      const who = threadAuthor(th);
      report(th.mark, who ? byAuthor(th.kind, who) : anonymous(th.kind), info.stage === 'finalization' ? 'error' : undefined);
    }
  },
};

function problemRule(code: Problem['code'], severity: 'error' | 'warning'): Rule {
  return {
    code,
    defaultSeverity: severity,
    check({ model, report }) {
      for (const p of parseComments(model.text).problems) if (p.code === code) report(p, p.message);
    },
  };
}
export const malformedMark = problemRule('comment.malformed', 'error');
export const orphanComment = problemRule('comment.orphan', 'warning');
export const mergeConflict = problemRule('comment.merge-conflict', 'error');
