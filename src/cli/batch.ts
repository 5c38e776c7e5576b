// Checks many files: in this thread for a few, across worker threads (both cores) for many; progress as it goes.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { t } from '@vscode/l10n';
import { createAnalysisEnv, decodeDraft, kindOfError, readFailure, summarizeDecoded, type AnalysisEnv, unreadablePath, type CheckOptions, type Decoded, type DraftSummary, type FileKind } from '../core/index';
import { currentMessages, useMessages } from './locale';

/** A file to check, with the options of its configuration file when it has one. */
export interface FileJob { path: string; name: string; explicit: boolean; options?: CheckOptions }

/** A path as the core's reading policy sees it: its kind and size, without opening it. */
export function statKind(path: string): { kind: FileKind; size: number } {
  try {
    const st = statSync(path);
    const kind: FileKind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'other';
    return { kind, size: st.size };
  } catch (e) {
    return { kind: kindOfError((e as NodeJS.ErrnoException).code), size: 0 };
  }
}

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A draft's text read by the core's policy: a regular file within the size limit, decoded as UTF-8, or the finding why not. */
export function readDraft(path: string): Decoded {
  // Only a regular file of a readable size is opened: a FIFO, a device or a link loop is named, never read.
  const { kind, size } = statKind(path);
  const refused = unreadablePath(kind, size);
  if (refused) return { ok: false, finding: refused };
  try { return decodeDraft(readFileSync(path)); } catch (e) {
    return { ok: false, finding: readFailure(kindOfError((e as NodeJS.ErrnoException).code), (e as Error).message) };
  }
}

function summarizeFile(job: FileJob, common: CheckOptions, env: AnalysisEnv): DraftSummary {
  const options = job.options ?? common;
  const read = readDraft(job.path);
  try { return summarizeDecoded(job.name, read, options, job.explicit, env); } catch (e) {
    // One file that trips a bug must not stop the run: it is reported and the others go on.
    return summarizeDecoded(job.name, { ok: false, finding: { code: 'file.unreadable', severity: 'error', message: t('could not check the file: {0}', (e as Error).message), range: AT_START } }, options, false);
  }
}

/**
 * Sections of a file already checked are not seen again in a batch: one cache for the run, small (a large one only
 * keeps old files' sections alive for the garbage collector to trace: measured on 800 drafts of 80 KB, 1,000 entries
 * made each thread spend a fifth of its time collecting, and two threads were 1.35 times as fast as one; with 100,
 * 1.4 to 1.6 times). An entry evicted while its file is checked is only computed again.
 */
const batchEnv = () => createAnalysisEnv({ generation: 100 });

export function checkInThisThread(jobs: FileJob[], options: CheckOptions, progress?: (done: number) => void): DraftSummary[] {
  const env = batchEnv();
  return jobs.map((j, i) => { const s = summarizeFile(j, options, env); progress?.(i + 1); return s; });
}

/** Worker threads need a JavaScript entry: only the bundled CLI can start them. */
export function canUseWorkers(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js') && availableParallelism() > 1;
}

/**
 * Checks the jobs on `threads` threads: this one and `threads - 1` workers. This thread takes its share too (between
 * files it lets the workers' results and a Ctrl+C in): a thread that only waited would cost a core's worth of start-up
 * and copying for nothing on a two-core machine.
 */
export async function checkInWorkers(jobs: FileJob[], options: CheckOptions, threads: number, progress?: (done: number) => void, signal?: { cancelled: boolean; onCancel?: () => void }): Promise<DraftSummary[]> {
  const results: DraftSummary[] = new Array(jobs.length);
  let done = 0;
  // Interleaved slices balance large and small files between the threads.
  const slices = Array.from({ length: threads }, (_, k) => jobs.map((j, i) => ({ j, i })).filter((x) => x.i % threads === k));
  const workers: Worker[] = [];
  const all = Promise.all(slices.slice(1).map((slice) => new Promise<void>((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { reviewObsCheck: true, jobs: slice, options, messages: currentMessages() } });
    workers.push(w);
    w.on('message', (m: { i: number; s: DraftSummary }) => { results[m.i] = m.s; progress?.(++done); });
    w.on('error', reject);
    w.on('exit', () => resolve());
  })));
  if (signal) signal.onCancel = () => { for (const w of workers) void w.terminate(); };
  const env = batchEnv();
  for (const { j, i } of slices[0] ?? []) {
    if (signal?.cancelled) break;
    results[i] = summarizeFile(j, options, env);
    progress?.(++done);
    await new Promise((r) => setImmediate(r));
  }
  await all;
  return results;
}

/** Worker side: check the slice it was given and send each summary back. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !workerData?.reviewObsCheck) return false;
  const { jobs, options, messages } = workerData as { jobs: { j: FileJob; i: number }[]; options: CheckOptions; messages: Record<string, string> };
  useMessages(messages);
  const env = batchEnv();
  for (const { j, i } of jobs) parentPort!.postMessage({ i, s: summarizeFile(j, options, env) });
  return true;
}
