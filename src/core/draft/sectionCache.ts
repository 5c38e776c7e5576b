// The one cache of the core: everything derived from one section's text, keyed by that text, owned by a service.
import type { Root } from 'mdast';
import type { Finding } from '../checks/finding';
import type { InstrumentKey } from '../domain/instruments';
import type { InstrumentMention, RawRef, Target } from '../refs/types';
import type { ReferencesEdit } from '../refs/extract';
import type { Missing } from '../refs/validate';
import type { LocalComments, ScannedComments } from '../comments/parse';
import { TextCache } from '../text/textCache';
import { createMarkdownParser, type MarkdownParser } from './parser';

/**
 * What is known of one section's text. Every slot is filled on first need and then only read: an entry is shared by
 * every section (in any document of the service) whose text is the same string.
 */
export interface SectionFacts {
  tree?: Root;
  /** Whether something but hints and thread lines stands under the heading line. */
  hasContent?: boolean;
  /**
   * For the text of a paragraph of a long section (refs/extract.ts rawReferences): the references the scanners find in
   * it, Latin/Cyrillic/Arabic ones and Chinese ones, offsets relative to the text `before` it, for each text around it
   * (`before`, `after`) it was read with.
   */
  paragraphRefs?: {
    before: string; after: string; found: [RawRef[], RawRef[]];
    /** The paragraph's references as a section keeps them (refs/extract.ts settled); null when they need the parser. */
    settled?: RawRef[] | null;
  }[];
  /**
   * References found in the text, with the heading line read (index 0) or skipped as structural (index 1);
   * `byParagraph` when they were settled paragraph by paragraph (refs/extract.ts chunkReferences).
   */
  refs?: [SettledRefs | undefined, SettledRefs | undefined];
  comments?: ScannedComments;
  /** Whether fenced code or git conflict lines may stand in the text (comments/parse.ts mayHoldLineBlocks). */
  lineBlocks?: boolean;
  /** Whether one of the text's comment marks runs over a blank line (comments/parse.ts scanAfterEdit). */
  marksOverParagraphs?: boolean;
  /** The section's comment threads read on their own (comments/parse.ts localComments). */
  localComments?: LocalComments;
  /** The first line nesting too deep (input.ts tooDeep), offsets relative to the section; null when none. */
  deep?: { offset: number; line: number; depth: number } | null;
  /** Footnote labels defined and footnote references made, outside code (offsets relative to the section). */
  footnotes?: { defined: string[]; cited: { label: string; start: number; end: number }[] };
  /**
   * Findings of the section rules as made for the section on `line` (of the document it was checked in), under the key
   * of everything outside the text they depend on (the section's place and the review's facts, see analysis.ts). Kept
   * where they were made, and moved only where the same text is met on another line: most sections are checked once.
   */
  findings?: Map<string, { readonly line: number; readonly findings: readonly Finding[] }>;
  /**
   * The findings of the rules that judge each reference on its own (checks/rule.ts perReference), kept as `findings`
   * is: a keystroke takes those of the references its edit left from the section's earlier text (checks/index.ts).
   */
  referenceFindings?: Map<string, { readonly line: number; readonly findings: readonly Finding[] }>;
}

/**
 * Facts of a text not yet known, every field in place: one shape for all of a draft's sections. Made as `{}` and
 * filled in whatever order the readers ask, they had as many shapes as orders (reading them went megamorphic) and grew
 * their property store field by field.
 */
export function newFacts(): SectionFacts {
  return {
    tree: undefined, hasContent: undefined, paragraphRefs: undefined, refs: undefined, comments: undefined, lineBlocks: undefined,
    marksOverParagraphs: undefined, localComments: undefined, deep: undefined, footnotes: undefined, findings: undefined, referenceFindings: undefined,
  };
}

/** A section's text before an edit, with what is known of it: what the edit left is taken from it. */
export interface EarlierText { readonly text: string; readonly facts: SectionFacts }

/** A text's references as chunkReferences settled them. */
export interface SettledRefs {
  readonly refs: RawRef[];
  readonly byParagraph: boolean;
  /** When they were settled from an earlier text's: what was taken from it (refs/extract.ts ReferencesEdit). */
  readonly edit?: ReferencesEdit;
}

/**
 * Bounded in two generations (text/textCache.ts). An editor re-checks the same sections keystroke after keystroke and
 * wants a large cache; a batch checks each file once, where a few hundred entries serve the file at hand.
 *
 * Localized messages are held here (findings): a service, and so its cache, lives in one interface language (VS Code
 * restarts the extension host when the display language changes; the CLI sets its language once, at start).
 */
export class SectionCache {
  private readonly entries: TextCache<SectionFacts>;
  // A draft cites the same few articles and units thousands of times: references share one frozen copy of each list of
  // targets and of each instrument mention instead of keeping their own (a 10 MB draft holds some 65,000 references).
  private readonly targets = new Map<string, Target[]>();
  private readonly mentions = new Map<string, InstrumentMention>();
  /** Verdicts on cited units (refs/validate.ts): the treaty data does not change while the service lives. */
  readonly missing = new Map<string, Missing | null>();
  readonly missingPerTargets = new WeakMap<readonly Target[], Partial<Record<InstrumentKey, (Missing | null)[]>>>();

  private readonly keyNames = new Map<string, string>();
  private named = 0;

  constructor(readonly generation = 10_000) { this.entries = new TextCache(generation); }

  /** A short name for a long key (a review's facts): the same key gets the same name for the life of the cache. */
  keyName(key: string): string {
    let name = this.keyNames.get(key);
    if (name === undefined) {
      if (this.keyNames.size > 1000) this.keyNames.clear();
      // Never a name given before, even after a clear: findings kept under an old name must not be read as this key's.
      this.keyNames.set(key, (name = `r${this.named++}`));
    }
    return name;
  }

  facts(text: string): SectionFacts {
    let f = this.entries.get(text);
    if (!f) this.entries.set(text, (f = newFacts()));
    return f;
  }

  get size(): number { return this.entries.size; }

  sharedTargets(key: string, make: () => Target[]): Target[] {
    if (this.targets.size > 50_000) this.targets.clear();
    let v = this.targets.get(key);
    if (!v) this.targets.set(key, (v = make()));
    return v;
  }

  sharedMention(key: string, m: InstrumentMention): InstrumentMention {
    let v = this.mentions.get(key);
    if (!v) this.mentions.set(key, (v = Object.freeze(m)));
    return v;
  }
}

/** What an analysis is made with: the cache it fills and the Markdown parser it asks (injected, as a language service's). */
export interface AnalysisEnv {
  readonly cache: SectionCache;
  readonly parser: MarkdownParser;
  /**
   * Read every draft's comments as one text, never section by section: the reference that the section-by-section
   * reading is tested against (draft/analysis.ts commentLayout).
   */
  readonly commentsWhole?: boolean;
}

export function createAnalysisEnv(options: { generation?: number; parser?: MarkdownParser; commentsWhole?: boolean } = {}): AnalysisEnv {
  return { cache: new SectionCache(options.generation), parser: options.parser ?? createMarkdownParser(), ...(options.commentsWhole ? { commentsWhole: true } : {}) };
}
