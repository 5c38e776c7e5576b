// Maps comment threads and suggestions of the core to VS Code's Comments API and commands; threads are rebuilt from the text on every change.
import * as vscode from 'vscode';
import {
  accept, acceptAll, addComment, CommentError, deleteComment, editComment, reject, rejectAll, reply, setResolved,
  suggestChange, threadAuthor, authorLabel, type CommentThread as CoreThread, type OffsetEdit, type OpContext, type ReviewService,
} from '../core/index';
import { SECTION } from './config';
import { asDoc } from './convert';
import { registerSafeCommand } from './safeCommand';
import type { Log } from './log';

const t = vscode.l10n.t;
const CONTROLLER_ID = 'reviewObservations';

class DraftComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  savedBody: string;
  constructor(public body: string | vscode.MarkdownString, public author: vscode.CommentAuthorInformation, public timestamp: Date, public contextValue: string, public blockId: string, public threadId: string) {
    this.savedBody = typeof body === 'string' ? body : body.value;
  }
}

/** Markdown only where the body has something Markdown would render differently: most comments are plain sentences. */
function commentBody(text: string): string | vscode.MarkdownString {
  return /[*_`[\]#>~|<\\!&\n]|https?:|www\./.test(text) ? new vscode.MarkdownString(text) : text;
}

/** Two 32-bit FNV-1a hashes of a string folded into 53 bits: equal strings, equal numbers; a collision is negligible. */
function hash53(s: string): number {
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export interface ThreadSummary { id: string; kind: string; resolved: boolean; line: number; comments: number }

export class ReviewComments implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Review Observations');
  /** Per document: our threads by core id. Rebuilt from the text, never trusted across edits. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly service: ReviewService, log: Log) {
    this.controller.options = { prompt: t('Comment on the selected text'), placeHolder: t('Write a comment for your co-reviewers') };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (d) => (this.isDraft(d) ? [new vscode.Range(0, 0, Math.max(0, d.lineCount - 1), 0)] : []),
    };
    const c = (id: string, f: (...a: any[]) => unknown) => registerSafeCommand(log, id, f, (e) => (e instanceof CommentError ? e.message : t('Review Observations: {0}', String((e as Error).message))));
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 200)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(`${SECTION}.comments`)) for (const d of vscode.workspace.textDocuments) this.schedule(d, 0); }),
      c('reviewObservations.comment.create', (r: vscode.CommentReply) => this.createOrReply(r)),
      c('reviewObservations.comment.reply', (r: vscode.CommentReply) => this.createOrReply(r)),
      c('reviewObservations.addComment', (args?: { text?: string }) => this.addAtSelection(args?.text)),
      c('reviewObservations.replyTo', (args: { threadId: string; text: string; uri?: string }) => this.op(this.doc(args.uri), (text, ctx) => reply(text, args.threadId, args.text, ctx))),
      c('reviewObservations.comment.resolve', (th: vscode.CommentThread | string, uri?: string) => this.setState(th, true, uri)),
      c('reviewObservations.comment.reopen', (th: vscode.CommentThread | string, uri?: string) => this.setState(th, false, uri)),
      c('reviewObservations.comment.delete', (cm: DraftComment) => this.op(this.docOfThread(cm.threadId), (text) => deleteComment(text, cm.blockId))),
      c('reviewObservations.comment.edit', (cm: DraftComment) => this.setMode(cm, vscode.CommentMode.Editing)),
      c('reviewObservations.comment.cancel', (cm: DraftComment) => { cm.body = cm.savedBody; this.setMode(cm, vscode.CommentMode.Preview); }),
      c('reviewObservations.comment.save', (cm: DraftComment) => this.op(this.docOfThread(cm.threadId), (text) => editComment(text, cm.blockId, typeof cm.body === 'string' ? cm.body : cm.body.value))),
      c('reviewObservations.suggest', (args?: { newText?: string; comment?: string }) => this.suggest(args)),
      c('reviewObservations.acceptChange', (th?: vscode.CommentThread | string, uri?: string) => this.decide(th, uri, 'accept')),
      c('reviewObservations.rejectChange', (th?: vscode.CommentThread | string, uri?: string) => this.decide(th, uri, 'reject')),
      c('reviewObservations.acceptAllChanges', () => this.op(this.doc(), (text) => acceptAll(text))),
      c('reviewObservations.rejectAllChanges', () => this.op(this.doc(), (text) => rejectAll(text))),
      c('reviewObservations.acceptAllByAuthor', (author?: string) => this.byAuthor('accept', author)),
      c('reviewObservations.rejectAllByAuthor', (author?: string) => this.byAuthor('reject', author)),
      c('reviewObservations.nextChange', () => this.move(1)),
      c('reviewObservations.previousChange', () => this.move(-1)),
      c('reviewObservations.toggleResolved', () => { const cfg = vscode.workspace.getConfiguration(SECTION); return cfg.update('comments.showResolved', !cfg.get<boolean>('comments.showResolved', true), vscode.ConfigurationTarget.Global); }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** What the tests (and other extensions) can see of the threads shown for a document. */
  summary(uri: vscode.Uri): ThreadSummary[] {
    return [...(this.threads.get(uri.toString())?.entries() ?? [])].map(([id, th]) => ({
      id, kind: th.contextValue ?? '', resolved: th.state === vscode.CommentThreadState.Resolved, line: th.range?.start.line ?? -1, comments: th.comments.length,
    }));
  }

  private schedule(d: vscode.TextDocument, delay: number): void {
    if (d.languageId !== 'markdown') return;
    const key = d.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = d.version;
    this.timers.set(key, setTimeout(() => { if (!d.isClosed && d.version === version) this.rebuild(d); }, delay));
  }

  private isDraft(d: vscode.TextDocument): boolean { return d.languageId === 'markdown' && this.service.isDraft(d.getText()); }
  private comments(d: vscode.TextDocument) { return this.service.model(asDoc(d)).comments; }

  private readonly signatures = new WeakMap<vscode.CommentThread, number>();

  /** Reconciles VS Code's threads with the document: ranges and comments always come from the text as it is now. */
  rebuild(d: vscode.TextDocument): void {
    const key = d.uri.toString();
    const shown = this.threads.get(key) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(key, shown);
    if (!this.isDraft(d)) { this.clear(d.uri); return; }
    const showResolved = vscode.workspace.getConfiguration(SECTION).get<boolean>('comments.showResolved', true);
    const me = this.me();
    const seen = new Set<string>();
    const authors = new Map<string, vscode.CommentAuthorInformation>();
    // The version's analysis: the same comments the check and the views read, section by section from the service's cache.
    for (const th of this.service.model(asDoc(d)).comments.threads) {
      if (th.resolved && !showResolved) continue;
      const anchor = th.mark ?? th.blocks[0];
      if (!anchor) continue;
      seen.add(th.id);
      const range = new vscode.Range(d.positionAt(anchor.start), d.positionAt(anchor.end));
      let vt = shown.get(th.id);
      if (!vt) { vt = this.controller.createCommentThread(d.uri, range, []); shown.set(th.id, vt); }
      else if (!vt.range?.isEqual(range)) vt.range = range;
      // A keystroke rebuilds every thread of the draft: only those whose comments or state changed are sent again.
      // The signature is kept as a 53-bit hash: a large draft has thousands of threads.
      const signature = hash53(JSON.stringify([th.kind, th.resolved, me, th.mark?.note, th.mark?.text, th.mark?.newText, th.blocks.map((b) => [b.id, b.author, b.date, b.body, b.event])]));
      if (this.signatures.get(vt) === signature) continue;
      this.signatures.set(vt, signature);
      vt.comments = th.blocks.filter((b) => !b.event).map((b) => new DraftComment(
        // A suggestion made without a reason says what it suggests (the Comments panel lists the first comment's text).
        commentBody(b.body || (th.kind === 'comment' ? '' : label(th))),
        authors.get(b.author) ?? authors.set(b.author, { name: b.author }).get(b.author)!, new Date(b.date), b.author === me ? 'own' : 'other', b.id, th.id));
      if (!vt.comments.length && th.mark?.note !== undefined) vt.comments = [new DraftComment(th.mark.note, { name: t('(no author)') }, new Date(0), 'other', th.id, th.id)];
      vt.label = label(th);
      vt.contextValue = th.kind === 'comment' ? (th.resolved ? 'comment-resolved' : 'comment-open') : 'suggestion';
      vt.state = th.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      vt.canReply = true;
    }
    for (const [id, vt] of shown) if (!seen.has(id)) { vt.dispose(); shown.delete(id); }
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    for (const vt of this.threads.get(key)?.values() ?? []) vt.dispose();
    this.threads.delete(key);
  }

  private me(): string {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    return authorLabel({ name: cfg.get<string>('author.name') ?? '', state: cfg.get<string>('author.state') ?? '' });
  }

  /** The author for a new comment, asked once when the settings do not have it yet. */
  private async context(): Promise<OpContext | undefined> {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    if (!cfg.get<string>('author.name')) {
      await vscode.commands.executeCommand('reviewObservations.setIdentity');
      if (!vscode.workspace.getConfiguration(SECTION).get<string>('author.name')) return undefined;
    }
    const c = vscode.workspace.getConfiguration(SECTION);
    return { author: { name: c.get<string>('author.name') ?? '', state: c.get<string>('author.state') ?? '' } };
  }

  private doc(uri?: string): vscode.TextDocument {
    if (uri) { const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri); if (d) return d; }
    const d = vscode.window.activeTextEditor?.document;
    if (!d) throw new CommentError(t('Open a draft first.'));
    return d;
  }
  private docOfThread(threadId: string): vscode.TextDocument {
    for (const [key, m] of this.threads) if (m.has(threadId)) { const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === key); if (d) return d; }
    return this.doc();
  }

  /** Runs a core operation on the document's current text and applies its minimal edits in one workspace edit. */
  private async op(d: vscode.TextDocument, f: (text: string, ctx: OpContext) => OffsetEdit[] | { edits: OffsetEdit[] }, needsAuthor = true): Promise<boolean> {
    const ctx = needsAuthor ? await this.context() : { author: { name: '' } };
    if (!ctx) return false;
    const text = d.getText();
    const r = f(text, ctx);
    const edits = Array.isArray(r) ? r : r.edits;
    if (!edits.length) return true;
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.replace(d.uri, new vscode.Range(d.positionAt(e.start), d.positionAt(e.end)), e.newText);
    const ok = await vscode.workspace.applyEdit(we);
    if (ok) this.rebuild(d);
    return ok;
  }

  private async createOrReply(r: vscode.CommentReply): Promise<void> {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === r.thread.uri.toString()) ?? await vscode.workspace.openTextDocument(r.thread.uri);
    const known = [...(this.threads.get(d.uri.toString()) ?? new Map()).entries()].find(([, vt]) => vt === r.thread)?.[0];
    if (known) { await this.op(d, (text, ctx) => reply(text, known, r.text, ctx)); return; }
    // A new thread from the gutter: the widget's range is the selection; the real thread comes from the text.
    const range = r.thread.range ?? new vscode.Range(0, 0, 0, 0);
    r.thread.dispose();
    await this.op(d, (text, ctx) => addComment(text, d.offsetAt(range.start), d.offsetAt(range.end), r.text, ctx));
  }

  private async addAtSelection(text?: string): Promise<boolean> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) throw new CommentError(t('Open a draft first.'));
    const body = text ?? await vscode.window.showInputBox({ prompt: t('Comment on the selected text'), ignoreFocusOut: true });
    if (body === undefined) return false;
    const { start, end } = ed.selection;
    let id = '';
    const ok = await this.op(ed.document, (tx, ctx) => { const r = addComment(tx, ed.document.offsetAt(start), ed.document.offsetAt(end), body, ctx); id = r.id; return r; });
    if (ok) this.cursorAfter(ed, id);
    return ok;
  }

  /**
   * The cursor just after a new mark, the selection empty: left over the inserted markup, the next keystroke would
   * replace it and break the mark.
   */
  private cursorAfter(ed: vscode.TextEditor, id: string): void {
    const th = this.comments(ed.document).threads.find((x) => x.id === id);
    if (!th?.mark) return;
    const p = ed.document.positionAt(th.mark.end);
    ed.selection = new vscode.Selection(p, p);
  }

  private threadId(th: vscode.CommentThread | string | undefined): string | undefined {
    if (typeof th === 'string') return th;
    if (!th) return undefined;
    for (const m of this.threads.values()) for (const [id, vt] of m) if (vt === th) return id;
    return undefined;
  }

  private setState(th: vscode.CommentThread | string, resolved: boolean, uri?: string) {
    const id = this.threadId(th);
    if (!id) return false;
    return this.op(uri ? this.doc(uri) : this.docOfThread(id), (text, ctx) => setResolved(text, id, resolved, ctx));
  }

  private setMode(cm: DraftComment, mode: vscode.CommentMode): void {
    for (const m of this.threads.values()) {
      const vt = m.get(cm.threadId);
      if (vt) vt.comments = vt.comments.map((c) => ((c as DraftComment).blockId === cm.blockId ? Object.assign(c, { mode }) : c));
    }
  }

  /** The suggestion at the cursor, when no thread is given. */
  private suggestionAt(d: vscode.TextDocument): CoreThread | undefined {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document !== d) return undefined;
    const o = d.offsetAt(ed.selection.active);
    return this.comments(d).threads.find((x) => x.kind !== 'comment' && x.mark && x.mark.start <= o && o <= x.mark.end);
  }

  private async decide(th: vscode.CommentThread | string | undefined, uri: string | undefined, what: 'accept' | 'reject'): Promise<boolean> {
    const d = uri ? this.doc(uri) : th && typeof th !== 'string' ? this.docOfThread(this.threadId(th) ?? '') : this.doc();
    const id = this.threadId(th) ?? this.suggestionAt(d)?.id;
    if (!id) throw new CommentError(t('Put the cursor in a suggested change, or pick one in the Comments panel.'));
    return this.op(d, (text) => (what === 'accept' ? accept(text, id) : reject(text, id)), false);
  }

  private async byAuthor(what: 'accept' | 'reject', author?: string): Promise<boolean> {
    const d = this.doc();
    const authors = [...new Set(this.comments(d).threads.filter((x) => x.kind !== 'comment').map(threadAuthor))];
    const who = author ?? (await vscode.window.showQuickPick(authors.map((a) => a || t('(no author)')), { placeHolder: what === 'accept' ? t('Accept all changes by…') : t('Reject all changes by…') }));
    if (who === undefined) return false;
    const name = who === t('(no author)') ? '' : who;
    return this.op(d, (text) => (what === 'accept' ? acceptAll(text, name) : rejectAll(text, name)), false);
  }

  private async suggest(args?: { newText?: string; comment?: string }): Promise<boolean> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) throw new CommentError(t('Open a draft first.'));
    const d = ed.document;
    const sel = ed.selection;
    const old = d.getText(sel);
    const newText = args?.newText ?? await vscode.window.showInputBox({
      prompt: sel.isEmpty ? t('Text to insert') : t('Replace with (leave empty to suggest deleting the selection)'), value: old, ignoreFocusOut: true,
    });
    if (newText === undefined) return false;
    // The reason, which co-reviewers read in the thread; optional (Enter on an empty box gives none).
    const reason = args ? args.comment ?? '' : await vscode.window.showInputBox({ prompt: t('Why this change? (optional: the co-reviewers read it in the thread)'), ignoreFocusOut: true });
    if (reason === undefined) return false;
    let id = '';
    const ok = await this.op(d, (text, ctx) => { const r = suggestChange(text, d.offsetAt(sel.start), d.offsetAt(sel.end), newText, ctx, reason); id = r.id; return r; });
    if (ok) this.cursorAfter(ed, id);
    return ok;
  }

  private move(dir: 1 | -1): void {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return;
    const d = ed.document;
    const o = d.offsetAt(ed.selection.active);
    const marks = this.comments(d).marks.map((m) => m.start).sort((a, b) => a - b);
    const next = dir > 0 ? marks.find((s) => s > o) ?? marks[0] : [...marks].reverse().find((s) => s < o) ?? marks[marks.length - 1];
    if (next === undefined) { void vscode.window.showInformationMessage(t('No comments or suggested changes in this draft.')); return; }
    const p = d.positionAt(next);
    ed.selection = new vscode.Selection(p, p);
    ed.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const m of this.threads.values()) for (const vt of m.values()) vt.dispose();
    for (const tm of this.timers.values()) clearTimeout(tm);
    for (const d of this.disposables) d.dispose();
  }
}

function label(th: CoreThread): string {
  const m = th.mark;
  // An empty label shows VS Code's "Start discussion" over a conversation that has long started.
  if (th.kind === 'comment') return th.resolved ? t('Resolved') : t('Under discussion');
  const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  if (th.kind === 'insertion') return t('Suggested insertion: "{0}"', clip(m?.text ?? ''));
  if (th.kind === 'deletion') return t('Suggested deletion: "{0}"', clip(m?.text ?? ''));
  return t('Suggested replacement: "{0}" → "{1}"', clip(m?.text ?? ''), clip(m?.newText ?? ''));
}
