// Digest of the workspace's lists: what every list of observations in the workspace says, per instrument and article.
import * as vscode from 'vscode';
import { registerLoggedCommand, type Log } from './log';
import { digestCsv, digestEntries, digestHtml, PARTS, type DigestOptions } from '../core/index';
import { defaultLanguage } from './config';
import { loadDigestBundle } from './digestBundle';
import { readWorkspaceDraft } from './readFile';
import { replaceWorkspaceFile } from './writeFile';

const t = vscode.l10n.t;

type Format = 'docx' | 'xlsx' | 'csv' | 'html';

export function registerDigest(log: Log): vscode.Disposable {
  return registerLoggedCommand(log, 'reviewObservations.digest', async (args?: { format?: Format; target?: string } & DigestOptions) => {
    const writers = loadDigestBundle();
    const formats: { label: string; description: string; format: Format }[] = [
      ...(writers ? [{ label: t('Word document'), description: t('one chapter per instrument, the States\' entries as numbered paragraphs'), format: 'docx' as const }] : []),
      ...(writers ? [{ label: t('Spreadsheet (.xlsx)'), description: t('one row per entry, and the counts per article'), format: 'xlsx' as const }] : []),
      { label: t('Web page (.html)'), description: t('charts of the counts per article, then every entry'), format: 'html' },
      { label: 'CSV', description: t('one row per entry, for the secretariat\'s own analysis'), format: 'csv' }, // l10n-ignore: a format's name
    ];
    const format = args?.format ?? (await vscode.window.showQuickPick(formats, { placeHolder: t('Digest of the workspace\'s lists: as what?'), ignoreFocusOut: true }))?.format;
    if (!format) return undefined;
    const part = args?.part ?? (args?.format ? undefined : (await vscode.window.showQuickPick([{ label: t('Every part'), id: undefined }, ...PARTS.map((p) => ({ label: p.id, id: p.id }))], { placeHolder: t('Which part of the lists?'), ignoreFocusOut: true }))?.id);
    const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', 10_000);
    const files: { file: string; text: string }[] = [];
    for (const uri of uris) {
      const read = await readWorkspaceDraft(uri);
      if (read.ok) files.push({ file: vscode.workspace.asRelativePath(uri), text: read.text });
    }
    const entries = digestEntries(files, { ...(part ? { part } : {}), ...(args?.article ? { article: args.article } : {}), ...(args?.finalizedOnly ? { finalizedOnly: true } : {}) });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = args?.target ? vscode.Uri.parse(args.target) : await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `digest.${format}`) : undefined, filters: { [format.toUpperCase()]: [format] },
    });
    if (!target) return undefined;
    const lang = defaultLanguage();
    const generated = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    const bytes = format === 'docx' ? await writers!.digestDocx(entries, lang, generated)
      : format === 'xlsx' ? await writers!.digestXlsx(entries, lang)
        : new TextEncoder().encode(format === 'html' ? digestHtml(entries, lang, generated) : digestCsv(entries));
    await replaceWorkspaceFile(target, bytes);
    void vscode.window.showInformationMessage(t('Digest of {0} entries from the workspace\'s lists: {1}.', entries.length, vscode.workspace.asRelativePath(target)), t('Open'), t('Reveal in the Explorer')).then((pick) => {
      if (pick === t('Open')) void vscode.env.openExternal(target);
      else if (pick === t('Reveal in the Explorer')) void vscode.commands.executeCommand('revealInExplorer', target);
    });
    return { target: target.toString(), entries: entries.length };
  });
}
