// Export to Word from VS Code: pick the mode and the file, ask before replacing a file open in Word, write atomically.
import * as vscode from 'vscode';
import { registerLoggedCommand, type Log } from './log';
import { cleanExportBlockers, wordLockNames } from '../core/index';
import type { ConfigFiles } from './configFiles';
import { loadWordBundle, platformDeflate } from './wordBundle';
import { replaceWorkspaceFile } from './writeFile';

const t = vscode.l10n.t;

export function registerExport(log: Log, configs?: ConfigFiles): vscode.Disposable {
  return registerLoggedCommand(log, 'reviewObservations.exportWord', async (args?: { mode?: 'with-changes' | 'clean'; target?: string; force?: boolean }) => {
    const d = vscode.window.activeTextEditor?.document;
    if (!d) { void vscode.window.showErrorMessage(t('Open a draft first.')); return undefined; }
    const mode = args?.mode ?? (await vscode.window.showQuickPick([
      { label: t('With comments and tracked changes'), description: t('for the co-reviewers and the secretariat while drafting'), mode: 'with-changes' as const },
      { label: t('Clean copy'), description: t('the accepted text only, for finalization'), mode: 'clean' as const },
    ], { placeHolder: t('Export to Word') }))?.mode;
    if (!mode) return undefined;
    const text = d.getText();
    if (mode === 'clean' && !args?.force) {
      const errors = cleanExportBlockers(text);
      if (errors.length) {
        const go = await vscode.window.showWarningMessage(t('The draft still has {0} error(s) (see the Problems panel after "Check for finalization"). A clean copy is meant for finalization.', errors.length), { modal: true }, t('Export anyway'));
        if (go !== t('Export anyway')) return undefined;
      }
    }
    const target = args?.target ? vscode.Uri.parse(args.target) : await vscode.window.showSaveDialog({
      defaultUri: d.uri.scheme === 'file' ? vscode.Uri.file(d.uri.fsPath.replace(/\.(md|markdown)$/i, '') + (mode === 'clean' ? '.clean' : '') + '.docx') : undefined,
      filters: { Word: ['docx'] },
    });
    if (!target) return undefined;
    const dir = vscode.Uri.joinPath(target, '..');
    const name = target.path.split('/').pop()!;
    for (const lock of wordLockNames(name)) {
      const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, lock)).then(() => true, () => false);
      if (exists && !args?.force) {
        const go = await vscode.window.showWarningMessage(t('{0} seems to be open in Word. Replace it anyway?', name), { modal: true }, t('Replace'));
        if (go !== t('Replace')) return undefined;
        break;
      }
    }
    const masthead = (await configs?.load(d.uri))?.config.masthead;
    const bytes = await loadWordBundle().exportDocx(text, { mode, ...(masthead ? { masthead } : {}), ...(platformDeflate ? { deflate: platformDeflate } : {}) });
    await replaceWorkspaceFile(target, bytes);
    // Where it went, and the two things one does next with it.
    void vscode.window.showInformationMessage(t('Exported {0}.', vscode.workspace.asRelativePath(target)), t('Open the document'), t('Reveal in the Explorer')).then((pick) => {
      if (pick === t('Open the document')) void vscode.env.openExternal(target);
      else if (pick === t('Reveal in the Explorer')) void vscode.commands.executeCommand('revealInExplorer', target);
    });
    return target;
  });
}
