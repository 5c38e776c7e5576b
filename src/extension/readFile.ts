// The extension's side of reading a workspace draft: the open document's text, or `vscode.workspace.fs` under the core's reading policy.
import * as vscode from 'vscode';
import { decodeDraft, readFailure, unreadablePath, type Decoded, type FileKind } from '../core/index';

/** VS Code's file system errors as the core's kinds of path. */
function kindOf(e: unknown): FileKind {
  const code = e instanceof vscode.FileSystemError ? e.code : '';
  return code === 'FileNotFound' ? 'missing' : code === 'NoPermissions' ? 'denied' : code === 'FileIsADirectory' ? 'directory' : 'other';
}

/**
 * A workspace file's text: the editor's when it is open (unsaved edits included), else read by the same policy as the
 * CLI's (core/files/input.ts), or the one finding that kept it unread.
 */
export async function readWorkspaceDraft(uri: vscode.Uri): Promise<Decoded> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { ok: true, text: open.getText() };
  try {
    const st = await vscode.workspace.fs.stat(uri);
    const refused = unreadablePath(st.type & vscode.FileType.Directory ? 'directory' : st.type & vscode.FileType.File ? 'file' : 'other', st.size);
    if (refused) return { ok: false, finding: refused };
    return decodeDraft(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    return { ok: false, finding: readFailure(kindOf(e), String((e as Error).message ?? e)) };
  }
}
