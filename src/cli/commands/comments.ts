// review-obs comments: the comment threads and suggestions of a draft, as text or JSON.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { LineIndex, parseComments } from '../../core/index';
import { readDraft } from '../batch';
import { formatOption, printable, UsageError, type Io } from '../io';

export function comments(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  formatOption(values.format, ['text', 'json']);
  if (positionals.length !== 1) throw new UsageError(t('comments takes one file.'));
  const path = resolve(io.cwd, positionals[0]!);
  if (!existsSync(path)) throw new UsageError(t('no such file: {0}', positionals[0]!));
  const decoded = readDraft(path);
  if (!decoded.ok) throw new UsageError(`${positionals[0]}: ${decoded.finding.message}`);
  const text = decoded.text;
  const lines = new LineIndex(text);
  const model = parseComments(text);
  const threads = model.threads.map((t) => ({
    id: t.id,
    kind: t.kind,
    status: t.kind === 'comment' ? (t.resolved ? 'resolved' : 'open') : 'pending',
    line: lines.positionAt(t.mark?.start ?? t.blocks[0]?.start ?? 0).line + 1,
    text: t.mark?.text ?? '',
    ...(t.mark?.newText !== undefined ? { newText: t.mark.newText } : {}),
    comments: t.blocks.map((b) => ({ id: b.id, author: b.author, date: b.date, ...(b.event ? { event: b.event } : { text: b.body }) })),
  }));
  if (values.format === 'json') { io.out(JSON.stringify(threads, null, 2)); return 0; }
  for (const th of threads) {
    const what = th.kind === 'comment' ? t('comment ({0})', th.status === 'open' ? t('open') : t('resolved'))
      : th.kind === 'replacement' ? t('suggested replacement: "{0}" → "{1}"', th.text, th.newText ?? '')
        : th.kind === 'insertion' ? t('suggested insertion: "{0}"', th.text) : t('suggested deletion: "{0}"', th.text);
    io.out(printable(`${positionals[0]}:${th.line} @${th.id} ${what}`));
    for (const c of th.comments) io.out(printable(`    ${c.date} ${c.author}: ${'event' in c ? `[${c.event}]` : c.text}`));
  }
  const open = threads.filter((t) => t.status === 'open').length, pending = threads.filter((t) => t.status === 'pending').length;
  io.out(t('{0} thread(s): {1} open comment(s), {2} pending suggestion(s).', threads.length, open, pending));
  return 0;
}
