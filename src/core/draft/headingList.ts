// A version's headings: runs of earlier versions' heading objects, moved by the edits since, each made into an object of its own only when asked for.
import type { HeadingKind, ScannedHeading } from './scan';

/**
 * Headings `items[lo..]`, which stand from index `at` on in the list (up to the next run's `at`), moved by `shift`
 * characters and `lineShift` lines.
 */
interface Run { readonly items: readonly ScannedHeading[]; readonly lo: number; readonly shift: number; readonly lineShift: number; readonly at: number }

/** Past this many runs (edits in as many places) the list is laid out again as one: lookups stay a short search. */
const MAX_RUNS = 64;

/**
 * The headings of one version. A keystroke moves every heading after it: instead of a moved copy of each (thousands at
 * every keystroke in a long draft), the list keeps the last version's objects in runs, each with how far it moved, and
 * makes a moved heading's object when something asks for that heading. Positions, levels and kinds are read without
 * making one. An unmoved heading is the very object of the version that found it.
 */
export class HeadingList implements Iterable<ScannedHeading> {
  private readonly made: (ScannedHeading | undefined)[] = [];
  private constructor(private readonly runs: readonly Run[], readonly length: number) {}

  static of(items: readonly ScannedHeading[]): HeadingList {
    return new HeadingList(items.length ? [{ items, lo: 0, shift: 0, lineShift: 0, at: 0 }] : [], items.length);
  }

  private runOf(k: number): Run {
    const runs = this.runs;
    let lo = 0, hi = runs.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (runs[mid]!.at <= k) lo = mid; else hi = mid - 1; }
    return runs[lo]!;
  }
  /** The object heading `k` was found as, in its run (read without a pair object: start and line are asked by the million). */
  private found(run: Run, k: number): ScannedHeading {
    return run.items[run.lo + k - run.at]!;
  }

  /** Heading `k` (undefined past the last). */
  get(k: number): ScannedHeading | undefined {
    if (k < 0 || k >= this.length) return undefined;
    const hit = this.made[k];
    if (hit) return hit;
    const run = this.runOf(k), h = this.found(run, k);
    if (!run.shift && !run.lineShift) return h;
    return (this.made[k] = { line: h.line + run.lineShift, level: h.level, text: h.text, start: h.start + run.shift, end: h.end + run.shift, attributes: h.attributes, kind: h.kind });
  }
  start(k: number): number { const run = this.runOf(k); return this.found(run, k).start + run.shift; }
  line(k: number): number { const run = this.runOf(k); return this.found(run, k).line + run.lineShift; }
  level(k: number): number { return this.found(this.runOf(k), k).level; }
  /**
   * What heading `k` is, as `classify` says on first need: kept on the object the heading was found as, so that every
   * later version, however far the heading moves, has it.
   */
  kind(k: number, classify: (h: ScannedHeading) => HeadingKind): HeadingKind {
    const h = this.found(this.runOf(k), k);
    const kind = (h.kind ??= classify(h));
    const made = this.made[k];
    if (made) made.kind ??= kind;
    return kind;
  }

  /**
   * The list after an edit: this list's first `keep` headings, then `middle` (found in the edited stretch), then this
   * list's headings from `resume` on, moved by `delta` characters and `lineDelta` lines.
   */
  edited(keep: number, middle: readonly ScannedHeading[], resume: number, delta: number, lineDelta: number): HeadingList {
    const runs: Run[] = [];
    this.cut(0, keep, 0, 0, 0, runs);
    if (middle.length) runs.push({ items: middle, lo: 0, shift: 0, lineShift: 0, at: keep });
    this.cut(resume, this.length, delta, lineDelta, keep + middle.length, runs);
    const length = keep + middle.length + this.length - resume;
    if (runs.length <= MAX_RUNS) return new HeadingList(runs, length);
    const laidOut = new HeadingList(runs, length);
    return HeadingList.of(laidOut.toArray());
  }
  /** The runs of headings [from, to), moved further by `delta` and `lineDelta`, to stand from index `at` on. */
  private cut(from: number, to: number, delta: number, lineDelta: number, at: number, out: Run[]): void {
    for (let i = 0; i < this.runs.length; i++) {
      const r = this.runs[i]!;
      const end = i + 1 < this.runs.length ? this.runs[i + 1]!.at : this.length;
      if (end <= from || r.at >= to) continue;
      const a = Math.max(from, r.at);
      out.push({ items: r.items, lo: r.lo + (a - r.at), shift: r.shift + delta, lineShift: r.lineShift + lineDelta, at: at + (a - from) });
    }
  }

  toArray(): ScannedHeading[] {
    const out: ScannedHeading[] = [];
    for (let k = 0; k < this.length; k++) out.push(this.get(k)!);
    return out;
  }
  *[Symbol.iterator](): Iterator<ScannedHeading> { for (let k = 0; k < this.length; k++) yield this.get(k)!; }
}
