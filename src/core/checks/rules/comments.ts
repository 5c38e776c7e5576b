// comment.*: open threads, pending suggestions, broken marks, orphans and git conflicts in the draft.
import { t } from '@vscode/l10n';
import type { Problem } from '../../comments/parse';
import { threadAuthor } from '../../comments/ops';
import { formatter, HOLES } from '../../text/messages';
import type { Rule } from '../rule';

export const openThread: Rule = {
  code: 'comment.open-thread',
  scope: 'document',
  summary: 'A comment thread that is not resolved.',
  escalates: true,
  defaultSeverity: 'info',
  check({ model, report }) {
    const byAuthor = formatter(t('Open comment by {0}: resolve it when it is settled.', HOLES[0]));
    const anonymous = t('Open comment: resolve it when it is settled.');
    for (const th of model.comments.threads) {
      // A mark whose thread lines are missing is reported as an orphan, not also as an open conversation.
      if (th.kind !== 'comment' || th.resolved || !th.mark || (!th.mark.anonymous && !th.blocks.length)) continue;
      const at = th.mark ?? th.blocks[0];
      if (!at) continue;
      const who = threadAuthor(th);
      report(at, who ? byAuthor(who) : anonymous);
    }
  },
};

export const pendingSuggestion: Rule = {
  code: 'comment.pending-suggestion',
  scope: 'document',
  summary: 'A suggested insertion, deletion or replacement not yet accepted or rejected.',
  escalates: true,
  defaultSeverity: 'info',
  check({ model, report }) {
    const byAuthor = formatter(t('Suggested {0} by {1}: accept or reject it.', HOLES[0], HOLES[1]));
    const anonymous = formatter(t('Suggested {0}: accept or reject it.', HOLES[0]));
    for (const th of model.comments.threads) {
      if (th.kind === 'comment' || !th.mark) continue;
      const who = threadAuthor(th);
      report(th.mark, who ? byAuthor(th.kind, who) : anonymous(th.kind));
    }
  },
};

function problemRule(code: Problem['code'], severity: 'error' | 'warning', summary: string): Rule {
  return {
    code,
    scope: 'document',
    summary,
    defaultSeverity: severity,
    check({ model, report }) {
      for (const p of model.comments.problems) if (p.code === code) report(p, p.message);
    },
  };
}
export const malformedMark = problemRule('comment.malformed', 'error', 'A comment or suggestion mark that is not complete: unclosed, spanning a blank line, nested in another mark, or a thread block without its closing `<<}` line.');
export const orphanComment = problemRule('comment.orphan', 'warning', 'A mark without its thread block, a thread block without its mark, or a reply to a thread that does not exist.');
export const mergeConflict = problemRule('comment.merge-conflict', 'error', 'Git conflict lines (`<<<<<<<`, `=======`, `>>>>>>>`) are in the draft.');
