// comment.*: open threads, pending suggestions, broken marks, orphans and git conflicts in the draft.
import { t } from '@vscode/l10n';
import type { CommentThread, Problem } from '../../comments/parse';
import { threadAuthor } from '../../comments/ops';
import type { DraftAnalysis } from '../../draft/analysis';
import { HOLES, lazyFormatter } from '../../text/messages';
import type { Report, Rule } from '../rule';

/**
 * The threads a comment rule reports on: in a section, the section's own threads read from its text (kept with it, so
 * a keystroke reads one section); across sections, the threads no one section holds whole, or every thread when only
 * the whole text can be read (draft/analysis.ts commentLayout). `base` turns a section's offsets into the draft's.
 */
function threadsOfChunk(model: DraftAnalysis, chunk: number): { threads: readonly CommentThread[]; problems: readonly Problem[]; base: number } {
  const layout = model.commentLayout;
  if (layout.whole) return { threads: [], problems: [], base: 0 };
  const local = model.localCommentsOf(chunk).model;
  if (!layout.shared.size) return { threads: local.threads, problems: local.problems, base: model.chunkStart(chunk) };
  const own = (id: string | undefined) => id === undefined || !layout.shared.has(id);
  return { threads: local.threads.filter((th) => own(th.id)), problems: local.problems.filter((p) => own(p.thread)), base: model.chunkStart(chunk) };
}
function threadsAcross(model: DraftAnalysis): { threads: readonly CommentThread[]; problems: readonly Problem[] } {
  const layout = model.commentLayout;
  if (layout.whole) return model.comments;
  if (!layout.shared.size) return { threads: [], problems: [] };
  const c = model.comments;
  return { threads: c.threads.filter((th) => layout.shared.has(th.id)), problems: c.problems.filter((p) => p.thread !== undefined && layout.shared.has(p.thread)) };
}
const moved = (x: { start: number; end: number }, base: number) => (base ? { start: x.start + base, end: x.end + base } : x);

/** Reports each open comment thread of `threads`. */
function openThreads(threads: readonly CommentThread[], base: number, report: Report): void {
  if (!threads.length) return;
  const byAuthor = lazyFormatter(() => t('Open comment by {0}: resolve it when it is settled.', HOLES[0]));
  const anonymous = t('Open comment: resolve it when it is settled.');
  for (const th of threads) {
    // A mark whose thread lines are missing is reported as an orphan, not also as an open conversation.
    if (th.kind !== 'comment' || th.resolved || !th.mark || (!th.mark.anonymous && !th.blocks.length)) continue;
    const who = threadAuthor(th);
    report(moved(th.mark, base), who ? byAuthor(who) : anonymous);
  }
}

export const openThread: Rule = {
  code: 'comment.open-thread',
  scope: 'section',
  summary: 'A comment thread that is not resolved.',
  escalates: true,
  defaultSeverity: 'info',
  check({ model, chunk, report }) { const c = threadsOfChunk(model, chunk); openThreads(c.threads, c.base, report); },
  acrossSections({ model, report }) { openThreads(threadsAcross(model).threads, 0, report); },
};

/** Reports each suggestion of `threads`. */
function pendingSuggestions(threads: readonly CommentThread[], base: number, report: Report): void {
  if (!threads.length) return;
  const byAuthor = lazyFormatter(() => t('Suggested {0} by {1}: accept or reject it.', HOLES[0], HOLES[1]));
  const anonymous = lazyFormatter(() => t('Suggested {0}: accept or reject it.', HOLES[0]));
  for (const th of threads) {
    if (th.kind === 'comment' || !th.mark) continue;
    const who = threadAuthor(th);
    report(moved(th.mark, base), who ? byAuthor(th.kind, who) : anonymous(th.kind));
  }
}

export const pendingSuggestion: Rule = {
  code: 'comment.pending-suggestion',
  scope: 'section',
  summary: 'A suggested insertion, deletion or replacement not yet accepted or rejected.',
  escalates: true,
  defaultSeverity: 'info',
  check({ model, chunk, report }) { const c = threadsOfChunk(model, chunk); pendingSuggestions(c.threads, c.base, report); },
  acrossSections({ model, report }) { pendingSuggestions(threadsAcross(model).threads, 0, report); },
};

function problemRule(code: Problem['code'], severity: 'error' | 'warning', summary: string): Rule {
  const each = (problems: readonly Problem[], base: number, report: Report) => { for (const p of problems) if (p.code === code) report(moved(p, base), p.message); };
  return {
    code,
    scope: 'section',
    summary,
    defaultSeverity: severity,
    check({ model, chunk, report }) { const c = threadsOfChunk(model, chunk); each(c.problems, c.base, report); },
    acrossSections({ model, report }) { each(threadsAcross(model).problems, 0, report); },
  };
}
export const malformedMark = problemRule('comment.malformed', 'error', 'A comment or suggestion mark that is not complete: unclosed, spanning a blank line, nested in another mark, or a thread block without its closing `<<}` line.');
export const orphanComment = problemRule('comment.orphan', 'warning', 'A mark without its thread block, a thread block without its mark, or a reply to a thread that does not exist.');
export const mergeConflict = problemRule('comment.merge-conflict', 'error', 'Git conflict lines (`<<<<<<<`, `=======`, `>>>>>>>`) are in the draft.');
