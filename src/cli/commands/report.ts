// review-obs report: the secretariat's HTML report of a folder of drafts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { reportHtml, withCrossChecks } from '../../core/index';
import { checkInThisThread } from '../batch';
import { UsageError, writeOut, type Io } from '../io';
import { currentLanguage } from '../locale';
import { checkOptions, collectJobs, withConfigs } from './check';

export async function report(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, finalization: { type: 'boolean', default: false }, today: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!positionals.length) throw new UsageError(t('report needs a directory or files.'));
  if (!values.output) throw new UsageError(t('report needs -o FILE.html.'));
  const out = resolve(io.cwd, values.output);
  if (existsSync(out) && !values.force) throw new UsageError(t('{0} exists; it was left untouched. Choose another name or add --force.', values.output));
  const options = checkOptions({ finalization: values.finalization, today: values.today });
  const { jobs, configDrafts } = withConfigs(collectJobs(positionals, io), options, io.cwd);
  const drafts = [...configDrafts, ...withCrossChecks(checkInThisThread(jobs, options), options.severity)];
  await writeOut(out, reportHtml(drafts, new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', currentLanguage()));
  io.err(t('wrote {0} ({1} drafts)', values.output, drafts.filter((d) => d.draft).length));
  return 0;
}
