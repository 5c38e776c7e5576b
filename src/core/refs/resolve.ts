// Resolves the references of a draft: absolute positions, the instrument (named, or implied by the section), and the data they cite.
import { getArticle, getInstrument, type InstrumentKey } from '../domain/instruments';
import type { DraftModel, Section } from '../draft/model';
import { chunkReferences } from './extract';
import type { RawRef, Target } from './types';

export interface ResolvedRef {
  start: number;
  end: number;
  raw: RawRef;
  /** Null when no instrument is named and none is implied: the reference is ambiguous. */
  instrument: InstrumentKey | null;
  /** The instrument is named in the text (or "the Protocol" in a Protocol's section), not only implied. */
  explicit: boolean;
  targets: Target[];
}

const STRUCTURAL = new Set(['introduction', 'instrument', 'article', 'part']);
const memo = new WeakMap<DraftModel, ResolvedRef[]>();

/** The instrument a section is about: its own, or its nearest ancestor's. */
function sectionInstrument(s: Section | null): InstrumentKey | null {
  for (let p = s; p; p = p.parent) if (p.instrument && (p.role === 'article' || p.role === 'instrument')) return p.instrument;
  return null;
}

export function references(model: DraftModel): ResolvedRef[] {
  const hit = memo.get(model);
  if (hit) return hit;
  const byChunk = new Map<number, Section>();
  for (const s of model.sections) byChunk.set(s.chunk, s);
  const partyTo = model.info?.partyTo ?? [];
  const protocols = partyTo.filter((k) => k !== 'untoc');
  const out: ResolvedRef[] = [];
  model.chunks.forEach((c, i) => {
    const section = byChunk.get(i) ?? null;
    const raws = chunkReferences(model.chunkText(i), () => model.chunkTree(i), !!section && STRUCTURAL.has(section.role));
    if (!raws.length) return;
    const context = sectionInstrument(section);
    for (const raw of raws) {
      let instrument: InstrumentKey | null = null;
      let explicit = false;
      if (raw.instrument.kind === 'named') { instrument = raw.instrument.key; explicit = true; }
      else if (raw.instrument.kind === 'protocol') {
        instrument = context && context !== 'untoc' ? context : protocols.length === 1 ? protocols[0]! : null;
        explicit = instrument !== null;
      } else {
        instrument = context ?? (partyTo.length === 1 && partyTo[0] === 'untoc' ? 'untoc' : null);
      }
      out.push({ start: c.start + raw.start, end: c.start + raw.end, raw, instrument, explicit, targets: raw.targets });
    }
  });
  memo.set(model, out);
  return out;
}

/** The reference under an offset, if any. */
export function referenceAt(model: DraftModel, offset: number): ResolvedRef | undefined {
  return references(model).find((r) => r.start <= offset && offset <= r.end);
}

/** Chapter and title data for a resolved target, for hovers. */
export function describeTarget(k: InstrumentKey, t: Target) {
  const a = getArticle(k, t.article);
  const inst = getInstrument(k);
  return { article: a, instrumentName: inst.fullName('en') ?? k };
}
