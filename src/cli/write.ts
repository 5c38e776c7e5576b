// Writes a file the safe way: a new temporary file beside the target (created exclusively, a random name), then a rename.
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { t } from '@vscode/l10n';

/**
 * Replaces `target` with `bytes` so that a reader sees the old file or the new one, never half of one. The temporary
 * file is created with O_EXCL under a random name, so a link planted beside the target cannot receive the output; a
 * target that is a symbolic link is refused rather than followed.
 */
export function writeBeside(target: string, bytes: Uint8Array | string): void {
  const st = lstatSync(target, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw new Error(t('{0} is a symbolic link; write to the file it points to instead.', target));
  if (st?.isDirectory()) throw new Error(t('{0} is a folder; give a file name.', target));
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try { fd = openSync(tmp, 'wx', 0o644); } catch (e) { throw new Error(folderProblem(dirname(target), (e as NodeJS.ErrnoException).code)); }
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try { renameSync(tmp, target); } catch (e) { rmSync(tmp, { force: true }); throw new Error(folderProblem(target, (e as NodeJS.ErrnoException).code)); }
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
