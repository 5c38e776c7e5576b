// Checks many files: in this thread for a few, across worker threads (both cores) for many; progress as it goes.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { t } from '@vscode/l10n';
import { createAnalysisEnv, decodeDraft, kindOfError, readFailure, summarizeDecoded, type AnalysisEnv, unreadablePath, type CheckOptions, type Decoded, type DraftSummary, type FileKind } from '../core/index';
import { currentMessages, useMessages } from './locale';
import { findingLine } from './text';

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
 * A worker's young generation, in MB: larger than V8's default, as a batch makes short-lived objects by the million
 * and a small young generation collects them more often and promotes some that die soon after. Measured on 800
 * drafts of 80 KB, three runs each, interleaved: two threads took 6.3–6.8 s with the default and 6.0–6.2 s with this.
 * The main thread's cannot be set once Node runs (only on its command line).
 */
const WORKER_YOUNG_MB = 96;

export interface WorkerRun {
  progress?: (done: number) => void;
  signal?: { cancelled: boolean; onCancel?: () => void };
  /**
   * When given, the workers print each file's findings as text lines themselves, and send them here by file, with
   * the summary's findings left out: copying tens of thousands of findings between threads (and the collector's work
   * on the copies) cost more than the lines, and this thread would do that copying alone.
   */
  printed?: Map<string, string>;
}

/**
 * Checks the jobs on `threads` worker threads while this one waits for their results. This thread does not take a
 * share: its young generation cannot be sized once Node runs (V8's default collects it four to six times as often as
 * a worker's), and it checked a file about a sixth slower than a worker did; with the findings sent as text lines,
 * waiting costs it little (800 drafts of 80 KB on two cores, six paired runs: 4.9–5.1 s, against 4.9–5.6 s with this
 * thread as one of the two). The workers take the files from one queue, the next index in shared memory, each as soon
 * as it is free: fixed shares left a thread idle while the other finished its own (drafts differ in size).
 */
export async function checkInWorkers(jobs: FileJob[], options: CheckOptions, threads: number, run: WorkerRun = {}): Promise<DraftSummary[]> {
  const { progress, signal, printed } = run;
  const results: DraftSummary[] = new Array(jobs.length);
  let done = 0;
  const queue = new Int32Array(new SharedArrayBuffer(4));
  const workers: Worker[] = [];
  const all = Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { reviewObsCheck: true, jobs, queue, options, messages: currentMessages(), asText: !!printed }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    workers.push(w);
    w.on('message', (m: WorkerResult) => {
      results[m.i] = m.s;
      if (m.lines !== undefined) printed?.set(m.s.file, m.lines);
      progress?.(++done);
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
  })));
  if (signal) signal.onCancel = () => { Atomics.store(queue, 0, jobs.length); for (const w of workers) void w.terminate(); };
  await all;
  return results;
}

/** The index of the next file nobody has taken, or -1 when all are. */
function nextJob(queue: Int32Array, count: number): number {
  const i = Atomics.add(queue, 0, 1);
  return i < count ? i : -1;
}

/** A file's summary as a worker sends it: with its findings, or without them and with their text lines. */
interface WorkerResult { i: number; s: DraftSummary; lines?: string }

/** Worker side: take files from the shared queue until it is empty and send each summary back. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !workerData?.reviewObsCheck) return false;
  const { jobs, queue, options, messages, asText } = workerData as { jobs: FileJob[]; queue: Int32Array; options: CheckOptions; messages: Record<string, string>; asText: boolean };
  useMessages(messages);
  const env = batchEnv();
  for (let i = nextJob(queue, jobs.length); i >= 0; i = nextJob(queue, jobs.length)) {
    const s = summarizeFile(jobs[i]!, options, env);
    const result: WorkerResult = asText ? { i, s: { ...s, findings: [] }, lines: s.findings.map((f) => findingLine(s.file, f)).join('\n') } : { i, s };
    parentPort!.postMessage(result);
  }
  return true;
}
