// Resolves the references of a draft: absolute positions, the instrument (named, or implied by the section), and the data they cite.
import { getArticle, getInstrument, type InstrumentKey } from '../domain/instruments';
import type { DraftAnalysis, Section } from '../draft/analysis';
import { chunkReferences, referencesEdit, type ReferencesEdit } from './extract';
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

/** The instrument a section is about: its own, or its nearest ancestor's. */
export function sectionInstrument(s: Section | null): InstrumentKey | null {
  for (let p = s; p; p = p.parent) if (p.instrument && (p.role === 'article' || p.role === 'instrument')) return p.instrument;
  return null;
}

/** Whether a chunk's heading only names its section (a structural heading): its words cite nothing. */
export function isStructural(section: Section | null): boolean {
  return !!section && STRUCTURAL.has(section.role);
}

/** The references of one chunk of an analysis, document-absolute, each with the instrument it cites. */
export function resolveChunk(analysis: DraftAnalysis, i: number): ResolvedRef[] {
  const section = analysis.sectionOfChunk(i);
  // A version that follows another is a draft being edited: its long sections are read paragraph by paragraph, and
  // what the edit left of the section's last text is taken from it.
  const raws = chunkReferences(analysis.chunkText(i), () => analysis.chunkTree(i), isStructural(section), analysis.env.cache, analysis.followsAnother, analysis.editedFrom(i), analysis.chunkFacts(i));
  if (!raws.length) return [];
  const partyTo = analysis.info?.partyTo ?? [];
  const protocols = partyTo.filter((k) => k !== 'untoc');
  const context = sectionInstrument(section);
  const base = analysis.chunkStart(i);
  const out: ResolvedRef[] = [];
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
    out.push({ start: base + raw.start, end: base + raw.end, raw, instrument, explicit, targets: raw.targets });
  }
  return out;
}

/** How chunk `i`'s references were taken from its earlier text after an edit, if they were (refs/extract.ts ReferencesEdit). */
export function chunkReferencesEdit(analysis: DraftAnalysis, i: number): ReferencesEdit | undefined {
  return referencesEdit(analysis.chunkFacts(i), isStructural(analysis.sectionOfChunk(i)));
}

/** Chapter and title data for a resolved target, for hovers. */
export function describeTarget(k: InstrumentKey, t: Target) {
  const a = getArticle(k, t.article);
  const inst = getInstrument(k);
  return { article: a, instrumentName: inst.fullName('en') ?? k };
}
