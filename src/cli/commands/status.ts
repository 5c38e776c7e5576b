// review-obs status: who drafts each article, its status and agreement, what is left open in it; --set changes a status.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { agreedCount, applyEdits, articleStatuses, DraftAnalysis, isAgreed, STATUSES, setStatusEdit, type ArticleStatus, type Status } from '../../core/index';
import { readDraft } from '../batch';
import { formatOption, readSide, UsageError, writeOut, type Io } from '../io';

export function status(args: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, set: { type: 'string', multiple: true }, by: { type: 'string' } } });
  formatOption(values.format, ['text', 'json']);
  if (!positionals.length) throw new UsageError(t('status takes one or more drafts.'));
  if (values.set?.length) return setStatuses(positionals, values.set, values.by, io);
  const all: Record<string, unknown>[] = [];
  for (const f of positionals) {
    const model = DraftAnalysis.parse(readSide(f, io));
    if (!model.info) throw new UsageError(t('{0}: the front matter is missing or invalid; run "review-obs check {0}".', f));
    const rows = articleStatuses(model);
    if (values.format === 'json') {
      for (const r of rows) {
        all.push({
          file: f, article: r.key, title: r.title, state: r.state, expert: r.expert, status: r.status, openThreads: r.openThreads, pendingSuggestions: r.pendingSuggestions, emptyParts: r.emptyParts,
          ...(r.agreement ? { agreedBy: r.agreement.by, agreedOn: r.agreement.on, changedSinceAgreement: r.agreement.changed } : {}),
        });
      }
      continue;
    }
    const table = [[t('article'), t('assigned to'), t('status'), t('threads'), t('suggestions'), t('empty parts')], ...rows.map((r) => [
      `${r.key} ${r.title}`.slice(0, 48), [r.state, r.expert].filter(Boolean).join(' / ') || '—', statusText(r), String(r.openThreads), String(r.pendingSuggestions), r.emptyParts < 0 ? t('no section') : String(r.emptyParts),
    ])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
    io.out(`${f}`);
    for (const row of table) io.out('  ' + row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd());
    const { agreed, total } = agreedCount(rows);
    io.out(`  ${t('agreed {0}/{1} article(s)', agreed, total)}`);
    const changed = rows.filter((r) => r.agreement?.changed).length;
    if (changed) io.out(`  ${t('{0} agreed article(s) changed since the agreement', changed)}`);
  }
  if (values.format === 'json') io.out(JSON.stringify(all, null, 2));
  return 0;
}

/** The status as the table shows it: an agreed article whose text changed since says so. */
function statusText(r: ArticleStatus): string {
  if (!r.agreement) return r.status;
  return r.agreement.changed ? t('{0} (changed since)', r.status) : r.status;
}

/** `--set KEY=STATUS`: each one small edit of the front matter (as the editor's CodeLens makes), the file written once. */
async function setStatuses(files: string[], sets: string[], by: string | undefined, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError(t('status --set changes one draft at a time.'));
  const file = resolve(io.cwd, files[0]!);
  const read = readDraft(file);
  if (!read.ok) throw new UsageError(`${files[0]}: ${read.finding.message}`);
  let text = read.text;
  for (const s of sets) {
    const m = /^([a-z]+(?:-\d+)?)=([a-z-]+)$/.exec(s);
    if (!m || !(STATUSES as readonly string[]).includes(m[2]!)) throw new UsageError(t('--set takes ARTICLE=STATUS (statuses: {0}), not "{1}".', STATUSES.join(', '), s));
    const model = DraftAnalysis.parse(text);
    if (!model.info) throw new UsageError(t('{0}: the front matter is missing or invalid; run "review-obs check {0}".', files[0]!));
    if (!articleStatuses(model).some((r) => r.key === m[1])) throw new UsageError(t('{0} is not an article under review in {1}.', m[1]!, files[0]!));
    if (isAgreed(m[2] as Status) && !by?.trim()) throw new UsageError(t('{0}: an agreed status records who agreed; add --by "NAME (STATE)".', s));
    try {
      text = applyEdits(text, [setStatusEdit(model, m[1]!, m[2] as Status, by === undefined ? undefined : { by, now: () => new Date() })]);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  await writeOut(file, text);
  io.err(t('wrote {0}', files[0]!));
  return 0;
}
