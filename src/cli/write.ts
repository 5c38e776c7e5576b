// The CLI's side of writing a file: Node's file system under the core's replace policy, and its errors in words.
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { t } from '@vscode/l10n';
import { replaceFile, ReplaceError, type ReplaceFs } from '../core/index';

/** Node's file system as the core's policy needs it: the temporary file created with O_EXCL, so a planted link cannot receive the output. */
const nodeFs: ReplaceFs = {
  kind(path) {
    const st = lstatSync(path, { throwIfNoEntry: false });
    return !st ? 'missing' : st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  },
  createNew(path, bytes) {
    const fd = openSync(path, 'wx', 0o644);
    try { writeSync(fd, bytes); fsyncSync(fd); } finally { closeSync(fd); }
  },
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};

/** Replaces `target` with `bytes` (core/files/replaceFile.ts); an error names the target or its folder and what to do. */
export async function writeBeside(target: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await replaceFile(nodeFs, target, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, randomBytes(6).toString('hex'));
  } catch (e) {
    if (!(e instanceof ReplaceError)) throw e;
    if (e.reason === 'link') throw new Error(t('{0} is a symbolic link; write to the file it points to instead.', target));
    if (e.reason === 'folder') throw new Error(t('{0} is a folder; give a file name.', target));
    const code = (e.cause as NodeJS.ErrnoException).code;
    throw new Error(e.reason === 'create' ? folderProblem(dirname(target), code) : folderProblem(target, code));
  }
}

/**
 * Why an output must not be written without --force, in words: a folder is never replaced, an existing file only when
 * told to. Null when the output may be written.
 */
export function existingOutput(path: string, shown: string, force: boolean | undefined): string | null {
  const kind = nodeFs.kind(path);
  if (kind === 'missing') return null;
  if (kind === 'folder') return t('{0} is a folder; give a file name with -o.', shown);
  return force ? null : t('{0} already exists; write elsewhere with -o FILE, or add --force to replace it.', shown);
}

/** What stops a write, in words naming the folder or file (never the temporary file's name, nor a raw ENOENT). */
function folderProblem(path: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT': case 'ENOTDIR': return t('the folder {0} does not exist; create it, or write elsewhere with -o.', path);
    case 'EACCES': case 'EPERM': return t('permission denied in {0}; write elsewhere with -o.', path);
    case 'EROFS': return t('{0} is on a read-only file system; write elsewhere with -o.', path);
    case 'ENOSPC': case 'EDQUOT': return t('no space left for {0}; free some space or write elsewhere with -o.', path);
    case 'EISDIR': return t('{0} is a folder; give a file name.', path);
    default: return t('{0} could not be written ({1}).', path, code ?? 'error');
  }
}
