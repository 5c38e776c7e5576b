// review-obs export: a draft as a Word document, with its comments and tracked changes or as a clean copy.
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { mastheadGaps } from '../../core/checks/rules/exportLoss';
import { cleanExportBlockers, DraftAnalysis, wordLockNames } from '../../core/index';
import { ConfigFiles } from '../config';
import { readSide, UsageError, writeOut, type Io } from '../io';
import { existingOutput } from '../write';
import { nodeDeflate } from '../../node/deflate';

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, clean: { type: 'boolean', default: false }, 'with-changes': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError(t('export takes one draft.'));
  if (values.clean && values['with-changes']) throw new UsageError(t('choose --clean or --with-changes, not both.'));
  const src = positionals[0]!;
  const text = readSide(src, io);
  const mode = values.clean ? 'clean' : 'with-changes';
  if (mode === 'clean' && !values.force) {
    const errors = cleanExportBlockers(text);
    if (errors.length) {
      for (const f of errors.slice(0, 10)) io.err(`${src}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
      throw new UsageError(t('a clean copy is for finalization, and the draft still has {0} error(s) (listed above). Fix them, export --with-changes, or add --force.', errors.length));
    }
  }
  const out = resolve(io.cwd, values.output ?? src.replace(/\.(md|markdown)$/i, '') + '.docx');
  const lock = wordLock(out);
  if (lock && !values.force) throw new UsageError(t('{0} is open in Word ({1} exists); close it first, or add --force.', relative(io.cwd, out), relative(io.cwd, lock)));
  // Never over the draft itself, and never over a file that exists unless told to.
  if (out === resolve(io.cwd, src)) throw new UsageError(t('{0} is the draft itself: give the .docx another name with -o.', src));
  const exists = existingOutput(out, relative(io.cwd, out), values.force);
  if (exists) throw new UsageError(exists);
  const masthead = new ConfigFiles().forFile(resolve(io.cwd, src))?.config.masthead;
  // The Word library is loaded for the command that writes Word, not for every run of the CLI.
  const { exportDocx } = await import('../../core/export/docx');
  const bytes = await exportDocx(text, { mode, deflate: nodeDeflate, ...(masthead ? { masthead } : {}) });
  const info = DraftAnalysis.parse(text).info;
  const gaps = info ? mastheadGaps(info, masthead) : [];
  if (gaps.length) io.err(t('the masthead leaves out what the front matter does not give: {0}.', gaps.join(', ')));
  // Written next to the target and renamed over it: an interrupted export never leaves a broken file.
  await writeOut(out, bytes);
  io.err(t('wrote {0} ({1})', relative(io.cwd, out), mode));
  return 0;
}

/** Word marks an open document with an owner file "~$" + the name (its first two characters dropped when long). */
export function wordLock(path: string): string | null {
  const dir = dirname(path), name = basename(path);
  for (const cand of wordLockNames(name)) if (existsSync(join(dir, cand))) return join(dir, cand);
  return null;
}
