// review-obs import: the comments and changes of a .docx returned from Word, into the draft it was exported from.
import { readFileSync, statSync } from 'node:fs';
import { readDraft } from '../batch';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { parseAuthor } from '../../core/index';
import { existingOutput, writeBeside } from '../write';

export interface ImportIo { out(s: string): void; err(s: string): void; cwd: string }

export class ImportUsageError extends Error {}

export async function importCommand(args: string[], io: ImportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { into: { type: 'string' }, author: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1 || !values.into) throw new ImportUsageError(t('import takes one returned .docx and --into DRAFT.md.'));
  const docxPath = resolve(io.cwd, positionals[0]!), draftPath = resolve(io.cwd, values.into);
  const rel = (p: string) => relative(io.cwd, p) || p;
  // The Word libraries are loaded for the command that reads Word, not for every run of the CLI.
  const { importDocx, MAX_DOCX_BYTES, WordFileError } = await import('../../core/word/index');
  const st = statSync(docxPath, { throwIfNoEntry: false });
  if (!st) throw new ImportUsageError(t('no such file: {0}', positionals[0]!));
  if (!st.isFile()) throw new ImportUsageError(t('{0} is not a regular file.', positionals[0]!));
  if (st.size > MAX_DOCX_BYTES) throw new ImportUsageError(t('{0} is {1} MB; a returned list of observations is far smaller (the limit is {2} MB).', positionals[0]!, Math.round(st.size / 1048576), MAX_DOCX_BYTES / 1048576));
  const dst = statSync(draftPath, { throwIfNoEntry: false });
  if (!dst?.isFile()) throw new ImportUsageError(t('no such file: {0}', values.into));
  const decoded = readDraft(draftPath);
  if (!decoded.ok) throw new ImportUsageError(`${values.into}: ${decoded.finding.message}`);
  const out = values.output ? resolve(io.cwd, values.output) : draftPath;
  const exists = out === draftPath ? null : existingOutput(out, rel(out), values.force);
  if (exists) throw new ImportUsageError(exists);
  let result;
  try {
    result = await importDocx(decoded.text, readFileSync(docxPath), rel(docxPath), {
      ...(values.author?.trim() ? { author: parseAuthor(values.author) } : {}), force: values.force,
    });
  } catch (e) {
    if (e instanceof WordFileError) throw new ImportUsageError(e.message);
    throw e;
  }
  for (const u of result.unplaced) io.err(`${rel(draftPath)}:${u.line || 1}: ${t('not placed where it stood: {0} ({1}); kept as a comment.', u.what, u.reason)}`);
  const s = result.summary;
  const what = t('{0} new comment(s), {1} reply(ies), {2} resolved, {3} reopened, {4} tracked change(s), {5} untracked change(s) as suggestions, {6} accepted, {7} rejected',
    s.comments, s.replies, s.resolved, s.reopened, s.trackedChanges, s.untrackedChanges, s.accepted, s.rejected);
  if (result.text === decoded.text) { io.err(t('nothing to import from {0}: the draft is unchanged.', rel(docxPath))); return 0; }
  if (result.matchedByText) io.err(t('{0} was not exported from this text: what it holds was placed by matching the text (--force).', rel(docxPath)));
  await writeBeside(out, result.text);
  io.err(t('imported {0} into {1}: {2}.', rel(docxPath), rel(out), what));
  return 0;
}
