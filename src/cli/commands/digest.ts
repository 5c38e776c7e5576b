// review-obs digest: what the lists of a folder of reviews say, per instrument, article and part, for the working groups.
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { createAnalysisEnv, digestCsv, digestEntries, digestHtml, isPartId, PARTS, UN_LANGUAGES } from '../../core/index';
import { readDraft } from '../batch';
import { UsageError, writeOut, type Io } from '../io';
import { currentLanguage } from '../locale';
import { collectJobs } from './check';

export async function digest(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, part: { type: 'string' }, article: { type: 'string' }, 'finalized-only': { type: 'boolean', default: false }, lang: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (!positionals.length) throw new UsageError(t('digest needs a folder of drafts (or drafts).'));
  if (values.part !== undefined && !isPartId(values.part)) throw new UsageError(t('--part takes one of {0}, not "{1}".', PARTS.map((p) => p.id).join(', '), values.part));
  if (values.article !== undefined && !/^(?:untoc|tip|som|firearms)-\d+$/.test(values.article)) throw new UsageError(t('--article takes an article id such as untoc-5, not "{0}".', values.article));
  const lang = values.lang?.split(',')[0] ?? currentLanguage();
  if (!(UN_LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(t('--lang takes UN language codes ({0}), not "{1}".', UN_LANGUAGES.join(', '), lang));
  const format = values.output ? extname(values.output).toLowerCase().slice(1) : 'csv';
  if (!['docx', 'xlsx', 'csv', 'html'].includes(format)) throw new UsageError(t('-o must end in .docx, .xlsx, .csv or .html, not "{0}".', values.output ?? ''));
  const out = values.output && resolve(io.cwd, values.output);
  if (out && existsSync(out) && !values.force) throw new UsageError(t('{0} exists; it was left untouched. Choose another name or add --force.', values.output!));
  const files: { file: string; text: string }[] = [];
  for (const job of collectJobs(positionals, io)) {
    const read = readDraft(job.path);
    // A file that cannot be read is named and left out; the digest of the others goes on.
    if (!read.ok) { if (job.explicit || read.finding.code !== 'file.unreadable') io.err(`${job.name}: ${read.finding.message}`); continue; }
    files.push({ file: job.name, text: read.text });
  }
  const entries = digestEntries(files, { part: values.part as never, article: values.article, finalizedOnly: values['finalized-only'] }, createAnalysisEnv({ generation: 100 }));
  const generated = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (!out) { io.out(digestCsv(entries).replace(/^\ufeff/, '').replace(/\r\n$/, '')); return 0; }
  // The Word and spreadsheet libraries are loaded for the command that writes them, not for every run of the CLI.
  const writers = format === 'docx' || format === 'xlsx' ? await import('../../core/output/digestFiles') : null;
  const data = format === 'docx' ? await writers!.digestDocx(entries, lang, generated) : format === 'xlsx' ? await writers!.digestXlsx(entries, lang) : format === 'html' ? digestHtml(entries, lang, generated) : digestCsv(entries);
  await writeOut(out, data);
  io.err(t('wrote {0} ({1} entries from {2} file(s))', values.output!, entries.length, files.length));
  return 0;
}
