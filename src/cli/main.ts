// The review-obs command line: a thin adapter that reads files, calls the core, and prints findings.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { exportDocx } from '../core/export/docx';
import { mastheadGaps } from '../core/checks/rules/exportLoss';
import {
  agreedCount, applyEdits, articleStatuses, checkModel, CODES, compareTexts, DraftAnalysis, parseAuthor, wordLockNames, decodeDraft, DEFAULT_DEADLINES, differencesAsSuggestions, INSTRUMENT_KEYS, isInstrumentKey, LineIndex, newDraft, parseComments, reportHtml, summaryFromList,
  summarizeBytes, toSarif, UN_LANGUAGES, withCrossChecks, type CheckOptions, type DraftSummary, type InstrumentKey, type NewDraftOptions, type SeverityOverrides, type StepId,
} from '../core/index';
import { importCommand } from './import';
import { writeBeside } from './write';
import { ConfigFiles, relativeToConfig } from './config';
import { checkOptionsFrom, isIgnored, type LoadedConfig } from '../core/config/config';
import { packageInfo } from './package';
import { pathToFileURL } from 'node:url';
import { canUseWorkers, checkInThisThread, checkInWorkers, readDraft, statKind, type FileJob } from './batch';

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


class UsageError extends Error {}

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
review-obs diff OLD NEW [--as-suggestions --author "NAME (STATE)"] [-o FILE]
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
    const r = dispatch(cmd, cmd === 'new' ? rest : withoutLang(rest), io);
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
    if (cmd === 'export') return exportCommand(rest, io);
    if (cmd === 'import') return importCommand(rest, io);
    throw new UsageError(t('unknown command "{0}" (see review-obs --help).', cmd));
  }
}

function check(args: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' }, severity: { type: 'string', multiple: true }, finalization: { type: 'boolean', default: false },
      jobs: { type: 'string' }, today: { type: 'string' }, 'summary-limit': { type: 'string' }, deadline: { type: 'string', multiple: true },
    },
  });
  if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(t('--format must be "text", "json" or "sarif", not "{0}".', values.format!));
  if (!positionals.length) throw new UsageError(t('check needs at least one file or directory.'));
  const flags = checkOptions(values);
  const { jobs, configDrafts } = withConfigs(collectJobs(positionals, io), flags, io.cwd);
  return checkJobs(jobs, configDrafts, flags, values, io);
}

/**
 * Each draft's options: its nearest configuration file's, under the command line's flags; files the configuration
 * ignores are left out (unless named on the command line), and its problems are findings of the configuration file.
 */
function withConfigs(all: FileJob[], flags: CheckOptions, cwd: string): { jobs: FileJob[]; configDrafts: DraftSummary[] } {
  const configs = new ConfigFiles();
  const jobs: FileJob[] = [];
  for (const j of all) {
    const c = configs.forFile(j.path);
    if (c && !j.explicit && isIgnored(c.config, relativeToConfig(c, j.path))) continue;
    jobs.push(c ? { ...j, options: checkOptionsFrom(c.config, flags) } : j);
  }
  const configDrafts = configs.all().filter((c) => c.problems.length).map((c) => configSummary(c, cwd));
  return { jobs, configDrafts };
}

function configSummary(c: LoadedConfig, cwd: string): DraftSummary {
  const findings = c.problems.map((p) => ({ code: 'config.invalid', severity: 'error' as const, message: p.message, range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.endLine - 1, character: p.endColumn - 1 } } }));
  const name = relative(cwd, c.file) || c.file;
  // Reported as a file of its own, so every output format (text, JSON, SARIF) and the exit status show it.
  return { ...summarizeBytes(name, new Uint8Array(), {}, false), draft: true, findings, counts: { error: findings.length, warning: 0, info: 0 } };
}

function checkJobs(jobs: FileJob[], configDrafts: DraftSummary[], options: CheckOptions, values: { format?: string; jobs?: string }, io: Io): number | Promise<number> {
  // Threads pay for their start-up only on large batches (measured: 800 drafts of 10 KB are faster on one thread,
  // 800 of 80 KB take 6.5 s on two against 9.7 s on one).
  const bytes = jobs.reduce((n, j) => n + statKind(j.path).size, 0);
  const threads = values.jobs ? Number(values.jobs) : jobs.length >= 24 && bytes >= 16 * 1024 * 1024 && canUseWorkers() ? availableParallelism() : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(t('--jobs takes a whole number of threads.'));
  // A progress line only on a terminal: nothing that would pollute a redirected report.
  const tty = io.isTTY ?? false;
  const progress = tty && jobs.length > 1 ? (n: number) => io.progress?.(t('checked {0}/{1}', n, jobs.length)) : undefined;
  const finish = (drafts: DraftSummary[]) => { if (progress) io.progress?.(''); return printCheck([...configDrafts, ...withCrossChecks(drafts, options.severity)], values.format!, io); };
  if (threads > 1 && canUseWorkers()) {
    const signal = { cancelled: false, onCancel: undefined as (() => void) | undefined };
    io.onInterrupt?.(() => { signal.cancelled = true; signal.onCancel?.(); });
    return checkInWorkers(jobs, options, Math.min(threads, jobs.length), progress, signal).then((d) => {
      if (signal.cancelled) { io.err(`review-obs: ${t('cancelled.')}`); return 130; } // l10n-ignore: the program's name
      return finish(d);
    });
  }
  return finish(checkInThisThread(jobs, options, progress));
}

function checkOptions(values: { severity?: string[]; finalization?: boolean; today?: string; 'summary-limit'?: string; deadline?: string[] }): CheckOptions {
  const severity: Record<string, string> = {};
  for (const s of values.severity ?? []) {
    const m = /^([\w.-]+)=(error|warning|info|off)$/.exec(s);
    if (!m) throw new UsageError(t('--severity takes CODE=error|warning|info|off, not "{0}".', s));
    if (!(m[1]! in CODES)) throw new UsageError(t('--severity: unknown code "{0}".', m[1]!));
    severity[m[1]!] = m[2]!;
  }
  const o: CheckOptions = { severity: severity as SeverityOverrides, finalization: values.finalization };
  if (values.today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(t('--today must be a date YYYY-MM-DD.'));
    o.today = values.today;
  }
  if (values['summary-limit']) {
    const m = /^(\d+)(?:,(\d+))?$/.exec(values['summary-limit']);
    if (!m) throw new UsageError(t('--summary-limit takes WORDS or WORDS,CHARACTERS (characters count for Chinese), e.g. 3000,6000.'));
    o.summaryLimit = { words: Number(m[1]), characters: Number(m[2] ?? m[1]) };
  }
  for (const d of values.deadline ?? []) {
    const m = /^(focal-point|experts|self-assessment|feedback)=(\d+)(w|m)$/.exec(d);
    if (!m) throw new UsageError(t('--deadline takes STEP=Nw or STEP=Nm (steps: focal-point, experts, self-assessment, feedback), not "{0}".', d));
    const step = m[1] as StepId;
    o.deadlines = { ...o.deadlines, [step]: { ...DEFAULT_DEADLINES[step], weeks: m[3] === 'w' ? Number(m[2]) : undefined, months: m[3] === 'm' ? Number(m[2]) : undefined } };
  }
  return o;
}

function collectJobs(positionals: string[], io: Io): FileJob[] {
  const jobs: FileJob[] = [];
  for (const p of positionals) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) throw new UsageError(t('no such file or directory: {0}', p));
    if (statSync(abs).isDirectory()) for (const f of walk(abs)) jobs.push({ path: f, name: relative(io.cwd, f) || f, explicit: false });
    else jobs.push({ path: abs, name: relative(io.cwd, abs) || abs, explicit: true });
  }
  return jobs;
}

function printCheck(drafts: DraftSummary[], format: string, io: Io): number {
  const checked = drafts.filter((d) => d.draft);
  const skipped = drafts.length - checked.length;
  const errors = checked.reduce((n, d) => n + d.counts.error, 0);
  if (format === 'json') {
    io.out(JSON.stringify(checked.flatMap((d) => d.findings.map((f) => ({
      file: d.file, line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1, severity: f.severity, code: f.code, message: f.message,
    }))), null, 2));
  } else if (format === 'sarif') {
    const pkg = packageInfo();
    const ruleDoc = (code: string) => { try { return readFileSync(join(pkg.root, 'docs', 'rules', `${code}.md`), 'utf8'); } catch { return undefined; } };
    const textOf = (file: string) => { const d = readDraft(resolve(io.cwd, file)); return d.ok ? d.text : undefined; };
    io.out(JSON.stringify(toSarif(checked, { version: pkg.version, informationUri: pkg.homepage, ruleDoc, textOf, baseUri: pathToFileURL(io.cwd.endsWith('/') ? io.cwd : `${io.cwd}/`).href }), null, 2));
  } else {
    for (const d of checked) for (const f of d.findings) io.out(printable(`${d.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`));
    if (checked.length > 1) {
      io.out('');
      for (const d of checked) io.out(`${d.file}: ${d.counts.error ? t('blocked by {0} error(s)', d.counts.error) : t('ready')}${d.counts.warning ? t(', {0} warning(s)', d.counts.warning) : ''}`);
    }
    const warnings = checked.reduce((n, d) => n + d.counts.warning, 0);
    const infos = checked.reduce((n, d) => n + d.counts.info, 0);
    io.out(skipped
      ? t('{0} draft(s) checked, {1} other Markdown file(s) skipped: {2} error(s), {3} warning(s), {4} info.', checked.length, skipped, errors, warnings, infos)
      : t('{0} draft(s) checked: {1} error(s), {2} warning(s), {3} info.', checked.length, errors, warnings, infos));
  }
  return errors ? 1 : 0;
}

function report(args: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, finalization: { type: 'boolean', default: false }, today: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!positionals.length) throw new UsageError(t('report needs a directory or files.'));
  if (!values.output) throw new UsageError(t('report needs -o FILE.html.'));
  const out = resolve(io.cwd, values.output);
  if (existsSync(out) && !values.force) throw new UsageError(t('{0} exists; it was left untouched. Choose another name or add --force.', values.output));
  const options = checkOptions({ finalization: values.finalization, today: values.today });
  const { jobs, configDrafts } = withConfigs(collectJobs(positionals, io), options, io.cwd);
  const drafts = [...configDrafts, ...withCrossChecks(checkInThisThread(jobs, options), options.severity)];
  writeOut(out, reportHtml(drafts, new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'));
  io.err(t('wrote {0} ({1} drafts)', values.output, drafts.filter((d) => d.draft).length));
  return 0;
}

function create(args: string[], io: Io): number {
  const { values } = parseArgs({
    args, allowPositionals: false,
    options: {
      kind: { type: 'string', default: 'list' }, state: { type: 'string' }, reviewer: { type: 'string', multiple: true },
      cluster: { type: 'string' }, 'party-to': { type: 'string' }, lang: { type: 'string', default: 'en' },
      group: { type: 'string' }, start: { type: 'string' }, articles: { type: 'string' }, from: { type: 'string' },
      output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false },
    },
  });
  let text: string;
  if (values.from) {
    const src = resolve(io.cwd, values.from);
    if (!existsSync(src)) throw new UsageError(t('no such file: {0}', values.from));
    const decoded = readDraft(src);
    if (!decoded.ok) throw new UsageError(`${values.from}: ${decoded.finding.message}`);
    text = summaryFromList(decoded.text);
  } else {
    const kind = values.kind === 'list' || values.kind === 'list-of-observations' ? 'list-of-observations'
      : values.kind === 'summary' ? 'summary' : null;
    if (!kind) throw new UsageError(t('--kind must be "list" or "summary".'));
    if (!values.state?.trim()) throw new UsageError(t('--state NAME (the State party under review) is required.'));
    const partyTo = instruments(values['party-to'] ?? '', '--party-to');
    if (!partyTo.length) throw new UsageError(t('--party-to untoc[,tip,som,firearms] is required.'));
    const reviewers = (values.reviewer ?? []).map((r) => {
      const [state, list] = r.split(':');
      if (!state?.trim()) throw new UsageError(t('--reviewer needs a State name, not "{0}".', r));
      return { state: state.trim(), instruments: list ? instruments(list, '--reviewer') : partyTo };
    });
    if (reviewers.length < 2) throw new UsageError(t('give the two reviewing States parties: --reviewer NAME --reviewer NAME.'));
    const cluster = Number(values.cluster);
    if (![1, 2, 3, 4].includes(cluster)) throw new UsageError(t('--cluster must be 1, 2, 3 or 4.'));
    const languages = (values.lang ?? 'en').split(',').map((s) => s.trim());
    for (const l of languages) if (!(UN_LANGUAGES as readonly string[]).includes(l)) throw new UsageError(t('--lang takes UN language codes ({0}), not "{1}".', UN_LANGUAGES.join(', '), l));
    const opts: NewDraftOptions = { kind, stateUnderReview: values.state.trim(), reviewingStates: reviewers, cluster, partyTo, languages };
    if (values.group) {
      const g = Number(values.group);
      if (![1, 2, 3].includes(g)) throw new UsageError(t('--group must be 1, 2 or 3.'));
      opts.group = g;
    }
    if (values.start) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start)) throw new UsageError(t('--start must be a date YYYY-MM-DD.'));
      opts.reviewStart = values.start;
    }
    if (values.articles) opts.articles = parseArticles(values.articles);
    else {
      // The secretariat's official articles of the cluster, when the configuration of the target's folder has them.
      const lists = new ConfigFiles().forFile(resolve(io.cwd, values.output ?? 'draft.md'))?.config.clusters?.[String(cluster) as '1'];
      if (lists) opts.articles = Object.fromEntries(partyTo.filter((k) => lists[k]?.length).map((k) => [k, [...lists[k]!].sort((a, b) => a - b)]));
    }
    text = newDraft(opts);
  }
  return printOrWrite(text, values.output, values.force, io);
}

/** A command's text to standard output, or to -o FILE, never over an existing file unless --force. */
/**
 * A line for a terminal: control characters from a draft's text or a file's name (ESC, BEL, C1 controls) are shown
 * as \u escapes, so a draft cannot move the cursor, retitle the window or ring the bell of whoever checks it.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every file the CLI writes: beside the target (a new, random, exclusive name), then renamed; errors name the target. */
function writeOut(target: string, data: string | Uint8Array): void {
  try { writeBeside(target, data); } catch (e) {
    throw new UsageError(t('could not write {0}: {1}', target, (e as Error).message.replace(/^[A-Z]+: /, '')));
  }
}

function printOrWrite(text: string, output: string | undefined, force: boolean | undefined, io: Io): number {
  if (!output) { io.out(text.replace(/\r?\n$/, '')); return 0; }
  const target = resolve(io.cwd, output);
  if (existsSync(target) && !force) throw new UsageError(t('{0} exists; it was left untouched. Choose another name or add --force.', output));
  writeOut(target, text);
  io.err(t('wrote {0}', output));
  return 0;
}

function comments(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(t('--format must be "text" or "json", not "{0}".', values.format ?? ''));
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

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, clean: { type: 'boolean', default: false }, 'with-changes': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError(t('export takes one draft.'));
  if (values.clean && values['with-changes']) throw new UsageError(t('choose --clean or --with-changes, not both.'));
  const src = positionals[0]!;
  const text = readSide(src, io);
  const mode = values.clean ? 'clean' : 'with-changes';
  if (mode === 'clean' && !values.force) {
    const errors = checkModel(DraftAnalysis.parse(text), { finalization: true }).filter((f) => f.severity === 'error');
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
  if (existsSync(out) && !values.force) throw new UsageError(t('{0} exists; give -o or add --force.', relative(io.cwd, out)));
  const masthead = new ConfigFiles().forFile(resolve(io.cwd, src))?.config.masthead;
  const bytes = await exportDocx(text, { mode, ...(masthead ? { masthead } : {}) });
  const info = DraftAnalysis.parse(text).info;
  const gaps = info ? mastheadGaps(info, masthead) : [];
  if (gaps.length) io.err(t('the masthead leaves out what the front matter does not give: {0}.', gaps.join(', ')));
  // Written next to the target and renamed over it: an interrupted export never leaves a broken file.
  writeOut(out, bytes);
  io.err(t('wrote {0} ({1})', relative(io.cwd, out), mode));
  return 0;
}

/** Word marks an open document with an owner file "~$" + the name (its first two characters dropped when long). */
export function wordLock(path: string): string | null {
  const dir = dirname(path), name = basename(path);
  for (const cand of wordLockNames(name)) if (existsSync(join(dir, cand))) return join(dir, cand);
  return null;
}

function status(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(t('--format must be "text" or "json", not "{0}".', values.format ?? ''));
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

/** A file's text, or a git revision of it written REV:PATH (read with `git show`). */
function readSide(spec: string, io: Io): string {
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

function diff(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'as-suggestions': { type: 'boolean', default: false }, author: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 2) throw new UsageError(t('diff takes two files: OLD NEW.'));
  const [a, b] = [readSide(positionals[0]!, io), readSide(positionals[1]!, io)];
  if (values['as-suggestions']) {
    if (!values.author?.trim()) throw new UsageError(t('--as-suggestions needs --author "NAME (STATE)": the suggestions are attributed to the co-reviewer who made the changes.'));
    let out: string;
    try { out = applyEdits(a, differencesAsSuggestions(a, b, { author: parseAuthor(values.author) })); }
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

function instruments(list: string, flag: string): InstrumentKey[] {
  const out: InstrumentKey[] = [];
  for (const s of list.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!isInstrumentKey(s)) throw new UsageError(t('{0}: unknown instrument "{1}"; use {2}.', flag, s, INSTRUMENT_KEYS.join(', ')));
    out.push(s);
  }
  return out;
}

function parseArticles(spec: string): Partial<Record<InstrumentKey, number[]>> {
  const out: Partial<Record<InstrumentKey, number[]>> = {};
  for (const part of spec.split('/')) {
    const [k, nums] = part.split(':');
    const key = instruments(k ?? '', '--articles')[0];
    if (!key || nums === undefined) throw new UsageError(t('--articles takes INSTRUMENT:N,N/INSTRUMENT:N, not "{0}".', part));
    out[key] = nums.split(',').filter(Boolean).map((n) => {
      if (!/^\d+$/.test(n.trim())) throw new UsageError(t('--articles: "{0}" is not an article number.', n));
      return Number(n);
    });
  }
  return out;
}

/**
 * The Markdown files under a folder. Links to folders are not followed (no loop can hold the walk); every other entry
 * named like a draft is yielded, and the reading policy (batch.ts) reads regular files only and names the rest.
 */
function* walk(dir: string): Generator<string> {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.(md|markdown)$/i.test(e.name) && !(e.isSymbolicLink() && statKind(p).kind === 'directory')) yield p;
  }
}

