// Where code stands in Markdown text — fenced blocks and code spans — found in one linear pass, whatever the text holds.
import { blankLines } from './lines';
// (A regular expression with a back-reference, `(`+)…\1`, backtracks over every run length and goes quadratic on a
// line of backticks: a fuzzed 10 KB draft took 24 s.)

/** A fenced code block: from its opening fence line's start to its closing fence line's end (or the text's end). */
export function fencedBlocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /^ {0,3}(`{3,}|~{3,})([^\n]*)$/gm;
  let open: { start: number; fence: string } | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const fence = m[1]!, rest = m[2]!;
    if (!open) {
      // a backtick fence's info string may not hold a backtick (then the line is text)
      if (!(fence[0] === '`' && rest.includes('`'))) open = { start: m.index, fence };
      continue;
    }
    if (fence[0] === open.fence[0] && fence.length >= open.fence.length && !rest.replace(/^[`~]*/, '').trim()) {
      out.push([open.start, m.index + m[0].length]);
      open = null;
    }
  }
  if (open) out.push([open.start, text.length]);
  return out;
}

/**
 * Code spans as CommonMark reads them: a run of backticks closed by the next run of the same length, within one line
 * (`line`) or one paragraph (`paragraph`, never across a blank line). A run with no closer is literal text.
 */
export function codeSpans(text: string, scope: 'line' | 'paragraph'): [number, number][] {
  const runs: { at: number; len: number }[] = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    let j = i;
    while (text.charCodeAt(j) === 96) j++;
    runs.push({ at: i, len: j - i });
    i = j;
  }
  if (runs.length < 2) return [];
  // The next run of the same length, for every run: one pass from the end.
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) { next[k] = seen.get(runs[k]!.len) ?? -1; seen.set(runs[k]!.len, k); }
  // Where a span may not reach: line breaks, or blank lines.
  const stops: number[] = [];
  const stop = scope === 'line' ? /\n/g : blankLines();
  for (let m = stop.exec(text); m; m = stop.exec(text)) stops.push(m.index);
  const stopAfter = (o: number) => {
    let lo = 0, hi = stops.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (stops[mid]! < o) lo = mid + 1; else hi = mid; }
    return lo < stops.length ? stops[lo]! : Infinity;
  };
  const out: [number, number][] = [];
  for (let k = 0; k < runs.length;) {
    const n = next[k]!;
    const open = runs[k]!;
    if (n >= 0 && runs[n]!.at < stopAfter(open.at)) {
      out.push([open.at, runs[n]!.at + runs[n]!.len]);
      k = n + 1;
    } else k++;
  }
  return out;
}

/**
 * HTML comments (`<!-- hint -->`) as ranges: each from "<!--" to the first "-->" after it, as `<!--[\s\S]*?-->` reads
 * them; once no "-->" is left, nothing more is one. Two searches a comment, so a text of a thousand unclosed openers is
 * read in one pass (the regular expression scans to the end once per opener).
 */
export function htmlComments(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf('<!--'); i >= 0;) {
    const j = text.indexOf('-->', i + 4);
    if (j < 0) break;
    out.push([i, j + 3]);
    i = text.indexOf('<!--', j + 3);
  }
  return out;
}

/** The text with every HTML comment replaced by `by`. */
export function withoutHtmlComments(text: string, by: string): string {
  if (!text.includes('<!--')) return text;
  let out = '', at = 0;
  for (const [a, b] of htmlComments(text)) { out += text.slice(at, a) + by; at = b; }
  return out + text.slice(at);
}
