// review-obs check: the drafts of files and folders checked, each under its configuration file, printed as text, JSON or SARIF.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { CODES, summarizeBytes, toSarif, withCrossChecks, type CheckOptions, type DraftSummary, type SeverityOverrides } from '../../core/index';
import { checkOptionsFrom, deadlinesFrom, isIgnored, type LoadedConfig } from '../../core/config/config';
import { canUseWorkers, checkInThisThread, checkInWorkers, readDraft, statKind, type FileJob } from '../batch';
import { ConfigFiles, relativeToConfig } from '../config';
import { findingLine, formatOption, UsageError, type Io } from '../io';
import { packageInfo } from '../package';

export function check(args: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' }, severity: { type: 'string', multiple: true }, finalization: { type: 'boolean', default: false },
      jobs: { type: 'string' }, today: { type: 'string' }, 'summary-limit': { type: 'string' }, deadline: { type: 'string', multiple: true },
    },
  });
  formatOption(values.format, ['text', 'json', 'sarif']);
  if (!positionals.length) throw new UsageError(t('check needs at least one file or directory.'));
  const flags = checkOptions(values);
  const { jobs, configDrafts } = withConfigs(collectJobs(positionals, io), flags, io.cwd);
  return checkJobs(jobs, configDrafts, flags, values, io);
}

/**
 * Each draft's options: its nearest configuration file's, under the command line's flags; files the configuration
 * ignores are left out (unless named on the command line), and its problems are findings of the configuration file.
 */
export function withConfigs(all: FileJob[], flags: CheckOptions, cwd: string): { jobs: FileJob[]; configDrafts: DraftSummary[] } {
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
  // Threads pay for their start-up only on large batches (measured: 800 drafts of 10 KB are faster on one thread;
  // 800 of 80 KB took 4.7–5.2 s on two worker threads against 6.8–7.6 s on this one, on 2026-12-03).
  const bytes = jobs.reduce((n, j) => n + statKind(j.path).size, 0);
  const threads = values.jobs ? Number(values.jobs) : jobs.length >= 24 && bytes >= 16 * 1024 * 1024 && canUseWorkers() ? availableParallelism() : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(t('--jobs takes a whole number of threads.'));
  // A progress line only on a terminal: nothing that would pollute a redirected report.
  const tty = io.isTTY ?? false;
  const progress = tty && jobs.length > 1 ? (n: number) => io.progress?.(t('checked {0}/{1}', n, jobs.length)) : undefined;
  // The text lines of the findings the workers printed, by file (the text format only: the others need the findings).
  const printed = values.format === 'text' ? new Map<string, string>() : undefined;
  const finish = (drafts: DraftSummary[]) => { if (progress) io.progress?.(''); return printCheck([...configDrafts, ...withCrossChecks(drafts, options.severity)], values.format!, io, printed); };
  if (threads > 1 && canUseWorkers()) {
    const signal = { cancelled: false, onCancel: undefined as (() => void) | undefined };
    io.onInterrupt?.(() => { signal.cancelled = true; signal.onCancel?.(); });
    return checkInWorkers(jobs, options, Math.min(threads, jobs.length), { progress, signal, printed }).then((d) => {
      if (signal.cancelled) { io.err(`review-obs: ${t('cancelled.')}`); return 130; } // l10n-ignore: the program's name
      return finish(d);
    });
  }
  return finish(checkInThisThread(jobs, options, progress));
}

export function checkOptions(values: { severity?: string[]; finalization?: boolean; today?: string; 'summary-limit'?: string; deadline?: string[] }): CheckOptions {
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
  // Each step's period over its default, by the core's one rule (config.ts deadlinesFrom), as the settings are.
  const periods: Record<string, { weeks?: number; months?: number }> = {};
  for (const d of values.deadline ?? []) {
    const m = /^(focal-point|experts|self-assessment|feedback)=(\d+)(w|m)$/.exec(d);
    if (!m) throw new UsageError(t('--deadline takes STEP=Nw or STEP=Nm (steps: focal-point, experts, self-assessment, feedback), not "{0}".', d));
    periods[m[1]!] = m[3] === 'w' ? { weeks: Number(m[2]) } : { months: Number(m[2]) };
  }
  if (values.deadline?.length) o.deadlines = deadlinesFrom(periods);
  return o;
}

export function collectJobs(positionals: string[], io: Io): FileJob[] {
  const jobs: FileJob[] = [];
  for (const p of positionals) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) throw new UsageError(t('no such file or directory: {0}', p));
    if (statSync(abs).isDirectory()) for (const f of walk(abs)) jobs.push({ path: f, name: relative(io.cwd, f) || f, explicit: false });
    else jobs.push({ path: abs, name: relative(io.cwd, abs) || abs, explicit: true });
  }
  return jobs;
}

/** `printed`: findings of some files already printed as text lines (by the worker threads); the rest are printed here. */
function printCheck(drafts: DraftSummary[], format: string, io: Io, printed?: ReadonlyMap<string, string>): number {
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
    // A file's lines in one write: a write per finding (87,000 on 800 drafts) was a tenth of a second of its own.
    for (const d of checked) {
      const lines = d.findings.map((f) => findingLine(d.file, f));
      const before = printed?.get(d.file);
      if (before) lines.unshift(before);
      if (lines.length) io.out(lines.join('\n'));
    }
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
