// Co-reviewers' workflow in VS Code: progress view, status CodeLens, status bar, split, compare and import a copy.
import * as vscode from 'vscode';
import {
  agreedCount, agreedVersion, agreements, articleStatuses, parseComments, authorLabel, differencesAsSuggestions, DraftAnalysis, isAgreed, parseAuthor, getInstrument, INSTRUMENT_KEYS, proposeSplit, setStatusEdit, splitEdit,
  STATUSES, statusLabel, type Agreer, type ArticleStatus, type InstrumentKey, type ReviewService, type SplitMethod, type Status,
} from '../core/index';
import { SECTION } from './config';
import { asDoc } from './convert';
import { registerSafeCommand } from './safeCommand';
import type { Log } from './log';

const t = vscode.l10n.t;
const REV_SCHEME = 'review-obs-rev';

type Node = { kind: 'instrument'; key: InstrumentKey; rows: ArticleStatus[] } | { kind: 'article'; row: ArticleStatus };

export class Progress implements vscode.TreeDataProvider<Node>, vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private mine = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly revisions = new Map<string, string>();

  constructor(private readonly service: ReviewService, log: Log) {
    this.status.command = 'reviewObservations.progress.focus';
    const c = (id: string, f: (...a: any[]) => unknown) => registerSafeCommand(log, id, f);
    this.disposables = [
      this.changed, this.status,
      vscode.window.registerTreeDataProvider('reviewObservations.progress', this),
      vscode.languages.registerCodeLensProvider({ language: 'markdown' }, this),
      vscode.workspace.registerTextDocumentContentProvider(REV_SCHEME, { provideTextDocumentContent: (u) => this.revisions.get(u.toString()) ?? '' }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document || e.document === this.last) this.refresh(300); }),
      c('reviewObservations.progress.mine', () => { this.mine = !this.mine; void vscode.commands.executeCommand('setContext', 'reviewObservations.progress.mine', this.mine); this.refresh(0); return this.mine; }),
      c('reviewObservations.revealArticle', (line: number) => this.reveal(line)),
      c('reviewObservations.setStatus', (key?: string, status?: Status) => this.setStatus(key, status)),
      c('reviewObservations.showAgreedChanges', (key?: string) => this.showAgreedChanges(key)),
      c('reviewObservations.splitArticles', (method?: SplitMethod) => this.split(method)),
      c('reviewObservations.compareWithFile', (other?: string) => this.compareWithFile(other)),
      c('reviewObservations.compareWithRevision', (ref?: string) => this.compareWithRevision(ref)),
      c('reviewObservations.importSuggestions', (args?: { copyUri?: string; author?: string }) => this.importSuggestions(args)),
      c('reviewObservations.progressSnapshot', () => ({ rows: this.rows().map((r) => ({ key: r.key, state: r.state, status: r.status })), statusBar: this.status.text })),
    ];
    this.refresh(0);
  }

  /** The draft last active in an editor, still open: the views follow it while the preview or a thread has focus. */
  private last: vscode.TextDocument | undefined;
  private draft(): vscode.TextDocument | undefined {
    const d = vscode.window.activeTextEditor?.document;
    if (d && d.languageId === 'markdown' && this.service.isDraft(d.getText())) return (this.last = d);
    // Another editor that is not a draft moves the views off; focus elsewhere (no editor) keeps the last draft.
    if (d && d.uri.scheme !== 'output') return (this.last = undefined);
    return this.last && !this.last.isClosed ? this.last : undefined;
  }
  private rows(): ArticleStatus[] {
    const d = this.draft();
    if (!d) return [];
    const all = articleStatuses(this.service.model(asDoc(d)));
    const me = vscode.workspace.getConfiguration(SECTION).get<string>('author.state')?.trim();
    return this.mine && me ? all.filter((r) => r.state === me) : all;
  }

  private refresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const d = this.draft();
      // The keys that move between comments and suggestions are bound in drafts only (package.json "when").
      void vscode.commands.executeCommand('setContext', 'reviewObservations.draftActive', !!d && d === vscode.window.activeTextEditor?.document);
      if (!d) { this.status.hide(); this.changed.fire(); return; }
      const rows = articleStatuses(this.service.model(asDoc(d)));
      const { agreed, total } = agreedCount(rows);
      const changed = rows.filter((r) => r.agreement?.changed).length;
      // An agreed article whose text changed since is shown apart: its agreement no longer holds for what is there.
      this.status.text = `$(checklist) ${t('agreed {0}/{1} articles', agreed, total)}${changed ? ` $(warning) ${t('{0} changed since agreed', changed)}` : ''}`;
      this.status.tooltip = changed
        ? t('Articles agreed with the State under review; {0} agreed article(s) changed since the agreement. Click for the review progress.', changed)
        : t('Articles agreed with the State under review. Click for the review progress.');
      this.status.show();
      this.changed.fire();
    }, delay);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (n.kind === 'instrument') {
      const item = new vscode.TreeItem(getInstrument(n.key).shortName('en') ?? n.key, vscode.TreeItemCollapsibleState.Expanded);
      const { agreed, total } = agreedCount(n.rows);
      item.description = t('agreed {0}/{1}', agreed, total);
      return item;
    }
    const r = n.row;
    const item = new vscode.TreeItem(`${t('Article {0}', r.article)}. ${r.title}`, vscode.TreeItemCollapsibleState.None);
    const extra = [r.openThreads ? t('{0} open thread(s)', r.openThreads) : '', r.pendingSuggestions ? t('{0} suggestion(s)', r.pendingSuggestions) : '',
      r.emptyParts > 0 ? t('{0} part(s) empty', r.emptyParts) : ''].filter(Boolean);
    item.description = [[r.state, r.expert].filter(Boolean).join(' · ') || t('unassigned'), statusText(r), ...extra].join(' · ');
    item.iconPath = r.agreement?.changed ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(r.status === 'agreed-with-state' ? 'pass-filled' : r.status === 'agreed-by-reviewers' ? 'pass' : r.status === 'ready-for-co-reviewer' ? 'eye' : 'edit');
    if (r.agreement) item.tooltip = t('Agreed by {0} on {1}', r.agreement.by ?? '—', r.agreement.on?.slice(0, 10) ?? '—') + (r.agreement.changed ? ` — ${t('its text has changed since')}` : '');
    if (r.section) item.command = { command: 'reviewObservations.revealArticle', title: t('Go to the section'), arguments: [r.section.heading.line] };
    item.contextValue = 'article';
    return item;
  }
  getChildren(n?: Node): Node[] {
    const rows = this.rows();
    if (!n) return INSTRUMENT_KEYS.filter((k) => rows.some((r) => r.instrument === k)).map((k) => ({ kind: 'instrument', key: k, rows: rows.filter((r) => r.instrument === k) }));
    return n.kind === 'instrument' ? n.rows.map((row) => ({ kind: 'article', row })) : [];
  }

  provideCodeLenses(d: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.service.isDraft(d.getText())) return [];
    return articleStatuses(this.service.model(asDoc(d))).filter((r) => r.section).map((r) => {
      const range = new vscode.Range(r.section!.heading.line, 0, r.section!.heading.line, 0);
      const parts = [[r.state, r.expert].filter(Boolean).join(' · ') || t('unassigned'), statusText(r), t('{0} open thread(s)', r.openThreads), t('{0} pending suggestion(s)', r.pendingSuggestions),
        ...(r.emptyParts > 0 ? [t('{0} of {1} parts empty', r.emptyParts, r.section!.children.filter((c) => c.role === 'part').length)] : [])];
      return new vscode.CodeLens(range, { title: `$(checklist) ${parts.join(' · ')}`, // l10n-ignore: an icon and translated parts
        tooltip: t('Change the status of this article'), command: 'reviewObservations.setStatus', arguments: [r.key] });
    });
  }

  private async reveal(line: number): Promise<void> {
    const d = this.draft();
    if (!d) return;
    const ed = vscode.window.activeTextEditor?.document === d ? vscode.window.activeTextEditor : await vscode.window.showTextDocument(d);
    const p = new vscode.Position(line, 0);
    ed.selection = new vscode.Selection(p, p);
    ed.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.AtTop);
  }

  private async apply(d: vscode.TextDocument, e: { start: number; end: number; newText: string }): Promise<boolean> {
    const we = new vscode.WorkspaceEdit();
    we.replace(d.uri, new vscode.Range(d.positionAt(e.start), d.positionAt(e.end)), e.newText);
    const ok = await vscode.workspace.applyEdit(we);
    this.refresh(0);
    return ok;
  }

  private async setStatus(key?: string, status?: Status): Promise<boolean> {
    const d = this.draft();
    if (!d) throw new Error(t('Open a draft first.'));
    const model = this.service.model(asDoc(d));
    const k = key ?? (await vscode.window.showQuickPick(articleStatuses(model).map((r) => ({ label: r.key, description: statusLabel(r.status) }))))?.label;
    if (!k) return false;
    const s = status ?? (await vscode.window.showQuickPick(STATUSES.map((x) => ({ label: statusLabel(x), description: x, status: x })), { placeHolder: t('Status of {0}', k), ignoreFocusOut: true }))?.status;
    if (!s) return false;
    // An agreement records who agreed: the identity of the settings, asked once when it is not set yet.
    let agreer: Agreer | undefined;
    if (isAgreed(s)) {
      if (!vscode.workspace.getConfiguration(SECTION).get<string>('author.name')) await vscode.commands.executeCommand('reviewObservations.setIdentity');
      const cfg = vscode.workspace.getConfiguration(SECTION);
      const name = cfg.get<string>('author.name')?.trim();
      if (!name) return false;
      agreer = { by: authorLabel({ name, state: cfg.get<string>('author.state') ?? '' }), now: () => new Date() };
    }
    return this.apply(d, setStatusEdit(this.service.model(asDoc(d)), k, s, agreer));
  }

  /**
   * The changes since an article was agreed: its draft's git history (through VS Code's git extension) searched for the
   * newest version whose section has the recorded fingerprint, opened beside the draft as it is in the diff editor.
   */
  private async showAgreedChanges(key?: string): Promise<boolean> {
    const d = this.draft();
    if (!d) throw new Error(t('Open a draft first.'));
    const model = this.service.model(asDoc(d));
    const a = agreements(model).find((x) => x.key === key) ?? agreements(model).find((x) => x.changed);
    if (!a) { void vscode.window.showInformationMessage(t('No agreed article of this draft has changed since its agreement.')); return false; }
    const repo = await this.gitRepository(d);
    if (!repo) return false;
    const log = await repo.log({ path: d.uri.fsPath, maxEntries: 200 }).catch(() => [] as { hash: string }[]);
    const versions = (async function* () { for (const c of log) yield { hash: c.hash, text: await repo.show(c.hash, d.uri.fsPath).catch(() => '') }; })();
    for await (const v of versions) {
      if (!agreedVersion([v.text], a.key, a.fingerprint, (x) => DraftAnalysis.parse(x))) continue;
      const left = vscode.Uri.from({ scheme: REV_SCHEME, path: d.uri.path, query: v.hash });
      this.revisions.set(left.toString(), v.text);
      await vscode.commands.executeCommand('vscode.diff', left, d.uri, t('{0}: as agreed ({1}) ↔ now', a.key, v.hash.slice(0, 7)));
      return true;
    }
    void vscode.window.showWarningMessage(t('The text of {0} as agreed is in none of the {1} commit(s) of this draft: it was agreed without being committed. Commit the draft when an article is agreed, so that its agreed text can be shown again.', a.key, log.length));
    return false;
  }

  private async split(method?: SplitMethod): Promise<boolean> {
    const d = this.draft();
    if (!d) throw new Error(t('Open a draft first.'));
    const model = this.service.model(asDoc(d));
    const how = method ?? (await vscode.window.showQuickPick([
      { label: t('By instrument'), m: 'by-instrument' as const }, { label: t('Alternating articles'), m: 'alternating' as const },
      { label: t('Balanced by the number of paragraphs'), m: 'balanced' as const },
    ].map((x) => ({ ...x, description: [...countBy(proposeSplit(model, x.m))].map(([s, n]) => `${s}: ${n}`).join(', ') })), { placeHolder: t('How should the articles be split between the reviewing States?') }))?.m;
    if (!how) return false;
    return this.apply(d, splitEdit(model, proposeSplit(model, how)));
  }

  private async compareWithFile(other?: string): Promise<boolean> {
    const d = this.draft();
    if (!d) throw new Error(t('Open a draft first.'));
    const uri = other ? vscode.Uri.parse(other) : (await vscode.window.showOpenDialog({ filters: { Markdown: ['md'] }, openLabel: t('Compare') }))?.[0];
    if (!uri) return false;
    await vscode.commands.executeCommand('vscode.diff', d.uri, uri, t('{0} ↔ {1}', vscode.workspace.asRelativePath(d.uri), vscode.workspace.asRelativePath(uri)));
    return true;
  }

  /** The git repository of a draft through VS Code's git extension, or undefined (said to the user) where there is none. */
  private async gitRepository(d: vscode.TextDocument): Promise<GitRepository | undefined> {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { getRepository(u: vscode.Uri): GitRepository | null } }>('vscode.git');
    // In the browser (vscode.dev, a web worker extension host) VS Code's git extension is not one this one can call.
    const api = await Promise.resolve(git && (git.isActive ? git.exports : git.activate())).then((x) => x?.getAPI(1), () => undefined);
    if (!api) {
      void vscode.window.showWarningMessage(t('Comparing with a git revision needs VS Code\'s git extension, which is not available here (in the browser, for instance); use "Compare the draft with another file" instead.'));
      return undefined;
    }
    // The git extension finds repositories after it starts: a draft opened first may need a moment.
    for (let i = 0; i < 20; i++) {
      const repo = api.getRepository(d.uri);
      if (repo) return repo;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(t('This draft is not in a git repository that VS Code knows; use "Compare with file" instead.'));
  }

  /** Through the built-in git extension's API: the draft as it was at a revision, opened in the diff editor. */
  private async compareWithRevision(ref?: string): Promise<boolean> {
    const d = vscode.window.activeTextEditor?.document;
    if (!d) throw new Error(t('Open a draft first.'));
    const repo = await this.gitRepository(d);
    if (!repo) return false;
    const r = ref ?? await vscode.window.showInputBox({ prompt: t('Revision to compare with (e.g. HEAD, HEAD~1, a branch of the co-reviewer)'), value: 'HEAD' });
    if (!r) return false;
    const content = await repo.show(r, d.uri.fsPath);
    const left = vscode.Uri.from({ scheme: REV_SCHEME, path: d.uri.path, query: r });
    this.revisions.set(left.toString(), content);
    await vscode.commands.executeCommand('vscode.diff', left, d.uri, t('{0} ({1}) ↔ working copy', vscode.workspace.asRelativePath(d.uri), r));
    return true;
  }

  /** A co-reviewer's copy edited without tracking: its differences become their suggestions in this draft. */
  private async importSuggestions(args?: { copyUri?: string; author?: string }): Promise<boolean> {
    const d = vscode.window.activeTextEditor?.document;
    if (!d) throw new Error(t('Open a draft first.'));
    const uri = args?.copyUri ? vscode.Uri.parse(args.copyUri) : (await vscode.window.showOpenDialog({ filters: { Markdown: ['md'], Word: ['docx'] }, openLabel: t('Import as suggestions') }))?.[0];
    if (!uri) return false;
    // A copy returned from Word carries its comments and tracked changes: the Word import brings them all.
    if (/\.docx$/i.test(uri.path)) return !!(await vscode.commands.executeCommand('reviewObservations.importWord', { docxUri: uri.toString(), ...(args?.author ? { author: args.author } : {}) }));
    const copy = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const author = args?.author ?? await vscode.window.showInputBox({ prompt: t('Whose changes are these? Name (State)'), placeHolder: 'Li Wei (Calderra)', ignoreFocusOut: true }); // l10n-ignore: an example name
    if (!author?.trim()) return false;
    const text = d.getText();
    const edits = differencesAsSuggestions(text, copy, { author: parseAuthor(author) });
    if (!edits.length) { void vscode.window.showInformationMessage(t('The copy has no differences from this draft.')); return true; }
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.insert(d.uri, d.positionAt(e.start), e.newText);
    const ok = await vscode.workspace.applyEdit(we);
    // Suggestions, not edits: one suggestion is its mark and its thread line.
    const made = parseComments(d.getText()).threads.length - parseComments(text).threads.length;
    if (ok) void vscode.window.showInformationMessage(t('{0} difference(s) imported as suggestions by {1}.', made, author.trim()));
    return ok;
  }

  dispose(): void { clearTimeout(this.timer); for (const d of this.disposables) d.dispose(); }
}

/** What VS Code's git extension gives of a repository, as far as this extension uses it. */
interface GitRepository {
  show(ref: string, path: string): Promise<string>;
  log(options: { path?: string; maxEntries?: number }): Promise<{ hash: string }[]>;
}

/** An article's status as the views show it: an agreed one whose text changed since says so. */
function statusText(r: ArticleStatus): string {
  return r.agreement?.changed ? t('{0}, changed since', statusLabel(r.status)) : statusLabel(r.status);
}

function countBy(split: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of split.values()) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}
