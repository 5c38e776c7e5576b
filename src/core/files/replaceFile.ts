// The one way every adapter writes a file: a new temporary file beside the target, then a rename over it.

/** What replacing a file needs of a file system; the CLI gives Node's, the extension `vscode.workspace.fs`. */
export interface ReplaceFs {
  /** What is at a path now, without following a symbolic link. */
  kind(path: string): Promise<'missing' | 'file' | 'link' | 'folder' | 'other'> | 'missing' | 'file' | 'link' | 'folder' | 'other';
  /** Writes a file that must not exist yet (created exclusively where the file system allows), flushed to disk. */
  createNew(path: string, bytes: Uint8Array): Promise<void> | void;
  rename(from: string, to: string): Promise<void> | void;
  remove(path: string): Promise<void> | void;
}

export class ReplaceError extends Error {
  constructor(readonly reason: 'link' | 'folder' | 'create' | 'rename', readonly path: string, override readonly cause: unknown) {
    super(`${reason}: ${path}`);
  }
}

/** The temporary file's name: hidden, beside the target (so the rename stays on one file system), never guessable. */
export function tempBeside(target: string, random: string): string {
  const slash = Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\'));
  return `${target.slice(0, slash + 1)}.${target.slice(slash + 1)}.${random}.tmp`;
}

/**
 * Replaces `target` with `bytes` so that a reader sees the old file or the new one, never half of one, and nothing is
 * left behind when a step fails. A target that is a symbolic link is refused rather than followed, a folder refused.
 */
export async function replaceFile(fs: ReplaceFs, target: string, bytes: Uint8Array, random: string): Promise<void> {
  const kind = await fs.kind(target);
  if (kind === 'link' || kind === 'folder') throw new ReplaceError(kind, target, null);
  const tmp = tempBeside(target, random);
  try { await fs.createNew(tmp, bytes); } catch (e) {
    await Promise.resolve(fs.remove(tmp)).catch(() => undefined);
    throw new ReplaceError('create', target, e);
  }
  try { await fs.rename(tmp, target); } catch (e) {
    await Promise.resolve(fs.remove(tmp)).catch(() => undefined);
    throw new ReplaceError('rename', target, e);
  }
}
