// The extension's side of writing a file: `vscode.workspace.fs` (local, remote or virtual) under the core's replace policy.
import * as vscode from 'vscode';
import { replaceFile, type ReplaceFs } from '../core/index';

/** A workspace file system as the core's policy needs it, paths being URIs' string forms. */
const workspaceFs: ReplaceFs = {
  async kind(path) {
    const st = await vscode.workspace.fs.stat(vscode.Uri.parse(path)).then((s) => s, () => null);
    if (!st) return 'missing';
    if (st.type & vscode.FileType.SymbolicLink) return 'link';
    return st.type & vscode.FileType.Directory ? 'folder' : st.type & vscode.FileType.File ? 'file' : 'other';
  },
  // The workspace API has no exclusive create: the random name is what keeps it from meeting another file.
  createNew: async (path, bytes) => { await vscode.workspace.fs.writeFile(vscode.Uri.parse(path), bytes); },
  rename: async (from, to) => { await vscode.workspace.fs.rename(vscode.Uri.parse(from), vscode.Uri.parse(to), { overwrite: true }); },
  remove: async (path) => { await vscode.workspace.fs.delete(vscode.Uri.parse(path)); },
};

/** Replaces the file at `target` with `bytes`, so that an interrupted write never leaves a broken file. */
export function replaceWorkspaceFile(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  return replaceFile(workspaceFs, target.toString(), bytes, random);
}
