// What every command of the CLI shares: its input and output, its usage errors, reading a draft or a git revision, writing safely.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { t } from '@vscode/l10n';
import { decodeDraft } from '../core/index';
import { readDraft } from './batch';
import { writeBeside } from './write';

export { findingLine, printable } from './text';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  /** Whether standard error is a terminal: progress is shown only there. */
  isTTY?: boolean;
  /** Rewrites the progress line (empty to clear it). */
  progress?(s: string): void;
  /** Called on Ctrl+C, so a long run can stop its threads. */
  onInterrupt?(f: () => void): void;
}

export class UsageError extends Error {}

/** Every file the CLI writes: beside the target (a new, random, exclusive name), then renamed; errors name the target. */
export async function writeOut(target: string, data: string | Uint8Array): Promise<void> {
  try { await writeBeside(target, data); } catch (e) {
    throw new UsageError(t('could not write {0}: {1}', target, (e as Error).message.replace(/^[A-Z]+: /, '')));
  }
}

/** A command's text to standard output, or to -o FILE, never over an existing file unless --force. */
export function printOrWrite(text: string, output: string | undefined, force: boolean | undefined, io: Io): number | Promise<number> {
  if (!output) { io.out(text.replace(/\r?\n$/, '')); return 0; }
  const target = resolve(io.cwd, output);
  if (existsSync(target) && !force) throw new UsageError(t('{0} exists; it was left untouched. Choose another name or add --force.', output));
  return writeOut(target, text).then(() => { io.err(t('wrote {0}', output)); return 0; });
}

/** A file's text, or a git revision of it written REV:PATH (read with `git show`). */
export function readSide(spec: string, io: Io): string {
  const path = resolve(io.cwd, spec);
  if (existsSync(path)) {
    const d = readDraft(path);
    if (!d.ok) throw new UsageError(`${spec}: ${d.finding.message}`);
    return d.text;
  }
  const m = /^([^:]+):(.+)$/.exec(spec);
  if (!m) throw new UsageError(t('no such file: {0} (a git revision is written REV:PATH, e.g. HEAD~1:draft.md)', spec));
  // A revision that starts with "-" would be read by git as an option ("--output=…" writes a file): refused, and the
  // revision is passed after --end-of-options besides.
  if (/^-|\s/.test(m[1]!)) throw new UsageError(t('{0}: a git revision cannot start with "-" or hold spaces (e.g. HEAD~1:draft.md).', spec));
  try {
    const bytes = execFileSync('git', ['show', '--end-of-options', `${m[1]}:./${m[2]}`], { cwd: io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const d = decodeDraft(bytes);
    if (!d.ok) throw new UsageError(`${spec}: ${d.finding.message}`);
    return d.text;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(t('git could not show {0}: {1}', spec, String((e as { stderr?: Buffer }).stderr ?? e).trim()));
  }
}

/** The one check of every command's --format: a value it does not know is a usage error naming the ones it does. */
export function formatOption(value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || !allowed.includes(value)) throw new UsageError(t('--format takes {0}, not "{1}".', allowed.map((a) => `"${a}"`).join(', '), value ?? ''));
}
