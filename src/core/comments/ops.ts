// Comment and suggestion operations as minimal edits: add, reply, resolve, reopen, edit, delete, suggest, accept, reject, clean.
import { t } from '@vscode/l10n';
import { applyEdits, eolOf, type OffsetEdit } from '../features/edits';
import { parseComments, type Block, type CommentThread, type CommentsModel } from './parse';
import { hasBlankLine } from '../text/lines';

export interface Author { name: string; state?: string }
export interface OpContext {
  author: Author;
  /** Injected so tests are reproducible; the editor passes the clock. */
  now?: () => Date;
  newId?: (length: number) => string;
}

export class CommentError extends Error {}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Random base-36 id: 8 characters give 36^8 ≈ 2.8e12 values, so offline co-reviewers do not collide. */
export function randomId(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => ALPHABET[b % 36]).join('');
}

export function authorLabel(a: Author): string {
  const name = a.name.replace(/[|\r\n]/g, ' ').trim() || 'Anonymous';
  return a.state?.trim() ? `${name} (${a.state.replace(/[|()\r\n]/g, ' ').trim()})` : name;
}
/** "Li Wei (Calderra)" → { name: 'Li Wei', state: 'Calderra' }: the inverse of authorLabel, for names typed by hand. */
export function parseAuthor(label: string): Author {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(label.trim());
  return m ? { name: m[1]!, state: m[2]! } : { name: label.trim() };
}
/** A date as the thread lines write it: ISO 8601 in UTC, to the second. */
export function isoSeconds(d: Date): string { return d.toISOString().replace(/\.\d{3}Z$/, 'Z'); }
/** Now, by the context's clock. */
export function stamp(ctx: OpContext): string { return isoSeconds(ctx.now?.() ?? new Date()); }
function id(ctx: OpContext, n: number): string { return (ctx.newId ?? randomId)(n); }

/** A comment's text as it is stored on one line: line breaks as <br>, nothing that would end the line's mark early. */
/**
 * A comment's text on its one line, reversibly (decodeBody gives it back exactly): line breaks as <br>, and what would
 * end the line early or read as one of these escapes is itself escaped — "<<}" as "<<&#125;", a typed "<br>" as
 * "&lt;br>", an "&" that starts one of these as "&amp;". A text of only spaces is no text.
 */
export function encodeBody(body: string): string {
  if (!body.trim()) return '';
  const one = body.replace(/\r\n|\r|\n|<br>|<<\}|&(?=lt;br>|#125;|#91;|amp;)/g, (m) => (m === '<br>' ? '&lt;br>' : m === '<<}' ? '<<&#125;' : m === '&' ? '&amp;' : '<br>'));
  // A comment that reads exactly like an event is kept as text: its bracket is escaped.
  return /^\[(resolved|reopened)\]$/.test(one) ? `&#91;${one.slice(1)}` : one;
}

export function blockText(blockId: string, author: Author, date: string, body: string): string {
  const b = encodeBody(body);
  return `{>>@${blockId} | ${authorLabel(author)} | ${date}${b ? ` | ${b}` : ''}<<}`;
}
/** A parsed block written back: for every block the operations write, this is the line as it stands. */
export function serializeBlock(b: Block): string {
  const field = b.event ? `[${b.event}]` : encodeBody(b.body);
  return `{>>@${b.id} | ${b.author} | ${b.date}${field ? ` | ${field}` : ''}<<}`;
}

export function eventText(blockId: string, author: Author, date: string, event: 'resolved' | 'reopened'): string {
  return `{>>@${blockId} | ${authorLabel(author)} | ${date} | [${event}]<<}`;
}

/** End of the paragraph (or list, table, heading) holding `offset`: the last line before a blank line. */
export function paragraphEnd(text: string, offset: number): number {
  const re = /\r?\n[ \t]*(?:\r?\n|$)/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function checkRange(model: CommentsModel, text: string, start: number, end: number): void {
  if (start < 0 || end > text.length || start > end) throw new CommentError(t('The selection is outside the document.'));
  if (hasBlankLine(text.slice(start, end))) throw new CommentError(t('Select text within one paragraph: a comment or suggestion cannot span a blank line.'));
  for (const m of model.marks) if (start < m.end && end > m.start || (start === end && start > m.start && start < m.end)) throw new CommentError(t('The selection overlaps another comment or suggestion; select text outside it.'));
  for (const b of model.blocks) if (start < b.end && end > b.start) throw new CommentError(t('The selection is inside a comment thread; select text of the draft.'));
  // A mark in the front matter would break its YAML: the review's fields are edited, not commented on.
  const fm = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = /^(?:---|\.\.\.)[ \t]*$/m;
    const rest = text.slice(fm[0].length);
    const c = close.exec(rest);
    const fmEnd = c ? fm[0].length + c.index + c[0].length : text.length;
    if (start < fmEnd) throw new CommentError(t('The selection is in the front matter, whose fields a mark would break. Comment on the draft\'s text, or edit the field itself.'));
  }
}

function newThreadEdits(text: string, start: number, end: number, open: string, close: string, blockId: string, body: string, ctx: OpContext): OffsetEdit[] {
  const eol = eolOf(text);
  const at = paragraphEnd(text, end);
  // Directly under the paragraph, no blank line: an inserted line that differs from its neighbours cannot be slid
  // by git's diff next to a co-reviewer's change, so it never conflicts with one.
  const block = `${eol}${blockText(blockId, ctx.author, stamp(ctx), body)}`;
  const closeText = `${close}{>>@${blockId}<<}`;
  const edits: OffsetEdit[] = [];
  if (open) edits.push({ start, end: start, newText: open });
  // The closing mark and the block may fall at one offset; one edit keeps their order.
  if (at === end) edits.push({ start: end, end, newText: closeText + block });
  else edits.push({ start: end, end, newText: closeText }, { start: at, end: at, newText: block });
  return edits;
}

/** The character sequences the marks are made of, as a user would recognize them in a message. */
const DELIMITERS = ['{==', '==}', '{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}', '`'];

/**
 * Refuses a new mark that would not read back as written: a range holding the marks' own characters ("a ~> b"), ending
 * where a closing mark begins ("a-" before "--}") or cutting a code span. The mark is placed, read back and undone; only
 * when rejecting it gives the text back and accepting it gives the edit is it kept — so no text is ever lost to it.
 */
function placeable(text: string, edits: OffsetEdit[], tid: string, start: number, end: number, newText: string | null): OffsetEdit[] {
  const marked = applyEdits(text, edits);
  const before = parseComments(text);
  const after = parseComments(marked);
  const th = after.threads.find((x) => x.id === tid);
  const undone = th && applyEdits(marked, [...markEdits(th, 'old'), ...blockEdits(th)]);
  const done = th && newText !== null && applyEdits(marked, [...markEdits(th, 'new'), ...blockEdits(th)]);
  const ok = th && undone === text && (newText === null || done === applyEdits(text, [{ start, end, newText }])) &&
    after.threads.length === before.threads.length + 1 && after.problems.length <= before.problems.length;
  if (ok) return edits;
  const concerned = text.slice(start, end) + (newText ?? '');
  const found = DELIMITERS.filter((d) => concerned.includes(d) || text.slice(Math.max(0, start - 2), start + 2).includes(d) || text.slice(Math.max(0, end - 2), end + 2).includes(d));
  throw new CommentError(found.length
    ? t('A mark here could not hold the text as written: it contains or touches {0}, which the marks themselves use. Select a range without them, or a whole code span, or edit the text directly.', found.join(' '))
    : t('A mark here could not hold the text as written. Select a slightly different range, or edit the text directly.'));
}

/** A new comment thread on [start, end) (a point when equal), with its first comment. */
export function addComment(text: string, start: number, end: number, body: string, ctx: OpContext): { id: string; edits: OffsetEdit[] } {
  checkRange(parseComments(text), text, start, end);
  const tid = id(ctx, 8);
  const edits = start === end ? newThreadEdits(text, start, end, '', '', tid, body, ctx) : newThreadEdits(text, start, end, '{==', '==}', tid, body, ctx);
  return { id: tid, edits: placeable(text, edits, tid, start, end, null) };
}

/** A suggested change of [start, end) into `newText`: an insertion at a point, a deletion when `newText` is empty, else a replacement. */
export function suggestChange(text: string, start: number, end: number, newText: string, ctx: OpContext, comment = ''): { id: string; edits: OffsetEdit[] } {
  checkRange(parseComments(text), text, start, end);
  if (start === end && !newText) throw new CommentError(t('Nothing to suggest: select text to delete or replace, or type text to insert.'));
  if (hasBlankLine(newText) || /~~\}|\+\+\}|~>/.test(newText)) throw new CommentError(t('The suggested text cannot contain a blank line or the marks ~~}, ++}, ~>.'));
  const tid = id(ctx, 8);
  const edits = start === end ? newThreadEdits(text, start, end, '', `{++${newText}++}`, tid, comment, ctx)
    : !newText ? newThreadEdits(text, start, end, '{--', '--}', tid, comment, ctx)
    : newThreadEdits(text, start, end, '{~~', `~>${newText}~~}`, tid, comment, ctx);
  return { id: tid, edits: placeable(text, edits, tid, start, end, newText) };
}

function thread(text: string, threadId: string): CommentThread {
  const found = parseComments(text).threads.find((x) => x.id === threadId);
  if (!found) throw new CommentError(t('No comment thread @{0} in this document.', threadId));
  return found;
}

function appendToThread(text: string, t: CommentThread, content: string): OffsetEdit {
  const eol = eolOf(text);
  const last = t.blocks.reduce((m, b) => Math.max(m, b.end), -1);
  const at = last >= 0 ? last : paragraphEnd(text, t.mark!.end);
  return { start: at, end: at, newText: `${eol}${content}` };
}

export function reply(text: string, threadId: string, body: string, ctx: OpContext): OffsetEdit[] {
  const t = thread(text, threadId);
  return [appendToThread(text, t, blockText(`${t.id}.${id(ctx, 4)}`, ctx.author, stamp(ctx), body))];
}

export function setResolved(text: string, threadId: string, resolved: boolean, ctx: OpContext): OffsetEdit[] {
  const t = thread(text, threadId);
  if (t.resolved === resolved) return [];
  return [appendToThread(text, t, eventText(`${t.id}.${id(ctx, 4)}`, ctx.author, stamp(ctx), resolved ? 'resolved' : 'reopened'))];
}

function block(text: string, blockId: string): Block {
  const b = parseComments(text).blocks.find((x) => x.id === blockId);
  if (!b) throw new CommentError(t('No comment @{0} in this document.', blockId));
  return b;
}

export function editComment(text: string, blockId: string, body: string): OffsetEdit[] {
  const b = block(text, blockId);
  if (b.event) throw new CommentError(t('A resolve or reopen event has no text to edit.'));
  const stored = encodeBody(body);
  if (b.bodyStart === b.bodyEnd) return stored ? [{ start: b.bodyStart, end: b.bodyStart, newText: ` | ${stored}` }] : [];
  // Emptied: drop the field with its separator.
  if (!stored) return [{ start: b.bodyStart - 3, end: b.bodyEnd, newText: '' }];
  return [{ start: b.bodyStart, end: b.bodyEnd, newText: stored }];
}

/** Removes the marks of a thread, keeping (accept) or dropping (reject) the text it concerns. */
function markEdits(t: CommentThread, keep: 'old' | 'new'): OffsetEdit[] {
  const m = t.mark;
  if (!m) return [];
  const whole = (): OffsetEdit[] => [{ start: m.start, end: m.end, newText: '' }];
  // Cut only the markup around the kept text, so the text itself is never rewritten.
  const around = (innerStart: number, innerLen: number): OffsetEdit[] => [
    { start: m.start, end: innerStart, newText: '' },
    { start: innerStart + innerLen, end: m.end, newText: '' },
  ];
  switch (m.kind) {
    case 'comment': return m.text ? around(m.start + 3, m.text.length) : whole();
    case 'insertion': return keep === 'new' && m.text ? around(m.start + 3, m.text.length) : whole();
    case 'deletion': return keep === 'old' && m.text ? around(m.start + 3, m.text.length) : whole();
    case 'replacement': {
      if (keep === 'old') return m.text ? around(m.start + 3, m.text.length) : whole();
      const newStart = m.start + 3 + m.text.length + 2;
      return m.newText ? around(newStart, m.newText.length) : whole();
    }
  }
}
function blockEdits(t: CommentThread): OffsetEdit[] {
  return t.blocks.map((b) => ({ start: b.removeStart, end: b.end, newText: '' }));
}

/** Deletes one comment; deleting a thread's first comment deletes the thread and its mark (the text stays). */
export function deleteComment(text: string, blockId: string): OffsetEdit[] {
  const b = block(text, blockId);
  if (b.id !== b.threadId) return [{ start: b.removeStart, end: b.end, newText: '' }];
  const t = thread(text, b.threadId);
  return [...markEdits(t, 'old'), ...blockEdits(t)];
}
export function deleteThread(text: string, threadId: string): OffsetEdit[] {
  const t = thread(text, threadId);
  return [...markEdits(t, 'old'), ...blockEdits(t)];
}

export function accept(text: string, threadId: string): OffsetEdit[] {
  const th = thread(text, threadId);
  if (th.kind === 'comment') throw new CommentError(t('A comment is resolved, not accepted.'));
  return decisionEdits(th, 'accept');
}
export function reject(text: string, threadId: string): OffsetEdit[] {
  const th = thread(text, threadId);
  if (th.kind === 'comment') throw new CommentError(t('A comment is resolved, not rejected.'));
  return decisionEdits(th, 'reject');
}

/** The author of a thread as written on its first block ("" for plain CriticMarkup). */
export function threadAuthor(t: CommentThread): string {
  return t.blocks.find((b) => b.id === t.id)?.author ?? '';
}

export function acceptAll(text: string, byAuthor?: string): OffsetEdit[] {
  return parseComments(text).threads.filter((t) => t.kind !== 'comment' && (byAuthor === undefined || threadAuthor(t) === byAuthor)).flatMap((t) => decisionEdits(t, 'accept'));
}
export function rejectAll(text: string, byAuthor?: string): OffsetEdit[] {
  return parseComments(text).threads.filter((t) => t.kind !== 'comment' && (byAuthor === undefined || threadAuthor(t) === byAuthor)).flatMap((t) => decisionEdits(t, 'reject'));
}
/** The edits that accept or reject a suggestion's thread as read already (its text and thread lines). */
export function decisionEdits(th: CommentThread, decision: 'accept' | 'reject'): OffsetEdit[] {
  return [...markEdits(th, decision === 'accept' ? 'new' : 'old'), ...blockEdits(th)];
}

/** The clean copy: every suggestion accepted, every comment mark and thread block removed. */
export function cleanCopy(text: string): string {
  const model = parseComments(text);
  const edits = model.threads.flatMap((t) => [...markEdits(t, 'new'), ...blockEdits(t)]);
  return applyEdits(text, edits);
}
