// review-obs status: who drafts each article, its status, and what is left open in it.
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { agreedCount, articleStatuses, DraftAnalysis } from '../../core/index';
import { formatOption, readSide, UsageError, type Io } from '../io';

export function status(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  formatOption(values.format, ['text', 'json']);
  if (!positionals.length) throw new UsageError(t('status takes one or more drafts.'));
  const all: Record<string, unknown>[] = [];
  for (const f of positionals) {
    const model = DraftAnalysis.parse(readSide(f, io));
    if (!model.info) throw new UsageError(t('{0}: the front matter is missing or invalid; run "review-obs check {0}".', f));
    const rows = articleStatuses(model);
    if (values.format === 'json') { for (const r of rows) all.push({ file: f, article: r.key, title: r.title, state: r.state, expert: r.expert, status: r.status, openThreads: r.openThreads, pendingSuggestions: r.pendingSuggestions, emptyParts: r.emptyParts }); continue; }
    const table = [[t('article'), t('assigned to'), t('status'), t('threads'), t('suggestions'), t('empty parts')], ...rows.map((r) => [
      `${r.key} ${r.title}`.slice(0, 48), [r.state, r.expert].filter(Boolean).join(' / ') || '—', r.status, String(r.openThreads), String(r.pendingSuggestions), r.emptyParts < 0 ? t('no section') : String(r.emptyParts),
    ])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
    io.out(`${f}`);
    for (const row of table) io.out('  ' + row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd());
    const { agreed, total } = agreedCount(rows);
    io.out(`  ${t('agreed {0}/{1} article(s)', agreed, total)}`);
  }
  if (values.format === 'json') io.out(JSON.stringify(all, null, 2));
  return 0;
}
