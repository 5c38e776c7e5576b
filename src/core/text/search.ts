// Binary search over a sorted sequence: the one helper for "the first element at or after".

/**
 * The first index in [from, to) whose element `reached` says true of, given that it says false of every element
 * before some index and true of every one from there on (`to` when it says true of none).
 */
export function firstReached(from: number, to: number, reached: (i: number) => boolean): number {
  let lo = from, hi = to;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (reached(mid)) hi = mid; else lo = mid + 1; }
  return lo;
}
