// review-obs diff: what changed between two versions of a draft, or the changes as suggestions attributed to their author.
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { compareTexts, draftWithSuggestions, LineIndex, parseAuthor } from '../../core/index';
import { printOrWrite, readSide, UsageError, type Io } from '../io';

export function diff(args: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'as-suggestions': { type: 'boolean', default: false }, author: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 2) throw new UsageError(t('diff takes two files: OLD NEW.'));
  const [a, b] = [readSide(positionals[0]!, io), readSide(positionals[1]!, io)];
  if (values['as-suggestions']) {
    if (!values.author?.trim()) throw new UsageError(t('--as-suggestions needs --author "NAME (STATE)": the suggestions are attributed to the co-reviewer who made the changes.'));
    let out: string;
    try { out = draftWithSuggestions(a, b, { author: parseAuthor(values.author) }).text; }
    catch (e) { throw new UsageError((e as Error).message); }
    return printOrWrite(out, values.output, values.force, io);
  }
  const hunks = compareTexts(a, b);
  const lines = new LineIndex(a);
  for (const h of hunks) {
    const at = lines.positionAt(h.oldStart);
    const show = (s: string) => s.replace(/\r?\n/g, '⏎');
    io.out(`${positionals[0]}:${at.line + 1}:${at.character + 1} ${h.oldText ? `[-${show(h.oldText)}-]` : ''}${h.newText ? `{+${show(h.newText)}+}` : ''}`);
  }
  io.out(t('{0} difference(s).', hunks.length));
  return hunks.length ? 1 : 0;
}
