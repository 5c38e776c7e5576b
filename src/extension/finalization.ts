// Check for finalization: the secretariat's readiness check on the open draft or the workspace, as diagnostics and a view.
import * as vscode from 'vscode';
import { summarizeDecoded, withCrossChecks, type Decoded, type DraftSummary } from '../core/index';
import { readWorkspaceDraft } from './readFile';
import { checkOptions } from './config';
import type { ConfigFiles } from './configFiles';
import { toRange, toSeverity } from './convert';
import { registerLoggedCommand, type Log } from './log';

const t = vscode.l10n.t;
/** The codes only a check of several drafts together finds (a summary against its list). */
const CROSS_DOCUMENT = new Set(['summary.not-in-list', 'summary.assistance-not-in-list']);

class DraftItem extends vscode.TreeItem {
  constructor(readonly summary: DraftSummary, uri: vscode.Uri) {
    // The file's name first: three drafts of one review (a list, its Chinese counterpart, a summary) share their State.
    super(summary.file.split('/').pop() ?? summary.file, vscode.TreeItemCollapsibleState.None);
    const c = summary.counts;
    const kind = summary.kind === 'summary' ? t('summary') : summary.kind === 'list-of-observations' ? t('list of observations') : '';
    this.description = [summary.state, kind, summary.languages.join('/'), c.error ? t('blocked: {0} error(s)', c.error) : t('ready')].filter(Boolean).join(' · ');
    this.tooltip = `${summary.file}\n${t('{0} error(s), {1} warning(s), {2} open thread(s), {3} pending suggestion(s)', c.error, c.warning, summary.openThreads, summary.pendingSuggestions)}`;
    this.iconPath = new vscode.ThemeIcon(c.error ? 'error' : 'pass', new vscode.ThemeColor(c.error ? 'problemsErrorIcon.foreground' : 'testing.iconPassed'));
    this.resourceUri = uri;
    this.command = { command: 'vscode.open', title: t('Open'), arguments: [uri] };
    this.contextValue = c.error ? 'blocked' : 'ready';
  }
}

export class Finalization implements vscode.TreeDataProvider<DraftItem>, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('review-obs-finalization');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: DraftItem[] = [];
  /** The readiness view: shown after a check, with the keyboard left where the check of an open draft was asked. */
  private readonly view = vscode.window.createTreeView('reviewObservations.readiness', { treeDataProvider: this });
  private readonly disposables: vscode.Disposable[];

  /**
   * `open`: the drafts checked as at finalization while open in an editor, whose diagnostics are then the ordinary
   * ones (one finding per problem, following edits); the others get theirs in this view's collection until opened.
   */
  constructor(extensionUri: vscode.Uri, log: Log, private readonly configs?: ConfigFiles, private readonly open?: { modes: Set<string>; recheck(d: vscode.TextDocument): void }) {
    this.disposables = [
      this.collection, this.changed,
      // A draft of the workspace check opened afterwards: its findings move to the ordinary diagnostics, which follow edits.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (!this.open || !this.collection.has(d.uri)) return;
        this.collection.delete(d.uri);
        this.open.modes.add(d.uri.toString());
        this.open.recheck(d);
      }),
      this.view,
      registerLoggedCommand(log, 'reviewObservations.checkFinalization', () => {
        const d = vscode.window.activeTextEditor?.document;
        return d ? this.run([{ uri: d.uri, read: { ok: true, text: d.getText() } }]) : this.runWorkspace();
      }),
      registerLoggedCommand(log, 'reviewObservations.checkWorkspaceFinalization', () => this.runWorkspace()),
    ];
    void extensionUri;
  }

  getTreeItem(e: DraftItem): vscode.TreeItem { return e; }
  getChildren(): DraftItem[] { return this.items; }
  /** Every draft is at the top of the view (what `reveal` asks). */
  getParent(): undefined { return undefined; }
  /** For tests: what the view shows. */
  get results(): DraftSummary[] { return this.items.map((i) => i.summary); }

  private async runWorkspace(): Promise<DraftSummary[]> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Checking drafts for finalization'), cancellable: true }, async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', 10_000, token);
      const docs: { uri: vscode.Uri; read: Decoded }[] = [];
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        // By the core's reading policy, as the CLI reads: a binary, non-UTF-8, too large or unreadable file is reported.
        docs.push({ uri, read: await readWorkspaceDraft(uri) });
        progress.report({ message: t('read {0}/{1}', i + 1, uris.length), increment: 50 / Math.max(1, uris.length) });
      }
      return this.run(docs, false, progress, token);
    });
  }

  private async run(docs: { uri: vscode.Uri; read: Decoded }[], explicit = true, progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<DraftSummary[]> {
    const settings = { ...checkOptions(), finalization: true };
    const summaries: DraftSummary[] = [];
    const uriOf = new Map<string, vscode.Uri>();
    for (const [i, d] of docs.entries()) {
      if (token?.isCancellationRequested) break;
      const name = vscode.workspace.asRelativePath(d.uri);
      uriOf.set(name, d.uri);
      // Each draft with its own configuration file's options, under the settings; an ignored one is left out.
      await this.configs?.load(d.uri);
      if (!explicit && this.configs?.ignores(d.uri)) continue;
      const options = this.configs ? this.configs.options(d.uri, settings) : settings;
      try { summaries.push(summarizeDecoded(name, d.read, options, explicit)); } catch { /* one bad file must not stop the check */ }
      progress?.report({ message: t('checked {0}/{1}', i + 1, docs.length), increment: 50 / Math.max(1, docs.length) });
      // Let the extension host breathe between files on a large workspace.
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0));
    }
    const all = withCrossChecks(summaries.filter((s) => s.draft), settings.severity);
    this.collection.clear();
    for (const s of all) {
      const uri = uriOf.get(s.file)!;
      const doc = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
      if (doc && this.open) {
        // Open: the ordinary diagnostics become the finalization ones (not a second copy of each beside them).
        this.open.modes.add(uri.toString());
        this.open.recheck(doc);
      }
      // What compares drafts with each other is this check's own; the rest is the ordinary check's for an open draft.
      const findings = doc && this.open ? s.findings.filter((f) => CROSS_DOCUMENT.has(f.code)) : s.findings;
      if (!findings.length) continue;
      this.collection.set(uri, findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
        d.source = 'review-obs (finalization)';
        d.code = f.code;
        return d;
      }));
    }
    this.items = all.map((s) => new DraftItem(s, uriOf.get(s.file)!));
    this.changed.fire();
    const editor = vscode.window.activeTextEditor;
    // The open draft's check shows the view but leaves the keyboard in the draft, where its problems are mended: the
    // view is revealed without the focus (focusing it and then the editor again raced: the keyboard could end in the
    // view). A workspace check takes the keyboard to the view, where the drafts are listed.
    if (explicit && editor && docs.length === 1 && editor.document.uri.toString() === docs[0]!.uri.toString() && this.items[0]) {
      await this.view.reveal(this.items[0], { focus: false, select: false });
    } else await vscode.commands.executeCommand('reviewObservations.readiness.focus');
    const blocked = all.filter((s) => s.counts.error).length;
    void vscode.window.showInformationMessage(blocked ? t('{0} of {1} draft(s) are not ready for finalization.', blocked, all.length) : t('{0} draft(s) ready for finalization.', all.length));
    return all;
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
