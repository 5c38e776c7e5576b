// Import from Word in VS Code: pick the returned .docx, bring its comments and changes into the open draft in one edit.
import * as vscode from 'vscode';
import { registerLoggedCommand, type Log } from './log';
import { parseAuthor } from '../core/index';
import { loadWordBundle } from './wordBundle';

const t = vscode.l10n.t;

export interface ImportWordArgs { docxUri?: string; author?: string; force?: boolean }

/** The one replacement that turns `a` into `b`: the stretch between their common start and common end. */
function changedStretch(a: string, b: string): { start: number; end: number; text: string } {
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  return { start: s, end: a.length - e, text: b.slice(s, b.length - e) };
}

export function registerImport(log: Log): vscode.Disposable {
  return registerLoggedCommand(log, 'reviewObservations.importWord', async (args?: ImportWordArgs) => {
    const d = vscode.window.activeTextEditor?.document;
    if (!d || d.languageId !== 'markdown') { void vscode.window.showErrorMessage(t('Open a draft first.')); return undefined; }
    const uri = args?.docxUri ? vscode.Uri.parse(args.docxUri) : (await vscode.window.showOpenDialog({
      filters: { Word: ['docx'] }, openLabel: t('Import comments and changes'),
      ...(d.uri.scheme === 'file' ? { defaultUri: vscode.Uri.joinPath(d.uri, '..') } : {}),
    }))?.[0];
    if (!uri) return undefined;
    const name = uri.path.split('/').pop()!;
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = d.getText();
    const { importDocx, WordFileError } = loadWordBundle();
    let author = args?.author?.trim() ? parseAuthor(args.author) : undefined;
    let force = args?.force ?? false;
    for (;;) {
      try {
        const r = await importDocx(text, bytes, name, { ...(author ? { author } : {}), force });
        if (d.getText() !== text) { void vscode.window.showErrorMessage(t('The draft changed during the import; nothing was changed. Import again.')); return undefined; }
        if (r.text === text) { void vscode.window.showInformationMessage(t('nothing to import from {0}: the draft is unchanged.', name)); return r; }
        const c = changedStretch(text, r.text);
        const we = new vscode.WorkspaceEdit();
        we.replace(d.uri, new vscode.Range(d.positionAt(c.start), d.positionAt(c.end)), c.text);
        if (!(await vscode.workspace.applyEdit(we))) return undefined;
        const s = r.summary;
        void vscode.window.showInformationMessage(t('imported {0} into {1}: {2}.', name, vscode.workspace.asRelativePath(d.uri),
          t('{0} new comment(s), {1} reply(ies), {2} resolved, {3} reopened, {4} tracked change(s), {5} untracked change(s) as suggestions, {6} accepted, {7} rejected',
            s.comments, s.replies, s.resolved, s.reopened, s.trackedChanges, s.untrackedChanges, s.accepted, s.rejected)));
        for (const u of r.unplaced.slice(0, 3)) void vscode.window.showWarningMessage(t('not placed where it stood: {0} ({1}); kept as a comment.', u.what, u.reason));
        return r;
      } catch (e) {
        if (!(e instanceof WordFileError)) throw e;
        const message = (e as Error).message;
        // The two questions the import can ask: who made the untracked edits, and whether to place by matching text.
        if (!author && /--author/.test(message)) {
          const who = await vscode.window.showInputBox({ prompt: t('Whose changes are these? Name (State)'), placeHolder: 'Li Wei (Calderra)', ignoreFocusOut: true }); // l10n-ignore: an example name
          if (!who?.trim()) return undefined;
          author = parseAuthor(who);
          continue;
        }
        if (!force && /--force/.test(message)) {
          const go = await vscode.window.showWarningMessage(message, { modal: true }, t('Place by matching the text'));
          if (go !== t('Place by matching the text')) return undefined;
          force = true;
          continue;
        }
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    }
  });
}
