// The review-obs command line: a thin adapter that reads arguments and hands each command to its module (commands/).
import { t } from '@vscode/l10n';
import { check } from './commands/check';
import { comments } from './commands/comments';
import { diff } from './commands/diff';
import { digest } from './commands/digest';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { create } from './commands/new';
import { report } from './commands/report';
import { status } from './commands/status';
import { UsageError, type Io } from './io';
import { packageInfo } from './package';

export type { Io } from './io';
export { printable } from './io';
export { wordLock } from './commands/export';

// The usage lines are syntax and stay as they are; the explanations are translated.
const USAGE = `review-obs check FILE_OR_DIR... [--format text|json|sarif] [--finalization] [--severity CODE=error|warning|info|off]...
               [--summary-limit WORDS[,CHARACTERS]] [--deadline STEP=Nw|Nm]... [--jobs N]
review-obs report FILE_OR_DIR... -o REPORT.html [--finalization]
review-obs new --state NAME --reviewer NAME[:untoc,tip,...] --reviewer NAME --cluster 1-4
               --party-to untoc,tip,som,firearms [--kind list|summary] [--lang en[,zh]]
               [--group 1-3] [--start YYYY-MM-DD] [--articles untoc:5,6/tip:3,5] [-o FILE] [--force]
review-obs new --from LIST.md [-o FILE] [--force]
review-obs comments FILE [--format text|json]
review-obs status FILE... [--format text|json]
review-obs status FILE --set ARTICLE=STATUS... [--by "NAME (STATE)"]
review-obs diff OLD NEW [--as-suggestions --author "NAME (STATE)"] [-o FILE]
review-obs digest FOLDER... [-o DIGEST.docx|.xlsx|.csv|.html] [--part PART] [--article untoc-5] [--finalized-only] [--lang xx]
review-obs export FILE [--clean|--with-changes] [-o FILE.docx] [--force]
review-obs import RETURNED.docx --into DRAFT.md [--author "NAME (STATE)"] [-o FILE] [--force]`;

function help(): string {
  return [
    t('review-obs: draft and check UNTOC review lists of observations and summaries'),
    '',
    t('Usage:'),
    USAGE.replace(/^/gm, '  '),
    '',
    t('check prints one finding per line (FILE:LINE:COLUMN severity code message), or with --format json an array of {"file","line","column","endLine","endColumn","severity","code","message"} (1-based). A directory is searched for Markdown drafts (files whose front matter names a document kind).'),
    t('new --from LIST.md makes a summary from an existing list of observations.'),
    t('Messages follow --lang (ar, zh, en, fr, ru, es) or the locale of the environment (LC_ALL, LC_MESSAGES, LANG); with new, --lang also gives the languages of the draft.'),
    t('Exit status: 0 no error found, 1 an error was found, 2 bad usage or unreadable input.'),
  ].join('\n');
}

export function main(argv: string[], io: Io): number | Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') { io.out(help()); return cmd ? 0 : 2; }
    if (cmd === '--version') { io.out(packageInfo().version); return 0; }
    // l10n-ignore below: the program's name before a translated message
    const fail = (e: unknown) => { io.err(`review-obs: ${(e as Error).message}`); return 2; }; // l10n-ignore
    // --lang chooses the messages' language (read before main runs); only `new` also takes it as its own option.
    const r = dispatch(cmd, cmd === 'new' || cmd === 'digest' ? rest : withoutLang(rest), io);
    // Commands that finish later report their errors the same way: a message and status 2, never a trace.
    return r instanceof Promise ? r.catch(fail) : r;
  } catch (e) {
    io.err(`review-obs: ${(e as Error).message}`); // l10n-ignore: the program's name and a translated message
    return 2;
  }
}

function withoutLang(args: string[]): string[] {
  return args.filter((a, i) => !(a === '--lang' || a.startsWith('--lang=') || args[i - 1] === '--lang'));
}

function dispatch(cmd: string, rest: string[], io: Io): number | Promise<number> {
  {
    if (cmd === 'check') return check(rest, io);
    if (cmd === 'new') return create(rest, io);
    if (cmd === 'comments') return comments(rest, io);
    if (cmd === 'report') return report(rest, io);
    if (cmd === 'diff') return diff(rest, io);
    if (cmd === 'status') return status(rest, io);
    if (cmd === 'digest') return digest(rest, io);
    if (cmd === 'export') return exportCommand(rest, io);
    if (cmd === 'import') return importCommand(rest, io);
    throw new UsageError(t('unknown command "{0}" (see review-obs --help).', cmd));
  }
}
