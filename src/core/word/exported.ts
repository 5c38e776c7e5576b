// The export's side of an import: the text the returned document is compared with, in stretches that each say where their characters came from.
import type { ProjectedParagraph } from '../export/projection';
import { CharKind } from './read';
import { StretchIndex } from './stretches';

/**
 * The exported text as one string like the returned one (paragraphs joined by '\n'), held as stretches of characters
 * that share their origin — one segment of the projection, or one paragraph break — rather than as arrays with an
 * entry per character (a 5 MB paragraph made 65 MB of them). What a character is comes from its stretch.
 */
export class Exported {
  /** Where each stretch starts and ends, and which holds a character. */
  readonly stretches = new StretchIndex();
  /** Per stretch: the draft offset of its first character; -1 for text the export wrote itself, -2 for a paragraph break. */
  private readonly src: number[] = [];
  private readonly kinds: CharKind[] = [];
  /** Per stretch: its index into `threads` when it is a pending suggestion's text, else -1. */
  private readonly threadOf: number[] = [];
  /** Per stretch: the paragraph it is in (a break belongs to the paragraph before it). */
  private readonly paraOf: number[] = [];
  private readonly parts: string[] = [];
  private joined: string | undefined;

  constructor(readonly paragraphs: ProjectedParagraph[], readonly threads: string[]) {}

  /** Adds a stretch (nothing for an empty text). */
  push(text: string, src: number, kind: CharKind, thread: number, para: number): void {
    if (!text) return;
    this.stretches.add(text.length); this.src.push(src); this.kinds.push(kind); this.threadOf.push(thread); this.paraOf.push(para);
    this.parts.push(text);
    this.joined = undefined;
  }

  get text(): string { return (this.joined ??= this.parts.join('')); }
  stretchKind(k: number): CharKind { return this.kinds[k]!; }
  stretchThread(k: number): number { return this.threadOf[k]!; }

  /** Draft offset of character `i`; -1 for text the export wrote itself, -2 for a paragraph break; undefined outside the text. */
  srcAt(i: number): number | undefined {
    const k = this.stretches.at(i);
    if (k < 0) return undefined;
    const s = this.src[k]!;
    return s < 0 ? s : s + (i - this.stretches.start(k));
  }
  kindAt(i: number): CharKind | undefined { return this.kinds[this.stretches.at(i)]; }
  /** Index into `threads` of the suggestion character `i` belongs to, or -1; undefined outside the text. */
  threadAt(i: number): number | undefined { return this.threadOf[this.stretches.at(i)]; }
  paraAt(i: number): number | undefined { return this.paraOf[this.stretches.at(i)]; }

  /**
   * The text once the suggestions decided in Word are applied: their kept text plain (or, with `keepThreads`, still
   * theirs), the rest gone. Decisions are per suggestion and its text is whole stretches, so stretches go or stay whole.
   */
  withDecisions(decided: ReadonlyMap<number, 'accept' | 'reject'>, keepThreads = false): Exported {
    if (!decided.size) return this;
    const out = new Exported(this.paragraphs, this.threads);
    for (let k = 0; k < this.stretches.count; k++) {
      const th = this.threadOf[k]!, kind = this.kinds[k]!;
      const d = decided.get(th);
      if (d && (d === 'accept') === (kind === CharKind.Deleted)) continue;
      const plain = !keepThreads && decided.has(th);
      out.push(this.parts[k]!, this.src[k]!, plain ? CharKind.Normal : kind, plain ? -1 : th, this.paraOf[k]!);
    }
    return out;
  }
}

/** The export's side, one string like the returned one: each character with its draft offset and what it is. */
export function exportedText(paragraphs: ProjectedParagraph[]): Exported {
  const threads: string[] = [];
  const out = new Exported(paragraphs, threads);
  const threadIndex = new Map<string, number>();
  paragraphs.forEach((p, pi) => {
    if (pi > 0) out.push('\n', -2, CharKind.Normal, -1, pi - 1);
    for (const s of p.segs) {
      let ti = -1;
      if (s.thread) { ti = threadIndex.get(s.thread) ?? -1; if (ti < 0) { ti = threads.length; threads.push(s.thread); threadIndex.set(s.thread, ti); } }
      const k = s.kind === 'ins' ? CharKind.Inserted : s.kind === 'del' ? CharKind.Deleted : CharKind.Normal;
      out.push(s.text, s.src < 0 ? -1 : s.src, k, ti, pi);
    }
  });
  return out;
}
