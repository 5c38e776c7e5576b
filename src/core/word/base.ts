// The returned text as it stood before the tracked insertions others made in Word: what the exported text is compared with.
import { identity, type PositionMap } from './align';
import { CharKind, type ReturnedText } from './read';
import { StretchIndex } from './stretches';

export interface Base {
  text: string;
  /** The returned position of each base position. */
  toReturned: PositionMap;
  /** The base position of each returned position, the text's end included (a removed insertion: where it was taken out). */
  fromReturned: PositionMap;
  /** The insertions taken out, in order, each one stretch of one revision: its place in the base and in the returned text. */
  inserted: { at: number; r: number; n: number; rev: number }[];
}

/**
 * The returned text without the tracked insertions `theirs` says are not the export's own, stretch by stretch (a
 * stretch is one kind and one revision): built from slices and mapped by stretches, so a 5 MB text with one insertion
 * in it is not rebuilt, nor mapped, character by character.
 */
export function withoutInsertions(r: ReturnedText, theirs: (rev: number) => boolean): Base {
  const s = r.stretches;
  const out: boolean[] = [];
  for (let k = 0; k < s.count; k++) out.push(r.stretchKind(k) === CharKind.Inserted && theirs(r.stretchRev(k)));
  // No tracked insertion by anyone in Word (the usual case): the base is the returned text itself.
  if (!out.includes(true)) return { text: r.text, toReturned: identity(r.text.length), fromReturned: identity(r.text.length + 1), inserted: [] };
  const parts: string[] = [];
  const baseAt: number[] = []; // per stretch of the returned text: the base position where it starts
  const kept = new StretchIndex(); // the base's stretches, each a kept stretch of the returned text
  const keptAt: number[] = []; // per base stretch: where it starts in the returned text
  const inserted: Base['inserted'] = [];
  let length = 0;
  for (let k = 0; k < s.count; k++) {
    const a = s.start(k), b = s.end(k);
    baseAt.push(length);
    if (out[k]) { inserted.push({ at: length, r: a, n: b - a, rev: r.stretchRev(k) }); continue; }
    parts.push(r.text.slice(a, b));
    kept.add(b - a);
    keptAt.push(a);
    length += b - a;
  }
  return {
    text: parts.join(''),
    toReturned: { at: (i) => { const m = kept.at(i); return m < 0 ? undefined : keptAt[m]! + (i - kept.start(m)); } },
    fromReturned: {
      at: (i) => {
        if (i === r.text.length) return length;
        const k = s.at(i);
        return k < 0 ? undefined : out[k] ? baseAt[k]! : baseAt[k]! + (i - s.start(k));
      },
    },
    inserted,
  };
}
